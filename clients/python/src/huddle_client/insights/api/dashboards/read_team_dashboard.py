import datetime
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.team_dashboard import TeamDashboard
from ...types import UNSET, Response, Unset


def _get_kwargs(
    team_id: UUID,
    *,
    as_of: datetime.date | Unset | None = UNSET,
    if_none_match: str | Unset | None = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_as_of: str | Unset | None
    if isinstance(as_of, Unset):
        json_as_of = UNSET
    elif isinstance(as_of, datetime.date):
        json_as_of = as_of.isoformat()
    else:
        json_as_of = as_of
    params["as_of"] = json_as_of

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/teams/{team_id}/dashboard".format(
            team_id=quote(str(team_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | TeamDashboard | None:
    if response.status_code == 200:
        return TeamDashboard.from_dict(response.json())

    if response.status_code == 304:
        return cast(Any, None)

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
) -> Response[Any | Problem | TeamDashboard]:
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
    as_of: datetime.date | Unset | None = UNSET,
    if_none_match: str | Unset | None = UNSET,
) -> Response[Any | Problem | TeamDashboard]:
    """Read a team dashboard

     Morale, collaboration and burnout risk with their drivers, the roster, the last year's
    role changes, the charter's health and the competencies. For the team's members, org admins,
    analysts and clients with `dashboards:read`; others of the organisation get a 403. Suppressed
    figures are null with a `reason`; answers 304 to a current If-None-Match.

    Args:
        team_id (UUID): The team id
        as_of (datetime.date | None | Unset): Compute as of this day (default: today, UTC)
        if_none_match (None | str | Unset): ETags of representations the client holds; a match
            answers 304

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | TeamDashboard]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        as_of=as_of,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    team_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset | None = UNSET,
    if_none_match: str | Unset | None = UNSET,
) -> Any | Problem | TeamDashboard | None:
    """Read a team dashboard

     Morale, collaboration and burnout risk with their drivers, the roster, the last year's
    role changes, the charter's health and the competencies. For the team's members, org admins,
    analysts and clients with `dashboards:read`; others of the organisation get a 403. Suppressed
    figures are null with a `reason`; answers 304 to a current If-None-Match.

    Args:
        team_id (UUID): The team id
        as_of (datetime.date | None | Unset): Compute as of this day (default: today, UTC)
        if_none_match (None | str | Unset): ETags of representations the client holds; a match
            answers 304

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | TeamDashboard
    """

    return sync_detailed(
        team_id=team_id,
        client=client,
        as_of=as_of,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    team_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset | None = UNSET,
    if_none_match: str | Unset | None = UNSET,
) -> Response[Any | Problem | TeamDashboard]:
    """Read a team dashboard

     Morale, collaboration and burnout risk with their drivers, the roster, the last year's
    role changes, the charter's health and the competencies. For the team's members, org admins,
    analysts and clients with `dashboards:read`; others of the organisation get a 403. Suppressed
    figures are null with a `reason`; answers 304 to a current If-None-Match.

    Args:
        team_id (UUID): The team id
        as_of (datetime.date | None | Unset): Compute as of this day (default: today, UTC)
        if_none_match (None | str | Unset): ETags of representations the client holds; a match
            answers 304

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | TeamDashboard]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        as_of=as_of,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    team_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset | None = UNSET,
    if_none_match: str | Unset | None = UNSET,
) -> Any | Problem | TeamDashboard | None:
    """Read a team dashboard

     Morale, collaboration and burnout risk with their drivers, the roster, the last year's
    role changes, the charter's health and the competencies. For the team's members, org admins,
    analysts and clients with `dashboards:read`; others of the organisation get a 403. Suppressed
    figures are null with a `reason`; answers 304 to a current If-None-Match.

    Args:
        team_id (UUID): The team id
        as_of (datetime.date | None | Unset): Compute as of this day (default: today, UTC)
        if_none_match (None | str | Unset): ETags of representations the client holds; a match
            answers 304

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | TeamDashboard
    """

    return (
        await asyncio_detailed(
            team_id=team_id,
            client=client,
            as_of=as_of,
            if_none_match=if_none_match,
        )
    ).parsed
