from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.meeting_kind import MeetingKind
from ...models.meeting_page import MeetingPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    team_id: UUID,
    *,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    kind: list[MeetingKind] | Unset | None = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: str | Unset | None
    json_cursor = UNSET if isinstance(cursor, Unset) else cursor
    params["cursor"] = json_cursor

    json_kind: list[str] | Unset | None
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, list):
        json_kind = []
        for kind_type_0_item_data in kind:
            kind_type_0_item: str = kind_type_0_item_data
            json_kind.append(kind_type_0_item)

    else:
        json_kind = kind
    params["kind"] = json_kind

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/teams/{team_id}/meetings".format(
            team_id=quote(str(team_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MeetingPage | Problem | None:
    if response.status_code == 200:
        return MeetingPage.from_dict(response.json())

    if response.status_code == 400:
        return Problem.from_dict(response.json())

    if response.status_code == 401:
        return Problem.from_dict(response.json())

    if response.status_code == 403:
        return Problem.from_dict(response.json())

    if response.status_code == 404:
        return Problem.from_dict(response.json())

    if response.status_code == 422:
        return Problem.from_dict(response.json())

    if response.status_code == 503:
        return Problem.from_dict(response.json())

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[MeetingPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    team_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    kind: list[MeetingKind] | Unset | None = UNSET,
) -> Response[MeetingPage | Problem]:
    """List the team's meetings

     The team's meetings, the most recently held first, a page at a time (pass
    `next_cursor` back as `cursor`), without their notes; the team's members, org admins and
    analysts read them.

    Args:
        team_id (UUID): The team id
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page
        kind (list[MeetingKind] | None | Unset): Only these kinds (repeatable)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MeetingPage | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        limit=limit,
        cursor=cursor,
        kind=kind,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    team_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    kind: list[MeetingKind] | Unset | None = UNSET,
) -> MeetingPage | Problem | None:
    """List the team's meetings

     The team's meetings, the most recently held first, a page at a time (pass
    `next_cursor` back as `cursor`), without their notes; the team's members, org admins and
    analysts read them.

    Args:
        team_id (UUID): The team id
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page
        kind (list[MeetingKind] | None | Unset): Only these kinds (repeatable)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MeetingPage | Problem
    """

    return sync_detailed(
        team_id=team_id,
        client=client,
        limit=limit,
        cursor=cursor,
        kind=kind,
    ).parsed


async def asyncio_detailed(
    team_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    kind: list[MeetingKind] | Unset | None = UNSET,
) -> Response[MeetingPage | Problem]:
    """List the team's meetings

     The team's meetings, the most recently held first, a page at a time (pass
    `next_cursor` back as `cursor`), without their notes; the team's members, org admins and
    analysts read them.

    Args:
        team_id (UUID): The team id
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page
        kind (list[MeetingKind] | None | Unset): Only these kinds (repeatable)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MeetingPage | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        limit=limit,
        cursor=cursor,
        kind=kind,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    team_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    kind: list[MeetingKind] | Unset | None = UNSET,
) -> MeetingPage | Problem | None:
    """List the team's meetings

     The team's meetings, the most recently held first, a page at a time (pass
    `next_cursor` back as `cursor`), without their notes; the team's members, org admins and
    analysts read them.

    Args:
        team_id (UUID): The team id
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page
        kind (list[MeetingKind] | None | Unset): Only these kinds (repeatable)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MeetingPage | Problem
    """

    return (
        await asyncio_detailed(
            team_id=team_id,
            client=client,
            limit=limit,
            cursor=cursor,
            kind=kind,
        )
    ).parsed
