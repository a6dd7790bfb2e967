import asyncio
import json

from huddle_insights.bootstrap import MIGRATIONS, build_app, rebuild_projections
from huddle_insights.config import InsightsSettings
from huddle_shared.cli import service_main


def _rebuild() -> None:
    print(json.dumps(asyncio.run(rebuild_projections(InsightsSettings()))))


service_main(
    settings_factory=InsightsSettings,
    migrations=MIGRATIONS,
    app_factory="huddle_insights.main:create_app",
    build_app=build_app,
    extra_commands={"rebuild": ("rebuild every projection from the topics, then swap", _rebuild)},
)
