"""Integration events: the public contract health-system IT receives (webhooks, feed, Kafka).

Kept apart from the services' domain events (their own registry, their own topic family): a
domain event is a service's private history and may change with its code; an integration event
is a promise to a third party. Each one is about one team of one organisation, carries its
tenant, and holds only what an integrator of that organisation may see: Huddle ids, roles,
dates, counts and aggregates that pass the dashboards' privacy rules. Never a person's name or
email, never an individual answer, a comment or a respondent reference; free text only in the
fields an organisation has opted in to (:data:`SHAREABLE_FIELDS`), otherwise ``null``.

Delivered as CloudEvents 1.0 in structured JSON (webhooks, the feed) and in binary mode on the
organisation's own Kafka topic ``integration.<org id>.v1``. Types are
``huddle.integration.<subject>.<what>.v<n>``, additive-only within a version.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from huddle_shared.events import DomainEvent, E, EventRegistry, Topic

INTEGRATION_REGISTRY = EventRegistry()

ORG_TOPIC_TEMPLATE = "integration.{org_id}.v1"
INTEGRATION_TOPIC = Topic(
    name=ORG_TOPIC_TEMPLATE,
    service="integrations",
    aggregate="organization_events",
    description="One topic per organisation holding only that organisation's integration "
    "events, in order per team. The KafkaUser of an integrator may read its own "
    "organisation's topic and nothing else.",
    key_description="The team id: every event of a team lands on one partition, in order.",
)


def org_topic(org_id: str) -> str:
    """The logical Kafka topic of one organisation's integration events."""
    return ORG_TOPIC_TEMPLATE.format(org_id=org_id)


class ShareableField(StrEnum):
    """Free text an organisation may opt in to sharing with its integrations, field by field."""

    TEAM_NAME = "team.name"
    CAMPAIGN_TITLE = "campaign.title"
    ROLE_CHANGE_REASON = "role_change.reason"
    ACTION_TITLE = "action.title"


SHAREABLE_FIELDS = frozenset(ShareableField)


class IntegrationEvent(DomainEvent):
    """What every integration event carries: the organisation and the team it is about."""

    org_id: str = Field(description="The organisation (tenant); also the CloudEvent tenantid")
    team_id: str = Field(description="The team the event is about; also the CloudEvent subject")


class PersonRef(BaseModel):
    """A person by id: Huddle's, and the external id identity knows (null until provisioned)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    user_id: str
    external_id: str | None = Field(
        default=None, description="The id in the health system's directory (SCIM externalId)"
    )


def _event(type_name: str) -> Callable[[type[E]], type[E]]:
    return INTEGRATION_REGISTRY.event(INTEGRATION_TOPIC, type_name)


# ---- teams -------------------------------------------------------------------------------------


@_event("huddle.integration.team.created.v1")
class TeamCreated(IntegrationEvent):
    """A care team was created."""

    care_setting: str
    name: str | None = Field(default=None, description="Only if the org shares team.name")


@_event("huddle.integration.team.renamed.v1")
class TeamRenamed(IntegrationEvent):
    """A team's name changed."""

    name: str | None = Field(default=None, description="Only if the org shares team.name")


@_event("huddle.integration.team.archived.v1")
class TeamArchived(IntegrationEvent):
    """A team was archived (disbanded); no further events follow for it."""


@_event("huddle.integration.team.member_joined.v1")
class MemberJoined(IntegrationEvent):
    """A person joined the team in a team role."""

    member: PersonRef
    role: str
    effective_date: date


@_event("huddle.integration.team.member_role_changed.v1")
class MemberRoleChanged(IntegrationEvent):
    """A member's team role changed."""

    member: PersonRef
    from_role: str
    to_role: str
    effective_date: date
    category: str = Field(description="promotion, planned_rotation, coverage, restructure or other")
    reason: str | None = Field(
        default=None, description="Only if the org shares role_change.reason"
    )


@_event("huddle.integration.team.member_left.v1")
class MemberLeft(IntegrationEvent):
    """A person left the team."""

    member: PersonRef
    role: str
    effective_date: date


@_event("huddle.integration.team.charter_revised.v1")
class CharterRevised(IntegrationEvent):
    """The team agreed a new revision of its charter (vision, goals, norms, roles)."""

    revision: int = Field(ge=1)
    goal_count: int = Field(ge=0)
    norm_count: int = Field(ge=0)
    roles: list[str] = Field(description="The team roles the charter describes")
    next_review_due: date


@_event("huddle.integration.team.charter_reviewed.v1")
class CharterReviewed(IntegrationEvent):
    """The team revisited its charter together."""

    revision: int = Field(ge=1)
    outcome: str = Field(description="reaffirmed, needs_revision or revised")
    reviewed_on: date
    next_review_due: date


@_event("huddle.integration.team.charter_review_due.v1")
class CharterReviewDue(IntegrationEvent):
    """The charter's review date has come (raised by the schedule, with no team action)."""

    revision: int = Field(ge=0, description="The charter revision due for review")
    next_review_due: date


@_event("huddle.integration.team.charter_review_overdue.v1")
class CharterReviewOverdue(IntegrationEvent):
    """The charter's review is two weeks past its date and has not happened."""

    revision: int = Field(ge=0)
    next_review_due: date
    days_overdue: int = Field(ge=1)


# ---- action plans ----------------------------------------------------------------


class ActionPromptRef(BaseModel):
    """What prompted an action: its kind and the one id (or driver) that kind names."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: str = Field(description="campaign, driver, goal or meeting")
    campaign_id: str | None = None
    driver: str | None = Field(default=None, description="A team dashboard driver's name")
    goal_id: str | None = Field(default=None, description="A goal of the team's charter")
    meeting_id: str | None = Field(default=None, description="A meeting the team recorded")


@_event("huddle.integration.action.created.v1")
class ActionCreated(IntegrationEvent):
    """The team agreed an action (committed), or a member proposed one."""

    action_id: str
    status: str = Field(description="proposed or committed")
    owners: list[PersonRef]
    due_date: date
    prompted_by: ActionPromptRef
    goal_ids: list[str] = Field(description="The charter goals it serves")
    title: str | None = Field(default=None, description="Only if the org shares action.title")


@_event("huddle.integration.action.status_changed.v1")
class ActionStatusChanged(IntegrationEvent):
    """An action moved along its lifecycle: committed, in_progress, done or dropped."""

    action_id: str
    from_status: str
    to_status: str
    effective_on: date


@_event("huddle.integration.action.owners_changed.v1")
class ActionOwnersChanged(IntegrationEvent):
    """An action's owners changed (``left_team``: an owner left the team and was taken off)."""

    action_id: str
    owners: list[PersonRef]
    reason: str = Field(description="assigned or left_team")


# ---- campaigns and results --------------------------------------------------------------------


class Participation(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    eligible: int = Field(ge=0)
    responded: int = Field(ge=0)
    rate: float | None = Field(ge=0, le=1, description="responded / eligible; null if none")


@_event("huddle.integration.campaign.opened.v1")
class CampaignOpened(IntegrationEvent):
    """A survey campaign opened for the team."""

    campaign_id: str
    instrument_kind: str
    opens_at: datetime
    closes_at: datetime
    eligible: int = Field(ge=0)
    min_group_size: int = Field(ge=3)
    title: str | None = Field(default=None, description="Only if the org shares campaign.title")


@_event("huddle.integration.campaign.closed.v1")
class CampaignClosed(IntegrationEvent):
    """A campaign stopped taking responses; participation is final."""

    campaign_id: str
    closed_at: datetime
    reason: str = Field(description="closed_early or window_ended")
    participation: Participation


@_event("huddle.integration.results.published.v1")
class ResultsPublished(IntegrationEvent):
    """A closed campaign's team scores, under the dashboards' privacy rules.

    Below the minimum group every score is null and ``suppressed`` says so. Aggregates only:
    no breakdown, no individual answer, no comment, no respondent reference.
    """

    campaign_id: str
    instrument_kind: str
    closed_at: datetime
    participation: Participation
    min_group_size: int = Field(ge=3)
    suppressed: bool
    reason: str | None = Field(default=None, description="Why the scores are withheld")
    scores: dict[str, float | None] = Field(
        default_factory=dict,
        description="Team-level scores by name (e.g. morale, psychological_safety, teamwork, "
        "burnout_share, and the four competencies); null when withheld",
    )
    morale_level: str | None = Field(
        default=None, description="For a team pulse with a morale score: low, fair or good"
    )


# ---- risk --------------------------------------------------------------------------------------


class RiskDriver(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    driver: str
    value: float | None = None
    contribution: float
    status: str = Field(description="ok, insufficient_data or suppressed")


class _RiskChanged(IntegrationEvent):
    from_level: str | None = Field(description="null when the team had no level before")
    to_level: str = Field(description="low, moderate or high")
    value: float = Field(ge=0, le=100, description="The burnout-risk index, 0-100")
    confidence: str | None = Field(description="moderate or high")
    as_of: date
    drivers: list[RiskDriver] = Field(description="Every driver with its value and contribution")


@_event("huddle.integration.risk.raised.v1")
class RiskRaised(_RiskChanged):
    """The team's burnout-risk level rose (on evidence: at least two survey-based drivers)."""


@_event("huddle.integration.risk.lowered.v1")
class RiskLowered(_RiskChanged):
    """The team's burnout-risk level fell from high to moderate."""


@_event("huddle.integration.risk.resolved.v1")
class RiskResolved(_RiskChanged):
    """The team's burnout risk is back to low: an earlier alert is resolved."""


# ---- the integration itself -------------------------------------------------------------------


class IntegrationNotice(DomainEvent):
    """About an organisation's integration rather than a team (no team id)."""

    org_id: str


@_event("huddle.integration.webhook.disabled.v1")
class WebhookDisabled(IntegrationNotice):
    """A webhook subscription was disabled after failing persistently."""

    subscription_id: str
    reason: str
    failing_since: datetime | None = None


@_event("huddle.integration.webhook.ping.v1")
class WebhookPing(IntegrationNotice):
    """A test delivery asked for by the subscription's owner (sent to that subscription only)."""

    subscription_id: str
