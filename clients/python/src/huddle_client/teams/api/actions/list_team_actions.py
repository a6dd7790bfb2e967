from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.action_page import ActionPage
from ...models.action_status import ActionStatus
from ...models.problem import Problem
from ...models.prompt_kind import PromptKind
from ...types import UNSET, Response, Unset


def _get_kwargs(
    team_id: UUID,
    *,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    status: list[ActionStatus] | Unset | None = UNSET,
    owner: Unset | UUID | None = UNSET,
    overdue: bool | Unset = False,
    prompted_by: PromptKind | Unset | None = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: str | Unset | None
    json_cursor = UNSET if isinstance(cursor, Unset) else cursor
    params["cursor"] = json_cursor

    json_status: list[str] | Unset | None
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, list):
        json_status = []
        for status_type_0_item_data in status:
            status_type_0_item: str = status_type_0_item_data
            json_status.append(status_type_0_item)

    else:
        json_status = status
    params["status"] = json_status

    json_owner: str | Unset | None
    if isinstance(owner, Unset):
        json_owner = UNSET
    elif isinstance(owner, UUID):
        json_owner = str(owner)
    else:
        json_owner = owner
    params["owner"] = json_owner

    params["overdue"] = overdue

    json_prompted_by: str | Unset | None
    if isinstance(prompted_by, Unset):
        json_prompted_by = UNSET
    elif isinstance(prompted_by, str):
        json_prompted_by = prompted_by
    else:
        json_prompted_by = prompted_by
    params["prompted_by"] = json_prompted_by

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/teams/{team_id}/actions".format(
            team_id=quote(str(team_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ActionPage | Problem | None:
    if response.status_code == 200:
        return ActionPage.from_dict(response.json())

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
) -> Response[ActionPage | Problem]:
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
    status: list[ActionStatus] | Unset | None = UNSET,
    owner: Unset | UUID | None = UNSET,
    overdue: bool | Unset = False,
    prompted_by: PromptKind | Unset | None = UNSET,
) -> Response[ActionPage | Problem]:
    """List the team's actions

     The team's actions, newest first, a page at a time (pass `next_cursor` back as
    `cursor`), without their check-ins; the team's members, org admins and analysts read
    them.

    Args:
        team_id (UUID): The team id
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page
        status (list[ActionStatus] | None | Unset): Only these statuses (repeatable)
        owner (None | Unset | UUID): Only actions this person owns
        overdue (bool | Unset): Only open actions due before today Default: False.
        prompted_by (None | PromptKind | Unset): Only actions prompted by this kind of thing

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActionPage | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        limit=limit,
        cursor=cursor,
        status=status,
        owner=owner,
        overdue=overdue,
        prompted_by=prompted_by,
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
    status: list[ActionStatus] | Unset | None = UNSET,
    owner: Unset | UUID | None = UNSET,
    overdue: bool | Unset = False,
    prompted_by: PromptKind | Unset | None = UNSET,
) -> ActionPage | Problem | None:
    """List the team's actions

     The team's actions, newest first, a page at a time (pass `next_cursor` back as
    `cursor`), without their check-ins; the team's members, org admins and analysts read
    them.

    Args:
        team_id (UUID): The team id
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page
        status (list[ActionStatus] | None | Unset): Only these statuses (repeatable)
        owner (None | Unset | UUID): Only actions this person owns
        overdue (bool | Unset): Only open actions due before today Default: False.
        prompted_by (None | PromptKind | Unset): Only actions prompted by this kind of thing

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActionPage | Problem
    """

    return sync_detailed(
        team_id=team_id,
        client=client,
        limit=limit,
        cursor=cursor,
        status=status,
        owner=owner,
        overdue=overdue,
        prompted_by=prompted_by,
    ).parsed


async def asyncio_detailed(
    team_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    status: list[ActionStatus] | Unset | None = UNSET,
    owner: Unset | UUID | None = UNSET,
    overdue: bool | Unset = False,
    prompted_by: PromptKind | Unset | None = UNSET,
) -> Response[ActionPage | Problem]:
    """List the team's actions

     The team's actions, newest first, a page at a time (pass `next_cursor` back as
    `cursor`), without their check-ins; the team's members, org admins and analysts read
    them.

    Args:
        team_id (UUID): The team id
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page
        status (list[ActionStatus] | None | Unset): Only these statuses (repeatable)
        owner (None | Unset | UUID): Only actions this person owns
        overdue (bool | Unset): Only open actions due before today Default: False.
        prompted_by (None | PromptKind | Unset): Only actions prompted by this kind of thing

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActionPage | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        limit=limit,
        cursor=cursor,
        status=status,
        owner=owner,
        overdue=overdue,
        prompted_by=prompted_by,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    team_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    status: list[ActionStatus] | Unset | None = UNSET,
    owner: Unset | UUID | None = UNSET,
    overdue: bool | Unset = False,
    prompted_by: PromptKind | Unset | None = UNSET,
) -> ActionPage | Problem | None:
    """List the team's actions

     The team's actions, newest first, a page at a time (pass `next_cursor` back as
    `cursor`), without their check-ins; the team's members, org admins and analysts read
    them.

    Args:
        team_id (UUID): The team id
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page
        status (list[ActionStatus] | None | Unset): Only these statuses (repeatable)
        owner (None | Unset | UUID): Only actions this person owns
        overdue (bool | Unset): Only open actions due before today Default: False.
        prompted_by (None | PromptKind | Unset): Only actions prompted by this kind of thing

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActionPage | Problem
    """

    return (
        await asyncio_detailed(
            team_id=team_id,
            client=client,
            limit=limit,
            cursor=cursor,
            status=status,
            owner=owner,
            overdue=overdue,
            prompted_by=prompted_by,
        )
    ).parsed
