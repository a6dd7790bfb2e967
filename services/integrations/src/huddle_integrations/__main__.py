from huddle_integrations.bootstrap import MIGRATIONS, build_app
from huddle_integrations.config import IntegrationsSettings
from huddle_shared.cli import service_main

service_main(
    settings_factory=IntegrationsSettings,
    migrations=MIGRATIONS,
    app_factory="huddle_integrations.main:create_app",
    build_app=build_app,
)
