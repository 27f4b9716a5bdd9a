"""What search engines read agrees with what is there: every page's canonical URL is its own, its
hreflang alternates name the same page in every variant that has it (zh-HK and English: only
their reports)
and nothing else, x-default is the zh-Hans page, and each variant's sitemap lists exactly its
pages with the same alternates."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .base import Context, Result
from .links import SITEMAP
from .pages import parse, variant_pages

X_DEFAULT = "zh-Hans"


def check(ctx: Context) -> Result:
    pages = {lang: variant_pages(folder) for lang, folder in ctx.folders.items() if (folder / "index.html").is_file()}
    have = {lang: set(found) for lang, found in pages.items()}
    problems = []
    if have.get("zh-Hant") != have["zh-Hans"]:
        problems.append(f"zh-Hans and zh-Hant differ in {sorted(have['zh-Hans'] ^ have.get('zh-Hant', set()))[:5]}")
    for lang, found in pages.items():
        for rel in found:
            problems += _page(ctx, lang, rel, have)
        problems += _sitemap(ctx, lang, have)
    if problems:
        return Result("fail", f"{len(problems)} disagreement(s)", tuple(problems))
    count = sum(len(found) for found in pages.values())
    return Result("ok", f"{count} pages in {len(pages)} variant(s): canonical, hreflang and sitemaps agree")


def expected(ctx: Context, rel: str, have: dict[str, set[str]]) -> dict[str, str]:
    """hreflang -> URL that a page `rel` should name: every variant that has it, and x-default."""
    out = {lang: ctx.variant_url(lang) + rel for lang in have if rel in have[lang]}
    return {**out, "x-default": ctx.variant_url(X_DEFAULT) + rel}


def _page(ctx: Context, lang: str, rel: str, have: dict[str, set[str]]) -> list[str]:
    links = parse(ctx.folders[lang] / rel / "index.html").links
    url = ctx.variant_url(lang) + rel
    canonical = [x.get("href") for x in links if x.get("rel") == "canonical"]
    alternates = {x["hreflang"]: x.get("href", "") for x in links if x.get("rel") == "alternate" and "hreflang" in x}
    problems = []
    if canonical != [url]:
        problems.append(f"{url}: canonical {canonical}")
    if alternates != (want := expected(ctx, rel, have)):
        problems.append(f"{url}: hreflang {sorted(alternates.items())} but the site has {sorted(want.items())}")
    return problems


def _sitemap(ctx: Context, lang: str, have: dict[str, set[str]]) -> list[str]:
    path = ctx.folders[lang] / "sitemap.xml"
    if not path.is_file():
        return [f"{path.relative_to(ctx.root)} missing"]
    base = ctx.variant_url(lang)
    problems, listed = [], set()
    try:
        entries = ET.parse(path).getroot().findall("s:url", SITEMAP)
    except ET.ParseError as err:
        return [f"{path.relative_to(ctx.root)}: not valid XML: {err}"]
    for entry in entries:
        loc = entry.findtext("s:loc", "", SITEMAP)
        rel = loc.removeprefix(base)
        listed.add(rel)
        alternates = {x.get("hreflang"): x.get("href") for x in entry.findall("x:link", SITEMAP)}
        if alternates != expected(ctx, rel, have):
            problems.append(f"{path.relative_to(ctx.root)}: {loc}: alternates {sorted(alternates)}")
    if listed != have[lang]:
        differ = sorted(listed ^ have[lang])[:5]
        problems.append(
            f"{path.relative_to(ctx.root)}: lists {len(listed)} pages, the site has {len(have[lang])}: {differ}"
        )
    return problems
