"""Meeting records: what a record must hold, and the fold of its one event."""

from __future__ import annotations

import pytest

from huddle_shared.contracts.practice import DecisionOutcome, MeetingKind, MeetingRecorded
from huddle_teams.domain.errors import InvalidMeeting, TeamIsArchived
from huddle_teams.domain.meeting import Decision, RecordMeeting, decide_record_meeting, evolve
from huddle_teams.domain.team import ArchiveTeam, decide_archive_team

from .builders import ADMIN, T0, TODAY, a_team, days, then


def record(**changes: object) -> RecordMeeting:
    fields: dict[str, object] = {
        "meeting_id": "meeting-1",
        "kind": MeetingKind.RETROSPECTIVE,
        "participants": 6,
        "actor": ADMIN,
        "went_well": [" Handovers on time "],
        "to_change": ["Skipped lunch breaks"],
        "decisions": [
            Decision("d-1", " Protect lunch ", DecisionOutcome.ACTION, "action-1"),
            Decision("d-2", "Add a norm", DecisionOutcome.CHARTER_REVISION),
        ],
        **changes,
    }
    return RecordMeeting(**fields)  # type: ignore[arg-type]


def test_a_record_is_dated_today_by_default_trims_its_texts_and_folds_back() -> None:
    [event] = decide_record_meeting(a_team(), record(), now=T0)
    assert isinstance(event, MeetingRecorded) and event.held_on == TODAY
    assert event.went_well == ["Handovers on time"]
    assert [(d.text, d.outcome, d.action_id) for d in event.decisions] == [
        ("Protect lunch", DecisionOutcome.ACTION, "action-1"),
        ("Add a norm", DecisionOutcome.CHARTER_REVISION, None),
    ]
    meeting = evolve(None, event, at=T0, version=1)
    assert (meeting.team_id, meeting.participants, meeting.version) == (event.team_id, 6, 1)
    with pytest.raises(ValueError, match="cannot apply"):
        evolve(meeting, event, at=T0, version=2)  # a record is written once


@pytest.mark.parametrize(
    ("changes", "location"),
    [
        ({"held_on": TODAY + days(2)}, ["body", "held_on"]),
        ({"held_on": TODAY - days(400)}, ["body", "held_on"]),
        ({"participants": 0}, ["body", "participants"]),
        ({"to_change": ["ok", "  "]}, ["body", "to_change", "1"]),
        (
            {"decisions": [Decision("d", " ", DecisionOutcome.NOTED)]},
            ["body", "decisions", "0", "text"],
        ),
        ({"went_well": ["x"] * 31}, ["body", "went_well"]),
    ],
)
def test_a_record_that_does_not_hold_together_is_refused_naming_the_field(
    changes: dict[str, object], location: list[str]
) -> None:
    with pytest.raises(InvalidMeeting) as refused:
        decide_record_meeting(a_team(), record(**changes), now=T0)
    assert [e["location"] for e in refused.value.extensions["errors"]] == [location]


def test_an_archived_team_records_no_meetings() -> None:
    team = a_team()
    archived = then(team, decide_archive_team(team, ArchiveTeam(actor=ADMIN)))
    with pytest.raises(TeamIsArchived):
        decide_record_meeting(archived, record(), now=T0)
