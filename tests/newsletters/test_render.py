"""Templates: values go in as data, HTML escapes them, text keeps them literal, mistakes are errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from jinja2 import UndefinedError

from onlinesafety.model import Library
from onlinesafety.newsletters.colours import colours_for
from onlinesafety.newsletters.email import email_html, fragment_html, markdown_text, plain_text
from onlinesafety.newsletters.errors import NewsletterErrors, UsageError
from onlinesafety.newsletters.profile import SchoolProfile
from onlinesafety.newsletters.render import (
    Renderer, context, make_renderer, piece_view, school_view, social_posts,
)
from tests.newsletters.factory import AMPERSANDS, HOSTILE

SSTI = "{{ ''.__class__.__mro__[1].__subclasses__() }}"


def piece_context(library: Library, profile: SchoolProfile, snippet_id: str = "live-streaming-7-11",
                  length: str = "medium") -> dict[str, Any]:
    snippet = library.snippets[snippet_id]
    return context(school_view(profile, library.regions[profile.region]),
                   piece_view(library, snippet, length, profile.base_url), colours_for(profile.brand_colour),
                   social_posts(snippet, profile.base_url))


def school_templates(tmp_path: Path, **templates: str) -> Renderer:
    folder = tmp_path / "school-templates"
    folder.mkdir()
    for name, text in templates.items():
        (folder / name.replace("_", ".")).write_text(text, encoding="utf-8")
    return make_renderer(folder)


def test_hostile_values_are_escaped_in_html(renderer: Renderer, library: Library,
                                            hostile_profile: SchoolProfile) -> None:
    values = piece_context(library, hostile_profile)
    for html in (email_html(renderer, values, "x"), fragment_html(renderer, values)):
        assert HOSTILE not in html
        assert "<img" not in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
        assert AMPERSANDS not in html
        assert "&amp;&lt;&gt;" in html


def test_hostile_values_are_literal_in_plain_text(renderer: Renderer, library: Library,
                                                  hostile_profile: SchoolProfile) -> None:
    text = plain_text(renderer, piece_context(library, hostile_profile))
    assert HOSTILE in text
    assert AMPERSANDS in text
    assert "&lt;" not in text and "&amp;" not in text and "&quot;" not in text


def test_hostile_values_are_escaped_for_markdown(renderer: Renderer, library: Library,
                                                 hostile_profile: SchoolProfile) -> None:
    text = markdown_text(renderer, piece_context(library, hostile_profile))
    assert HOSTILE not in text
    assert "&lt;img src=x onerror=alert(1)>" in text


def test_region_terms_and_help_page_sign_off(renderer: Renderer, library: Library, profile: SchoolProfile) -> None:
    scottish = profile.model_copy(update={"region": "scotland"})
    text = plain_text(renderer, piece_context(library, scottish))
    flat = " ".join(text.split())
    assert "Child Protection Coordinator, Ms A. Patel (safeguarding@hillside.example)" in flat
    assert "https://hillside.example/online-safety/help/scotland/" in text
    assert "Designated Safeguarding Lead" not in text
    assert text.rstrip().endswith("With best wishes from everyone at Hillside\nHillside Primary School")


def test_our_environments_treat_undefined_variables_as_errors(renderer: Renderer) -> None:
    for environment in (renderer.html, renderer.text, renderer.markdown):
        with pytest.raises(UndefinedError):
            environment.from_string("Hello {{ school.name }}").render()


def test_a_missing_variable_in_a_school_template_names_file_and_line(
        tmp_path: Path, library: Library, profile: SchoolProfile) -> None:
    renderer = school_templates(tmp_path, text_txt_j2="{{ piece.headline }}\n\nDear {{ school.nmae }}\n")
    with pytest.raises(NewsletterErrors) as error:
        plain_text(renderer, piece_context(library, profile))
    found = error.value.problems[0]
    assert found.path.endswith("school-templates/text.txt.j2")
    assert found.line == 3
    assert "nmae" in found.message and "undefined" in found.message


def test_a_syntax_error_in_a_school_template_names_file_and_line(
        tmp_path: Path, library: Library, profile: SchoolProfile) -> None:
    renderer = school_templates(tmp_path, fragment_html_j2="<p>{{ piece.headline }}</p>\n{% if %}\n")
    with pytest.raises(NewsletterErrors) as error:
        fragment_html(renderer, piece_context(library, profile))
    found = error.value.problems[0]
    assert found.path.endswith("fragment.html.j2") and found.line == 2
    assert "syntax" in found.message


def test_the_sandbox_blocks_reaching_python_internals(tmp_path: Path, library: Library,
                                                      profile: SchoolProfile) -> None:
    renderer = school_templates(tmp_path, text_txt_j2=f"{{{{ piece.headline }}}}\n{SSTI}\n")
    with pytest.raises(NewsletterErrors) as error:
        plain_text(renderer, piece_context(library, profile))
    found = error.value.problems[0]
    assert "unsafe" in found.message
    assert found.path.endswith("text.txt.j2") and found.line == 2


def test_the_sandbox_blocks_changing_the_data(tmp_path: Path, library: Library, profile: SchoolProfile) -> None:
    renderer = school_templates(tmp_path, text_txt_j2="{% set x = [1] %}{{ x.append(2) }}\n")
    with pytest.raises(NewsletterErrors) as error:
        plain_text(renderer, piece_context(library, profile))
    assert "unsafe" in error.value.problems[0].message


def test_a_school_template_overrides_ours_and_still_escapes(tmp_path: Path, library: Library,
                                                             hostile_profile: SchoolProfile) -> None:
    renderer = school_templates(tmp_path, fragment_html_j2="<section><h2>{{ school.name }}</h2>"
                                "{% include '_signoff.html.j2' %}</section>")
    html = fragment_html(renderer, piece_context(library, hostile_profile))
    assert html.startswith("<section><h2>&lt;img src=x onerror=alert(1)&gt;")
    assert "Where to get help (England)" in html  # our partial filled the gap


def test_content_is_data_never_template_source(tmp_path: Path, renderer: Renderer, profile: SchoolProfile) -> None:
    from tests.newsletters.factory import library_at, piece, snippet

    tricky = snippet("live-streaming", "7-11", medium=piece(f"Sums {SSTI}", "Body {{ 7*7 }} {% for %}"))
    library = library_at(tmp_path, snippets=[("live-streaming", tricky)])
    text = plain_text(renderer, piece_context(library, profile))
    assert f"Sums {SSTI}" in text and "Body {{ 7*7 }} {% for %}" in text and "49" not in text


def test_a_missing_templates_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        make_renderer(tmp_path / "nowhere")
