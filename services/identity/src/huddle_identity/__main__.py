"""``python -m huddle_identity serve|migrate|openapi|rotate-signing-key``."""

import asyncio
from datetime import UTC, datetime

from huddle_identity.bootstrap import MIGRATIONS, build_app, key_ring
from huddle_identity.config import IdentitySettings
from huddle_shared.cli import service_main
from huddle_shared.db import create_engine


async def rotate_signing_key(settings: IdentitySettings) -> str:
    """For operators (e.g. after a suspected key leak): retire the key now, start a new one."""
    engine = create_engine(settings)
    try:
        return await key_ring(settings, engine).rotate(datetime.now(UTC))
    finally:
        await engine.dispose()


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
