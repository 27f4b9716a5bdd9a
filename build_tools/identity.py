"""The site's identity: its name, description, home-page introduction, default publisher, address,
colours and logo. One file at the top of the project, site.yml; what it leaves out comes from the
tool's defaults (build_tools/data/site.yml).

Texts are written in Simplified Chinese and converted for the Traditional sites by the caller
(pages.site_words), or given per variant as a mapping {zh-Hans: …, zh-Hant: …, zh-HK: …, en: …}.
The English site (reports with a translation) uses a text's `en:`, else its zh-Hans text as written.
The address is SITE_URL when set (the Pages workflow sets it), else site.yml's `url:`, else none:
a local build, whose absolute links lead to the local preview (`make preview`) and say so.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import yamlfile
from .converter import Convert
from .errors import ReportError
from .model import Report
from .parse.grammar import DATA

FILE = "site.yml"
DEFAULTS = DATA / "site.yml"
TEXTS = ("name", "description", "intro", "publisher")
FIELDS = (*TEXTS, "url", "colors", "logo")
LANGS = ("zh-Hans", "zh-Hant", "zh-HK")
ENGLISH = "en"  # not converted: the English site takes a text's own `en:`, else the Chinese as written
LOCAL_ROOT = "http://localhost:8080/"  # where `make preview` serves a site built without an address
# Material's colour names (https://squidfunk.github.io/mkdocs-material/setup/changing-the-colors/)
# whose text on white passes WCAG AA, with the darker shades report.css gives some of them. The
# others are too light for text (light-blue cyan light-green lime yellow amber orange white);
# black is left out: Material gives it no fixed shade (an hsla() of a hue).
COLORS = "red pink purple deep-purple indigo blue teal green deep-orange brown grey blue-grey".split()
LOGO_TYPES = (".png", ".svg", ".jpg", ".jpeg", ".webp")


@dataclass(frozen=True)
class Identity:
    texts: dict[str, dict[str, str]]  # field -> {lang: text}; a missing lang is converted from zh-Hans
    url: str | None  # where the site is published (site.yml), or None
    colors: dict[str, str]  # Material palette: primary, accent
    logo: Path | None  # an image file in the project


@dataclass(frozen=True)
class SiteRoot:
    url: str  # ends in /
    public: bool  # False: a local build (no address was given)
    origin: str  # where the address came from, for messages


def load(root: Path | None) -> Identity:
    """The tool's defaults, overridden field by field by the project's site.yml (if any; root None:
    the defaults alone)."""
    merged: dict[str, Any] = dict(_read(DEFAULTS, str(DEFAULTS)))
    own = _read(root / FILE, FILE) if root and (root / FILE).is_file() else {}
    merged.update({k: v for k, v in own.items() if v not in (None, "")})

    def line(key: str) -> int | None:
        return yamlfile.key_line(own, key)

    texts = {name: _texts(merged.get(name), name, line(name)) for name in TEXTS}
    url = _slash(_checked(str(merged["url"]), FILE, line("url"))) if merged.get("url") else None
    logo = _logo(root, merged.get("logo")) if root else None
    return Identity(texts, url, _colors(merged.get("colors"), line("colors")), logo)


def site_root(root: Path) -> SiteRoot:
    """Where the site is published: SITE_URL, else site.yml's url, else a local build."""
    env = os.environ.get("SITE_URL", "").strip()
    if env:
        return SiteRoot(_slash(_checked(env, "SITE_URL")), True, "SITE_URL")
    url = load(root).url
    if url:
        return SiteRoot(url, True, f"{FILE} url")
    return SiteRoot(LOCAL_ROOT, False, "none")


def local_note(where: SiteRoot) -> str | None:
    """What a local build says about its address (None when the site has one)."""
    if where.public:
        return None
    return (
        f"note: no address for the site (set `url:` in {FILE}, or SITE_URL): canonical links, sitemaps and PDF"
        f" covers point at {where.url}, where `make preview` shows the site. The Pages workflow sets the address."
    )


def words(identity: Identity, convert_for: Callable[[str], Convert]) -> dict[str, dict[str, str]]:
    """lang -> {name, description, intro, publisher}: each text as written for the variant, else
    converted from zh-Hans by convert_for(lang) (the site's default conversion of that variant);
    for English, its `en:` or else the zh-Hans text."""
    out: dict[str, dict[str, str]] = {lang: {} for lang in (*LANGS, ENGLISH)}
    for name, forms in identity.texts.items():
        for lang in LANGS:
            if lang in forms:
                out[lang][name] = forms[lang]
            else:  # a variant of its own is given only with zh-Hans (_texts), so convert that
                out[lang][name] = convert_for(lang)(forms["zh-Hans"]) if forms else ""
        out[ENGLISH][name] = forms.get(ENGLISH) or forms.get("zh-Hans", "")
    return out


def fill(ui: dict[str, Any], texts: dict[str, str]) -> dict[str, Any]:
    """The interface words of ui.yml with the site's own texts put where they name them ({name},
    {intro}: site_name, home_intro, the English site's marking of its translations, the reader's
    citation words …); other placeholders ({original}, {n}) are left for their own users."""

    def put(value: Any) -> Any:
        if isinstance(value, str):
            for key in _FILLED:
                value = value.replace("{" + key + "}", texts.get(key, ""))
            return value
        return {k: put(v) for k, v in value.items()} if isinstance(value, dict) else value

    return {k: put(v) for k, v in ui.items()}


_FILLED = ("name", "intro")  # the placeholders ui.yml may use for the site's texts


def with_default_publisher(report: Report, publisher: str | None) -> Report:
    """A report whose text names no publisher gets the site's default publisher (if one is set)."""
    return report if report.publisher or not publisher else replace(report, publisher=publisher)


def _read(path: Path, shown: str) -> dict[str, Any]:
    raw = yamlfile.load(path) or {}
    if not isinstance(raw, dict):
        colon = " with a half-width colon (: not ：)" if "：" in str(raw) else ""
        hint = f"write one `field: value` a line{colon}; the fields: {', '.join(FIELDS)}"
        raise ReportError(shown, "must be a mapping of field: value", hint, 1)
    for key in raw:
        if key not in FIELDS:
            hint = f"use one of {', '.join(FIELDS)}" + (" (typed with a full-width ：?)" if "：" in str(key) else "")
            raise ReportError(shown, f"unknown field {key!r}", hint, yamlfile.key_line(raw, key))
    return raw


def _texts(value: Any, name: str, line: int | None) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, str | int | float):
        return {"zh-Hans": str(value).strip()}
    if isinstance(value, dict) and set(value) <= {*LANGS, ENGLISH} and "zh-Hans" in value:
        return {lang: str(text).strip() for lang, text in value.items()}
    hint = f"write `{name}: …` in Simplified Chinese, or a mapping with zh-Hans (and optionally zh-Hant, zh-HK, en)"
    raise ReportError(FILE, f"{name} must be a text or a mapping of variant: text", hint, line)


def _checked(url: str, origin: str, line: int | None = None) -> str:
    if not re.fullmatch(r"https?://[^/\s]+(/\S*)?", url):
        hint = "write the full address with https://, e.g. https://OWNER.github.io/REPO/"
        raise ReportError(origin, f"not an http(s) address: {url!r}", hint, line)
    return url


def _slash(url: str) -> str:
    return url.rstrip("/") + "/"  # assets resolve under the repository subpath only with it


def _colors(value: Any, line: int | None) -> dict[str, str]:
    if not value:
        return {}
    if not isinstance(value, dict) or not set(value) <= {"primary", "accent"}:
        hint = "write `colors: {primary: red, accent: red}`"
        raise ReportError(FILE, "colors must be a mapping with primary and/or accent", hint, line)
    for key, name in value.items():
        if name not in COLORS:
            hint = f"use one of {', '.join(COLORS)}: Material's colours dark enough for text (WCAG AA)"
            said = f"colors: {key} {name!r} is not one of the site's colours"
            raise ReportError(FILE, said, hint, yamlfile.key_line(value, key))
    return {str(k): str(v) for k, v in value.items()}


def _logo(root: Path, value: Any) -> Path | None:
    if not value:
        return None
    path = root / str(value)
    if path.suffix.lower() not in LOGO_TYPES or not path.is_file():
        kinds = "/".join(t[1:] for t in LOGO_TYPES)
        hint = f"give the path of a {kinds} image in the project, relative to its top folder (e.g. seeds/logo.svg)"
        raise ReportError(FILE, f"logo {value!r} is not an image file in the project", hint)
    return path
