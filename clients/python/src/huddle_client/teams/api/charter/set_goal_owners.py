from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.charter_out import CharterOut
from ...models.goal_owners_in import GoalOwnersIn
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    team_id: UUID,
    goal_id: str,
    *,
    body: GoalOwnersIn,
    if_match: str | Unset | None = UNSET,
    idempotency_key: str | Unset | None = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/teams/{team_id}/charter/goals/{goal_id}/owners".format(
            team_id=quote(str(team_id), safe=""),
            goal_id=quote(str(goal_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CharterOut | Problem | None:
    if response.status_code == 200:
        return CharterOut.from_dict(response.json())

    if response.status_code == 400:
        return Problem.from_dict(response.json())

    if response.status_code == 401:
        return Problem.from_dict(response.json())

    if response.status_code == 403:
        return Problem.from_dict(response.json())

    if response.status_code == 404:
        return Problem.from_dict(response.json())

    if response.status_code == 409:
        return Problem.from_dict(response.json())

    if response.status_code == 412:
        return Problem.from_dict(response.json())

    if response.status_code == 413:
        return Problem.from_dict(response.json())

    if response.status_code == 415:
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
) -> Response[CharterOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    team_id: UUID,
    goal_id: str,
    *,
    client: AuthenticatedClient,
    body: GoalOwnersIn,
    if_match: str | Unset | None = UNSET,
    idempotency_key: str | Unset | None = UNSET,
) -> Response[CharterOut | Problem]:
    """Name a goal's owners

     Name the members who own an open goal of the current charter (org admins and the team's
    clinical lead); the list replaces the owners, and an empty one leaves the goal unowned. A
    member who leaves the team comes off the goals they own. Answers the charter and the team's
    new `ETag`.

    Args:
        team_id (UUID): The team id
        goal_id (str): The goal id
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        idempotency_key (None | str | Unset): Any unique string (a UUID); a retried request with
            the same key returns the first response instead of acting twice.
        body (GoalOwnersIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CharterOut | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        goal_id=goal_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    team_id: UUID,
    goal_id: str,
    *,
    client: AuthenticatedClient,
    body: GoalOwnersIn,
    if_match: str | Unset | None = UNSET,
    idempotency_key: str | Unset | None = UNSET,
) -> CharterOut | Problem | None:
    """Name a goal's owners

     Name the members who own an open goal of the current charter (org admins and the team's
    clinical lead); the list replaces the owners, and an empty one leaves the goal unowned. A
    member who leaves the team comes off the goals they own. Answers the charter and the team's
    new `ETag`.

    Args:
        team_id (UUID): The team id
        goal_id (str): The goal id
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        idempotency_key (None | str | Unset): Any unique string (a UUID); a retried request with
            the same key returns the first response instead of acting twice.
        body (GoalOwnersIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CharterOut | Problem
    """

    return sync_detailed(
        team_id=team_id,
        goal_id=goal_id,
        client=client,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    team_id: UUID,
    goal_id: str,
    *,
    client: AuthenticatedClient,
    body: GoalOwnersIn,
    if_match: str | Unset | None = UNSET,
    idempotency_key: str | Unset | None = UNSET,
) -> Response[CharterOut | Problem]:
    """Name a goal's owners

     Name the members who own an open goal of the current charter (org admins and the team's
    clinical lead); the list replaces the owners, and an empty one leaves the goal unowned. A
    member who leaves the team comes off the goals they own. Answers the charter and the team's
    new `ETag`.

    Args:
        team_id (UUID): The team id
        goal_id (str): The goal id
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        idempotency_key (None | str | Unset): Any unique string (a UUID); a retried request with
            the same key returns the first response instead of acting twice.
        body (GoalOwnersIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CharterOut | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        goal_id=goal_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    team_id: UUID,
    goal_id: str,
    *,
    client: AuthenticatedClient,
    body: GoalOwnersIn,
    if_match: str | Unset | None = UNSET,
    idempotency_key: str | Unset | None = UNSET,
) -> CharterOut | Problem | None:
    """Name a goal's owners

     Name the members who own an open goal of the current charter (org admins and the team's
    clinical lead); the list replaces the owners, and an empty one leaves the goal unowned. A
    member who leaves the team comes off the goals they own. Answers the charter and the team's
    new `ETag`.

    Args:
        team_id (UUID): The team id
        goal_id (str): The goal id
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        idempotency_key (None | str | Unset): Any unique string (a UUID); a retried request with
            the same key returns the first response instead of acting twice.
        body (GoalOwnersIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CharterOut | Problem
    """

    return (
        await asyncio_detailed(
            team_id=team_id,
            goal_id=goal_id,
            client=client,
            body=body,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
