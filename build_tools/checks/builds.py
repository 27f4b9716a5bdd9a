"""site/ is the strict build of what seeds/ and site.yml hold now: every variant, every report's
pages and PDFs. (`make check` builds first, with `mkdocs build --strict`: a warning stops it.)"""

from __future__ import annotations

from .. import render, stamp
from .base import Context, Result


def check(ctx: Context) -> Result:
    saved = stamp.load(ctx.root)
    if saved is None:
        hint = "seeds/, site.yml or the tool changed after the last build: run `make check` (it builds first)"
        return Result("fail", "site/ is not the build of the current files", (hint,))
    if saved.get("errors"):
        return Result("fail", f"{len(saved['errors'])} report(s) left out of the build", tuple(saved["errors"]))
    built = ctx.folders["zh-Hans"] / "sitemap.xml"
    if not built.is_file() or built.stat().st_mtime < (ctx.root / stamp.STAMP).stat().st_mtime:
        return Result("fail", "site/ is older than the conversion", ("run `make check` (it builds first)",))
    missing = []
    variants = 0
    for lang, folder in ctx.folders.items():
        reports = ctx.reports(lang)
        if lang != "zh-Hans" and not reports and not (folder / "index.html").is_file():
            continue  # zh-HK when no report switches it on, English when none is translated
        variants += 1
        pdfs = [render.pdf_path(r) for r in reports if ctx.has_pdf(lang, r)]
        for rel in ["index.html", *(f"{r.slug}/index.html" for r in reports), *pdfs]:
            if not (folder / rel).is_file():
                missing.append(f"{folder.relative_to(ctx.root)}/{rel}")
    if missing:
        return Result("fail", f"{len(missing)} page(s) or PDF(s) missing", tuple(missing))
    count = len(ctx.reports("zh-Hans"))
    if not count:
        return Result("warn", "no report in seeds/: the site has its home and glossary pages only")
    return Result("ok", f"{count} report(s) in {variants} variant(s), each with its pages and PDF")
