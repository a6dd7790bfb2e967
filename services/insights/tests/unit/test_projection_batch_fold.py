"""How the insights projection folds a batch before writing it (no database needed)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest

from huddle_insights.projections.batch import UnstorableValue
from huddle_insights.projections.insights import BatchPlan
from huddle_shared.consumer import ReceivedEvent
from huddle_shared.contracts.assessments import (
    Anonymity,
    CampaignOpened,
    CampaignSettingsChanged,
    InstrumentKind,
)
from huddle_shared.contracts.teams import (
    CharterGoal,
    CharterRevised,
    GoalStatus,
    GoalStatusChanged,
    MemberAdded,
    MemberRemoved,
    MemberRoleChanged,
    RoleChangeCategory,
    TeamRole,
)
from huddle_shared.envelope import Envelope
from huddle_shared.events import DomainEvent

NOW = datetime(2026, 3, 1, tzinfo=UTC)


def received(payload: DomainEvent, version: int = 1) -> ReceivedEvent:
    envelope = Envelope(
        id=str(uuid.uuid4()),
        type=payload.event_type,
        source="huddle/test",
        subject="s",
        time=NOW,
        tenant_id="org",
        stream_version=version,
        data={},
    )
    return ReceivedEvent(envelope, payload, "t", 0, version)


def fold(*payloads: DomainEvent) -> BatchPlan:
    plan = BatchPlan()
    for version, payload in enumerate(payloads, start=1):
        plan.add(received(payload, version))
    return plan


def added(user: str, role: TeamRole = TeamRole.NURSE) -> MemberAdded:
    return MemberAdded(
        team_id="t", user_id=user, role=role, effective_date=date(2026, 1, 1), added_by="a"
    )


def removed(user: str) -> MemberRemoved:
    return MemberRemoved(
        team_id="t",
        user_id=user,
        role=TeamRole.NURSE,
        effective_date=date(2026, 2, 1),
        removed_by="a",
    )


def role_changed(user: str, to: TeamRole) -> MemberRoleChanged:
    return MemberRoleChanged(
        team_id="t",
        user_id=user,
        from_role=TeamRole.NURSE,
        to_role=to,
        reason="r",
        effective_date=date(2026, 1, 2),
        changed_by="a",
        category=RoleChangeCategory.OTHER,
    )


def revised(*goal_ids: str) -> CharterRevised:
    return CharterRevised(
        team_id="t",
        revision=1,
        vision="v",
        goals=[
            CharterGoal(goal_id=g, title="g", measure="m", due_date=date(2027, 1, 1))
            for g in goal_ids
        ],
        norms=[],
        roles=[],
        next_review_due=date(2026, 6, 1),
        revised_by="a",
    )


def goal_changed(goal_id: str, to: GoalStatus) -> GoalStatusChanged:
    return GoalStatusChanged(
        team_id="t",
        goal_id=goal_id,
        from_status=GoalStatus.ON_TRACK,
        to_status=to,
        changed_by="a",
    )


def test_each_member_folds_to_one_net_change_and_every_change_is_still_recorded() -> None:
    plan = fold(
        added("re-added"),
        removed("re-added"),
        role_changed("re-added", TeamRole.CLINICAL_LEAD),  # absent by then: nothing
        added("re-added", TeamRole.SOCIAL_WORKER),
        role_changed("re-added", TeamRole.CARE_COORDINATOR),
        role_changed("from-before", TeamRole.CLINICAL_LEAD),
        removed("gone"),
        role_changed("removed-later", TeamRole.CLINICAL_LEAD),
        removed("removed-later"),
    )
    seat = plan.teams.seats[("t", "re-added")]
    assert seat is not None
    assert (seat["role"], seat["since"]) == ("care_coordinator", date(2026, 1, 1))
    assert plan.teams.seats[("t", "gone")] is None
    assert plan.teams.seats[("t", "removed-later")] is None
    assert plan.teams.roles_of_existing == {("t", "from-before"): "clinical_lead"}
    assert [c["version"] for c in plan.teams.changes] == [1, 2, 3, 4, 5, 6, 7, 8, 9]


def test_the_last_revision_of_a_team_wins_with_the_status_changes_after_it() -> None:
    plan = fold(
        goal_changed("a", GoalStatus.AT_RISK),  # before any revision: sent as an update
        revised("a", "b"),
        goal_changed("b", GoalStatus.ACHIEVED),
        revised("b", "c"),
        goal_changed("c", GoalStatus.DROPPED),
        goal_changed("x", GoalStatus.DROPPED),  # no such goal: nothing
    )
    assert [g["k_goal"] for g in plan.charters.goal_statuses] == ["a"]
    assert {g["goal_id"]: g["status"] for g in plan.charters.revised_goals["t"]} == {
        "b": "on_track",
        "c": "dropped",
    }
    assert len(plan.charters.charter_rows) == 2


def test_a_superseded_revision_that_could_not_have_been_stored_fails_the_batch() -> None:
    with pytest.raises(UnstorableValue):
        fold(revised("a", "a"), revised("b"))
    with pytest.raises(UnstorableValue):
        fold(revised("bad\x00id"), revised("b"))
    # The last revision is written, so the database itself refuses it: nothing to check here.
    assert len(fold(revised("b"), revised("a", "a")).charters.revised_goals["t"]) == 2


def test_an_overwritten_value_out_of_the_column_range_fails_the_batch() -> None:
    opened = CampaignOpened(
        campaign_id="c",
        org_id="o",
        team_id="t",
        instrument_id="i",
        instrument_kind=InstrumentKind.TEAM_PULSE,
        title="Pulse",
        opens_at=NOW,
        closes_at=NOW,
        anonymity=Anonymity.ANONYMOUS,
        min_group_size=2**40,
        eligible_count=5,
    )
    settings = CampaignSettingsChanged(
        campaign_id="c", anonymity=Anonymity.ANONYMOUS, min_group_size=5
    )
    with pytest.raises(UnstorableValue):
        fold(opened, settings)
    fine = opened.model_copy(update={"min_group_size": 4})
    plan = fold(fine, settings)
    assert plan.campaigns.campaigns_opened[0]["min_group_size"] == 5
    assert plan.campaigns.settings == [{"k_campaign": "c", "v_min_group_size": 5}]
