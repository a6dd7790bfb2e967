"""From the services' domain events to integration events: what crosses the boundary, and how.

Pure: no I/O. Each domain event gives zero or more integration events; what is not listed here
(instrument publications, anonymity settings, goal status notes, an action's why,
its check-ins and why it was dropped, anything of a person) never
leaves. Free text goes out only in the fields the organisation opted in to. Ids are derived
from the cause (``uuid5`` of its id and the integration type), so translating the same domain
event again gives the same ids: a replay writes nothing twice, and the feed, the webhooks and
the Kafka topic all carry one id per event.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime

from huddle_shared.contracts import assessments as a
from huddle_shared.contracts import insights as i
from huddle_shared.contracts import integration as out
from huddle_shared.contracts import practice as p
from huddle_shared.contracts import teams as t
from huddle_shared.events import DomainEvent

# The namespace of integration event ids (a fixed random UUID: ids must never change).
ID_NAMESPACE = uuid.UUID("5d0c8f0e-3b8e-4d7a-9a53-2f4f6c1e9b21")


def integration_id(cause: str, type_name: str) -> uuid.UUID:
    """The integration event's id, stable for one cause and one type."""
    return uuid.uuid5(ID_NAMESPACE, f"{cause}/{type_name}")


@dataclass(frozen=True)
class Outgoing:
    """One integration event, ready to be logged and delivered."""

    event: DomainEvent
    event_id: uuid.UUID
    org_id: str
    subject: str
    time: datetime
    # The W3C trace context of the change that caused it (empty: the publisher's own).
    trace: dict[str, str] = field(default_factory=dict)

    @property
    def type(self) -> str:
        return self.event.event_type


def outgoing(
    event: out.IntegrationEvent,
    *,
    cause: str,
    time: datetime,
    trace: dict[str, str] | None = None,
) -> Outgoing:
    return Outgoing(
        event=event,
        event_id=integration_id(cause, event.event_type),
        org_id=event.org_id,
        subject=event.team_id,
        time=time,
        trace=dict(trace or {}),
    )


def notice(event: out.IntegrationNotice, *, cause: str, time: datetime) -> Outgoing:
    """An event about the organisation's integration itself (its subject is the organisation)."""
    return Outgoing(
        event=event,
        event_id=integration_id(cause, event.event_type),
        org_id=event.org_id,
        subject=event.org_id,
        time=time,
    )


def _shared(shared: Collection[str], field: out.ShareableField, value: str) -> str | None:
    return value if field in shared else None


def _participation(eligible: int, responded: int) -> out.Participation:
    rate = round(responded / eligible, 4) if eligible else None
    return out.Participation(eligible=eligible, responded=responded, rate=rate)


def _member(user_id: str) -> out.PersonRef:
    # Identity knows no external ids yet (SCIM provisioning will bring them).
    return out.PersonRef(user_id=user_id)


def _drivers(alert: i._RiskChange) -> list[out.RiskDriver]:
    drivers = alert.drivers or alert.top_drivers
    return [
        out.RiskDriver(driver=d.driver, value=d.value, contribution=d.contribution, status=d.status)
        for d in drivers
    ]


def translate(
    payload: DomainEvent, *, org_id: str, shared: Collection[str]
) -> list[out.IntegrationEvent]:
    """The integration events a domain event of ``org_id`` gives (none for most)."""
    match payload:
        case t.TeamCreated():
            return [
                out.TeamCreated(
                    org_id=org_id,
                    team_id=payload.team_id,
                    care_setting=payload.care_setting.value,
                    name=_shared(shared, out.ShareableField.TEAM_NAME, payload.name),
                )
            ]
        case t.TeamRenamed():
            return [
                out.TeamRenamed(
                    org_id=org_id,
                    team_id=payload.team_id,
                    name=_shared(shared, out.ShareableField.TEAM_NAME, payload.name),
                )
            ]
        case t.TeamArchived():
            return [out.TeamArchived(org_id=org_id, team_id=payload.team_id)]
        case t.MemberAdded():
            return [
                out.MemberJoined(
                    org_id=org_id,
                    team_id=payload.team_id,
                    member=_member(payload.user_id),
                    role=payload.role.value,
                    effective_date=payload.effective_date,
                )
            ]
        case t.MemberRoleChanged():
            return [
                out.MemberRoleChanged(
                    org_id=org_id,
                    team_id=payload.team_id,
                    member=_member(payload.user_id),
                    from_role=payload.from_role.value,
                    to_role=payload.to_role.value,
                    effective_date=payload.effective_date,
                    category=payload.category.value,
                    reason=_shared(shared, out.ShareableField.ROLE_CHANGE_REASON, payload.reason),
                )
            ]
        case t.MemberRemoved():
            return [
                out.MemberLeft(
                    org_id=org_id,
                    team_id=payload.team_id,
                    member=_member(payload.user_id),
                    role=payload.role.value,
                    effective_date=payload.effective_date,
                )
            ]
        case t.CharterRevised():
            return [
                out.CharterRevised(
                    org_id=org_id,
                    team_id=payload.team_id,
                    revision=payload.revision,
                    goal_count=len(payload.goals),
                    norm_count=len(payload.norms),
                    roles=sorted({r.role.value for r in payload.roles}),
                    next_review_due=payload.next_review_due,
                )
            ]
        case t.CharterReviewed():
            return [
                out.CharterReviewed(
                    org_id=org_id,
                    team_id=payload.team_id,
                    revision=payload.revision,
                    outcome=payload.outcome.value,
                    reviewed_on=payload.reviewed_on,
                    next_review_due=payload.next_review_due,
                )
            ]
        case p.ActionCreated():
            prompt = payload.prompted_by
            return [
                out.ActionCreated(
                    org_id=org_id,
                    team_id=payload.team_id,
                    action_id=payload.action_id,
                    status=payload.status.value,
                    owners=[_member(owner) for owner in payload.owners],
                    due_date=payload.due_date,
                    prompted_by=out.ActionPromptRef(
                        kind=prompt.kind.value,
                        campaign_id=prompt.campaign_id,
                        driver=prompt.driver.value if prompt.driver else None,
                        goal_id=prompt.goal_id,
                        meeting_id=prompt.meeting_id,
                    ),
                    goal_ids=list(payload.goal_ids),
                    title=_shared(shared, out.ShareableField.ACTION_TITLE, payload.title),
                )
            ]
        case p.ActionStatusChanged():
            return [
                out.ActionStatusChanged(
                    org_id=org_id,
                    team_id=payload.team_id,
                    action_id=payload.action_id,
                    from_status=payload.from_status.value,
                    to_status=payload.to_status.value,
                    effective_on=payload.effective_on,
                )
            ]
        case p.ActionOwnersChanged():
            return [
                out.ActionOwnersChanged(
                    org_id=org_id,
                    team_id=payload.team_id,
                    action_id=payload.action_id,
                    owners=[_member(owner) for owner in payload.owners],
                    reason=payload.reason.value,
                )
            ]
        case a.CampaignOpened():
            return [
                out.CampaignOpened(
                    org_id=org_id,
                    team_id=payload.team_id,
                    campaign_id=payload.campaign_id,
                    instrument_kind=payload.instrument_kind.value,
                    opens_at=payload.opens_at,
                    closes_at=payload.closes_at,
                    eligible=payload.eligible_count,
                    min_group_size=payload.min_group_size,
                    title=_shared(shared, out.ShareableField.CAMPAIGN_TITLE, payload.title),
                )
            ]
        case a.CampaignClosed():
            return [
                out.CampaignClosed(
                    org_id=org_id,
                    team_id=payload.team_id,
                    campaign_id=payload.campaign_id,
                    closed_at=payload.closed_at,
                    reason=payload.reason,
                    participation=_participation(payload.eligible_count, payload.responded_count),
                )
            ]
        case i.BurnoutRiskRose() | i.BurnoutRiskLowered() | i.BurnoutRiskResolved():
            kind = {
                i.BurnoutRiskRose: out.RiskRaised,
                i.BurnoutRiskLowered: out.RiskLowered,
                i.BurnoutRiskResolved: out.RiskResolved,
            }[type(payload)]
            return [
                kind(
                    org_id=org_id,
                    team_id=payload.team_id,
                    from_level=payload.from_level,
                    to_level=payload.to_level,
                    value=payload.risk,
                    confidence=payload.confidence,
                    as_of=payload.as_of,
                    drivers=_drivers(payload),
                )
            ]
        case i.CampaignResultsPublished():
            return [
                out.ResultsPublished(
                    org_id=org_id,
                    team_id=payload.team_id,
                    campaign_id=payload.campaign_id,
                    instrument_kind=payload.instrument_kind,
                    closed_at=payload.closed_at,
                    participation=_participation(payload.eligible_count, payload.responded_count),
                    min_group_size=payload.min_group_size,
                    suppressed=payload.suppressed,
                    reason=payload.reason,
                    scores=dict(payload.scores),
                    morale_level=payload.morale_level,
                )
            ]
    return []


# ---- charter reviews coming due, found by the schedule ---------------------------------------


@dataclass(frozen=True)
class ReviewState:
    """What the schedule knows of a team's charter review."""

    org_id: str
    team_id: str
    revision: int
    next_review_due: date
    due_sent_for: date | None
    overdue_sent_for: date | None


def reviews_to_announce(
    state: ReviewState, *, today: date, overdue_after_days: int
) -> list[out.IntegrationEvent]:
    """Review due on its date, overdue ``overdue_after_days`` later; each once per due date."""
    found: list[out.IntegrationEvent] = []
    due = state.next_review_due
    if today >= due and state.due_sent_for != due:
        found.append(
            out.CharterReviewDue(
                org_id=state.org_id,
                team_id=state.team_id,
                revision=state.revision,
                next_review_due=due,
            )
        )
    late = (today - due).days
    if late >= overdue_after_days and state.overdue_sent_for != due:
        found.append(
            out.CharterReviewOverdue(
                org_id=state.org_id,
                team_id=state.team_id,
                revision=state.revision,
                next_review_due=due,
                days_overdue=late,
            )
        )
    return found


def review_cause(state: ReviewState, kind: str) -> str:
    """The cause of a scheduled review event: the team, its due date and which announcement."""
    return f"{state.team_id}/{state.next_review_due.isoformat()}/{kind}"
