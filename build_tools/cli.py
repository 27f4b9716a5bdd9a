"""Command line: `python -m build_tools convert | outline FILE [--json]`. Errors -> exit 1."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import pipeline
from .errors import ReportError
from .outline import outline, outline_text


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
    for err in built.failed:
        print(f"error: {err}", file=sys.stderr)
    if built.failed:
        names = ", ".join(err.path for err in built.failed)
        print(f"{len(built.failed)} bad report(s) skipped: {names}", file=sys.stderr)
    return 1 if built.failed else 0


def _outline(args: argparse.Namespace) -> int:
    variants = pipeline.convert_file(Path(args.file))
    report = next(r for r in variants.values() if r.lang == r.source_lang)
    if args.json:
        print(json.dumps(outline(report), ensure_ascii=False, indent=1))
    else:
        print(outline_text(report))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m build_tools", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    convert = commands.add_parser("convert", help="convert every report in seeds/ into Markdown pages in docs/")
    convert.add_argument("--root", default=".", help="project folder holding seeds/ and docs/ (default: .)")
    convert.add_argument(
        "--keep-going", action="store_true", help="build the good reports, list the bad ones (exit status 1 if any)"
    )
    convert.set_defaults(run=_convert)
    show = commands.add_parser("outline", help="print the parsed structure of one report")
    show.add_argument("file", help="a report's .txt file")
    show.add_argument("--json", action="store_true", help="print the document model as JSON")
    show.set_defaults(run=_outline)
    return parser
