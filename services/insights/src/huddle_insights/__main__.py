from huddle_insights.bootstrap import MIGRATIONS, build_app
from huddle_insights.config import InsightsSettings
from huddle_shared.cli import service_main

service_main(
    settings_factory=InsightsSettings,
    migrations=MIGRATIONS,
    app_factory="huddle_insights.main:create_app",
    build_app=build_app,
)
