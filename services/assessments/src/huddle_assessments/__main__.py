from huddle_assessments.bootstrap import MIGRATIONS, build_app
from huddle_assessments.config import AssessmentsSettings
from huddle_shared.cli import service_main

service_main(
    settings_factory=AssessmentsSettings,
    migrations=MIGRATIONS,
    app_factory="huddle_assessments.main:create_app",
    build_app=build_app,
)
