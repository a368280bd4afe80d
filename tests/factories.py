"""One factory per content type, with overrides, so each test states only what it is about."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

REVIEWED = "2026-11-01"


def _merge(base: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    result = copy.deepcopy(base)
    for key, value in overrides.items():
        if value is DELETE:
            result.pop(key, None)
        elif isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = _merge(result[key], value)
        else:
            result[key] = value
    return result


class _Delete:
    def __repr__(self) -> str:
        return "DELETE"


DELETE = _Delete()


def topic_data(**overrides: Any) -> dict[str, Any]:
    return _merge({
        "id": "live-streaming", "title": "Live streaming", "order": 1,
        "bands": ["4-7", "7-11", "11-14", "14-18"],
        "summary_for_teachers": "Pupils learn who can see a live stream.",
        "summary_for_parents": "Talk with your child about who can watch.",
        "efcw_strands": ["online-relationships"],
        "reviewed": REVIEWED, "review_interval_months": 12,
    }, overrides)


def activity(stage: str, minutes: int, title: str = "An activity") -> dict[str, Any]:
    return {"stage": stage, "title": title, "minutes": minutes,
            "teacher_notes": "Read the story about Sam and ask what Sam could do.",
            "pupil_material": "Sam sees a camera. What could Sam do?"}


def lesson_data(**overrides: Any) -> dict[str, Any]:
    return _merge({
        "id": "live-streaming-7-11", "title": "Going live", "topic": "live-streaming", "band": "7-11",
        "duration_minutes": 40,
        "pupil_outcome": "I can say who might see a live stream.",
        "objectives": ["Explain what a live stream is.", "Rehearse ending a call and telling an adult."],
        "key_learning_points": ["A live stream can be recorded.", "You can end a call at any time.",
                                "It is never your fault. Tell a trusted adult."],
        "keywords": [{"term": "live stream", "definition": "Video people watch while it is filmed."},
                     {"term": "viewer", "definition": "A person watching a stream."}],
        "misconceptions": [{"misconception": "A live stream disappears when it ends.",
                            "response": "Explain that viewers can record the screen."}],
        "activities": [activity("starter", 5), activity("main", 30), activity("plenary", 5)],
        "discussion_questions": ["Who could Sam tell?", "How might Sam feel?"],
        "safeguarding": {
            "supervision_level": 2,
            "content_guidance": [{"area": "upsetting-disturbing-and-sensitive", "label": "Unsafe contact",
                                  "description": "A fictional viewer asks for a private stream."}],
            "dsl_prebrief": "Tell the Designated Safeguarding Lead the date of the lesson.",
            "dsl_prebrief_required": True,
            "ground_rules": ["We talk about characters.", "You can pass.", "We listen."],
            "distancing": "Talk about Sam, never about pupils' own lives.",
            "disclosure_response": "Listen, do not promise secrecy, tell the DSL straight away.",
            "not_for_assemblies": True,
            "assume_someone_affected": True,
            "signposting": "Tell a trusted adult.",
        },
        "curriculum": {"efcw_strands": ["online-relationships"], "rshe": ["Online relationships."],
                       "dfe_teaching_online_safety": ["How to stay safe online."]},
        "sources": ["test-source"],
        "reviewed": REVIEWED, "review_interval_months": 12,
    }, overrides)


def sources_data(*extra: dict[str, Any]) -> dict[str, Any]:
    return {"sources": [{"key": "test-source", "title": "A test source", "publisher": "Test publisher",
                         "date": "2018-05-15"}, *extra]}


def region_data(**overrides: Any) -> dict[str, Any]:
    return _merge({
        "id": "uk", "name": "United Kingdom", "order": 1, "intro": "Where to get help in the UK.",
        "terms": {"safeguarding_lead": "Designated Safeguarding Lead", "safeguarding_lead_short": "DSL"},
        "routes": [{"id": "childline", "name": "Childline", "operator": "NSPCC", "for": "Any worry.",
                    "needs": ["child-talk"], "anonymous": "yes", "phone": "0800 1111", "confidence": "confirmed",
                    "source": "test-source", "last_verified": REVIEWED}],
    }, overrides)


def page_text(front: dict[str, Any] | None = None, body: str = "# A page\n\nSome words.\n") -> str:
    meta = {"title": "A page", "description": "A page used in tests only.", "audience": "teacher-facing",
            "reviewed": REVIEWED, "review_interval_months": 12, **(front or {})}
    return "---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n" + body


def write_yaml(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def make_content(root: Path, *, lessons: list[dict[str, Any]] | None = None,
                 pages: dict[str, str] | None = None) -> Path:
    """A small, valid content tree under root/content."""
    content = root / "content"
    write_yaml(content / "sources.yml", sources_data())
    write_yaml(content / "topics" / "live-streaming.yml", topic_data())
    for lesson in lessons if lessons is not None else [lesson_data()]:
        write_yaml(content / "lessons" / lesson["band"] / f"{lesson['id']}.yml", lesson)
    write_yaml(content / "help" / "uk.yml", region_data())
    for name, text in (pages or {"about.md": page_text()}).items():
        target = content / "pages" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return content


def materials_data(**overrides: Any) -> dict[str, Any]:
    """A lesson's classroom materials: a story, a card sort and a worksheet, with an exit ticket."""
    return _merge({
        "you_need": ["Print the story pages, one set per group of four.",
                     "Print and cut out the cards, one set per pair."],
        "resources": [
            {"kind": "story", "id": "sams-stream", "title": "Sam's stream",
             "pages": [{"text": "Sam goes live to show a new dance.",
                        "picture": {"icon": "material/cellphone", "alt": "A phone"}},
                       {"text": "Sam ends the stream and tells Dad. Dad says thank you."}]},
            {"kind": "cards", "id": "live-or-saved", "title": "Live or saved?",
             "instructions": "Put each card under live or saved.",
             "groups": ["Live", "Saved"],
             "cards": [{"text": "A video call with Gran", "group": "Live"},
                       {"text": "A birthday video", "group": "Saved"}]},
            {"kind": "worksheet", "id": "safe-plan", "title": "Sam's safe stream plan",
             "instructions": "Make a plan for Sam.",
             "tasks": [{"prompt": "Who could Sam go live with?", "space": "lines", "lines": 2},
                       {"prompt": "Where should Sam be?", "space": "tick",
                        "options": ["Kitchen", "Bedroom with the door shut"]},
                       {"prompt": "Draw the grown-up Sam could tell.", "space": "draw", "lines": 6}]},
        ],
        "exit_ticket": {"tasks": [{"prompt": "One thing Sam can do if a stream feels wrong:", "lines": 2}]},
    }, overrides)


def check_item(kind: str = "choice", **overrides: Any) -> dict[str, Any]:
    """One knowledge-check item of each kind, with feedback for every answer."""
    items = {
        "choice": {"kind": "choice", "question": "Who can watch a live stream?",
                   "options": [{"text": "Only my friends", "feedback": "Not always. Others can find it too."},
                               {"text": "Anyone who can find it", "correct": True,
                                "feedback": "Yes. That is why Sam keeps it to people Sam knows."}],
                   "checks": {"learning_point": 1}},
        "true-false": {"kind": "true-false", "statement": "You can end a call at any time.", "answer": "true",
                       "feedback": {"true": "Yes. You never need a reason.",
                                    "false": "You can always end a call. You do not need a reason."},
                       "checks": {"learning_point": 2}},
        "sort": {"kind": "sort", "question": "Sort these into live and saved.", "groups": ["Live", "Saved"],
                 "cards": [{"text": "A video call", "group": "Live", "feedback": "It happens now."},
                           {"text": "A film", "group": "Saved", "feedback": "It was made earlier."},
                           {"text": "A stream", "group": "Live", "feedback": "People watch as it happens."}],
                 "checks": {"strand": "online-relationships"}},
    }
    return _merge(items[kind], overrides)


def knowledge_checks_data(**overrides: Any) -> dict[str, Any]:
    def items() -> list[dict[str, Any]]:
        return [check_item("choice"), check_item("true-false"), check_item("sort")]
    return _merge({"baseline": items(), "exit": items()}, overrides)


def lesson_with_materials(**overrides: Any) -> dict[str, Any]:
    """A lesson whose activities use the factory materials, with knowledge checks."""
    base = lesson_data(materials=materials_data(), knowledge_checks=knowledge_checks_data())
    base["activities"][0]["uses"] = ["live-or-saved"]
    base["activities"][1]["uses"] = ["sams-stream", "safe-plan"]
    return _merge(base, overrides)
