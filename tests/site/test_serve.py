"""`mkdocs serve` rebuilds when content/ or templates/ change, so maintainers see edits at once."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import copy_project


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float, what: str, log=None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(f"timed out waiting for {what}" + (f"; mkdocs serve said:\n{log.read_text()[-3000:]}" if log else ""))


@pytest.fixture
def served_project(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL, stderr=(tmp_path / "serve.log").open("w"), text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: "Safe Online Schools" in fetch(url), 180, "mkdocs serve to start")
        yield project, url
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_serve_reloads_on_content_and_template_edits(served_project):
    project, url = served_project
    topic = project / "content" / "topics" / "live-streaming.yml"
    topic.write_text(topic.read_text(encoding="utf-8").replace(
        "title: Live streaming and video chat", "title: Live streaming edited while serving"), encoding="utf-8")
    wait_for(lambda: "Live streaming edited while serving" in fetch(url + "topics/live-streaming/"), 180,
             "the content edit to show", project.parent / "serve.log")
    template = project / "templates" / "site" / "topic.md.j2"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "## Lessons by age", "## Lessons by age band (template edited)"), encoding="utf-8")
    wait_for(lambda: "template edited" in fetch(url + "topics/live-streaming/"), 180, "the template edit to show", project.parent / "serve.log")
    page = fetch(url)
    assert "livereload" in page
