"""What crosses the boundary: the translation of domain events into integration events."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from huddle_integrations.domain.feed import InvalidCursor, cursor_after, read_cursor
from huddle_integrations.domain.translation import (
    ReviewState,
    integration_id,
    outgoing,
    reviews_to_announce,
    translate,
)
from huddle_shared.contracts import assessments as a
from huddle_shared.contracts import insights as i
from huddle_shared.contracts import integration as out
from huddle_shared.contracts import practice as p
from huddle_shared.contracts import teams as t
from huddle_shared.contracts.integration import SHAREABLE_FIELDS, ShareableField
from huddle_shared.events import DomainEvent

ORG, TEAM, USER = "org-1", "team-1", "user-1"
NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
TODAY = date(2026, 12, 3)


def upstream_events() -> list[DomainEvent]:
    return [
        t.TeamCreated(
            team_id=TEAM,
            org_id=ORG,
            name="Riverside Team A",
            care_setting=t.CareSetting.PRIMARY_CARE_CLINIC,
            description="Our private description",
            created_by="admin",
        ),
        t.TeamRenamed(team_id=TEAM, name="Riverside North", renamed_by="admin"),
        t.MemberAdded(
            team_id=TEAM, user_id=USER, role=t.TeamRole.NURSE, effective_date=TODAY, added_by="a"
        ),
        t.MemberRoleChanged(
            team_id=TEAM,
            user_id=USER,
            from_role=t.TeamRole.NURSE,
            to_role=t.TeamRole.CLINICAL_LEAD,
            reason="A private reason",
            effective_date=TODAY,
            changed_by="lead",
            category=t.RoleChangeCategory.PROMOTION,
        ),
        t.CharterRevised(
            team_id=TEAM,
            revision=1,
            vision="A private vision",
            goals=[
                t.CharterGoal(goal_id="g1", title="A private goal", measure="m", due_date=TODAY)
            ],
            norms=["A private norm"],
            roles=[t.CharterRole(role=t.TeamRole.NURSE, responsibilities=["private duty"])],
            next_review_due=TODAY,
            revised_by="lead",
        ),
        t.CharterReviewed(
            team_id=TEAM,
            revision=1,
            outcome=t.ReviewOutcome.REAFFIRMED,
            notes="Private notes",
            reviewed_on=TODAY,
            next_review_due=TODAY + timedelta(days=90),
            reviewed_by="lead",
        ),
        a.CampaignOpened(
            campaign_id="c1",
            org_id=ORG,
            team_id=TEAM,
            instrument_id="i1",
            instrument_kind=a.InstrumentKind.TEAM_PULSE,
            title="A private title",
            opens_at=NOW,
            closes_at=NOW + timedelta(days=7),
            anonymity=a.Anonymity.ANONYMOUS,
            min_group_size=5,
            eligible_count=8,
        ),
        *practice_events(),
    ]


def practice_events() -> list[DomainEvent]:
    """An action's life, whose wording is the team's and never leaves by default."""
    return [
        p.ActionCreated(
            action_id="a1",
            team_id=TEAM,
            org_id=ORG,
            title="A private action title",
            why="A private why",
            owners=[USER],
            due_date=TODAY + timedelta(days=30),
            status=p.ActionStatus.COMMITTED,
            prompted_by=p.ActionPrompt(
                kind=p.PromptKind.DRIVER, driver=p.DashboardDriver.BURNOUT_SHARE
            ),
            goal_ids=["g1"],
            created_by="lead",
        ),
        p.ActionStatusChanged(
            action_id="a1",
            team_id=TEAM,
            from_status=p.ActionStatus.COMMITTED,
            to_status=p.ActionStatus.DROPPED,
            effective_on=TODAY,
            reason="A private reason to drop it",
            changed_by="lead",
        ),
        p.ActionOwnersChanged(
            action_id="a1",
            team_id=TEAM,
            owners=[],
            reason=p.OwnersChangeReason.LEFT_TEAM,
            changed_by="admin",
        ),
    ]


def test_actions_cross_as_ids_dates_and_statuses() -> None:
    created, dropped, left = (
        translate(event, org_id=ORG, shared=frozenset())[0] for event in practice_events()
    )
    assert isinstance(created, out.ActionCreated)
    assert created.owners == [out.PersonRef(user_id=USER)] and created.title is None
    assert (created.prompted_by.kind, created.prompted_by.driver) == ("driver", "burnout_share")
    assert created.status == "committed" and created.goal_ids == ["g1"]
    assert isinstance(dropped, out.ActionStatusChanged)
    assert (dropped.from_status, dropped.to_status) == ("committed", "dropped")
    assert isinstance(left, out.ActionOwnersChanged)
    assert (left.owners, left.reason) == ([], "left_team")
    shared = translate(practice_events()[0], org_id=ORG, shared={ShareableField.ACTION_TITLE})
    assert isinstance(shared[0], out.ActionCreated)
    assert shared[0].title == "A private action title"
    # The why and a drop's reason never leave, whatever is shared.
    everything = frozenset(SHAREABLE_FIELDS) - {ShareableField.ACTION_TITLE}
    body = json.dumps(
        [
            e.model_dump(mode="json")
            for event in practice_events()
            for e in translate(event, org_id=ORG, shared=everything)
        ]
    )
    assert "private" not in body.lower()


PRIVATE = (
    "Riverside",
    "private",
    "Private",
)


def test_no_free_text_leaves_unless_the_organisation_shares_that_field() -> None:
    for event in upstream_events():
        translated = translate(event, org_id=ORG, shared=frozenset())
        assert translated, type(event).__name__
        body = json.dumps([e.model_dump(mode="json") for e in translated])
        for word in PRIVATE:
            assert word not in body, (type(event).__name__, body)
        assert all(e.org_id == ORG and e.team_id == TEAM for e in translated)


def test_shared_fields_go_out_only_where_opted_in() -> None:
    events = upstream_events()
    everything = frozenset(SHAREABLE_FIELDS)
    created = translate(events[0], org_id=ORG, shared={ShareableField.TEAM_NAME})[0]
    assert isinstance(created, out.TeamCreated) and created.name == "Riverside Team A"
    changed = translate(events[3], org_id=ORG, shared=everything)[0]
    assert isinstance(changed, out.MemberRoleChanged) and changed.reason == "A private reason"
    opened = translate(events[6], org_id=ORG, shared={ShareableField.TEAM_NAME})[0]
    assert isinstance(opened, out.CampaignOpened) and opened.title is None
    # The charter's vision, goals and norms and a review's notes are never shared.
    body = json.dumps(
        [e.model_dump(mode="json") for e in translate(events[4], org_id=ORG, shared=everything)]
        + [e.model_dump(mode="json") for e in translate(events[5], org_id=ORG, shared=everything)]
    )
    assert "private" not in body.lower()


def test_individual_responses_and_other_internal_events_never_cross() -> None:
    response = a.ResponseRecorded(
        response_id="r1",
        campaign_id="c1",
        team_id=TEAM,
        org_id=ORG,
        instrument_id="i1",
        instrument_kind=a.InstrumentKind.TEAM_PULSE,
        respondent_ref="ref",
        respondent_group="nurse",
        scores=a.ResponseScores(overall=3.0),
        recorded_at=NOW,
    )
    settings = a.CampaignSettingsChanged(
        campaign_id="c1", anonymity=a.Anonymity.ANONYMOUS, min_group_size=5
    )
    goal = t.GoalStatusChanged(
        team_id=TEAM,
        goal_id="g1",
        from_status=t.GoalStatus.ON_TRACK,
        to_status=t.GoalStatus.AT_RISK,
        note="x",
        changed_by="lead",
    )
    for event in (response, settings, goal):
        assert translate(event, org_id=ORG, shared=SHAREABLE_FIELDS) == []


def test_results_carry_the_aggregates_insights_computed_and_nothing_else() -> None:
    published = i.CampaignResultsPublished(
        campaign_id="c1",
        team_id=TEAM,
        org_id=ORG,
        instrument_kind="team_pulse",
        closed_at=NOW,
        eligible_count=8,
        responded_count=6,
        participation_rate=0.75,
        min_group_size=5,
        suppressed=False,
        scores={"morale": 62.5},
        morale_level="fair",
    )
    (results,) = translate(published, org_id=ORG, shared=SHAREABLE_FIELDS)
    assert isinstance(results, out.ResultsPublished)
    assert results.scores == {"morale": 62.5} and results.morale_level == "fair"
    assert results.participation == out.Participation(eligible=8, responded=6, rate=0.75)
    withheld = published.model_copy(
        update={"responded_count": 3, "suppressed": True, "reason": "too few", "scores": {}}
    )
    (hidden,) = translate(withheld, org_id=ORG, shared=SHAREABLE_FIELDS)
    assert isinstance(hidden, out.ResultsPublished)
    assert hidden.suppressed and hidden.scores == {} and hidden.reason == "too few"


def test_ids_are_stable_per_cause_and_type() -> None:
    event = translate(upstream_events()[0], org_id=ORG, shared=frozenset())[0]
    cause = str(uuid.uuid4())
    first = outgoing(event, cause=cause, time=NOW)
    again = outgoing(event, cause=cause, time=NOW)
    assert first.event_id == again.event_id == integration_id(cause, event.event_type)
    assert outgoing(event, cause=str(uuid.uuid4()), time=NOW).event_id != first.event_id
    assert first.subject == TEAM and first.org_id == ORG


def test_every_integration_type_is_reachable_from_a_translation_or_a_schedule() -> None:
    produced = {
        e.event_type
        for event in upstream_events()
        for e in translate(event, org_id=ORG, shared=frozenset())
    }
    assert produced >= {
        "huddle.integration.team.created.v1",
        "huddle.integration.team.renamed.v1",
        "huddle.integration.team.member_joined.v1",
        "huddle.integration.team.member_role_changed.v1",
        "huddle.integration.team.charter_revised.v1",
        "huddle.integration.team.charter_reviewed.v1",
        "huddle.integration.campaign.opened.v1",
        "huddle.integration.action.created.v1",
        "huddle.integration.action.status_changed.v1",
        "huddle.integration.action.owners_changed.v1",
    }


def state(due: date, due_sent: date | None = None, overdue_sent: date | None = None) -> ReviewState:
    return ReviewState(ORG, TEAM, 2, due, due_sent, overdue_sent)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (TODAY - timedelta(days=1), []),
        (TODAY, ["huddle.integration.team.charter_review_due.v1"]),
        (
            TODAY + timedelta(days=14),
            [
                "huddle.integration.team.charter_review_due.v1",
                "huddle.integration.team.charter_review_overdue.v1",
            ],
        ),
    ],
)
def test_reviews_come_due_on_their_date_and_overdue_two_weeks_later(
    today: date, expected: list[str]
) -> None:
    found = reviews_to_announce(state(TODAY), today=today, overdue_after_days=14)
    assert [e.event_type for e in found] == expected


def test_a_review_is_announced_once_per_due_date() -> None:
    sent = state(TODAY, due_sent=TODAY, overdue_sent=TODAY)
    assert reviews_to_announce(sent, today=TODAY + timedelta(days=30), overdue_after_days=14) == []
    moved = state(TODAY + timedelta(days=90), due_sent=TODAY, overdue_sent=TODAY)
    found = reviews_to_announce(moved, today=TODAY + timedelta(days=90), overdue_after_days=14)
    assert [e.event_type for e in found] == ["huddle.integration.team.charter_review_due.v1"]


def test_cursors_round_trip_and_foreign_ones_are_refused() -> None:
    assert read_cursor(cursor_after(1042)) == 1042
    for bad in ("", "abc", cursor_after(5)[:-1] + "!", "ZjE6LTE"):
        with pytest.raises(InvalidCursor):
            read_cursor(bad)
