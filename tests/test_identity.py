"""The site's identity in one file (site.yml): its name, description, home text, default publisher,
address, colours and logo reach every variant (converted for zh-Hant and zh-HK), the tab titles,
the PDFs; a build without an address says so and links to the local preview, never to a made-up
public address."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED, build_in, project

from build_tools import identity, pages, pdf, pipeline
from build_tools.errors import ReportError

SITE_YML = """\
# a city's own site
name: 某某市政府报告库
description: 某某市人民政府的报告原文。
intro: 这里收录某某市人民政府发布的报告。
publisher: 某某市人民政府办公室
url: https://reports.example.gov.cn/library
colors: {primary: indigo, accent: indigo}
logo: seeds/logo.svg
"""
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>\n'
NO_PUBLISHER = "某某区关于某某工作的报告\n\n一、总体情况\n\n今年以来，各项工作稳步推进。\n"
URL = "https://reports.example.gov.cn/library/"
FOLDERS = {"zh-Hans": "", "zh-Hant": "zh-Hant/", "zh-HK": "zh-HK/"}


def _own(tmp_path: Path, text: str = SITE_YML) -> Path:
    seeds = {SEED.name: SEED.read_text(encoding="utf-8"), "plain.txt": NO_PUBLISHER}
    root = project(tmp_path, seeds)
    (root / "seeds" / SEED.with_suffix(".yml").name).write_text(SEED.with_suffix(".yml").read_text(encoding="utf-8"))
    (root / "seeds" / "logo.svg").write_text(LOGO, encoding="utf-8")
    (root / "site.yml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def named_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site with its own site.yml, built without SITE_URL: the address comes from site.yml."""
    root = _own(tmp_path_factory.mktemp("named"))
    return build_in(root, {"SITE_URL": ""})


def _title(page: Path) -> str:
    return re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.S)[1]


def test_the_name_reaches_every_variant_converted(named_site: Path) -> None:
    names = {"zh-Hans": "某某市政府报告库", "zh-Hant": "某某市政府報告庫", "zh-HK": "某某市政府報告庫"}
    for lang, folder in FOLDERS.items():
        home = (named_site / folder / "index.html").read_text(encoding="utf-8")
        assert f'<meta property="og:site_name" content="{names[lang]}">' in home, lang
        assert f'<span class="md-ellipsis">\n            {names[lang]}' in home, lang  # the header
        assert "政府报告文库" not in home and "政府報告文庫" not in home, lang  # nothing of the default name
    hant = (named_site / "zh-Hant" / "index.html").read_text(encoding="utf-8")
    assert "這裡收錄某某市人民政府發布的報告。" in hant  # the intro, converted (s2tw)
    assert '<meta name="description" content="這裡收錄' in hant  # the home page's description is its intro


def test_tab_titles_name_part_report_and_site(named_site: Path) -> None:
    report = "宁波市镇海区人民政府关于2024年法治政府建设情况报告"
    slug = SEED.stem
    assert _title(named_site / "index.html") == "某某市政府报告库"
    assert _title(named_site / slug / "index.html") == f"{report} — 某某市政府报告库"
    part = f"一、2024年法治政府建设主要举措和成效 — {report} — 某某市政府报告库"
    assert _title(named_site / slug / "part-1" / "index.html") == part
    assert _title(named_site / "zh-Hant" / slug / "documents" / "index.html").startswith("引用文件 — 寧波市")
    assert _title(named_site / "glossary" / "index.html") == "术语表 — 某某市政府报告库"


def test_address_colours_logo_and_default_publisher(named_site: Path) -> None:
    page = (named_site / "plain" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{URL}plain/">' in page  # site.yml's url, with its trailing slash
    assert 'data-md-color-primary="indigo"' in page
    assert '<img src="../assets/site-logo.svg"' in page and (named_site / "assets" / "site-logo.svg").is_file()
    assert (named_site / "assets" / "site-logo.svg").read_text(encoding="utf-8") == LOGO
    hant = (named_site / "zh-Hant" / "plain" / "index.html").read_text(encoding="utf-8")
    assert '<img src="../../assets/site-logo.svg"' in hant  # one copy of the assets for every variant
    jsonld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page)[1])
    assert jsonld["publisher"]["name"] == "某某市人民政府办公室"  # the text names none: the site's default
    seed = (named_site / SEED.stem / "index.html").read_text(encoding="utf-8")
    assert "镇海区政府办公室" in seed and "某某市人民政府办公室" not in seed  # a report's own publisher wins


def test_pdf_cover_names_the_site_and_its_address(tmp_path: Path) -> None:
    root = _own(tmp_path)
    built = pipeline.build(root, write=False)
    report = next(r for r in built.reports["zh-Hant"] if r.slug == "plain")
    words = identity.fill(pages.ui("zh-Hant"), built.site["zh-Hant"])
    html = pdf.print_html(report, words, pages.conversion_note(report), f"{URL}zh-Hant/plain/")
    assert '<p class="cover-site">某某市政府報告庫</p>' in html
    assert f"{URL}zh-Hant/plain/" in html and '<p class="cover-publisher">某某市人民政府辦公室</p>' in html


def test_a_variant_may_be_worded_by_hand(tmp_path: Path) -> None:
    (tmp_path / "site.yml").write_text("name: {zh-Hans: 某某文库, zh-HK: 某某香港文庫}\n", encoding="utf-8")
    words = pages.site_words(tmp_path)
    assert [words[lang]["name"] for lang in FOLDERS] == ["某某文库", "某某文庫", "某某香港文庫"]
    assert words["zh-Hant"]["intro"] == pages.site_words(None)["zh-Hant"]["intro"]  # the rest: the defaults


def test_without_site_yml_the_tool_default_identity(tmp_path: Path) -> None:
    words = pages.site_words(tmp_path)
    assert words["zh-Hans"]["name"] == "政府报告文库" and words["zh-Hant"]["name"] == "政府報告文庫"
    assert words["en"]["name"] == "Government Reports Library"
    assert words["zh-Hans"]["publisher"] == ""


def test_the_english_site_takes_a_texts_en_else_the_chinese_as_written(tmp_path: Path) -> None:
    (tmp_path / "site.yml").write_text("name: {zh-Hans: 某某文库, en: Some City Reports}\nintro: 某某简介。\n", "utf-8")
    words = pages.site_words(tmp_path)
    assert words["en"]["name"] == "Some City Reports" and words["en"]["intro"] == "某某简介。"
    english = identity.fill(pages.ui("en"), words["en"])
    assert english["site_name"] == "Some City Reports" and english["home_intro"].startswith("某某简介。 The reports")
    assert english["reader"]["translation"] == "Some City Reports, Trans.; unofficial translation of {original}"


def test_a_local_build_says_so_and_links_to_the_preview(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path)
    monkeypatch.delenv("SITE_URL", raising=False)
    assert identity.site_root(root) == identity.SiteRoot(identity.LOCAL_ROOT, False, "none")
    env = {k: v for k, v in __import__("os").environ.items() if k != "SITE_URL"}
    run = [sys.executable, "-m", "build_tools", "convert", "--root", str(root)]
    result = subprocess.run(run, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "note: no address for the site" in result.stdout and identity.LOCAL_ROOT in result.stdout
    assert (root / "build" / "site-url").read_text(encoding="utf-8") == identity.LOCAL_ROOT + "\n"
    monkeypatch.setenv("SITE_URL", "https://o.github.io/repo")  # the workflow's, over site.yml's
    (root / "site.yml").write_text("url: https://elsewhere.example/\n", encoding="utf-8")
    assert identity.site_root(root) == identity.SiteRoot("https://o.github.io/repo/", True, "SITE_URL")
    assert identity.local_note(identity.site_root(root)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name: 文库\nnmae: 文库\n", "site.yml:2: unknown field 'nmae'"),
        (
            "name：文库\n",
            "site.yml:1: must be a mapping of field: value\n  hint: write one `field: value` a line with a",
        ),
        ("colors: {primary: crimson}\n", "site.yml:1: colors: primary 'crimson' is not one of the site's colours"),
        ("colors: {accent: yellow}\n", "site.yml:1: colors: accent 'yellow' is not one of the site's colours"),
        ("url: reports.example.gov.cn\n", "site.yml:1: not an http(s) address: 'reports.example.gov.cn'"),
        ("name: [文库]\n", "site.yml:1: name must be a text or a mapping of variant: text"),
        ("logo: seeds/none.png\n", "site.yml: logo 'seeds/none.png' is not an image file in the project"),
    ],
)
def test_mistakes_in_site_yml_name_the_line(tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / "site.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        identity.load(tmp_path)
    assert str(caught.value).startswith(expected), str(caught.value)
    assert caught.value.hint


def _contrast_on_white(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 1.05 / (0.2126 * red + 0.7152 * green + 0.0722 * blue + 0.05)


def _palette(css: str, kind: str) -> dict[str, str]:
    """colour name -> the --md-<kind>-fg-color a stylesheet gives it (6-digit hex)."""
    found = {}
    for name, body in re.findall(rf'\[data-md-color-{kind}="?([\w-]+)"?\]\s*\{{([^}}]*)\}}', css):
        value = re.search(rf"--md-{kind}-fg-color:\s*(#[0-9a-fA-F]{{3,6}})\s*[;}}]", body + ";")
        if value:
            hex_ = value[1]
            found[name] = hex_ if len(hex_) == 7 else "#" + "".join(c * 2 for c in hex_[1:])
    return found


@pytest.mark.parametrize("kind", ["primary", "accent"])
def test_every_colour_site_yml_may_name_is_dark_enough_for_text(kind: str) -> None:
    """Links, buttons and the header use these colours as text on white and under white text:
    Material's shade, or the darker one report.css gives, passes WCAG AA (4.5:1) for each."""
    import material

    theme = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    materials = _palette("".join(p.read_text(encoding="utf-8") for p in theme.glob("palette.*.min.css")), kind)
    ours = _palette((ROOT / "overrides/assets/stylesheets/report.css").read_text(encoding="utf-8"), kind)
    assert ours, "report.css gives no colours"
    effective = {name: ours.get(name) or materials.get(name) for name in identity.COLORS}
    assert all(effective.values()), [name for name, colour in effective.items() if not colour]
    low = {name: round(_contrast_on_white(c), 2) for name, c in effective.items() if _contrast_on_white(c) < 4.5}
    assert not low, low
