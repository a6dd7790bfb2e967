"""The Campaign aggregate and the decision to record a response. Pure: facts come in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from huddle_assessments.domain.scoring import answer_problems, score_response
from huddle_shared.contracts.assessments import (
    Anonymity,
    CampaignClosed,
    CampaignOpened,
    CampaignSettingsChanged,
    InstrumentDefinition,
    InstrumentKind,
    ResponseRecorded,
)
from huddle_shared.errors import Conflict, DomainRuleViolated, Forbidden
from huddle_shared.events import DomainEvent

MIN_GROUP_FLOOR = 3
MAX_WINDOW = timedelta(days=180)


@dataclass(frozen=True)
class Campaign:
    id: str
    org_id: str
    team_id: str
    instrument_id: str
    instrument_kind: InstrumentKind
    title: str
    opens_at: datetime
    closes_at: datetime
    anonymity: Anonymity
    min_group_size: int
    eligible_count: int
    closed_at: datetime | None
    version: int

    def status(self, now: datetime) -> str:
        if self.closed_at is not None or now >= self.closes_at:
            return "closed"
        return "scheduled" if now < self.opens_at else "open"


@dataclass(frozen=True)
class OpenCampaign:
    campaign_id: str
    org_id: str
    team_id: str
    instrument_id: str
    instrument_kind: InstrumentKind
    title: str
    opens_at: datetime
    closes_at: datetime
    anonymity: Anonymity
    min_group_size: int
    eligible_count: int
    actor: str


@dataclass(frozen=True)
class ChangeSettings:
    anonymity: Anonymity
    min_group_size: int
    responses_so_far: int
    actor: str


@dataclass(frozen=True)
class CloseCampaign:
    responded_count: int
    actor: str | None


@dataclass(frozen=True)
class SubmitResponse:
    response_id: str
    respondent_ref: str
    respondent_group: str
    answers: Mapping[str, object]
    is_eligible: bool
    already_responded: bool


def _check_group_size(size: int) -> None:
    # Below three, any "aggregate" is close to an individual answer.
    if size < MIN_GROUP_FLOOR:
        raise DomainRuleViolated(f"The minimum group size can never be below {MIN_GROUP_FLOOR}")


def decide_open_campaign(
    state: Campaign | None, command: OpenCampaign, now: datetime
) -> list[DomainEvent]:
    if state is not None:
        raise Conflict("This campaign already exists")
    _check_group_size(command.min_group_size)
    if command.closes_at <= command.opens_at:
        raise DomainRuleViolated("A campaign must close after it opens")
    if command.closes_at <= now:
        raise DomainRuleViolated("A campaign must close in the future")
    if command.closes_at - command.opens_at > MAX_WINDOW:
        raise DomainRuleViolated("A campaign may stay open for at most 180 days")
    return [
        CampaignOpened(
            campaign_id=command.campaign_id,
            org_id=command.org_id,
            team_id=command.team_id,
            instrument_id=command.instrument_id,
            instrument_kind=command.instrument_kind,
            title=command.title,
            opens_at=command.opens_at,
            closes_at=command.closes_at,
            anonymity=command.anonymity,
            min_group_size=command.min_group_size,
            eligible_count=command.eligible_count,
        )
    ]


def decide_change_settings(
    state: Campaign, command: ChangeSettings, now: datetime
) -> list[DomainEvent]:
    if state.status(now) == "closed":
        raise Conflict("The campaign is closed")
    if command.responses_so_far > 0:
        # Respondents answered under the announced settings; changing them now would break
        # the promise they answered under.
        raise Conflict("Anonymity settings are locked once the first response is in")
    _check_group_size(command.min_group_size)
    if (command.anonymity, command.min_group_size) == (state.anonymity, state.min_group_size):
        return []
    return [
        CampaignSettingsChanged(
            campaign_id=state.id,
            anonymity=command.anonymity,
            min_group_size=command.min_group_size,
        )
    ]


def decide_close_campaign(
    state: Campaign, command: CloseCampaign, now: datetime
) -> list[DomainEvent]:
    if state.closed_at is not None:
        raise Conflict("The campaign is already closed")
    window_ended = now >= state.closes_at
    if command.actor is None and not window_ended:
        raise DomainRuleViolated("Only a person can close a campaign before its window ends")
    return [
        CampaignClosed(
            campaign_id=state.id,
            team_id=state.team_id,
            closed_at=min(now, state.closes_at) if window_ended else now,
            reason="window_ended" if window_ended else "closed_early",
            eligible_count=state.eligible_count,
            responded_count=command.responded_count,
        )
    ]


def decide_record_response(
    state: Campaign, definition: InstrumentDefinition, command: SubmitResponse, now: datetime
) -> ResponseRecorded:
    status = state.status(now)
    if status != "open":
        raise Conflict(f"The campaign is {status}; it does not take responses now")
    if not command.is_eligible:
        raise Forbidden("Only the team's members when the campaign opened can respond")
    if command.already_responded:
        raise Conflict("You have already responded to this campaign")
    problems = answer_problems(definition, command.answers)
    if problems:
        raise DomainRuleViolated(
            f"{len(problems)} answer(s) need attention",
            errors=[
                {"location": ["body", "answers", item], "message": message, "type": "answer"}
                for item, message in sorted(problems.items())
            ],
        )
    answers = {k: int(v) for k, v in command.answers.items() if isinstance(v, int)}
    # In anonymous campaigns the time is coarsened to the day: exact submission times can be
    # matched with who was seen at a computer.
    recorded_at = (
        now.replace(hour=0, minute=0, second=0, microsecond=0)
        if state.anonymity == Anonymity.ANONYMOUS
        else now
    )
    return ResponseRecorded(
        response_id=command.response_id,
        campaign_id=state.id,
        team_id=state.team_id,
        org_id=state.org_id,
        instrument_id=state.instrument_id,
        instrument_kind=state.instrument_kind,
        respondent_ref=command.respondent_ref,
        respondent_group=command.respondent_group,
        scores=score_response(definition, answers),
        recorded_at=recorded_at,
    )


def evolve(state: Campaign | None, event: DomainEvent, *, version: int) -> Campaign:
    match event:
        case CampaignOpened():
            return Campaign(
                id=event.campaign_id,
                org_id=event.org_id,
                team_id=event.team_id,
                instrument_id=event.instrument_id,
                instrument_kind=event.instrument_kind,
                title=event.title,
                opens_at=event.opens_at,
                closes_at=event.closes_at,
                anonymity=event.anonymity,
                min_group_size=event.min_group_size,
                eligible_count=event.eligible_count,
                closed_at=None,
                version=version,
            )
        case CampaignSettingsChanged() if state is not None:
            return replace(
                state,
                anonymity=event.anonymity,
                min_group_size=event.min_group_size,
                version=version,
            )
        case CampaignClosed() if state is not None:
            return replace(state, closed_at=event.closed_at, version=version)
    raise ValueError(f"cannot apply {event.event_type}")
