"""Fixtures for resolution tests."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from ingest.results import Extraction
from tests.factory import build_note


@pytest.fixture
def note() -> Callable[..., Extraction]:
    return build_note
