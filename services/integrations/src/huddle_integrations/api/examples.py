"""The examples of the integrations OpenAPI document, one story across every body: Riverside
Family Practice's health system connects its Rhapsody engine, which subscribes to team changes
and reads the feed. The examples are valid against their schemas
(``tests/unit/test_api_examples.py`` holds them to it)."""

from __future__ import annotations

from typing import Any

ORG_ID = "3f2b8c1e-5d4a-4b6f-9e8d-7a6b5c4d3e2f"
TEAM_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
NURSE_PRACTITIONER_ID = "9b2e4d6f-1a3c-4e5b-8d7f-0c2e4a6b8d1f"
ADMIN_ID = "0e2a4c6e-1b3d-4f5a-9c7e-8d6b4a2c0e1f"
SUBSCRIPTION_ID = "c2a7e4f0-3b1d-4e8a-9f6c-1d2b3a4c5e6f"
EVENT_ID = "0b3f5a52-8f6c-5a0e-9d1e-3c2b1a0f9e8d"
PING_ID = "5e8a1c3d-7f2b-4d6e-9a0c-2b4d6f8a1c3e"

ROLE_CHANGED = "huddle.integration.team.member_role_changed.v1"
RECEIVER_URL = "https://integration.riverside-health.org/huddle/webhooks"
# Made up for the document; no subscription signs with them.
SECRET = "whsec_QUTycDPzJTDcZb7TOw1n1eJKUVoWW3DzwVOMU/ERp4w="  # noqa: S105
ROTATED_SECRET = "whsec_uCNpooFvAGaqHdrP0XrUkp+eJOsjGjeWble28KLN5Ow="  # noqa: S105
FEED_CURSOR = "ZjE6MTA0Mg"  # after the example event (its sequence, 1042)
SUBSCRIPTION_CURSOR = (
    "WyIyMDI2LTExLTIwVDA5OjAwOjAwKzAwOjAwIiwgImMyYTdlNGYwLTNiMWQtNGU4YS05ZjZjLTFkMmIzYTRjNWU2ZiJd"
)
DELIVERY_CURSOR = "WzEwNDJd"
TYPE_CURSOR = "WyJodWRkbGUuaW50ZWdyYXRpb24uY2FtcGFpZ24ub3BlbmVkLnYxIl0"

ROLE_CHANGED_EVENT: dict[str, Any] = {
    "specversion": "1.0",
    "id": EVENT_ID,
    "source": "huddle/integrations",
    "type": ROLE_CHANGED,
    "subject": TEAM_ID,
    "time": "2026-12-03T09:15:02.114Z",
    "tenantid": ORG_ID,
    "sequence": "1042",
    "datacontenttype": "application/json",
    "data": {
        "org_id": ORG_ID,
        "team_id": TEAM_ID,
        "member": {"user_id": NURSE_PRACTITIONER_ID, "external_id": None},
        "from_role": "nurse",
        "to_role": "nurse_practitioner",
        "effective_date": "2026-12-01",
        "category": "promotion",
        "reason": None,
    },
}

SUBSCRIPTION_IN: dict[str, Any] = {
    "url": RECEIVER_URL,
    "description": "Rhapsody: Riverside Family Practice team changes",
    "event_types": [ROLE_CHANGED, "huddle.integration.team.member_joined.v1"],
}

SUBSCRIPTION: dict[str, Any] = {
    "id": SUBSCRIPTION_ID,
    "version": 1,
    **SUBSCRIPTION_IN,
    "status": "active",
    "disabled_reason": None,
    "previous_secret_valid_until": None,
    "consecutive_failures": 0,
    "failing_since": None,
    "created_at": "2026-11-20T09:00:00Z",
    "updated_at": "2026-11-20T09:00:00Z",
    "created_by": ADMIN_ID,
}

ROTATED_SUBSCRIPTION: dict[str, Any] = {
    **SUBSCRIPTION,
    "version": 2,
    "previous_secret_valid_until": "2026-12-04T10:30:00Z",
    "updated_at": "2026-12-03T10:30:00Z",
}

ROTATE_IN: dict[str, Any] = {"overlap_s": 86_400}
REPLAY_IN: dict[str, Any] = {"since": "2026-12-02T00:00:00Z"}

ATTEMPT: dict[str, Any] = {
    "at": "2026-12-03T09:15:02.530Z",
    "status_code": 200,
    "error": None,
    "duration_ms": 84,
    "response_excerpt": '{"received": true}',
}

DELIVERY: dict[str, Any] = {
    "id": 1042,
    "event_id": EVENT_ID,
    "event_type": ROLE_CHANGED,
    "subject": TEAM_ID,
    "sequence": 1042,
    "status": "succeeded",
    "attempts": 1,
    "next_attempt_at": None,
    "last_attempt_at": "2026-12-03T09:15:02.530Z",
    "last_status": 200,
    "last_error": None,
    "response_excerpt": '{"received": true}',
    "created_at": "2026-12-03T09:15:02.201Z",
    "delivered_at": "2026-12-03T09:15:02.614Z",
    "attempt_log": [ATTEMPT],
}

PING_DELIVERY: dict[str, Any] = {
    **DELIVERY,
    "id": 1043,
    "event_id": PING_ID,
    "event_type": "huddle.integration.webhook.ping.v1",
    "subject": f"ping:{PING_ID}",
    "sequence": None,
    "status": "pending",
    "attempts": 0,
    "next_attempt_at": "2026-12-03T10:31:00Z",
    "last_attempt_at": None,
    "last_status": None,
    "response_excerpt": None,
    "created_at": "2026-12-03T10:31:00Z",
    "delivered_at": None,
    "attempt_log": [],
}

SHARING: dict[str, Any] = {
    "org_id": ORG_ID,
    "shared_fields": ["team.name"],
    "shareable_fields": ["team.name", "campaign.title", "role_change.reason", "action.title"],
    "version": 1,
    "updated_at": "2026-11-18T16:40:00Z",
    "updated_by": ADMIN_ID,
}
