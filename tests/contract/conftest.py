"""Session fixtures of the contract tests: each service's OpenAPI document as its code generates
it (``python -m huddle_<service> openapi``, once per session), and the pinned oasdiff
(scripts/contract-tools.sh, cached under ``${HUDDLE_CACHE_DIR:-~/.cache/huddle}``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from huddle_devtools.contract.breaking import install_oasdiff
from huddle_devtools.contract.documents import generate_all

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def generated() -> dict[str, str]:
    """service -> its OpenAPI document, rendered as ``make openapi`` writes it."""
    return generate_all()


@pytest.fixture(scope="session")
def oasdiff() -> Path:
    return install_oasdiff(REPO)
