from __future__ import annotations

from huddle_shared.config import ServiceSettings


class TeamsSettings(ServiceSettings):
    service_name: str = "teams"
    port: int = 8002
    database_url: str = "postgresql://postgres@127.0.0.1:55432/huddle_teams"
    consumer_group: str = "teams"
