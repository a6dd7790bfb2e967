"""Listing campaigns refuses an integration client before it reads the client's cursor.

The route used to check "people only" first and decode the cursor after. Now that the access
rule sits in ``application/queries.py``, this pins the order: a client gets a 403 whatever
cursor it sends, and a person with a cursor we never issued gets a 400. Neither case touches
the database.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal, cast

import pytest
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_assessments.application import queries
from huddle_shared.auth import Principal
from huddle_shared.errors import Forbidden
from huddle_shared.http import BadRequest
from huddle_shared.pagination import Page

NOW = datetime(2026, 11, 2, 14, 30, tzinfo=UTC)
NOT_OUR_CURSOR = "not-a-cursor!"


class NoDatabase:
    """A connection that fails the test if anything is sent to it."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"the database was used ({name}) before the request was refused")


def principal(kind: Literal["user", "client"]) -> Principal:
    return Principal(
        subject="someone", org_id="org", roles=frozenset(), scopes=frozenset(), kind=kind
    )


async def list_with(who: Principal, cursor: str | None) -> Page:
    return await queries.list_campaigns(
        cast(AsyncConnection, NoDatabase()),
        principal=who,
        filters=queries.CampaignFilters(),
        now=NOW,
        cursor=cursor,
        limit=10,
    )


@pytest.mark.parametrize("cursor", [None, NOT_OUR_CURSOR])
async def test_an_integration_client_is_refused_whatever_its_cursor(cursor: str | None) -> None:
    with pytest.raises(Forbidden):
        await list_with(principal("client"), cursor)


async def test_a_person_with_a_cursor_we_never_issued_gets_a_bad_request() -> None:
    with pytest.raises(BadRequest):
        await list_with(principal("user"), NOT_OUR_CURSOR)
