"""Use cases that read: instruments, campaigns and their participation, a person's own answers.

Every read that names a campaign resolves it in the caller's organisation first, so another
tenant's campaign is a 404 before any access rule speaks. Nothing here returns an individual
response to anyone but its author.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Row, case, or_, select
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_assessments.adapters.tables import (
    campaign_comments,
    campaigns,
    instruments,
    respondent_links,
    responses,
    team_members,
)
from huddle_assessments.application import access
from huddle_assessments.application.instruments import (
    HUDDLE_SCOPE,
    instrument_row,
    visible_instrument,
)
from huddle_assessments.projections.directory import link_hash
from huddle_shared.auth import Principal
from huddle_shared.contracts.identity import OrgRole
from huddle_shared.errors import NotFound
from huddle_shared.http import BAD_CURSOR, BadRequest, decode_cursor
from huddle_shared.pagination import Page, fetch_page, time_and_id_cursor

COMMENT_THRESHOLD = 10


class CommentsWithheld(StrEnum):
    """Why a campaign's comments are not shown (yet)."""

    # While a campaign is open, comments appearing one by one would tie each to whoever
    # responded just before: they are shown only once the set can no longer change.
    OPEN = "open"
    TOO_FEW = "too_few"


@dataclass(frozen=True)
class CampaignView:
    """A campaign as its read-model row holds it (``version`` is the stream version)."""

    id: str
    team_id: str
    instrument_id: str
    instrument_kind: str
    title: str
    opens_at: datetime
    closes_at: datetime
    anonymity: str
    min_group_size: int
    eligible_count: int
    responded_count: int
    closed_at: datetime | None
    created_at: datetime
    version: int

    @classmethod
    def of(cls, row: RowMapping) -> CampaignView:
        """From a ``campaigns`` row (as a mapping)."""
        return cls(id=row["campaign_id"], **{name: row[name] for name in _ROW_FIELDS})


_ROW_FIELDS = [name for name in CampaignView.__dataclass_fields__ if name != "id"]


@dataclass(frozen=True)
class CampaignFilters:
    team_id: str | None = None
    status: str | None = None  # scheduled, open or closed


# ---- instruments ---------------------------------------------------------------------------


async def list_instruments(
    conn: AsyncConnection, *, principal: Principal, cursor: str | None, limit: int
) -> Page:
    """Huddle's instruments first, then the organisation's own, by key and version.

    The cursor carries the last row's ``[owner rank, key, version]``, a unique key within what
    one organisation sees (400 if it is not one this API issued).
    """
    query = select(instruments).where(
        or_(instruments.c.scope == HUDDLE_SCOPE, instruments.c.scope == principal.org_id)
    )
    return await fetch_page(
        conn,
        query,
        order_by=[_OWNER_RANK, instruments.c.key, instruments.c.version],
        after_keys=_instrument_cursor(cursor),
        limit=limit,
    )


_MAX_VERSION = 2**31 - 1  # the column is an integer: a larger value would fail in SQL
# Huddle's instruments (0) before the organisation's own (1).
_OWNER_RANK = case((instruments.c.scope == HUDDLE_SCOPE, 0), else_=1)


def instrument_cursor_keys(row: RowMapping) -> list[Any]:
    """The keys of a listed instrument that the next page starts after."""
    return [0 if row["scope"] == HUDDLE_SCOPE else 1, row["key"], row["version"]]


def _instrument_cursor(cursor: str | None) -> tuple[int, str, int] | None:
    values = decode_cursor(cursor, 3)
    if values is None:
        return None
    rank, key, version = values
    if (
        not _is_int(rank)
        or rank not in (0, 1)
        or not isinstance(key, str)
        or not _is_int(version)
        or not 1 <= version <= _MAX_VERSION
    ):
        raise BadRequest(BAD_CURSOR)
    return rank, key, version


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


async def read_instrument(
    conn: AsyncConnection, *, instrument_id: str, principal: Principal
) -> Row[Any]:
    """One instrument the organisation may use (another organisation's own is a 404)."""
    await visible_instrument(conn, instrument_id=instrument_id, org_id=principal.org_id)
    return await instrument_row(conn, instrument_id=instrument_id)


# ---- campaigns -----------------------------------------------------------------------------


async def campaign_view(conn: AsyncConnection, *, campaign_id: str, org_id: str) -> CampaignView:
    row = (
        await conn.execute(
            select(campaigns).where(
                campaigns.c.campaign_id == campaign_id, campaigns.c.org_id == org_id
            )
        )
    ).one_or_none()
    if row is None:
        raise NotFound("No such campaign")
    return CampaignView.of(row._mapping)


async def read_campaign(
    conn: AsyncConnection, *, campaign_id: str, principal: Principal
) -> CampaignView:
    """A campaign and its participation, for the team, org admins and analysts."""
    access.ensure_person(principal)
    campaign = await campaign_view(conn, campaign_id=campaign_id, org_id=principal.org_id)
    await access.require_viewer(conn, principal, campaign.team_id)
    return campaign


async def list_campaigns(
    conn: AsyncConnection,
    *,
    principal: Principal,
    filters: CampaignFilters,
    now: datetime,
    cursor: str | None,
    limit: int,
) -> Page:
    """Campaigns the caller may see: all for org admins and analysts, else their teams'.

    An integration client is refused before its cursor is read, so it gets a 403 whatever
    cursor it sends.
    """
    access.ensure_person(principal)
    after = time_and_id_cursor(cursor)
    query = select(campaigns).where(campaigns.c.org_id == principal.org_id)
    if filters.team_id is not None:
        query = query.where(campaigns.c.team_id == filters.team_id)
    if filters.status == "closed":
        query = query.where(or_(campaigns.c.closed_at.is_not(None), campaigns.c.closes_at <= now))
    elif filters.status == "open":
        query = query.where(
            campaigns.c.closed_at.is_(None),
            campaigns.c.opens_at <= now,
            campaigns.c.closes_at > now,
        )
    elif filters.status == "scheduled":
        query = query.where(campaigns.c.closed_at.is_(None), campaigns.c.opens_at > now)
    if not principal.has_any_role(OrgRole.ORG_ADMIN, OrgRole.ANALYST):
        query = query.where(
            campaigns.c.team_id.in_(
                select(team_members.c.team_id).where(team_members.c.user_id == principal.subject)
            )
        )
    return await fetch_page(
        conn,
        query,
        order_by=[campaigns.c.created_at, campaigns.c.campaign_id],
        after_keys=after,
        limit=limit,
    )


# ---- responses -----------------------------------------------------------------------------


async def own_response(
    conn: AsyncConnection, *, link_key: bytes, campaign_id: str, user_id: str
) -> Row[Any] | None:
    """The caller's own response, found through the keyed link (no table names the person)."""
    link = link_hash(link_key, campaign_id, user_id)
    return (
        await conn.execute(
            select(responses)
            .select_from(
                respondent_links.join(
                    responses, responses.c.response_id == respondent_links.c.response_id
                )
            )
            .where(respondent_links.c.link_hash == link)
        )
    ).one_or_none()


async def read_own_response(
    conn: AsyncConnection, *, link_key: bytes, campaign_id: str, principal: Principal
) -> Row[Any] | None:
    """The caller's own answers to a campaign of their organisation, if they responded."""
    await campaign_view(conn, campaign_id=campaign_id, org_id=principal.org_id)
    return await own_response(
        conn, link_key=link_key, campaign_id=campaign_id, user_id=principal.subject
    )


async def read_my_response(
    conn: AsyncConnection, *, link_key: bytes, campaign_id: str, principal: Principal
) -> Row[Any] | None:
    """``/responses/me``: a person's own answers (integration clients never answer)."""
    access.ensure_person(principal)
    return await read_own_response(
        conn, link_key=link_key, campaign_id=campaign_id, principal=principal
    )


async def read_comments(
    conn: AsyncConnection,
    *,
    campaign_id: str,
    principal: Principal,
    now: datetime,
    cursor: str | None,
    limit: int,
) -> Page | CommentsWithheld:
    """The comments without authors, once the campaign has closed with ten or more responses.

    Closed as everywhere in this service: closed early, or its window ended at ``now`` (it
    takes no responses from then on, so the comments can no longer change, and pages of them
    neither). Access is checked before the cursor is read, and both before anything is said
    about whether the comments are shown.
    """
    access.ensure_person(principal)
    campaign = await campaign_view(conn, campaign_id=campaign_id, org_id=principal.org_id)
    await access.require_comment_reader(conn, principal, campaign.team_id)
    after = _comment_cursor(cursor)
    if campaign.closed_at is None and now < campaign.closes_at:
        return CommentsWithheld.OPEN
    if campaign.responded_count < COMMENT_THRESHOLD:
        return CommentsWithheld.TOO_FEW
    return await fetch_page(
        conn,
        select(campaign_comments.c.comment_id, campaign_comments.c.text).where(
            campaign_comments.c.campaign_id == campaign_id
        ),
        # Random ids make a random order: the list says nothing about who answered when.
        order_by=[campaign_comments.c.comment_id],
        after_keys=after,
        limit=limit,
    )


def _comment_cursor(cursor: str | None) -> tuple[str] | None:
    values = decode_cursor(cursor, 1)
    if values is None:
        return None
    if not isinstance(values[0], str):
        raise BadRequest(BAD_CURSOR)
    return (values[0],)
