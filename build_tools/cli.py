"""Command line: `.venv/bin/python -m build_tools convert | pdf | size | preview | check | outline FILE [--json]
| glossary suggest FILE | review REPORT [--target T] [--json] [--open] [--all] | translations update [REPORT…]
| translations status [--terms]`.

Errors -> exit 1."""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import signal
import sys
from pathlib import Path

from . import conversion, identity, notices, pipeline, review, seeds
from .annotation import paragraph_texts, shared_glossary
from .errors import ReportError
from .glossary import bare_forms
from .outline import outline, outline_text
from .review_files import review_lists
from .review_text import as_text
from .sitefiles import write_if_changed
from .suggest import suggest


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except ReportError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `outline FILE | head`: the reader has seen enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 0


def _convert(args: argparse.Namespace) -> int:
    root = Path(args.root)
    try:
        built = pipeline.build(root, keep_going=args.keep_going, strict=args.strict)
    except notices.StrictError as err:
        _print_warnings(err.found)
        raise
    _print_warnings(built.warnings)
    count = len(built.reports["zh-Hans"])
    print(f"converted {count} report(s) into docs/ ({len(built.changed)} file(s) changed)")
    if not count:
        print("note: seeds/ holds no report: the site has its home and glossary pages only (add seeds/NAME.txt)")
    for slug, counts in built.open_risky.items():
        found = ", ".join(f"{lang} {n} risky choice(s) open in {w} word(s)" for lang, (n, w) in counts.items())
        print(f"review {slug}: {found}")
    if note := identity.local_note(identity.site_root(root)):
        print(note)
    if args.timings:
        print(built.timings.text())
    for err in built.failed:
        print(f"error: {err}", file=sys.stderr)
    if built.failed:
        names = ", ".join(err.path for err in built.failed)
        print(f"{len(built.failed)} bad report(s) skipped: {names}", file=sys.stderr)
    if args.failed_list and built.failed:  # `make site KEEP_GOING=1` lists them again at the end
        write_if_changed(Path(args.failed_list), "".join(f"error: {err}\n" for err in built.failed))
    return 1 if built.failed else 0


def _pdf(args: argparse.Namespace) -> int:
    from . import pdfcache
    from .pdfbuild import build_pdfs, render_pdfs  # WeasyPrint loads Pango: only for this command

    if args.render_only:
        signal.signal(signal.SIGTERM, _stop_workers)  # make stops it so when a MkDocs build fails
        jobs = render_pdfs(Path(args.root), args.workers, keep_going=args.keep_going)
        for job in jobs:
            print(f"rendered {job.target} into {pdfcache.FOLDER}/")
        print(f"PDFs: {len(jobs)} rendered into {pdfcache.FOLDER}/, the others there already")
        return 0
    done = build_pdfs(Path(args.root), args.workers, keep_going=args.keep_going)
    for path in done.rendered:
        print(f"rendered {path} ({path.stat().st_size // 1024} KiB)")
    copied, rendered = len(done.reused), len(done.rendered)
    print(f"PDFs: {copied + rendered} in the site, {copied} copied from {pdfcache.FOLDER}/, {rendered} rendered now")
    return 0


def _stop_workers(signum: int, _frame: object) -> None:
    """Stopped from outside: the worker processes go too (they would render on, orphaned)."""
    for child in multiprocessing.active_children():
        child.terminate()
    os._exit(128 + signum)


def _size(args: argparse.Namespace) -> int:
    from . import sitesize

    budget = sitesize.parse_budget(args.budget or os.environ.get("SITE_BUDGET") or sitesize.DEFAULT_BUDGET)
    print(sitesize.report(Path(args.root) / "site", budget))
    return 0


def _print_warnings(found: tuple[notices.Warned, ...] | list[notices.Warned]) -> None:
    for w in found:
        print(notices.text(w), file=sys.stderr)


def _preview(args: argparse.Namespace) -> int:
    from .preview import run

    return run(Path(args.root), args.port, args.host)


def _check(args: argparse.Namespace) -> int:
    from .checks import run

    return run(Path(args.root), args.only)


def _outline(args: argparse.Namespace) -> int:
    root = Path(args.root)
    variants = conversion.convert_file(seeds.find_report(args.file, root, conversion.slug_of), root.resolve())
    report = next(r for r in variants.values() if r.lang == r.source_lang)
    _print_warnings(notices.of_reports([report]))
    if args.json:
        print(json.dumps(outline(report), ensure_ascii=False, indent=1))
    else:
        print(outline_text(report))
    return 0


def _review(args: argparse.Namespace) -> int:
    path = seeds.find_report(args.report, Path(args.root), conversion.slug_of)
    variants = conversion.convert_file(path, Path(args.root).resolve())
    slug = next(iter(variants.values())).slug
    lists = review_lists(variants)
    target = args.target or next(iter(lists))
    if target not in lists:
        raise ReportError(str(path), f"no {target} variant", f"use --target {' or '.join(lists)}")
    config, items = lists[target]
    if args.json:
        print(review.as_json(slug, config, target, items), end="")
    else:
        print(as_text(slug, config, target, items, args.open, args.all), end="")
    return 0


def _suggest(args: argparse.Namespace) -> int:
    report = conversion.convert_file(Path(args.file))["zh-Hans"]
    known = bare_forms(shared_glossary(Path(args.root)))
    found = suggest(paragraph_texts(report), known, args.min)
    print(f"# {len(found)} candidate(s) not in the glossary: count, kind, phrase")
    for c in found:
        print(f"{c.count}\t{c.kind}\t{c.phrase}")
    return 0


def _translations_update(args: argparse.Namespace) -> int:
    from .translations import commands

    for line in commands.update(Path(args.root), args.reports or None):
        print(line)
    return 0


def _translations_status(args: argparse.Namespace) -> int:
    from .translations import commands

    return commands.print_status(Path(args.root), args.terms)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=".venv/bin/python -m build_tools", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    convert = commands.add_parser("convert", help="convert every report in seeds/ into Markdown pages in docs/")
    convert.add_argument("--root", default=".", help="project folder holding seeds/ and docs/ (default: .)")
    convert.add_argument(
        "--keep-going", action="store_true", help="build the good reports, list the bad ones (exit status 1 if any)"
    )
    convert.add_argument("--timings", action="store_true", help="also print the seconds each stage took")
    convert.add_argument(
        "--strict", action="store_true", help="treat warnings as errors (exit status 1, nothing written)"
    )
    convert.add_argument("--failed-list", metavar="FILE", help="with --keep-going: also write the errors to FILE")
    convert.set_defaults(run=_convert)
    pdfs = commands.add_parser("pdf", help="write each report's PDF, per variant, into the built site (after mkdocs)")
    pdfs.add_argument("--root", default=".", help="project folder holding seeds/ and the mkdocs*.yml (default: .)")
    pdfs.add_argument("--keep-going", action="store_true", help="leave bad reports out (as convert --keep-going)")
    pdfs.add_argument("--workers", type=int, help="processes that render PDFs (default: one per core)")
    pdfs.add_argument(
        "--render-only",
        action="store_true",
        help="render what build/pdf/ lacks and leave site/ alone (make site runs it beside mkdocs)",
    )
    pdfs.set_defaults(run=_pdf)
    size = commands.add_parser("size", help="print the size of site/ and its parts; exit 1 when over the budget")
    size.add_argument("--root", default=".", help="project folder holding site/ (default: .)")
    size.add_argument("--budget", help="largest allowed size of site/ (default: SITE_BUDGET, else 1GB)")
    size.set_defaults(run=_size)
    look = commands.add_parser("preview", help="serve the built site/ as GitHub Pages will (make preview)")
    look.add_argument("--port", type=int, default=8080, help="local port (default: 8080)")
    look.add_argument("--host", default="127.0.0.1", help="address to listen on (0.0.0.0: from other machines too)")
    look.add_argument("--root", default=".", help="project folder holding site/ (default: .)")
    look.set_defaults(run=_preview)
    checks = commands.add_parser("check", help="the publication's checks on the built site (make check builds first)")
    checks.add_argument("--only", action="append", metavar="CHECK", help="run only this check (repeatable)")
    checks.add_argument("--root", default=".", help="project folder holding seeds/ and site/ (default: .)")
    checks.set_defaults(run=_check)
    show = commands.add_parser("outline", help="print the parsed structure of one report")
    show.add_argument("file", help="a report's .txt file, or its name or slug in seeds/")
    show.add_argument("--json", action="store_true", help="print the document model as JSON")
    show.add_argument("--root", default=".", help="project folder holding seeds/ (default: .)")
    show.set_defaults(run=_outline)
    check = commands.add_parser("review", help="list one report's risky one-to-many conversion choices first")
    check.add_argument("report", help="a report's .txt file, or its name or slug in seeds/")
    check.add_argument("--target", help="the converted variant to review (default: the report's only one)")
    check.add_argument("--json", action="store_true", help="print the list as JSON")
    check.add_argument("--open", action="store_true", help="show only the risky choices nobody has decided yet")
    check.add_argument("--all", action="store_true", help="also list every routine and decided choice")
    check.add_argument("--root", default=".", help="project folder holding seeds/ (default: .)")
    check.set_defaults(run=_review)
    gloss = commands.add_parser("glossary", help="tools for the glossary (seeds/glossary.yml)")
    gloss_commands = gloss.add_subparsers(required=True, metavar="ACTION")
    sug = gloss_commands.add_parser("suggest", help="list candidate terms of a report not yet in the glossary")
    sug.add_argument("file", help="a report's .txt file")
    sug.add_argument("--min", type=int, default=3, help="least count for a recurring compound (default: 3)")
    sug.add_argument("--root", default=".", help="project folder holding seeds/glossary.yml (default: .)")
    sug.set_defaults(run=_suggest)
    tr = commands.add_parser("translations", help="the English catalogues (translations/en/REPORT.po)")
    tr_commands = tr.add_subparsers(required=True, metavar="ACTION")
    upd = tr_commands.add_parser("update", help="make or refresh the catalogues from the reports")
    upd.add_argument("reports", nargs="*", help="reports to start or refresh (default: every existing catalogue)")
    upd.add_argument("--root", default=".", help="project folder holding seeds/ and translations/ (default: .)")
    upd.set_defaults(run=_translations_update)
    st = tr_commands.add_parser("status", help="units translated, fuzzy and untranslated, per catalogue")
    st.add_argument("--terms", action="store_true", help="also list translated units that miss a glossary term")
    st.add_argument("--root", default=".", help="project folder holding seeds/ and translations/ (default: .)")
    st.set_defaults(run=_translations_status)
    return parser
