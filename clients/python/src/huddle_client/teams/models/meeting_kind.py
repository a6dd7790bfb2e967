from typing import Literal

MeetingKind = Literal["charter_review", "daily_huddle", "retrospective", "weekly_huddle"]

MEETING_KIND_VALUES: set[MeetingKind] = {
    "charter_review",
    "daily_huddle",
    "retrospective",
    "weekly_huddle",
}


def check_meeting_kind(value: str) -> MeetingKind:
    if value in MEETING_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MEETING_KIND_VALUES!r}")
