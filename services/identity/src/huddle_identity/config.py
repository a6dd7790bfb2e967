from __future__ import annotations

from huddle_shared.config import ServiceSettings


class IdentitySettings(ServiceSettings):
    service_name: str = "identity"
    port: int = 8001
    database_url: str = "postgresql://postgres@127.0.0.1:55432/huddle_identity"
