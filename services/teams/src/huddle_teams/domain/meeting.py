"""The record of a team meeting: a huddle, a retrospective or a charter review. Pure decisions.

A record is written once, after the meeting: when it was held, how many took part (a count, not
who), what went well, what to change, and what it decided. A decision may lead to an action
(the application creates it in the same transaction, prompted by the meeting) or propose a
charter revision; a retrospective or a charter review meeting may also record the charter's
review (see ``MEETINGS_THAT_REVIEW``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from huddle_shared.contracts.practice import (
    MAX_MEETING_ITEMS,
    DecisionOutcome,
    MeetingDecision,
    MeetingKind,
    MeetingRecorded,
)
from huddle_shared.errors import field_error
from huddle_shared.events import DomainEvent
from huddle_teams.domain.errors import InvalidMeeting
from huddle_teams.domain.state import Team, latest_acceptable_date, refuse_changes_to_an_archived

# A record written long after the fact is a memory, not a record: a year back at most.
MAX_BACKDATE = timedelta(days=366)
MAX_PARTICIPANTS = 500
MEETINGS_THAT_REVIEW = frozenset({MeetingKind.RETROSPECTIVE, MeetingKind.CHARTER_REVIEW})


@dataclass(frozen=True)
class Decision:
    decision_id: str
    text: str
    outcome: DecisionOutcome
    action_id: str | None = None


@dataclass(frozen=True)
class Meeting:
    id: str
    team_id: str
    org_id: str
    kind: MeetingKind
    held_on: date
    participants: int
    went_well: tuple[str, ...]
    to_change: tuple[str, ...]
    decisions: tuple[Decision, ...]
    recorded_by: str
    recorded_at: datetime
    version: int


@dataclass(frozen=True)
class RecordMeeting:
    meeting_id: str
    kind: MeetingKind
    participants: int
    actor: str
    held_on: date | None = None  # today when not given
    went_well: Sequence[str] = ()
    to_change: Sequence[str] = ()
    # Each with its id and, for an ``action`` outcome, the id of the action it creates.
    decisions: Sequence[Decision] = ()


def decide_record_meeting(
    team: Team, command: RecordMeeting, *, now: datetime
) -> list[DomainEvent]:
    refuse_changes_to_an_archived(team)
    held_on = command.held_on or now.date()
    if held_on > latest_acceptable_date(now):
        raise InvalidMeeting(
            "A meeting cannot be recorded before it is held",
            errors=[field_error("body", "held_on", message="in the future", kind="future")],
        )
    if held_on < now.date() - MAX_BACKDATE:
        raise InvalidMeeting(
            "A meeting is recorded within a year of being held",
            errors=[field_error("body", "held_on", message="over a year ago", kind="too_early")],
        )
    if not 1 <= command.participants <= MAX_PARTICIPANTS:
        raise InvalidMeeting(
            f"Between 1 and {MAX_PARTICIPANTS} people take part in a meeting",
            errors=[field_error("body", "participants", message="out of range", kind="range")],
        )
    went_well = _texts(command.went_well, "went_well")
    to_change = _texts(command.to_change, "to_change")
    decisions = _decisions(command.decisions)
    return [
        MeetingRecorded(
            meeting_id=command.meeting_id,
            team_id=team.id,
            org_id=team.org_id,
            kind=command.kind,
            held_on=held_on,
            participants=command.participants,
            went_well=list(went_well),
            to_change=list(to_change),
            decisions=[
                MeetingDecision(
                    decision_id=d.decision_id, text=d.text, outcome=d.outcome, action_id=d.action_id
                )
                for d in decisions
            ],
            recorded_by=command.actor,
        )
    ]


def evolve(state: Meeting | None, event: DomainEvent, *, at: datetime, version: int) -> Meeting:
    if isinstance(event, MeetingRecorded) and state is None:
        return Meeting(
            id=event.meeting_id,
            team_id=event.team_id,
            org_id=event.org_id,
            kind=event.kind,
            held_on=event.held_on,
            participants=event.participants,
            went_well=tuple(event.went_well),
            to_change=tuple(event.to_change),
            decisions=tuple(
                Decision(d.decision_id, d.text, d.outcome, d.action_id) for d in event.decisions
            ),
            recorded_by=event.recorded_by,
            recorded_at=at,
            version=version,
        )
    raise ValueError(f"cannot apply {event.event_type} to a meeting record")


def _texts(texts: Sequence[str], name: str) -> tuple[str, ...]:
    if len(texts) > MAX_MEETING_ITEMS:
        raise InvalidMeeting(
            f"At most {MAX_MEETING_ITEMS} items in {name}",
            errors=[field_error("body", name, message="too many", kind="too_long")],
        )
    stripped = tuple(t.strip() for t in texts)
    for index, text in enumerate(stripped):
        if not text:
            raise InvalidMeeting(
                "An item cannot be blank",
                errors=[field_error("body", name, index, message="blank", kind="blank")],
            )
    return stripped


def _decisions(decisions: Sequence[Decision]) -> tuple[Decision, ...]:
    if len(decisions) > MAX_MEETING_ITEMS:
        raise InvalidMeeting(
            f"At most {MAX_MEETING_ITEMS} decisions",
            errors=[field_error("body", "decisions", message="too many", kind="too_long")],
        )
    kept = []
    for index, decision in enumerate(decisions):
        text = decision.text.strip()
        if not text:
            raise InvalidMeeting(
                "A decision says what was decided",
                errors=[
                    field_error("body", "decisions", index, "text", message="blank", kind="blank")
                ],
            )
        if (decision.outcome is DecisionOutcome.ACTION) != (decision.action_id is not None):
            raise ValueError("a decision leads to an action exactly when it names its id")
        kept.append(Decision(decision.decision_id, text, decision.outcome, decision.action_id))
    return tuple(kept)
