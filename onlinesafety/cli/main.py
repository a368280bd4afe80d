"""`python -m onlinesafety`: load and check content, export the site as Markdown."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..loading import ContentErrors, load_library

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m onlinesafety", description=__doc__)
    parser.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("load", help="load content and report every error with file and line")
    check = commands.add_parser("check", help="load content and run the quality gate (errors exit 1)")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--ci", action="store_true",
                       help="treat overdue reviews as errors (default when the CI variable is set)")
    check.add_argument("--today", type=_date, default=None, help="date to check freshness against (YYYY-MM-DD)")
    csp = commands.add_parser("csp-hashes", help="list the inline-script hashes of a built site, for review")
    csp.add_argument("site", type=Path, help="a built site folder")
    export = commands.add_parser("export-markdown", help="write the generated site pages as plain Markdown")
    export.add_argument("out", help="a new or empty folder, or an earlier export, outside content/ and templates/ "
                                    "(replaced as a whole; a folder holding other files is refused)")
    translations = commands.add_parser("translations", help="translation files: record source hashes, list status")
    how = translations.add_subparsers(dest="action", required=True)
    stamp = how.add_parser("stamp", help="record in each translation file the hash of the English it now translates "
                                         "(run after bringing a translation up to date)")
    stamp.add_argument("files", nargs="*", type=Path, help="translation files (default: all)")
    how.add_parser("status", help="each language: translated, out of date and untranslated items")
    return parser


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date; use YYYY-MM-DD") from None


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return EXIT_USAGE if exit_.code not in (0, None) else EXIT_OK
    try:
        return _run(args)
    except KeyboardInterrupt:  # Ctrl-C while loading or checking: nothing is written before the export
        print("stopped (Ctrl-C) before anything was written.", file=sys.stderr)
        return EXIT_INTERRUPTED


def _run(args: argparse.Namespace) -> int:
    if args.command == "csp-hashes":
        from ..site.csp import inline_script_hashes

        hashes = sorted({value for page in args.site.rglob("*.html")
                         for value in inline_script_hashes(page.read_text(encoding="utf-8"))})
        print("\n".join(hashes))
        return EXIT_OK
    if args.command == "export-markdown":
        from .export import refuse_unsafe_output

        refused = refuse_unsafe_output(args.out, args.content)
        if refused is not None:
            return refused
    if args.command == "translations":
        from .translations import run_translations

        return run_translations(args)
    try:
        library = load_library(args.content)
    except ContentErrors as errors:
        if args.command == "check":
            from .check import report_load_errors

            return report_load_errors(errors, args)
        print(errors.report(), file=sys.stderr)
        return EXIT_CONTENT
    if args.command == "load":
        print(f"{len(library.lessons)} lessons, {len(library.topics)} topics, "
              f"{len(library.parent_guides)} parent guides, {len(library.regions)} regions: no errors.")
        return EXIT_OK
    if args.command == "check":
        from .check import run_check

        return run_check(library, args)
    if args.command == "export-markdown":
        from .export import run_export

        return run_export(library, args.out)
    return EXIT_USAGE
