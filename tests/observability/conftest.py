"""Session fixture of the observability tests: Prometheus and promtool from scripts/obs-tools.sh
(cached under ``${HUDDLE_CACHE_DIR:-~/.cache/huddle}``; the first run takes a few seconds)."""

from __future__ import annotations

import pytest

from .support import ObsTools


@pytest.fixture(scope="session")
def obs_tools() -> ObsTools:
    return ObsTools.install()
