from __future__ import annotations

from huddle_shared.config import ServiceSettings


class AssessmentsSettings(ServiceSettings):
    service_name: str = "assessments"
    port: int = 8003
    database_url: str = "postgresql://postgres@127.0.0.1:55432/huddle_assessments"
