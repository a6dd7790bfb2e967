"""Settings shared by every service, read from the environment (prefix ``HUDDLE_``)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class ServiceSettings(BaseSettings):
    """Configuration common to all five services.

    Each process reads its own environment, so ``HUDDLE_DATABASE_URL`` names the database of the
    service being started (the dev launcher sets it per process, Kubernetes per Deployment).
    """

    model_config = SettingsConfigDict(env_prefix="HUDDLE_", extra="ignore", env_file=None)

    environment: Literal["development", "test", "production"] = "development"
    service_name: str = "huddle"
    host: str = "127.0.0.1"
    port: int = 8000

    database_url: str = "postgresql://postgres@127.0.0.1:55432/huddle"
    database_pool_size: int = Field(default=10, ge=1, le=200)
    database_statement_timeout_ms: int = Field(default=15_000, ge=100)

    kafka_bootstrap: str = "127.0.0.1:59092"
    kafka_security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    kafka_sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] | None = None
    kafka_sasl_username: str | None = None
    kafka_sasl_password: SecretStr | None = None
    kafka_ssl_cafile: str | None = None
    topic_prefix: str = ""
    topic_partitions: int = Field(default=3, ge=1, le=1024)
    create_topics: bool = True

    relay_enabled: bool = True
    relay_batch_size: int = Field(default=500, ge=1, le=10_000)
    relay_poll_interval_s: float = Field(default=0.25, gt=0, le=60)

    consumers_enabled: bool = True
    consumer_batch_size: int = Field(default=500, ge=1, le=10_000)

    cors_origins: list[str] = Field(default_factory=list)
    max_body_bytes: int = Field(default=1_048_576, ge=1024)

    jwks_url: str = "http://127.0.0.1:8001/.well-known/jwks.json"
    jwt_issuer: str = "huddle-identity"
    jwt_audience: str = "huddle"
    jwks_cache_seconds: float = Field(default=300.0, gt=0)

    # Operators call the operations routes (dead-letter replay, insights' rebuild) with this key
    # in ``X-Operator-Key``; unset, those routes answer 404 as if they did not exist.
    operator_key: SecretStr | None = None

    @model_validator(mode="after")
    def _refuse_unsafe_production_settings(self) -> ServiceSettings:
        if self.environment != "production":
            return self
        if "*" in self.cors_origins:
            raise ValueError("HUDDLE_CORS_ORIGINS must list origins explicitly in production")
        if self.jwks_url.startswith("file://") or (
            self.jwks_url.startswith("http://") and not _cluster_internal(self.jwks_url)
        ):
            raise ValueError("HUDDLE_JWKS_URL must use https (or a cluster-internal host)")
        return self

    def kafka_options(self) -> dict[str, Any]:
        """Connection options for every Kafka client (TLS and SASL when configured)."""
        options: dict[str, Any] = {"security_protocol": self.kafka_security_protocol}
        if self.kafka_security_protocol in ("SSL", "SASL_SSL"):
            from aiokafka.helpers import create_ssl_context

            options["ssl_context"] = create_ssl_context(cafile=self.kafka_ssl_cafile)
        if self.kafka_security_protocol.startswith("SASL"):
            options["sasl_mechanism"] = self.kafka_sasl_mechanism or "SCRAM-SHA-512"
            options["sasl_plain_username"] = self.kafka_sasl_username
            options["sasl_plain_password"] = (
                self.kafka_sasl_password.get_secret_value() if self.kafka_sasl_password else None
            )
        return options

    @property
    def sqlalchemy_url(self) -> str:
        """The database URL with the asyncpg driver, whatever form it was given in."""
        return to_asyncpg_url(self.database_url)

    def topic(self, logical_name: str) -> str:
        """The physical Kafka topic for a logical topic name (prefix allows isolated test runs)."""
        return f"{self.topic_prefix}{logical_name}"


def _cluster_internal(url: str) -> bool:
    host = url.split("://", 1)[1].split("/", 1)[0].split(":", 1)[0]
    return host.endswith((".svc", ".svc.cluster.local")) or "." not in host


def to_asyncpg_url(url: str) -> str:
    for scheme in ("postgresql+asyncpg://", "postgresql://", "postgres://"):
        if url.startswith(scheme):
            return "postgresql+asyncpg://" + url[len(scheme) :]
    raise ValueError(f"not a PostgreSQL URL: {url.split('://', 1)[0]}://…")
