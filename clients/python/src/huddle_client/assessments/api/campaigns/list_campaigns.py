from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.campaign_page import CampaignPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    team_id: str | Unset | None = UNSET,
    status: str | Unset | None = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: str | Unset | None
    json_cursor = UNSET if isinstance(cursor, Unset) else cursor
    params["cursor"] = json_cursor

    json_team_id: str | Unset | None
    json_team_id = UNSET if isinstance(team_id, Unset) else team_id
    params["team_id"] = json_team_id

    json_status: str | Unset | None
    json_status = UNSET if isinstance(status, Unset) else status
    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/campaigns",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CampaignPage | Problem | None:
    if response.status_code == 200:
        return CampaignPage.from_dict(response.json())

    if response.status_code == 400:
        return Problem.from_dict(response.json())

    if response.status_code == 401:
        return Problem.from_dict(response.json())

    if response.status_code == 403:
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
) -> Response[CampaignPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    team_id: str | Unset | None = UNSET,
    status: str | Unset | None = UNSET,
) -> Response[CampaignPage | Problem]:
    """List campaigns

     Campaigns the caller may see, with their participation: all of the organisation's for
    org admins and analysts, else those of the caller's teams.

    Oldest first, with cursor pagination; integration clients are refused (403).

    Args:
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page
        team_id (None | str | Unset):
        status (None | str | Unset): scheduled, open or closed

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CampaignPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        team_id=team_id,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    team_id: str | Unset | None = UNSET,
    status: str | Unset | None = UNSET,
) -> CampaignPage | Problem | None:
    """List campaigns

     Campaigns the caller may see, with their participation: all of the organisation's for
    org admins and analysts, else those of the caller's teams.

    Oldest first, with cursor pagination; integration clients are refused (403).

    Args:
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page
        team_id (None | str | Unset):
        status (None | str | Unset): scheduled, open or closed

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CampaignPage | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        team_id=team_id,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    team_id: str | Unset | None = UNSET,
    status: str | Unset | None = UNSET,
) -> Response[CampaignPage | Problem]:
    """List campaigns

     Campaigns the caller may see, with their participation: all of the organisation's for
    org admins and analysts, else those of the caller's teams.

    Oldest first, with cursor pagination; integration clients are refused (403).

    Args:
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page
        team_id (None | str | Unset):
        status (None | str | Unset): scheduled, open or closed

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CampaignPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        team_id=team_id,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    team_id: str | Unset | None = UNSET,
    status: str | Unset | None = UNSET,
) -> CampaignPage | Problem | None:
    """List campaigns

     Campaigns the caller may see, with their participation: all of the organisation's for
    org admins and analysts, else those of the caller's teams.

    Oldest first, with cursor pagination; integration clients are refused (403).

    Args:
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page
        team_id (None | str | Unset):
        status (None | str | Unset): scheduled, open or closed

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CampaignPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            team_id=team_id,
            status=status,
        )
    ).parsed
