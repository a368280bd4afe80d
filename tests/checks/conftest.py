"""Fixtures for the quality-gate tests: a fresh, valid content tree per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.checks.builders import Tree


@pytest.fixture
def tree(tmp_path: Path) -> Tree:
    return Tree(tmp_path)
