from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.action_create import ActionCreate
from ...models.action_out import ActionOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    team_id: UUID,
    *,
    body: ActionCreate,
    idempotency_key: str | Unset | None = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/teams/{team_id}/actions".format(
            team_id=quote(str(team_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ActionOut | Problem | None:
    if response.status_code == 201:
        return ActionOut.from_dict(response.json())

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
) -> Response[ActionOut | Problem]:
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
    body: ActionCreate,
    idempotency_key: str | Unset | None = UNSET,
) -> Response[ActionOut | Problem]:
    """Agree or propose an action

     A new action for the team, with why it matters, its owners (members of the team), when
    it is due and what prompted it: a campaign's result, a dashboard driver or a charter goal.
    The clinical lead and org admins agree it (committed); any other member of the team
    proposes it, for the lead to commit. Answers 201 with the action, its path in `Location`
    and its version in `ETag`.

    Args:
        team_id (UUID): The team id
        idempotency_key (None | str | Unset): Any unique string (a UUID); a retried request with
            the same key returns the first response instead of acting twice.
        body (ActionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActionOut | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    team_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ActionCreate,
    idempotency_key: str | Unset | None = UNSET,
) -> ActionOut | Problem | None:
    """Agree or propose an action

     A new action for the team, with why it matters, its owners (members of the team), when
    it is due and what prompted it: a campaign's result, a dashboard driver or a charter goal.
    The clinical lead and org admins agree it (committed); any other member of the team
    proposes it, for the lead to commit. Answers 201 with the action, its path in `Location`
    and its version in `ETag`.

    Args:
        team_id (UUID): The team id
        idempotency_key (None | str | Unset): Any unique string (a UUID); a retried request with
            the same key returns the first response instead of acting twice.
        body (ActionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActionOut | Problem
    """

    return sync_detailed(
        team_id=team_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    team_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ActionCreate,
    idempotency_key: str | Unset | None = UNSET,
) -> Response[ActionOut | Problem]:
    """Agree or propose an action

     A new action for the team, with why it matters, its owners (members of the team), when
    it is due and what prompted it: a campaign's result, a dashboard driver or a charter goal.
    The clinical lead and org admins agree it (committed); any other member of the team
    proposes it, for the lead to commit. Answers 201 with the action, its path in `Location`
    and its version in `ETag`.

    Args:
        team_id (UUID): The team id
        idempotency_key (None | str | Unset): Any unique string (a UUID); a retried request with
            the same key returns the first response instead of acting twice.
        body (ActionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActionOut | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    team_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ActionCreate,
    idempotency_key: str | Unset | None = UNSET,
) -> ActionOut | Problem | None:
    """Agree or propose an action

     A new action for the team, with why it matters, its owners (members of the team), when
    it is due and what prompted it: a campaign's result, a dashboard driver or a charter goal.
    The clinical lead and org admins agree it (committed); any other member of the team
    proposes it, for the lead to commit. Answers 201 with the action, its path in `Location`
    and its version in `ETag`.

    Args:
        team_id (UUID): The team id
        idempotency_key (None | str | Unset): Any unique string (a UUID); a retried request with
            the same key returns the first response instead of acting twice.
        body (ActionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActionOut | Problem
    """

    return (
        await asyncio_detailed(
            team_id=team_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
