"""The one story the teams API's examples tell, so the examples of every body agree.

Riverside Family Practice, a primary care clinic: an org admin created it, Dr Okafor leads it,
Maya Chen is its nurse practitioner, and it agreed a charter with one goal.
"""

from __future__ import annotations

TEAM_ID = "3f6c2d1e-8b4a-4c7e-9d2f-5a1b7e3c9d40"
ORG_ID = "b1d4e6f8-2a3c-4e5f-8a9b-0c1d2e3f4a5b"
ADMIN_ID = "0e2a4c6e-1b3d-4f5a-9c7e-8d6b4a2c0e1f"
LEAD_ID = "5c8e1a3f-7d2b-4e6c-9a1f-3b5d7e9c1a2b"
NURSE_PRACTITIONER_ID = "9a7b5c3d-1e2f-4a6b-8c0d-2e4f6a8b0c1d"
GOAL_ID = "e4c2a0b8-6d4f-4b2a-9e8c-7a5b3c1d9e0f"
EVENT_ID = "7d5f3b1a-9c8e-4d6b-a2f0-1e3c5a7b9d2e"

TEAM_NAME = "Riverside Family Practice"
TEAM_DESCRIPTION = "Panel of 4,000 patients on the east side of the river"
CREATED_AT = "2026-09-01T08:30:00Z"
UPDATED_AT = "2026-11-02T14:05:00Z"
CREATED_ON = "2026-09-01"
REVISED_ON = "2026-09-15"
REVIEWED_ON = "2026-11-02"
NEXT_REVIEW_DUE = "2027-01-31"
NP_JOINED_ON = "2026-09-03"

# The cursors of the pages after the examples' last team and last member (FastAPI leaves a
# ``null`` out of the document's examples, so a page example always has a next cursor).
TEAMS_CURSOR = (
    "WyIyMDI2LTA5LTAxVDA4OjMwOjAwKzAwOjAwIiwgIjNmNmMyZDFlLThiNGEtNGM3ZS05ZDJmLTVhMWI3ZTNjOWQ0MCJd"
)
MEMBERS_CURSOR = "WyI5YTdiNWMzZC0xZTJmLTRhNmItOGMwZC0yZTRmNmE4YjBjMWQiXQ"

# An action the team agreed after its pulse showed burnout rising: Maya Chen owns it.
ACTION_ID = "2b4d6f8a-0c1e-4a3b-8d5f-7e9a1c3b5d70"
MEETING_ID = "6e8a0c2b-4d6f-4e1a-9b3c-5d7f9a1b3c5e"
DECISION_ID = "8a0c2e4f-6b8d-4f1a-8c3e-7b9d1f3a5c7e"
MEETING_HELD_ON = "2027-01-12"
MEETINGS_CURSOR = "WyIyMDI3LTAxLTEyIiwgIjZlOGEwYzJiLTRkNmYtNGUxYS05YjNjLTVkN2Y5YTFiM2M1ZSJd"
MEETING_RECORDED_AT = "2027-01-12T13:05:00Z"
CHECK_IN_ID = "6e8a0c2e-4b6d-4f8a-9c1e-3a5b7d9f1b20"
ACTION_TITLE = "Protect a 30-minute lunch break on clinic days"
ACTION_WHY = "Burnout share rose to 40%; people named skipped breaks as the first reason"
ACTION_DUE = "2027-01-15"
ACTION_CREATED_AT = "2026-11-05T16:20:00Z"
ACTION_CHECKED_IN_ON = "2026-11-19"
ACTIONS_CURSOR = (
    "WyIyMDI2LTExLTA1VDE2OjIwOjAwKzAwOjAwIiwgIjJiNGQ2ZjhhLTBjMWUtNGEzYi04ZDVmLTdlOWExYzNiNWQ3MCJd"
)
