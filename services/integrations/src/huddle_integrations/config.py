from __future__ import annotations

from pydantic import Field, SecretStr, model_validator

from huddle_shared.config import ServiceSettings


class IntegrationsSettings(ServiceSettings):
    service_name: str = "integrations"
    port: int = 8005
    database_url: str = "postgresql://postgres@127.0.0.1:55432/huddle_integrations"
    consumer_group: str = "integrations"
    # Per-organisation Kafka topics are created when an organisation is first seen (they cannot
    # be declared ahead, like the services' own topics); off, they must exist already.
    create_org_topics: bool = True
    # Replicas of each organisation's topic: the cluster's in-sync minimum needs more than one
    # in production (the manifests set 3); 1 for a single local broker.
    org_topic_replication_factor: int = Field(default=1, ge=1, le=7)
    # Charter reviews coming due and going overdue are found by a schedule (time passing is not
    # an event); a review is overdue this many days after its date.
    review_check_interval_s: float = Field(default=3600.0, gt=0)
    review_overdue_after_days: int = Field(default=14, ge=1, le=365)
    # The feed's long poll: the longest `wait` a caller may ask for, and how often it looks.
    feed_max_wait_s: float = Field(default=30.0, ge=0, le=120)
    feed_poll_interval_s: float = Field(default=0.2, gt=0, le=10)
    # Webhook targets on private, loopback or link-local addresses and plain http: only for
    # development and tests (a receiver on 127.0.0.1); never in production.
    webhook_allow_private_targets: bool = False
    # The key that seals webhook signing secrets at rest (a Fernet key: 32 url-safe base64
    # bytes, e.g. from `python -c "from cryptography.fernet import Fernet;
    # print(Fernet.generate_key().decode())"`). Without one, secrets are stored in plain text
    # (development and tests only: production refuses to start without it).
    webhook_secret_key: SecretStr | None = None
    # Deliveries: how many are sent at once, each one's time limit, how often the dispatcher
    # looks for due deliveries written by other replicas.
    webhook_concurrency: int = Field(default=16, ge=1, le=256)
    webhook_timeout_s: float = Field(default=10.0, gt=0, le=60)
    webhook_poll_interval_s: float = Field(default=0.5, gt=0, le=10)
    # Retries: exponential (initial, times factor, capped) with equal jitter, about a day over
    # the default 13 attempts (10 s, 30 s, 1.5 min, 4.5 min, 13.5 min, 40 min, 2 h, then 4 h).
    webhook_retry_initial_s: float = Field(default=10.0, gt=0)
    webhook_retry_max_s: float = Field(default=14_400.0, gt=0)
    webhook_retry_factor: float = Field(default=3.0, ge=1)
    webhook_max_attempts: int = Field(default=13, ge=1, le=1000)
    # A subscription is disabled when every delivery has failed for this long, or after this
    # many dead-lettered deliveries in a row.
    webhook_disable_after_failing_s: float = Field(default=259_200.0, gt=0)
    webhook_disable_after_dead: int = Field(default=20, ge=1)
    # How often the queue-depth and oldest-pending gauges are sampled.
    webhook_metrics_interval_s: float = Field(default=15.0, gt=0)

    @model_validator(mode="after")
    def _no_private_targets_in_production(self) -> IntegrationsSettings:
        if self.environment == "production" and self.webhook_allow_private_targets:
            raise ValueError("HUDDLE_WEBHOOK_ALLOW_PRIVATE_TARGETS must be off in production")
        if self.environment == "production" and self.webhook_secret_key is None:
            raise ValueError("HUDDLE_WEBHOOK_SECRET_KEY must be set in production")
        if self.webhook_retry_initial_s > self.webhook_retry_max_s:
            raise ValueError("HUDDLE_WEBHOOK_RETRY_INITIAL_S must not exceed ..._MAX_S")
        return self
