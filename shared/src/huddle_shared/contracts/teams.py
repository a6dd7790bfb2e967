"""Events of the teams service, on ``teams.team.v1`` keyed by team id."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from huddle_shared.contracts.registry import REGISTRY
from huddle_shared.events import DomainEvent, Topic

TEAM_TOPIC = Topic(
    name="teams.team.v1",
    service="teams",
    aggregate="team",
    description="Every change to a care team: creation, membership, roles, charter, archival.",
    key_description="The team id (UUID); all events of one team share a partition, in order.",
)


class CareSetting(StrEnum):
    PRIMARY_CARE_CLINIC = "primary_care_clinic"
    AMBULATORY_CARE = "ambulatory_care"
    COMMUNITY_HEALTH = "community_health"
    HOME_CARE = "home_care"
    URGENT_CARE = "urgent_care"
    OTHER = "other"


@REGISTRY.event(TEAM_TOPIC, "huddle.teams.team_created.v1")
class TeamCreated(DomainEvent):
    """A care team was created in an organisation."""

    team_id: str
    org_id: str
    name: str = Field(min_length=1, max_length=200)
    care_setting: CareSetting
    description: str = Field(default="", max_length=4000)
    created_by: str


@REGISTRY.event(TEAM_TOPIC, "huddle.teams.team_renamed.v1")
class TeamRenamed(DomainEvent):
    """A team's name or description changed."""

    team_id: str
    name: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=4000)
    renamed_by: str
