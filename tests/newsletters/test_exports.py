"""api/snippets.json and the Atom and JSON feeds: complete, absolute-linked, deterministic, dated by review."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from onlinesafety.model import Library
from onlinesafety.newsletters.exports import ATOM_NS, atom_feed, json_feed, snippets_json
from tests.newsletters.factory import HOSTILE, library_at, piece, snippet

BASE = "https://safe-online.example/"


def test_snippets_json_has_every_snippet_topic_band_and_region(library: Library) -> None:
    data = json.loads(snippets_json(library, BASE))
    assert data["format_version"] == 1
    assert [s["id"] for s in data["snippets"]] == [
        "live-streaming-4-7", "live-streaming-7-11", "webcams-at-home-4-7", "webcams-at-home-7-11",
        "image-based-abuse-14-18", "new-devices"]
    first = data["snippets"][1]
    assert set(first["pieces"]) == {"short", "medium", "long"}
    assert first["guide_url"] == "https://safe-online.example/parents/live-streaming/#ages-7-11"
    assert first["pieces"]["medium"]["body"][-1]["p"][1]["a"] == "https://safe-online.example/parents/live-streaming/"
    assert "{link}" in first["social"]["short"]
    assert [r["id"] for r in data["regions"]] == ["england", "scotland"]
    assert data["regions"][1]["safeguarding_lead"] == "Child Protection Coordinator"
    assert data["regions"][0]["help_url"] == "https://safe-online.example/help/england/"


def test_without_a_base_url_links_are_site_paths(library: Library) -> None:
    data = json.loads(snippets_json(library, None))
    assert data["snippets"][0]["guide_url"] == "parents/live-streaming/#ages-4-7"
    assert data["base_url"] is None


def test_exports_are_deterministic(library: Library) -> None:
    for export in (snippets_json, atom_feed, json_feed):
        assert export(library, BASE) == export(library, BASE)


def test_the_atom_feed_is_valid_xml_with_one_entry_per_snippet(library: Library) -> None:
    root = ET.fromstring(atom_feed(library, BASE))
    ns = {"a": ATOM_NS}
    assert root.tag == f"{{{ATOM_NS}}}feed"
    assert root.findtext("a:id", namespaces=ns) == "https://safe-online.example/feeds/parents.xml"
    entries = root.findall("a:entry", ns)
    assert len(entries) == len(library.snippets)
    ids = [entry.findtext("a:id", namespaces=ns) for entry in entries]
    assert len(set(ids)) == len(ids)
    for entry in entries:
        assert entry.findtext("a:updated", namespaces=ns) == "2026-11-22T00:00:00Z"
        link = entry.find("a:link", ns).get("href")
        assert link.startswith("https://safe-online.example/parents/")
        assert entry.find("a:content", ns).get("type") == "html"
    assert root.findtext("a:updated", namespaces=ns) == "2026-11-22T00:00:00Z"


def test_the_feeds_date_entries_by_review_newest_first(tmp_path: Path) -> None:
    older = snippet("webcams-at-home", "7-11", reviewed="2026-03-01")
    library = library_at(tmp_path, snippets=[("webcams-at-home", older),
                                             ("live-streaming", snippet("live-streaming", "7-11"))])
    feed = json.loads(json_feed(library, BASE))
    assert [(item["id"].split("#")[1], item["date_published"]) for item in feed["items"]] == [
        ("live-streaming-7-11", "2026-11-22T00:00:00Z"), ("webcams-at-home-7-11", "2026-03-01T00:00:00Z")]


def test_the_json_feed_follows_version_1_1(library: Library) -> None:
    feed = json.loads(json_feed(library, BASE))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == "https://safe-online.example/feeds/parents.json"
    item = feed["items"][0]
    assert {"id", "url", "title", "content_html", "content_text", "date_published"} <= set(item)
    assert item["url"].startswith("https://") and "&lt;" not in item["content_text"]


def test_hostile_text_in_content_is_escaped_in_the_feeds(tmp_path: Path) -> None:
    data = snippet("live-streaming", "7-11", medium=piece(f"Headline {HOSTILE}", f"Body {HOSTILE}",
                                                          f"Read {HOSTILE}"))
    library = library_at(tmp_path, snippets=[("live-streaming", data)])
    entry = ET.fromstring(atom_feed(library, BASE)).find(f"{{{ATOM_NS}}}entry")
    content = entry.find(f"{{{ATOM_NS}}}content").text
    assert HOSTILE not in content and "&lt;img src=x onerror=alert(1)&gt;" in content
    item = json.loads(json_feed(library, BASE))["items"][0]
    assert HOSTILE not in item["content_html"] and HOSTILE in item["content_text"]
