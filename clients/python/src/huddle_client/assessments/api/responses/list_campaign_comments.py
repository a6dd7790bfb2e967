from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.comment_page import CommentPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    campaign_id: UUID,
    *,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: str | Unset | None
    json_cursor = UNSET if isinstance(cursor, Unset) else cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/campaigns/{campaign_id}/comments".format(
            campaign_id=quote(str(campaign_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CommentPage | Problem | None:
    if response.status_code == 200:
        return CommentPage.from_dict(response.json())

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
) -> Response[CommentPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    campaign_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
) -> Response[CommentPage | Problem]:
    """List a campaign's comments

     Comments without authors, in random order and pages, once the campaign has closed with
    ten or more responses (analysts, org admins and the team's clinical lead).

    Until then the answer is `suppressed` with no items and a `reason`: while the campaign
    is open whatever the count, so nobody can watch comments arrive one response at a time.

    Args:
        campaign_id (UUID): The campaign id
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommentPage | Problem]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    campaign_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
) -> CommentPage | Problem | None:
    """List a campaign's comments

     Comments without authors, in random order and pages, once the campaign has closed with
    ten or more responses (analysts, org admins and the team's clinical lead).

    Until then the answer is `suppressed` with no items and a `reason`: while the campaign
    is open whatever the count, so nobody can watch comments arrive one response at a time.

    Args:
        campaign_id (UUID): The campaign id
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommentPage | Problem
    """

    return sync_detailed(
        campaign_id=campaign_id,
        client=client,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    campaign_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
) -> Response[CommentPage | Problem]:
    """List a campaign's comments

     Comments without authors, in random order and pages, once the campaign has closed with
    ten or more responses (analysts, org admins and the team's clinical lead).

    Until then the answer is `suppressed` with no items and a `reason`: while the campaign
    is open whatever the count, so nobody can watch comments arrive one response at a time.

    Args:
        campaign_id (UUID): The campaign id
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommentPage | Problem]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    campaign_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
) -> CommentPage | Problem | None:
    """List a campaign's comments

     Comments without authors, in random order and pages, once the campaign has closed with
    ten or more responses (analysts, org admins and the team's clinical lead).

    Until then the answer is `suppressed` with no items and a `reason`: while the campaign
    is open whatever the count, so nobody can watch comments arrive one response at a time.

    Args:
        campaign_id (UUID): The campaign id
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommentPage | Problem
    """

    return (
        await asyncio_detailed(
            campaign_id=campaign_id,
            client=client,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
