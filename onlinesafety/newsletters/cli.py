"""build_newsletters.py: ready-to-paste online-safety pieces for one school or many.

For each snippet it writes a complete email (HTML), a paste-safe HTML fragment, plain text,
Markdown and two social posts, plus an index.html preview for each school. Exit codes: 0 done,
1 content, profile or template errors, 2 bad usage (options, paths, an unwritable or unsafe --out
folder, or another run writing to the same --out), 128 + the signal's number when stopped by SIGINT
(130), SIGHUP (129) or SIGTERM (143); the message then says which output --out holds.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import sys
import traceback
from pathlib import Path
from typing import Any, TextIO

from ..loading import ContentErrors, load_library
from ..model import Band, Library
from .email import FORMATS
from ..safety.protected_folders import UnsafeOutputFolder, check_outside_project
from .errors import NewsletterErrors, UsageError
from .interrupts import handled, signal_number
from .languages import Choice, check_choice, has_pieces, out_of_date
from .outputs import Selection, school_files, schools_index
from .profile import SchoolProfile, load_profile, load_profiles_csv
from .render import LENGTHS, make_renderer
from .term import plan_term, term_weeks
from .writer import Staging, absolute, store_for

EXIT_OK, EXIT_ERRORS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130  # interrupted: 128 + the signal's number

EPILOG = """\
examples:
  python build_newsletters.py --school school.yml --out newsletters-out
  python build_newsletters.py --schools schools.csv --out newsletters-out --length medium --format email text
  python build_newsletters.py --school school.yml --out newsletters-out --term 2027-01-04 --weeks 12 \\
      --skip 2027-02-15
  python build_newsletters.py --school school.yml --out newsletters-pl --language pl
  python build_newsletters.py --school school.yml --out newsletters-en-ur --language ur --bilingual

--language CODE writes every piece in that language only (content/languages/CODE.yml; pieces not
translated yet are left out, and the run says how many). With --bilingual, each piece is in English
first, then in the language, in every format; a bilingual social post is the English post, a blank
line, then the translated post: each fits the platform limit on its own, so where a platform limits
length, post them as two (a thread). A translated part says it is a translation and that the
English is the one to follow; its links go to the guide and help page in the language where they
have been translated, else to the English ones.

Each school gets a folder named after its 'id' (or its name) under --out. --out is a link to
the latest complete output, kept in a hidden folder beside it (.NAME.generations); a run builds
its output there and switches the link only when every school has been built, in one step. A
failed or interrupted run leaves the earlier output whole, and two runs cannot write to one --out
at once. --out must be a new or empty folder the first time, outside content/ and templates/.
Profile fields: examples/README.md and templates/newsletter/README.md.
"""


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date; use YYYY-MM-DD, like 2027-01-04") from None


def _weeks(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number of weeks") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build_newsletters.py", description=__doc__.split("\n\n")[0].split(": ", 1)[1],
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--school", type=Path, metavar="FILE", help="one school's profile (YAML)")
    who.add_argument("--schools", type=Path, metavar="FILE.csv", help="many schools, one a row (CSV with a header)")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder to write into (new or empty the first time)")
    parser.add_argument("--content", type=Path, default=Path("content"), metavar="DIR",
                        help="content folder (default: content)")
    parser.add_argument("--topic", action="extend", nargs="+", metavar="ID", help="only these topics")
    parser.add_argument("--band", action="extend", nargs="+", choices=[b.value for b in Band],
                        help="only these age bands (seasonal pieces for every age are kept)")
    parser.add_argument("--length", action="extend", nargs="+", choices=LENGTHS, help="only these lengths")
    parser.add_argument("--format", action="extend", nargs="+", choices=FORMATS, dest="formats",
                        help="only these formats")
    parser.add_argument("--language", metavar="CODE",
                        help="write the pieces in this language (a code in content/languages/, e.g. pl, ur)")
    parser.add_argument("--bilingual", action="store_true",
                        help="with --language: English first, then the language, in every piece and format")
    parser.add_argument("--templates", type=Path, metavar="DIR",
                        help="the school's own templates (rendered in a sandbox; ours fill any gaps)")
    parser.add_argument("--term", type=_date, metavar="START", help="also write a weekly series from this date")
    parser.add_argument("--weeks", type=_weeks, metavar="N", help="number of weeks in the term (with --term)")
    parser.add_argument("--skip", type=_date, action="extend", nargs="+", metavar="DATE", default=[],
                        help="holiday dates: the weeks they fall in get no issue (with --term)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    parser.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None,
         limit_memory: bool = False) -> int:
    """Run the command; return its exit code (errors are printed for people, without tracebacks).

    `limit_memory` (build_newsletters.py sets it): with --templates, cap this process's memory so a school's
    template that builds something huge fails with its file and line (sandbox.limit_memory)."""
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr
    parser = build_parser()
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            args = parser.parse_args(argv)
            if (args.weeks is not None or args.skip) and args.term is None:
                parser.error("--weeks and --skip need --term START")
            if args.term is not None and args.weeks is None:
                parser.error("--term needs --weeks N")
            if args.bilingual and args.language is None:
                parser.error("--bilingual needs --language CODE (the language to put after the English)")
    except SystemExit as exit_:
        return EXIT_OK if exit_.code in (0, None) else EXIT_USAGE
    state = RunState()
    if limit_memory and args.templates is not None:
        from .sandbox import limit_memory as cap_memory

        cap_memory()
    try:
        with handled():
            return run(args, stdout, stderr, state)
    except UsageError as error:
        print(f"error: {error}", file=stderr)
        return EXIT_USAGE
    except UnsafeOutputFolder as error:
        print(f"error: {error}", file=stderr)
        return EXIT_USAGE
    except (NewsletterErrors, ContentErrors) as errors:
        print(errors.report(), file=stderr)
        return EXIT_ERRORS
    except KeyboardInterrupt as error:
        signum = signal_number(error)
        print(interrupted_message(signum, args.out, state.staging), file=stderr)
        return 128 + signum
    except Exception as error:  # a bug: say so plainly
        if args.debug:
            traceback.print_exc(file=stderr)
        print(f"internal error ({type(error).__name__}: {error}); this is a bug, please report it "
              "(run with --debug to see where it happened)", file=stderr)
        return EXIT_ERRORS


class RunState:
    """What main() needs to know when a run is interrupted: the output being written, if any."""

    staging: Staging | None = None


def interrupted_message(signum: int, out: str, staging: Staging | None) -> str:
    """The truth about --out after an interruption: the new output, the earlier output, or nothing."""
    import signal

    name = signal.Signals(signum).name
    outcome = staging.outcome() if staging is not None else None
    if outcome == "new":
        return (f"interrupted ({name}) just after the new output was put in place: {out} holds this run's "
                "output, whole")
    if outcome == "earlier" or (outcome is None and _has_output(out)):
        return (f"interrupted ({name}) before the new output was put in place: {out} still holds the earlier "
                "output, whole; nothing of this run was kept")
    return f"interrupted ({name}); nothing was written to {out}"


def _has_output(out: str) -> bool:
    try:
        return absolute(Path(out)).is_symlink() and store_for(Path(out)).is_dir()
    except (OSError, UsageError):
        return False


def check_out(args: argparse.Namespace) -> None:
    """Refuse an --out that is empty or would overwrite the project, its content or its templates."""
    protected = [("--content", args.content)]
    if args.templates is not None:
        protected.append(("--templates", args.templates))
    check_outside_project(args.out, option="--out", protected=protected)


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO, state: RunState | None = None) -> int:
    state = state or RunState()
    check_out(args)
    if args.term is not None:
        term_weeks(args.term, args.weeks, args.skip)  # bad dates or weeks are bad usage, found before any work
    for option, path in (("--school", args.school), ("--schools", args.schools)):
        if path is not None and not path.is_file():
            raise UsageError(f"{option} {path}: no such file", "check the path to the profile")
    if not args.content.is_dir():
        raise UsageError(f"--content {args.content}: no such folder",
                         "run from the project folder or pass --content DIR")
    library = load_library(args.content)
    gate(library)
    selection = make_selection(library, args)
    check_choice(library, selection.language)
    if args.school is not None:
        profiles = [load_profile(args.school, library)]
    else:
        profiles = load_profiles_csv(args.schools, library)
    renderer = make_renderer(args.templates)
    staging = state.staging = Staging(Path(args.out))
    count = 0
    pieces: dict[tuple[Any, ...], Any] = {}  # prepared pieces, shared by schools with the same base URL
    try:
        for profile in _progress(profiles, args.quiet, stderr):
            term = (plan_term(library, profile.bands, args.term, args.weeks, args.skip, selection.topics)
                    if args.term else None)
            files = school_files(library, profile, renderer, selection, term, pieces)
            staging.stage(profile.slug, files)
            count += len(files)
        if args.schools is not None:
            staging.stage_top("index.html", schools_index(renderer, [(p.slug, p.school_name) for p in profiles]))
            count += 1
        staging.commit()
    except BaseException:
        staging.discard()
        raise
    if not args.quiet:
        schools = f"{len(profiles)} school{'s' if len(profiles) != 1 else ''}"
        print(f"wrote {count} files for {schools} to {args.out}", file=stdout)
        report_language(library, selection, stdout)
    return EXIT_OK


def report_language(library: Library, selection: Selection, stdout: TextIO) -> None:
    """With --language: which pieces were left out (not translated yet) and which translations are out of date."""
    choice = selection.language
    if choice.code is None:
        return
    name = library.languages[choice.code].name
    wanted = [s for s in library.snippets.values() if selection.topics is None or s.topic in selection.topics]
    missing = sorted(s.id for s in wanted if not has_pieces(library, choice, s))
    if missing:
        print(f"{len(missing)} of {len(wanted)} pieces are not translated into {name} yet and were left out: "
              f"{', '.join(missing)}", file=stdout)
    for path in out_of_date(library, choice):
        print(f"note: {path}: the English piece has changed since it was translated; the translation may be "
              "out of date (python -m onlinesafety translations)", file=stdout)


def gate(library: Library) -> None:
    """Run the content quality gate if it is installed; refuse to build on any error."""
    try:
        from ..checks import run_checks  # written separately; optional until it lands
    except ImportError as error:
        if error.name == "onlinesafety.checks":  # not there (yet): nothing to run
            return
        raise
    findings = run_checks(library, today=dt.date.today(), ci=False)
    errors = [finding for finding in findings if getattr(finding, "severity", None) == "error"]
    if errors:
        raise GateErrors(errors)


class GateErrors(NewsletterErrors):
    def __init__(self, findings: list[Any]) -> None:
        self.findings = findings
        Exception.__init__(self, self.report())

    def report(self) -> str:
        lines = [str(finding) for finding in self.findings]
        count = len(self.findings)
        lines.append(f"{count} content error{'s' if count != 1 else ''} found by the quality gate "
                     "(python -m onlinesafety check); nothing was written.")
        return "\n".join(lines)


def make_selection(library: Library, args: argparse.Namespace) -> Selection:
    topics = None
    if args.topic:
        unknown = sorted(set(args.topic) - set(library.topics))
        if unknown:
            raise UsageError(f"--topic {', '.join(unknown)}: no such topic",
                             f"use one of: {', '.join(sorted(library.topics)) or 'none yet'}")
        topics = frozenset(args.topic)
    return Selection(
        topics=topics,
        bands=frozenset(Band(b) for b in args.band) if args.band else None,
        lengths=tuple(length for length in LENGTHS if not args.length or length in args.length),
        formats=tuple(kind for kind in FORMATS if not args.formats or kind in args.formats),
        language=Choice(args.language, args.bilingual) if args.language else Choice(),
    )


def _progress(profiles: list[SchoolProfile], quiet: bool, stderr: TextIO) -> Any:
    """A progress bar on stderr for batch runs (hidden when quiet or when stderr is not a terminal)."""
    if len(profiles) < 2:
        return profiles
    from tqdm import tqdm

    disable = quiet or not (hasattr(stderr, "isatty") and stderr.isatty())
    return tqdm(profiles, total=len(profiles), file=stderr, disable=disable, unit="school", desc="Building",
                leave=False)
