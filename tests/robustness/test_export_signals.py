"""Real signals sent to a real export process at several points of a run: the output folder holds the
earlier export or the new one, whole, nothing else is left, and the message says truthfully which.

The child process pauses at a named point (printing AT on its stdout) so the signal lands exactly
there: while the new export is being staged, during the swap (where signals are held back until the
swap is done) and just after the swap, before the earlier export is deleted.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from onlinesafety.loading import load_library
from onlinesafety.site import export_markdown
from tests.conftest import ROOT
from tests.factories import make_content, page_text
from tests.robustness.support import all_paths, snapshot

CHILD = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, sys.argv[1])
    from onlinesafety.cli.export import run_export
    from onlinesafety.loading import load_library
    from onlinesafety.site import export

    content, out, point = sys.argv[2], sys.argv[3], sys.argv[4]

    def pause(seconds):
        print("AT", flush=True)
        time.sleep(seconds)

    def before(name, seconds):
        real = getattr(export, name)
        def paused(*args, **kwargs):
            pause(seconds)
            return real(*args, **kwargs)
        setattr(export, name, paused)

    def after(name, seconds):
        real = getattr(export, name)
        def paused(*args, **kwargs):
            result = real(*args, **kwargs)
            pause(seconds)
            return result
        setattr(export, name, paused)

    if point == "staging":
        before("write_manifest", 60)   # every page staged, the manifest not yet written
    elif point == "swap":
        before("_exchange", 1.0)       # inside the swap: the signal is held until the swap is done
    elif point == "after-swap":
        after("_swap_in", 60)          # the new export is in place; the earlier one not yet deleted
    sys.exit(run_export(load_library(content), out))
""")

EXPECTED = {  # point: (which export the folder holds afterwards, what the message says)
    "staging": ("earlier", "still holds the earlier export, whole"),
    "swap": ("new", "holds the new export, whole"),
    "after-swap": ("new", "holds the new export, whole"),
}
SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP]
GUARD = 120  # seconds: a hang guard on a shared machine, not a speed target


@pytest.fixture
def two_exports(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes], dict[str, bytes]]:
    """Content, an output folder holding the earlier export, and the earlier and new exports' files."""
    content = make_content(tmp_path / "project")
    out = tmp_path / "project" / "md"
    export_markdown(load_library(content), out)
    earlier = snapshot(out)
    (content / "pages" / "about.md").write_text(page_text(body="# A page\\n\\nNew words.\\n"), encoding="utf-8")
    reference = tmp_path / "reference" / "md"
    export_markdown(load_library(content), reference)
    new = snapshot(reference)
    assert new != earlier
    return content, out, earlier, new


@pytest.mark.parametrize("point", list(EXPECTED))
@pytest.mark.parametrize("signum", SIGNALS, ids=lambda number: signal.Signals(number).name)
def test_a_signal_mid_export_leaves_one_export_whole_and_says_which(two_exports, point: str, signum: int) -> None:
    content, out, earlier, new = two_exports
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(ROOT), str(content), str(out), point],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "AT", child.stderr.read() if child.stderr else ""
        child.send_signal(signum)
        _, errors = child.communicate(timeout=GUARD)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    which, message = EXPECTED[point]
    assert child.returncode == 128 + signum, errors
    assert "Traceback" not in errors and message in errors, errors
    assert snapshot(out) == (earlier if which == "earlier" else new)
    assert all_paths(out.parent) - {"content", *("content/" + path for path in all_paths(content))} == {
        "md", *("md/" + path for path in all_paths(out))}
