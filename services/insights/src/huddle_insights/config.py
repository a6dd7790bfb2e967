from __future__ import annotations

from pydantic import SecretStr

from huddle_shared.config import ServiceSettings


class InsightsSettings(ServiceSettings):
    service_name: str = "insights"
    port: int = 8004
    database_url: str = "postgresql://postgres@127.0.0.1:55432/huddle_insights"
    consumer_group: str = "insights"
    # Operators call the rebuild endpoint with this key (X-Operator-Key); unset, it is off.
    operator_key: SecretStr | None = None
