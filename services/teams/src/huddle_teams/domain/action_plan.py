"""A team's action: what it will do about a result, who owns it, by when. Pure decisions.

An action is its own stream. It is proposed (by any member) or committed (by the team's lead or
an org admin), then in progress, then done; it may be dropped, with a reason, while it is open.
Done and dropped are closed for good: a team that wants it back agrees a new action. Its owners
are members of the team when they are given it; one who leaves the team is taken off every
open action they own (the action then waits for a lead to give it an owner).

No I/O, no clock, no random ids: the team's state, today's date and new ids come in.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from huddle_shared.contracts.practice import (
    MAX_LINKED_GOALS,
    MAX_OWNERS,
    OPEN_ACTION_STATUSES,
    ActionCheckedIn,
    ActionCreated,
    ActionOwnersChanged,
    ActionPrompt,
    ActionRevised,
    ActionStatus,
    ActionStatusChanged,
    OwnersChangeReason,
    PromptKind,
)
from huddle_shared.errors import field_error
from huddle_shared.events import DomainEvent
from huddle_teams.domain.errors import (
    ActionClosed,
    InvalidAction,
    InvalidActionTransition,
)
from huddle_teams.domain.state import (
    Team,
    current_members,
    earliest_acceptable_due_date,
    latest_acceptable_date,
    refuse_changes_to_an_archived,
)

TRANSITIONS: dict[ActionStatus, frozenset[ActionStatus]] = {
    ActionStatus.PROPOSED: frozenset({ActionStatus.COMMITTED, ActionStatus.DROPPED}),
    ActionStatus.COMMITTED: frozenset(
        {ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.DROPPED}
    ),
    ActionStatus.IN_PROGRESS: frozenset({ActionStatus.DONE, ActionStatus.DROPPED}),
    ActionStatus.DONE: frozenset(),
    ActionStatus.DROPPED: frozenset(),
}
# The moves the team's lead or an org admin decide; any member may start or finish an action.
MANAGED_MOVES = frozenset({ActionStatus.COMMITTED, ActionStatus.DROPPED})


# ---- state ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckIn:
    check_in_id: str
    checked_in_on: date
    note: str
    checked_in_by: str


@dataclass(frozen=True)
class Action:
    id: str
    team_id: str
    org_id: str
    title: str
    why: str
    owners: tuple[str, ...]
    due_date: date
    status: ActionStatus
    prompted_by: ActionPrompt
    goal_ids: tuple[str, ...]
    created_on: date
    created_by: str
    created_at: datetime
    updated_at: datetime
    version: int
    check_ins: tuple[CheckIn, ...] = ()
    closed_on: date | None = None
    drop_reason: str = ""

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_ACTION_STATUSES

    def overdue(self, today: date) -> bool:
        return self.is_open and self.due_date < today


# ---- commands ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CreateAction:
    action_id: str
    title: str
    why: str
    owners: Sequence[str]
    due_date: date
    status: ActionStatus | None  # None: the application decides by who asks
    prompted_by: ActionPrompt
    goal_ids: Sequence[str]
    actor: str


@dataclass(frozen=True)
class ReviseAction:
    """Change what is given; ``None`` leaves a field as it is."""

    actor: str
    title: str | None = None
    why: str | None = None
    due_date: date | None = None
    goal_ids: Sequence[str] | None = None


@dataclass(frozen=True)
class SetOwners:
    owners: Sequence[str]
    actor: str


@dataclass(frozen=True)
class ChangeActionStatus:
    status: ActionStatus
    actor: str
    reason: str = ""
    effective_on: date | None = None  # today when not given


@dataclass(frozen=True)
class RecordCheckIn:
    check_in_id: str
    note: str
    actor: str
    checked_in_on: date | None = None  # today when not given


# ---- decisions -----------------------------------------------------------------------------


def decide_create_action(team: Team, command: CreateAction, *, now: datetime) -> list[DomainEvent]:
    refuse_changes_to_an_archived(team)
    status = command.status
    if status is None or status not in (ActionStatus.PROPOSED, ActionStatus.COMMITTED):
        raise InvalidAction(
            "A new action is proposed or committed",
            errors=[field_error("body", "status", message="proposed or committed", kind="status")],
        )
    title = _title(command.title)
    _check_due_date(command.due_date, now=now)
    owners = _owners(team, command.owners, required=True)
    goal_ids = _goal_ids(team, command.goal_ids)
    _check_prompt(team, command.prompted_by)
    return [
        ActionCreated(
            action_id=command.action_id,
            team_id=team.id,
            org_id=team.org_id,
            title=title,
            why=command.why.strip(),
            owners=list(owners),
            due_date=command.due_date,
            status=status,
            prompted_by=command.prompted_by,
            goal_ids=list(goal_ids),
            created_by=command.actor,
        )
    ]


def decide_revise_action(
    action: Action, team: Team, command: ReviseAction, *, now: datetime
) -> list[DomainEvent]:
    _refuse_closed(action, team)
    title = action.title if command.title is None else _title(command.title)
    why = action.why if command.why is None else command.why.strip()
    due = action.due_date if command.due_date is None else command.due_date
    if due != action.due_date:
        _check_due_date(due, now=now)
    goals = action.goal_ids if command.goal_ids is None else _goal_ids(team, command.goal_ids)
    if (title, why, due, goals) == (action.title, action.why, action.due_date, action.goal_ids):
        return []
    return [
        ActionRevised(
            action_id=action.id,
            team_id=action.team_id,
            title=title,
            why=why,
            due_date=due,
            goal_ids=list(goals),
            revised_by=command.actor,
        )
    ]


def decide_set_owners(action: Action, team: Team, command: SetOwners) -> list[DomainEvent]:
    _refuse_closed(action, team)
    owners = _owners(team, command.owners, required=True)
    if owners == action.owners:
        return []
    return [
        ActionOwnersChanged(
            action_id=action.id,
            team_id=action.team_id,
            owners=list(owners),
            reason=OwnersChangeReason.ASSIGNED,
            changed_by=command.actor,
        )
    ]


def decide_change_status(
    action: Action, team: Team, command: ChangeActionStatus, *, now: datetime
) -> list[DomainEvent]:
    _refuse_closed(action, team)
    target = command.status
    if target == action.status:
        raise InvalidActionTransition(f"The action is already {action.status.value}")
    if target not in TRANSITIONS[action.status]:
        raise InvalidActionTransition(
            f"An action that is {action.status.value} cannot become {target.value}",
            errors=[field_error("body", "status", message="not a next step", kind="transition")],
        )
    reason = command.reason.strip()
    if target is ActionStatus.DROPPED and not reason:
        raise InvalidAction(
            "Say why the action is dropped",
            errors=[field_error("body", "reason", message="required to drop", kind="missing")],
        )
    effective = command.effective_on or now.date()
    _check_past_date(effective, since=action.created_on, now=now, field="effective_on")
    return [
        ActionStatusChanged(
            action_id=action.id,
            team_id=action.team_id,
            from_status=action.status,
            to_status=target,
            effective_on=effective,
            reason=reason,
            changed_by=command.actor,
        )
    ]


def decide_check_in(
    action: Action, team: Team, command: RecordCheckIn, *, now: datetime
) -> list[DomainEvent]:
    _refuse_closed(action, team)
    note = command.note.strip()
    if not note:
        raise InvalidAction(
            "A check-in needs a note",
            errors=[field_error("body", "note", message="blank", kind="blank")],
        )
    on = command.checked_in_on or now.date()
    _check_past_date(on, since=action.created_on, now=now, field="checked_in_on")
    return [
        ActionCheckedIn(
            action_id=action.id,
            team_id=action.team_id,
            check_in_id=command.check_in_id,
            checked_in_on=on,
            note=note,
            checked_in_by=command.actor,
        )
    ]


def decide_owner_left(action: Action, user_id: str, *, actor: str) -> list[DomainEvent]:
    """Take a person who left the team off the action, if it is open and theirs."""
    if not action.is_open or user_id not in action.owners:
        return []
    return [
        ActionOwnersChanged(
            action_id=action.id,
            team_id=action.team_id,
            owners=[o for o in action.owners if o != user_id],
            reason=OwnersChangeReason.LEFT_TEAM,
            changed_by=actor,
        )
    ]


# ---- the fold ------------------------------------------------------------------------------


def evolve(state: Action | None, event: DomainEvent, *, at: datetime, version: int) -> Action:
    if isinstance(event, ActionCreated):
        return Action(
            id=event.action_id,
            team_id=event.team_id,
            org_id=event.org_id,
            title=event.title,
            why=event.why,
            owners=tuple(event.owners),
            due_date=event.due_date,
            status=event.status,
            prompted_by=event.prompted_by,
            goal_ids=tuple(event.goal_ids),
            created_on=at.date(),
            created_by=event.created_by,
            created_at=at,
            updated_at=at,
            version=version,
        )
    if state is None:
        raise ValueError(f"cannot apply {event.event_type} to a new action")
    return replace(_apply(state, event), updated_at=at, version=version)


def _apply(state: Action, event: DomainEvent) -> Action:
    match event:
        case ActionRevised():
            return replace(
                state,
                title=event.title,
                why=event.why,
                due_date=event.due_date,
                goal_ids=tuple(event.goal_ids),
            )
        case ActionOwnersChanged():
            return replace(state, owners=tuple(event.owners))
        case ActionStatusChanged():
            closed = event.to_status not in OPEN_ACTION_STATUSES
            return replace(
                state,
                status=event.to_status,
                closed_on=event.effective_on if closed else None,
                drop_reason=event.reason if event.to_status is ActionStatus.DROPPED else "",
            )
        case ActionCheckedIn():
            check_in = CheckIn(
                event.check_in_id, event.checked_in_on, event.note, event.checked_in_by
            )
            return replace(state, check_ins=(*state.check_ins, check_in))
    raise ValueError(f"cannot apply {event.event_type} to action {state.id}")


# ---- rules ---------------------------------------------------------------------------------


def _refuse_closed(action: Action, team: Team) -> None:
    refuse_changes_to_an_archived(team)
    if not action.is_open:
        raise ActionClosed(
            f"The action is {action.status.value} and closed; agree a new action instead"
        )


def _title(title: str) -> str:
    stripped = title.strip()
    if not stripped:
        raise InvalidAction(
            "An action needs a title",
            errors=[field_error("body", "title", message="blank", kind="blank")],
        )
    return stripped


def _check_due_date(due: date, *, now: datetime) -> None:
    if due < earliest_acceptable_due_date(now):
        raise InvalidAction(
            "The due date is in the past",
            errors=[field_error("body", "due_date", message="in the past", kind="past")],
        )


def _check_past_date(day: date, *, since: date, now: datetime, field: str) -> None:
    if day > latest_acceptable_date(now):
        raise InvalidAction(
            f"The {field.replace('_', ' ')} is in the future",
            errors=[field_error("body", field, message="in the future", kind="future")],
        )
    if day < since:
        raise InvalidAction(
            f"The {field.replace('_', ' ')} is before the action was agreed ({since})",
            errors=[field_error("body", field, message="before the action", kind="too_early")],
        )


def _owners(team: Team, owners: Sequence[str], *, required: bool) -> tuple[str, ...]:
    return current_members(
        team, owners, most=MAX_OWNERS, what="An action", refusal=InvalidAction, required=required
    )


def _goal_ids(team: Team, goal_ids: Sequence[str]) -> tuple[str, ...]:
    if len(goal_ids) > MAX_LINKED_GOALS:
        raise InvalidAction(
            f"An action serves at most {MAX_LINKED_GOALS} goals",
            errors=[field_error("body", "goal_ids", message="too many", kind="too_long")],
        )
    for index, goal_id in enumerate(goal_ids):
        if goal_id in goal_ids[:index] or team.charter is None or not team.charter.goal(goal_id):
            raise InvalidAction(
                "Each linked goal must be a goal of the team's current charter, named once",
                errors=[field_error("body", "goal_ids", index, message="not a goal", kind="goal")],
            )
    return tuple(goal_ids)


_PROMPT_FIELDS = {
    PromptKind.CAMPAIGN: "campaign_id",
    PromptKind.DRIVER: "driver",
    PromptKind.GOAL: "goal_id",
    PromptKind.MEETING: "meeting_id",  # the application checks the meeting is the team's
}


def _check_prompt(team: Team, prompt: ActionPrompt) -> None:
    wanted = _PROMPT_FIELDS[prompt.kind]
    for kind, name in _PROMPT_FIELDS.items():
        given = getattr(prompt, name) is not None
        if given != (kind is prompt.kind):
            raise InvalidAction(
                f"A prompt of kind {prompt.kind.value} names its {wanted} and nothing else",
                errors=[
                    field_error("body", "prompted_by", name, message="wrong field", kind="prompt")
                ],
            )
    if prompt.kind in (PromptKind.CAMPAIGN, PromptKind.MEETING):
        name = _PROMPT_FIELDS[prompt.kind]
        try:
            uuid.UUID(str(getattr(prompt, name)))
        except ValueError:
            raise InvalidAction(
                f"A {prompt.kind.value} id is a UUID",
                errors=[
                    field_error("body", "prompted_by", name, message="not a UUID", kind="uuid")
                ],
            ) from None
    if prompt.kind is PromptKind.GOAL and (
        team.charter is None or team.charter.goal(str(prompt.goal_id)) is None
    ):
        raise InvalidAction(
            "The goal is not a goal of the team's current charter",
            errors=[field_error("body", "prompted_by", "goal_id", message="unknown", kind="goal")],
        )
