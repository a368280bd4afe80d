"""A lesson's pictograms must exist in the icon sets shipped with mkdocs-material."""

from __future__ import annotations

from tests.checks.builders import Tree, only, where
from tests.factories import lesson_with_materials


def test_a_shipped_icon_passes_and_a_missing_one_fails_at_its_line(tree: Tree) -> None:
    lesson = lesson_with_materials()
    path = tree.lesson(lesson)
    assert only(tree.check(), "materials/unknown-icon") == []
    lesson["materials"]["resources"][0]["pages"][0]["picture"]["icon"] = "material/no-such-pictogram"
    path = tree.lesson(lesson)
    found = only(tree.check(), "materials/unknown-icon")
    assert where(found) == [(path, tree.line_of(path, "material/no-such-pictogram"), "materials/unknown-icon")]
    assert found[0].field == "materials.resources[0].pages[0].picture.icon" and "material/tablet" in found[0].fix
