"""``python -m huddle_insights serve|migrate|openapi|rebuild|replay-dead-letters``."""

import asyncio
import json

from huddle_insights.bootstrap import (
    MIGRATIONS,
    build_app,
    live_generation_consumers,
    rebuild_projections,
)
from huddle_insights.config import InsightsSettings
from huddle_shared.cli import service_main
from huddle_shared.operations import dead_letter_command


def _rebuild() -> None:
    print(json.dumps(asyncio.run(rebuild_projections(InsightsSettings()))))


service_main(
    settings_factory=InsightsSettings,
    migrations=MIGRATIONS,
    app_factory="huddle_insights.main:create_app",
    build_app=build_app,
    extra_commands={
        "rebuild": ("rebuild every projection from the topics, then swap", _rebuild),
        "replay-dead-letters": dead_letter_command(build_app, consumers=live_generation_consumers),
    },
)
