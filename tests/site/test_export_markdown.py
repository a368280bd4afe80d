"""The generated pages can be written as plain Markdown and built by plain Material, without our hook."""

from __future__ import annotations

import subprocess
import sys

from onlinesafety import load_library
from onlinesafety.site import export_markdown, site_files
from tests.conftest import ROOT, build_site


def test_export_builds_with_plain_material(tmp_path):
    library = load_library(ROOT / "content")
    out = tmp_path / "docs"
    count = export_markdown(library, out)
    assert count == len(list(out.rglob("*.*")))
    assert (out / "lessons" / "index.md").is_file() and (out / "about" / "licence.md").is_file()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Plain\ntheme: {name: material, font: false}\n"
        "markdown_extensions: [admonition, attr_list, def_list, md_in_html, tables, toc]\n", encoding="utf-8")
    result = build_site(tmp_path, tmp_path / "out", strict=False)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "lessons" / "7-11" / "live-streaming-7-11" / "index.html").is_file()


def test_export_replaces_the_folder_whole(tmp_path):
    library = load_library(ROOT / "content")
    out = tmp_path / "docs"
    out.mkdir()
    (out / "stale.md").write_text("old", encoding="utf-8")
    export_markdown(library, out)
    assert not (out / "stale.md").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".docs")]


def test_generation_is_deterministic():
    library = load_library(ROOT / "content")
    assert site_files(library, base_url="https://x.test/") == site_files(load_library(ROOT / "content"), base_url="https://x.test/")


def test_export_command(tmp_path):
    result = subprocess.run([sys.executable, "-m", "onlinesafety", "export-markdown", str(tmp_path / "md")],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "md" / "index.md").is_file()
