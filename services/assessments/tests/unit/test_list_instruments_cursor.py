"""Listing instruments reads only cursors it issued, and refuses any other before the database."""

from __future__ import annotations

from typing import Any, cast

import pytest
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_assessments.application import queries
from huddle_shared.auth import Principal
from huddle_shared.http import BadRequest, encode_cursor

CALLER = Principal(
    subject="someone", org_id="org", roles=frozenset(), scopes=frozenset(), kind="user"
)


class NoDatabase:
    """A connection that fails the test if anything is sent to it."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"the database was used ({name}) before the request was refused")


@pytest.mark.parametrize(
    "cursor",
    [
        "not-a-cursor!",
        encode_cursor(["2026-03-02T09:20:00+00:00", "a-campaign"]),
        encode_cursor([2, "huddle.team_pulse", 1]),
        encode_cursor([False, "huddle.team_pulse", 1]),
        encode_cursor([0, 7, 1]),
        encode_cursor([0, "huddle.team_pulse", "1"]),
        encode_cursor([0, "huddle.team_pulse", True]),
        encode_cursor([0, "huddle.team_pulse", 2**31]),
    ],
)
async def test_a_cursor_this_api_did_not_issue_is_a_bad_request(cursor: str) -> None:
    with pytest.raises(BadRequest):
        await queries.list_instruments(
            cast(AsyncConnection, NoDatabase()), principal=CALLER, cursor=cursor, limit=10
        )


def test_the_next_page_starts_after_the_last_rows_owner_key_and_version() -> None:
    huddle = {"scope": "huddle", "key": "huddle.team_pulse", "version": 1}
    own = {"scope": "org", "key": "riverside.handover_check", "version": 2}
    assert queries.instrument_cursor_keys(cast(Any, huddle)) == [0, "huddle.team_pulse", 1]
    assert queries.instrument_cursor_keys(cast(Any, own)) == [1, "riverside.handover_check", 2]
