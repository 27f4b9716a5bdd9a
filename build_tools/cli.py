"""Command line: `python -m build_tools convert | pdf | size | outline FILE [--json] | glossary suggest FILE
| review REPORT [--target T] [--json]`.

Errors -> exit 1."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import pipeline, review
from .errors import ReportError
from .glossary import bare_forms
from .outline import outline, outline_text
from .suggest import suggest


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except ReportError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1


def _convert(args: argparse.Namespace) -> int:
    built = pipeline.build(Path(args.root), keep_going=args.keep_going)
    count = len(built.reports["zh-Hans"])
    print(f"converted {count} report(s) into docs/ ({len(built.changed)} file(s) changed)")
    if args.timings:
        print(built.timings.text())
    for err in built.failed:
        print(f"error: {err}", file=sys.stderr)
    if built.failed:
        names = ", ".join(err.path for err in built.failed)
        print(f"{len(built.failed)} bad report(s) skipped: {names}", file=sys.stderr)
    return 1 if built.failed else 0


def _pdf(args: argparse.Namespace) -> int:
    from .pdfbuild import build_pdfs  # WeasyPrint loads Pango: only for this command

    done = build_pdfs(Path(args.root), args.workers)
    for path in done.rendered:
        print(f"rendered {path} ({path.stat().st_size // 1024} KiB)")
    print(f"PDFs: {len(done.rendered)} rendered, {len(done.reused)} unchanged (copied from the cache)")
    return 0


def _size(args: argparse.Namespace) -> int:
    from . import sitesize

    budget = sitesize.parse_budget(args.budget or os.environ.get("SITE_BUDGET") or sitesize.DEFAULT_BUDGET)
    print(sitesize.report(Path(args.root) / "site", budget))
    return 0


def _outline(args: argparse.Namespace) -> int:
    variants = pipeline.convert_file(Path(args.file))
    report = next(r for r in variants.values() if r.lang == r.source_lang)
    if args.json:
        print(json.dumps(outline(report), ensure_ascii=False, indent=1))
    else:
        print(outline_text(report))
    return 0


def _review(args: argparse.Namespace) -> int:
    path = Path(args.report)
    if not path.is_file() and not path.suffix:  # a report's name: seeds/NAME.txt
        path = Path(args.root) / "seeds" / f"{args.report}.txt"
    variants = pipeline.convert_file(path, Path(args.root).resolve())
    slug = next(iter(variants.values())).slug
    lists = pipeline.review_lists(variants)
    target = args.target or next(iter(lists))
    if target not in lists:
        raise ReportError(str(path), f"no {target} variant", f"use --target {' or '.join(lists)}")
    config, items = lists[target]
    if args.json:
        print(review.as_json(slug, config, target, items), end="")
    else:
        print(review.as_text(slug, config, target, items, args.open), end="")
    return 0


def _suggest(args: argparse.Namespace) -> int:
    report = pipeline.convert_file(Path(args.file))["zh-Hans"]
    known = bare_forms(pipeline.load_glossary_of(Path(args.root)))
    found = suggest(pipeline.paragraph_texts(report), known, args.min)
    print(f"# {len(found)} candidate(s) not in the glossary: count, kind, phrase")
    for c in found:
        print(f"{c.count}\t{c.kind}\t{c.phrase}")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m build_tools", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    convert = commands.add_parser("convert", help="convert every report in seeds/ into Markdown pages in docs/")
    convert.add_argument("--root", default=".", help="project folder holding seeds/ and docs/ (default: .)")
    convert.add_argument(
        "--keep-going", action="store_true", help="build the good reports, list the bad ones (exit status 1 if any)"
    )
    convert.add_argument("--timings", action="store_true", help="also print the seconds each stage took")
    convert.set_defaults(run=_convert)
    pdfs = commands.add_parser("pdf", help="write each report's PDF, per variant, into the built site (after mkdocs)")
    pdfs.add_argument("--root", default=".", help="project folder holding seeds/ and the mkdocs*.yml (default: .)")
    pdfs.add_argument("--workers", type=int, help="processes that render PDFs (default: one per core)")
    pdfs.set_defaults(run=_pdf)
    size = commands.add_parser("size", help="print the size of site/ and its parts; exit 1 when over the budget")
    size.add_argument("--root", default=".", help="project folder holding site/ (default: .)")
    size.add_argument("--budget", help="largest allowed size of site/ (default: SITE_BUDGET, else 1GB)")
    size.set_defaults(run=_size)
    show = commands.add_parser("outline", help="print the parsed structure of one report")
    show.add_argument("file", help="a report's .txt file")
    show.add_argument("--json", action="store_true", help="print the document model as JSON")
    show.set_defaults(run=_outline)
    check = commands.add_parser("review", help="list every one-to-many conversion choice of one report")
    check.add_argument("report", help="a report's .txt file, or its name in seeds/")
    check.add_argument("--target", help="the converted variant to review (default: the report's only one)")
    check.add_argument("--json", action="store_true", help="print the list as JSON")
    check.add_argument("--open", action="store_true", help="show only items no entry or acceptance decided")
    check.add_argument("--root", default=".", help="project folder holding seeds/ (default: .)")
    check.set_defaults(run=_review)
    gloss = commands.add_parser("glossary", help="tools for the glossary (seeds/glossary.yml)")
    gloss_commands = gloss.add_subparsers(required=True, metavar="ACTION")
    sug = gloss_commands.add_parser("suggest", help="list candidate terms of a report not yet in the glossary")
    sug.add_argument("file", help="a report's .txt file")
    sug.add_argument("--min", type=int, default=3, help="least count for a recurring compound (default: 3)")
    sug.add_argument("--root", default=".", help="project folder holding seeds/glossary.yml (default: .)")
    sug.set_defaults(run=_suggest)
    return parser
