from __future__ import annotations

from pydantic import Field

from huddle_shared.config import ServiceSettings


class InsightsSettings(ServiceSettings):
    service_name: str = "insights"
    port: int = 8004
    database_url: str = "postgresql://postgres@127.0.0.1:55432/huddle_insights"
    consumer_group: str = "insights"
    # ``operator_key`` (the rebuild and dead-letter routes) is a ServiceSettings field.
    # Computed dashboard responses kept per process (LRU entries); 0 turns the cache off.
    dashboard_cache_size: int = Field(default=2048, ge=0, le=1_000_000)
    # Burnout risk is re-evaluated for every team this often, as time alone changes it.
    risk_reevaluation_interval_s: float = Field(default=3600.0, gt=0)
