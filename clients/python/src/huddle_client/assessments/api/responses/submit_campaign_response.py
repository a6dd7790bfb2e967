from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.response_create import ResponseCreate
from ...models.response_receipt import ResponseReceipt
from ...types import Response


def _get_kwargs(
    campaign_id: UUID,
    *,
    body: ResponseCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/campaigns/{campaign_id}/responses".format(
            campaign_id=quote(str(campaign_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ResponseReceipt | None:
    if response.status_code == 201:
        return ResponseReceipt.from_dict(response.json())

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
) -> Response[Problem | ResponseReceipt]:
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
    body: ResponseCreate,
) -> Response[Problem | ResponseReceipt]:
    """Answer a campaign

     Answer an open campaign, once (the team's members when it opened); the scores come back.

    Each bad item is named in a 422, and a second response is a 409. Nobody but the author
    ever reads the answers or learns who wrote the comment.

    Args:
        campaign_id (UUID): The campaign id
        body (ResponseCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResponseReceipt]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    campaign_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ResponseCreate,
) -> Problem | ResponseReceipt | None:
    """Answer a campaign

     Answer an open campaign, once (the team's members when it opened); the scores come back.

    Each bad item is named in a 422, and a second response is a 409. Nobody but the author
    ever reads the answers or learns who wrote the comment.

    Args:
        campaign_id (UUID): The campaign id
        body (ResponseCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResponseReceipt
    """

    return sync_detailed(
        campaign_id=campaign_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    campaign_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ResponseCreate,
) -> Response[Problem | ResponseReceipt]:
    """Answer a campaign

     Answer an open campaign, once (the team's members when it opened); the scores come back.

    Each bad item is named in a 422, and a second response is a 409. Nobody but the author
    ever reads the answers or learns who wrote the comment.

    Args:
        campaign_id (UUID): The campaign id
        body (ResponseCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResponseReceipt]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    campaign_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ResponseCreate,
) -> Problem | ResponseReceipt | None:
    """Answer a campaign

     Answer an open campaign, once (the team's members when it opened); the scores come back.

    Each bad item is named in a 422, and a second response is a 409. Nobody but the author
    ever reads the answers or learns who wrote the comment.

    Args:
        campaign_id (UUID): The campaign id
        body (ResponseCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResponseReceipt
    """

    return (
        await asyncio_detailed(
            campaign_id=campaign_id,
            client=client,
            body=body,
        )
    ).parsed
