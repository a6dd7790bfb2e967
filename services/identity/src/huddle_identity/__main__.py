import asyncio

from huddle_identity.bootstrap import MIGRATIONS, build_app, rotate_signing_key
from huddle_identity.config import IdentitySettings
from huddle_shared.cli import service_main


def _rotate() -> None:
    kid = asyncio.run(rotate_signing_key(IdentitySettings()))
    print(f"New signing key {kid}; the previous one stays in the JWKS until its tokens expire.")


service_main(
    settings_factory=IdentitySettings,
    migrations=MIGRATIONS,
    app_factory="huddle_identity.main:create_app",
    build_app=build_app,
    extra_commands={"rotate-signing-key": ("retire the signing key now, start a new one", _rotate)},
)
