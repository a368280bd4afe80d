"""Fixtures for the newsletter tests: a small valid content folder, profiles and a renderer."""

from __future__ import annotations

from pathlib import Path

import pytest

from onlinesafety.loading import load_library
from onlinesafety.model import Library
from onlinesafety.newsletters.profile import SchoolProfile, load_profile
from onlinesafety.newsletters.render import Renderer, make_renderer
from tests.newsletters.factory import AMPERSANDS, HOSTILE, write_content, write_profile


@pytest.fixture(scope="session")
def content_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_content(tmp_path_factory.mktemp("newsletter-content"))


@pytest.fixture(scope="session")
def library(content_dir: Path) -> Library:
    return load_library(content_dir)


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    return write_profile(tmp_path / "school.yml")


@pytest.fixture
def profile(profile_file: Path, library: Library) -> SchoolProfile:
    return load_profile(profile_file, library)


@pytest.fixture
def hostile_profile(tmp_path: Path, library: Library) -> SchoolProfile:
    """Every free-text field holds markup or HTML special characters."""
    path = write_profile(tmp_path / "hostile.yml", id="hostile-school", school_name=HOSTILE + " " + AMPERSANDS,
                         safeguarding_lead_name=AMPERSANDS + " Lead", sign_off="Thanks " + HOSTILE)
    return load_profile(path, library)


@pytest.fixture(scope="session")
def renderer() -> Renderer:
    return make_renderer()
