from __future__ import annotations

import hashlib

from pydantic import Field, SecretStr, model_validator

from huddle_shared.config import ServiceSettings

_DEV_LINK_KEY = hashlib.sha256(b"huddle assessments development only").digest()


class AssessmentsSettings(ServiceSettings):
    service_name: str = "assessments"
    port: int = 8003
    database_url: str = "postgresql://postgres@127.0.0.1:55432/huddle_assessments"
    consumer_group: str = "assessments"
    # Keys the hash that links a person to their response (base64 of 32 bytes in production).
    link_secret: SecretStr | None = None
    auto_close_interval_s: float = Field(default=30.0, gt=0)

    @model_validator(mode="after")
    def _require_link_secret_in_production(self) -> AssessmentsSettings:
        if self.environment == "production" and self.link_secret is None:
            raise ValueError("HUDDLE_LINK_SECRET must be set in production")
        return self

    def link_key(self) -> bytes:
        if self.link_secret is None:
            return _DEV_LINK_KEY
        return hashlib.sha256(self.link_secret.get_secret_value().encode()).digest()
