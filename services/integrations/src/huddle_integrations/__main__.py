"""``python -m huddle_integrations serve|migrate|openapi|replay-dead-letters``."""

from huddle_integrations.bootstrap import MIGRATIONS, build_app
from huddle_integrations.config import IntegrationsSettings
from huddle_shared.cli import service_main
from huddle_shared.operations import dead_letter_command

service_main(
    settings_factory=IntegrationsSettings,
    migrations=MIGRATIONS,
    app_factory="huddle_integrations.main:create_app",
    build_app=build_app,
    extra_commands={"replay-dead-letters": dead_letter_command(build_app)},
)
