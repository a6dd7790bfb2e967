"""``python -m huddle_teams serve|migrate|openapi|replay-dead-letters``."""

from huddle_shared.cli import service_main
from huddle_shared.operations import dead_letter_command
from huddle_teams.bootstrap import MIGRATIONS, build_app
from huddle_teams.config import TeamsSettings

service_main(
    settings_factory=TeamsSettings,
    migrations=MIGRATIONS,
    app_factory="huddle_teams.main:create_app",
    build_app=build_app,
    extra_commands={"replay-dead-letters": dead_letter_command(build_app)},
)
