"""Fixture content and profiles for the newsletter tests: one factory per kind, with overrides.

The fixtures do not depend on the real content/ folder (other people are still writing it):
they write a small, valid content folder with two regions, three topics, snippets for some
bands and one seasonal piece.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from onlinesafety.loading import load_library
from onlinesafety.model import Library

HOSTILE = '<img src=x onerror=alert(1)>'
AMPERSANDS = '"&<>'

REVIEW = {"reviewed": "2026-11-22", "review_interval_months": 12}

SOURCES = {"sources": [{"key": "test-source", "title": "A test source", "publisher": "Test publisher"}]}

TOPICS = [
    ("live-streaming", "Live streaming and video chat", 1, ["4-7", "7-11", "11-14", "14-18"]),
    ("webcams-at-home", "Webcams at home", 2, ["4-7", "7-11", "11-14", "14-18"]),
    ("image-based-abuse", "Images and the law", 3, ["11-14", "14-18"]),
]


def topic(topic_id: str, title: str, order: int, bands: list[str]) -> dict[str, Any]:
    return {
        "id": topic_id, "title": title, "order": order, "bands": bands,
        "summary_for_teachers": "A summary for teachers.",
        "summary_for_parents": "A summary for parents.",
        "efcw_strands": ["online-relationships"], **REVIEW,
    }


def region(region_id: str = "england", name: str = "England", order: int = 1,
           lead: str = "Designated Safeguarding Lead", short: str = "DSL") -> dict[str, Any]:
    return {
        "id": region_id, "name": name, "order": order,
        "intro": "Where to get help.",
        "terms": {"safeguarding_lead": lead, "safeguarding_lead_short": short},
        "routes": [{
            "id": "test-line", "name": "Test helpline", "operator": "Test operator",
            "needs": ["parent-advice"], "for": "Advice for parents.", "anonymous": "yes",
            "url": "https://help.example.org/",
            "confidence": "confirmed", "source": "test-source", "last_verified": "2026-11-01",
        }],
    }


def piece(headline: str, body: str, cta: str = "Read our guide for parents") -> dict[str, str]:
    return {"headline": headline, "body": body, "call_to_action": cta}


def snippet(topic_id: str, band: str | None, *, season: str | None = None, **overrides: Any) -> dict[str, Any]:
    snippet_id = f"{topic_id}-{band}" if band else f"{season}"
    data: dict[str, Any] = {
        "id": snippet_id, "topic": topic_id,
        "short": piece("Talking about going live",
                       "Ask your child which apps they **use** to go live. Keep the chat calm and open."),
        "medium": piece("Going live: what families can do",
                        "Live streams can be fun. Anyone watching can record what they see.\n\n"
                        "- Agree where devices are used\n- Talk about who is watching\n\n"
                        "Our [parent guide](/parents/live-streaming/) has more ideas."),
        "long": piece("Live streaming and your child",
                      "Many children enjoy going live. It helps to talk about it _early_ and often.\n\n"
                      "Ask what they enjoy, and who they chat with. Agree some family rules together, "
                      "and keep devices in shared rooms where you can.\n\n"
                      "1. Talk often\n2. Agree rules\n3. Know how to report\n\n"
                      "If something goes wrong, stay calm: it is never your child's fault."),
        "social": {"short": "Live streams can be recorded by anyone watching. Talk with your child: {link}",
                   "long": "Live streams can be fun, and anyone watching can record them. "
                           "Ask your child about the streams they enjoy."},
        **REVIEW,
    }
    if band:
        data["band"] = band
    if season:
        data["season"] = season
    data.update(overrides)
    return data


def default_snippets() -> list[tuple[str, dict[str, Any]]]:
    """(folder, snippet) pairs: two topics for two bands, one secondary-only topic, one seasonal piece."""
    found = [(t, snippet(t, b)) for t in ("live-streaming", "webcams-at-home") for b in ("4-7", "7-11")]
    found.append(("image-based-abuse", snippet("image-based-abuse", "14-18")))
    found.append(("seasonal", snippet("webcams-at-home", None, season="new-devices")))
    return found


def write_yaml(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def write_content(root: Path, snippets: list[tuple[str, dict[str, Any]]] | None = None,
                  regions: list[dict[str, Any]] | None = None) -> Path:
    """A valid content folder under `root`; returns its path."""
    content = root / "content"
    write_yaml(content / "sources.yml", SOURCES)
    for args in TOPICS:
        write_yaml(content / "topics" / f"{args[0]}.yml", topic(*args))
    for data in regions if regions is not None else [region(), region("scotland", "Scotland", 2,
                                                                       "Child Protection Coordinator", "CPC")]:
        write_yaml(content / "help" / f"{data['id']}.yml", data)
    for folder, data in snippets if snippets is not None else default_snippets():
        write_yaml(content / "snippets" / folder / f"{data['id']}.yml", data)
    return content


def library_at(root: Path, **kwargs: Any) -> Library:
    return load_library(write_content(root, **kwargs))


PROFILE = {
    "school_name": "Hillside Primary School",
    "safeguarding_lead_name": "Ms A. Patel",
    "safeguarding_contact": "safeguarding@hillside.example",
    "base_url": "https://hillside.example/online-safety/",
    "region": "england",
    "bands": ["4-7", "7-11"],
    "brand_colour": "#0B6E4F",
    "sign_off": "With best wishes from everyone at Hillside",
}


def profile_data(**overrides: Any) -> dict[str, Any]:
    data = copy.deepcopy(PROFILE)
    for key, value in overrides.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def write_profile(path: Path, **overrides: Any) -> Path:
    return write_yaml(path, profile_data(**overrides))


def write_csv(path: Path, rows: list[dict[str, Any]], columns: list[str] | None = None) -> Path:
    import csv

    columns = columns or ["id", "school_name", "safeguarding_lead_name", "safeguarding_contact",
                          "base_url", "region", "bands", "brand_colour", "sign_off"]
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([" ".join(row[c]) if isinstance(row.get(c), list) else row.get(c, "") for c in columns])
    return path
