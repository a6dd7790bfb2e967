from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.meeting_out import MeetingOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    team_id: UUID,
    meeting_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/teams/{team_id}/meetings/{meeting_id}".format(
            team_id=quote(str(team_id), safe=""),
            meeting_id=quote(str(meeting_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MeetingOut | Problem | None:
    if response.status_code == 200:
        return MeetingOut.from_dict(response.json())

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
) -> Response[MeetingOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    team_id: UUID,
    meeting_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[MeetingOut | Problem]:
    """Read a meeting record

     The meeting record with what went well, what to change and its decisions.

    Args:
        team_id (UUID): The team id
        meeting_id (UUID): The meeting id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MeetingOut | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        meeting_id=meeting_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    team_id: UUID,
    meeting_id: UUID,
    *,
    client: AuthenticatedClient,
) -> MeetingOut | Problem | None:
    """Read a meeting record

     The meeting record with what went well, what to change and its decisions.

    Args:
        team_id (UUID): The team id
        meeting_id (UUID): The meeting id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MeetingOut | Problem
    """

    return sync_detailed(
        team_id=team_id,
        meeting_id=meeting_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    team_id: UUID,
    meeting_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[MeetingOut | Problem]:
    """Read a meeting record

     The meeting record with what went well, what to change and its decisions.

    Args:
        team_id (UUID): The team id
        meeting_id (UUID): The meeting id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MeetingOut | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        meeting_id=meeting_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    team_id: UUID,
    meeting_id: UUID,
    *,
    client: AuthenticatedClient,
) -> MeetingOut | Problem | None:
    """Read a meeting record

     The meeting record with what went well, what to change and its decisions.

    Args:
        team_id (UUID): The team id
        meeting_id (UUID): The meeting id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MeetingOut | Problem
    """

    return (
        await asyncio_detailed(
            team_id=team_id,
            meeting_id=meeting_id,
            client=client,
        )
    ).parsed
