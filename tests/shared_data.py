"""Locate data in the shared folder beside the repository (``../shared/data/...`` from its root).

Why: the case folders and other evaluation sets are shared between checkouts and never copied
into the repository. A developer without them gets a one-line skip; on CI (``CI=true``) their
absence is a failure, so a broken checkout of the data is never mistaken for a pass.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

__all__ = ["SHARED_DATA", "shared_data"]

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def shared_data(*parts: str) -> Path:
    """The path ``SHARED_DATA/<parts>``; skips the test when it is missing, fails when ``CI=true``."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        message = f"{path}: shared data not found"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message} (CI=true: the shared data must be there)", pytrace=False)
        pytest.skip(f"{message} (set CI=true to make this a failure)")
    return path
