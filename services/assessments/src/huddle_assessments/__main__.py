"""``python -m huddle_assessments serve|migrate|openapi|replay-dead-letters``."""

from huddle_assessments.bootstrap import MIGRATIONS, build_app
from huddle_assessments.config import AssessmentsSettings
from huddle_shared.cli import service_main
from huddle_shared.operations import dead_letter_command

service_main(
    settings_factory=AssessmentsSettings,
    migrations=MIGRATIONS,
    app_factory="huddle_assessments.main:create_app",
    build_app=build_app,
    extra_commands={"replay-dead-letters": dead_letter_command(build_app)},
)
