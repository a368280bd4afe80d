"""`python -m onlinesafety translations stamp|status`."""

from __future__ import annotations

import argparse
import sys

from ..loading import ContentErrors, load_library
from ..translations.stamp import stamp
from ..translations.status import status_lines

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def run_translations(args: argparse.Namespace) -> int:
    try:
        # stamp reads the English only, so a translation with problems can still be stamped
        library = load_library(args.content, translations=args.action != "stamp")
    except ContentErrors as errors:
        print(errors.report(), file=sys.stderr)
        return EXIT_CONTENT
    if args.action == "stamp":
        missing = [path for path in args.files if not path.is_file()]
        if missing:
            print(f"{missing[0]}: no such file; give translation files such as content/parents/live-streaming.pl.yml",
                  file=sys.stderr)
            return EXIT_USAGE
        print("\n".join(stamp(library, args.files or None)))
        return EXIT_OK
    print("\n".join(status_lines(library)))
    return EXIT_OK
