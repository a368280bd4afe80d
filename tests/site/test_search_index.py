"""The search index additions: keywords on page entries only, boosts and audience tags on every entry
of a handwritten page, nothing changed for other pages."""

from __future__ import annotations

from onlinesafety import load_library
from onlinesafety.site.search import (add_to_index, handwritten_boosts, handwritten_tags, keywords,
                                      search_meta, PAGE_BOOST)
from tests.conftest import ROOT


def index(*locations: str) -> dict:
    return {"config": {}, "docs": [{"location": where, "title": "t", "text": "x"} for where in locations]}


def test_keywords_boosts_and_tags_go_where_they_belong():
    data = add_to_index(index("a/", "a/#s", "b/", "b/#s", "c/"), {"a/": "Year 4"}, {"b/": 5.0}, {"b/": ["Parent guide"]})
    docs = {doc["location"]: doc for doc in data["docs"]}
    assert docs["a/"]["keywords"] == "Year 4" and "keywords" not in docs["a/#s"]
    assert docs["b/"]["boost"] == docs["b/#s"]["boost"] == 5.0
    assert docs["b/#s"]["tags"] == ["Parent guide"]
    assert docs["c/"] == {"location": "c/", "title": "t", "text": "x"}


def test_the_real_content():
    library = load_library(ROOT / "content")
    words = keywords(library)
    assert "Year 4" in words["ages/7-11/"] and "Year 4" in words["parents/ages/7-11/"]
    assert "Year 4" not in words["parents/ages/4-7/"]
    assert handwritten_boosts(library)["parents/if-something-has-happened/"] == PAGE_BOOST
    assert "staff/delivering-safely/" not in handwritten_boosts(library)
    assert handwritten_tags(library)["staff/delivering-safely/"] == ["Staff"]
    assert search_meta(["Lesson plan", "Ages 7–11"]) is None
    assert search_meta(["Parent guide"]) == {"boost": PAGE_BOOST}
