"""Inlining once per shape (stand_ins.py) writes exactly what inlining every school's own document writes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import Markup
from pydantic import ValidationError

from onlinesafety.model import Library
from onlinesafety.newsletters import outputs, stand_ins
from onlinesafety.newsletters.colours import colours_for
from onlinesafety.newsletters.email import _clean_serialised, _inline_email, _inline_fragment, email_html
from onlinesafety.newsletters.errors import NewsletterErrors
from onlinesafety.newsletters.outputs import Files, Selection, school_files
from onlinesafety.newsletters.profile import SchoolProfile
from onlinesafety.newsletters.render import Renderer, context, make_renderer, piece_view, school_view, social_posts
from onlinesafety.newsletters.stand_ins import MARK, Shape, StandIn, StandIns
from tests.newsletters.factory import AMPERSANDS, HOSTILE, library_at, profile_data, region, snippet

# Values that css_inline writes back differently from how Jinja2 escaped them, or that look like markup,
# references or our own stand-ins.
# (line and paragraph separators are refused in profiles: see test_profile_holes.py)
TRICKY = [
    HOSTILE, AMPERSANDS, 'Tom & Jerry\'s "School"', "A\u00a0B\u00a0C", "&amp; &nbsp; &#34; &#39; &lt;",
    "AT&T &copy", "&Times; & ;", "</p><script>alert('x')</script>", "<!-- x -->", "a > b < c", f"{MARK}0 \"<\ue001",
    "\ue000x\ue001", "#0c0d0c", "#1d4f91", "Zoë Māori 😀 ＜Ｓ＞", "x \u00a0 \u2007 \u3000 x",
    "on click id class", "x' onmouseover='alert(1)", '" style="color:red', "${x} {{ y }} %s %(z)s {0}",
]


def files_both_ways(library: Library, profile: SchoolProfile, renderer: Renderer | None = None,
                    selection: Selection | None = None) -> tuple[Files, Files, int]:
    """The files with stand-ins, the files without, and how many emails and fragments came from a shape.

    Shapes are made the second time they are needed, so the school's files are made twice in one run."""
    renderer = renderer or make_renderer()
    selection = selection or Selection()
    filled = []
    fill = Shape.fill

    def counting(shape: Shape, source: str, values: StandIns) -> str | None:
        result = fill(shape, source, values)
        filled.append(result is not None)
        return result

    cache: dict[Any, Any] = {}
    first = school_files(library, profile, renderer, selection, cache=cache)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Shape, "fill", counting)
        fast = school_files(library, profile, renderer, selection, cache=cache)
    assert first == fast
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(outputs.StandIns, "of", staticmethod(lambda *_: None))
        direct = school_files(library, profile, renderer, selection)
    return fast, direct, sum(filled)


def assert_same(fast: Files, direct: Files) -> None:
    assert fast.keys() == direct.keys()
    for path, text in direct.items():
        assert fast[path] == text, "/".join(path)


def profile_with(**values: Any) -> SchoolProfile:
    return SchoolProfile.model_validate(profile_data(**values))


def test_hostile_schools_get_exactly_what_inlining_each_document_gives(library: Library) -> None:
    emails_and_fragments = 5 * 3 * 2
    for number, name in enumerate(TRICKY):
        profile = profile_with(school_name=name, safeguarding_lead_name=f"{name} Lead",
                               sign_off=None if number % 3 == 0 else f"Thanks, {name}",
                               logo_url="https://cdn.example/l&o.png" if number % 2 else None,
                               brand_colour=("#ffffff", "#FFCC00", "#000000", "#0B6E4F")[number % 4],
                               safeguarding_contact=("o'brien&co@school.example", "+44 (0)1234 567890")[number % 2],
                               base_url=("https://a.example/x&y/", "https://b.example/%C3%A9-safety")[number % 2])
        fast, direct, filled = files_both_ways(library, profile)
        assert_same(fast, direct)
        assert filled == emails_and_fragments, name  # every one came from a shape: the shortcut was tested


def test_regions_with_markup_in_their_names_and_terms(tmp_path: Path) -> None:
    library = library_at(tmp_path, regions=[region("england", "England & <Wales>", 1, 'Lead "DSL"', "D&SL"),
                                            region("ni", "Northern\u00a0Ireland", 2)])
    for region_id in ("england", "ni"):
        fast, direct, filled = files_both_ways(library, profile_with(region=region_id))
        assert_same(fast, direct)
        assert filled > 0


def test_content_that_looks_like_a_stand_in_falls_back_to_ordinary_inlining(tmp_path: Path) -> None:
    body = f"Ask about #0c0d0c and {MARK}0 \"<\ue001 and &amp; <b>bold</b>."
    library = library_at(tmp_path, snippets=[("live-streaming", snippet("live-streaming", "7-11", short={
        "headline": f"Live {MARK}1 \"<\ue001 #0c0d0c", "body": body, "call_to_action": "Read #0c0d0d"}))])
    fast, direct, _ = files_both_ways(library, profile_with(), selection=Selection(lengths=("short",)))
    assert_same(fast, direct)


def test_a_schools_own_templates_never_take_the_shortcut(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "fragment.html.j2").write_text('<style>a[href^="https://b"] { color: red }</style>\n'
                                             '<p><a href="{{ school.home_url }}">{{ school.name }}</a></p>\n')
    profile = profile_with(base_url="https://b.example/")
    fast, direct, filled = files_both_ways(library, profile, make_renderer(folder))
    assert_same(fast, direct)
    assert filled == 0


STYLES = "<style>.div { color: red } p { margin: 0 }</style>\n"
NAMES = ("https://evil.example x", "div", "amp;", "Tom & Jerry", "x } p { color: blue } .y {", "a b c d e f g h")


def both_ways(tmp_path: Path, library: Library, template: str, name: str) -> list[tuple[str | None, str, Any]]:
    """For `name` in `template`: (from the shape or None, from inlining, shapes) with either inliner."""
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    (folder / "x.html.j2").write_text(STYLES + template + "\n", encoding="utf-8")
    renderer = make_renderer(folder)
    profile = profile_with()
    school = replace(school_view(profile, library.regions[profile.region]), name=name)
    colours = colours_for(profile.brand_colour)
    found = StandIns.of(school, colours)
    assert found is not None
    piece_ = library.snippets["live-streaming-7-11"]
    real = context(school, piece_view(library, piece_, "short", profile.base_url), colours, None)
    source = renderer.render("html", "x.html.j2", real)
    stand_in_context = context(found.school, piece_view(library, piece_, "short", found.base_url), found.colours,
                               social_posts(piece_, found.base_url))
    results = []
    for inline, clean in ((_inline_email, None), (_inline_fragment, _clean_serialised)):
        shapes: dict[Any, Any] = {}
        stand_in = StandIn(found, stand_in_context, shapes)
        assert stand_in.inline(renderer, "x.html.j2", source, inline, clean) is None  # needed once so far
        fast = stand_in.inline(renderer, "x.html.j2", source, inline, clean)
        try:
            direct = clean(inline(source)) if clean else inline(source)
        except ValueError as error:  # the paste-safe cleaning refuses it
            direct = repr(error)
        results.append((fast, direct, shapes))
    return results


@pytest.mark.parametrize("template", [
    '<p class="{{ school.name }}">x</p>',  # a class: styles select by it
    '<p style="font-family: {{ school.name }}">x</p>',  # css_inline rewrites style attributes
    "<style>.none { font-family: {{ school.name }} }</style><p>x</p>",  # CSS: a value can add rules
    "<p><!-- {{ school.name }} --></p>",  # a comment
    "<p title={{ school.name }}>x</p>",  # unquoted: a value with spaces makes more attributes
    "<p>&{{ school.name }}</p>",  # a reference the value could complete
    "<{{ school.name }}>x</p>",  # a tag the value could open
])
def test_a_value_where_the_shortcut_cannot_follow_it_is_inlined_as_usual(
        tmp_path: Path, library: Library, template: str) -> None:
    for name in NAMES:
        for fast, direct, shapes in both_ways(tmp_path, library, template, name):
            assert fast is None, (template, name, direct)
            assert list(shapes.values()) == [None]  # the shape itself was refused


@pytest.mark.parametrize("template", [
    "<p>{{ school.name|upper }}</p>",  # not the value as it is
    "<p>{% if school.name|length > 12 %}long{% endif %}</p>",  # depends on the value
    '<p><a href="{{ school.name }}">x</a></p>',  # cleaning keeps or drops a link by its start
    '<p title="{{ school.name }}">{{ school.name }}</p>',  # fine
])
def test_a_value_the_template_changes_gets_what_inlining_gives(tmp_path: Path, library: Library,
                                                                template: str) -> None:
    for name in NAMES:
        for fast, direct, _ in both_ways(tmp_path, library, template, name):
            assert fast is None or fast == direct, (template, name)


def test_a_run_for_one_school_makes_no_shapes(library: Library, profile: SchoolProfile) -> None:
    cache: dict[Any, Any] = {}
    school_files(library, profile, make_renderer(), Selection(), cache=cache)
    assert "seen once" in cache.values()
    assert not any(isinstance(value, Shape) for value in cache.values())


def test_an_email_made_from_a_shape_is_still_held_to_the_size_limit(library: Library, profile: SchoolProfile,
                                                                     renderer: Renderer) -> None:
    school, colours = school_view(profile, library.regions[profile.region]), colours_for(profile.brand_colour)
    found = StandIns.of(school, colours)
    assert found is not None
    big = Markup("<p>" + "word " * 25000 + "</p>")
    snippet_ = library.snippets["live-streaming-7-11"]
    piece = replace(piece_view(library, snippet_, "long", profile.base_url), body_html=big)
    stand_in_piece = replace(piece_view(library, snippet_, "long", found.base_url), body_html=big)
    stand_in = StandIn(found, context(found.school, stand_in_piece, found.colours), {})
    for _ in range(2):  # the first time inlines the school's own document; the second fills the shape
        with pytest.raises(NewsletterErrors, match="the limit is 100 KB"):
            email_html(renderer, context(school, piece, colours), "content/snippets/x.yml", stand_in)
    assert any(isinstance(shape, Shape) for shape in stand_in.shapes.values())


def test_values_the_shortcut_does_not_handle(library: Library, profile: SchoolProfile) -> None:
    school = school_view(profile, library.regions[profile.region])
    colours = colours_for(profile.brand_colour)
    assert StandIns.of(school, colours) is not None
    for bad in ({"name": " padded"}, {"name": "a\x00b"}, {"lead_name": "line\nbreak"}, {"contact": ""},
                {"base_url": "http://plain.example"}, {"logo_url": "https://x.example/a b.png"}):
        assert StandIns.of(replace(school, **bad), colours) is None, bad
    assert StandIns.of(school, replace(colours, brand="#FFF")) is None


def test_the_escaping_matches_css_inlines_serialiser_for_every_character() -> None:
    """Each stand-in form's escaping, against what css_inline does to the same text in text and attributes."""
    characters = "".join(chr(c) for c in [*range(0x20, 0x7f), *range(0xa0, 0x800), 0x2028, 0xe000, 0xfeff,
                                          0x1f600])
    value = "x" + characters + "x"
    source = f'<html><head></head><body><p title="{stand_ins._ESCAPES["&#34;"](value)}">' \
             f'{stand_ins._ESCAPES["&#34;"](value)}</p></body></html>'
    expected = f'<html><head></head><body><p title="{stand_ins._ESCAPES["&quot;<"](value)}">' \
               f'{stand_ins._ESCAPES[chr(34) + "&lt;"](value)}</p></body></html>'
    assert _inline_email(source) == expected


school_text = st.lists(st.one_of(st.sampled_from(TRICKY), st.text(min_size=1, max_size=12)), min_size=1,
                       max_size=4).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=school_text, lead=school_text, sign_off=school_text)
def test_any_valid_profile_gets_the_same_files_either_way(library: Library, name: str, lead: str,
                                                           sign_off: str) -> None:
    try:
        profile = profile_with(school_name=name, safeguarding_lead_name=lead, sign_off=sign_off)
    except ValidationError:
        return
    fast, direct, _ = files_both_ways(library, profile, selection=Selection(lengths=("short",),
                                                                            formats=("email", "fragment")))
    assert_same(fast, direct)
