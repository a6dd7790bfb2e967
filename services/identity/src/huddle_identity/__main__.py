from huddle_identity.bootstrap import MIGRATIONS, build_app
from huddle_identity.config import IdentitySettings
from huddle_shared.cli import service_main

service_main(
    settings_factory=IdentitySettings,
    migrations=MIGRATIONS,
    app_factory="huddle_identity.main:create_app",
    build_app=build_app,
)
