"""`python -m onlinesafety export-markdown OUT`: refuse unsafe folders (exit 2), say truthfully what a stop left."""

from __future__ import annotations

import sys
from pathlib import Path

from ..model import Library
from ..safety.output_dirs import UnsafeOutput, check_output_folder, project_folders
from ..site.export import WRITER, ExportClash, ExportInterrupted, export_markdown
from .signals import exit_code_for, stop_signals_interrupt

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def refuse_unsafe_output(out: str, content: Path) -> int | None:
    """EXIT_USAGE with a message when `out` must not be replaced; None when it may be."""
    try:
        check_output_folder(out, project_folders(content), writer=WRITER)
    except UnsafeOutput as refused:
        print(f"export-markdown: {refused}", file=sys.stderr)
        return EXIT_USAGE
    return None


def run_export(library: Library, out: str) -> int:
    """Export `library` to `out`; 0 when written, 1 on a write problem, 2 when refused, 128+N when stopped."""
    try:
        with stop_signals_interrupt():
            count = export_markdown(library, out)
    except UnsafeOutput as refused:
        print(f"export-markdown: {refused}", file=sys.stderr)
        return EXIT_USAGE
    except ExportInterrupted as stopped:
        print(f"export-markdown: {stopped.describe()}; no temporary folders were left.", file=sys.stderr)
        return exit_code_for(stopped.cause)
    except KeyboardInterrupt as stopped:  # before the export began (checking the folder, waiting for the lock)
        print(f"export-markdown: stopped before the export began: {out} was not changed.", file=sys.stderr)
        return exit_code_for(stopped)
    except ExportClash as clash:
        print(f"export-markdown: {clash}; nothing was changed.", file=sys.stderr)
        return EXIT_FAILED
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        print(f"export-markdown: could not write the export: {error.strerror or error}{where}; the earlier "
              f"export in {out}, if any, was left as it was. Fix: free disk space or fix permissions, then "
              "run this again.", file=sys.stderr)
        return EXIT_FAILED
    print(f"wrote {count} files to {out}")
    return EXIT_OK
