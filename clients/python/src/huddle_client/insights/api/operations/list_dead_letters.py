from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dead_letter_page import DeadLetterPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    replayed: bool | Unset | None = UNSET,
    x_operator_key: str | Unset | None = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_operator_key, Unset):
        headers["X-Operator-Key"] = x_operator_key

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: str | Unset | None
    json_cursor = UNSET if isinstance(cursor, Unset) else cursor
    params["cursor"] = json_cursor

    json_replayed: bool | Unset | None
    json_replayed = UNSET if isinstance(replayed, Unset) else replayed
    params["replayed"] = json_replayed

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/dead-letters",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeadLetterPage | Problem | None:
    if response.status_code == 200:
        return DeadLetterPage.from_dict(response.json())

    if response.status_code == 400:
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
) -> Response[DeadLetterPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    replayed: bool | Unset | None = UNSET,
    x_operator_key: str | Unset | None = UNSET,
) -> Response[DeadLetterPage | Problem]:
    """List dead letters

     What the consumers set aside and why, oldest first (operators).

    Args:
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page
        replayed (bool | None | Unset): Only replayed (true) or only waiting (false) ones
        x_operator_key (None | str | Unset): The service's operator key

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeadLetterPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        replayed=replayed,
        x_operator_key=x_operator_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    replayed: bool | Unset | None = UNSET,
    x_operator_key: str | Unset | None = UNSET,
) -> DeadLetterPage | Problem | None:
    """List dead letters

     What the consumers set aside and why, oldest first (operators).

    Args:
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page
        replayed (bool | None | Unset): Only replayed (true) or only waiting (false) ones
        x_operator_key (None | str | Unset): The service's operator key

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeadLetterPage | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        replayed=replayed,
        x_operator_key=x_operator_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    replayed: bool | Unset | None = UNSET,
    x_operator_key: str | Unset | None = UNSET,
) -> Response[DeadLetterPage | Problem]:
    """List dead letters

     What the consumers set aside and why, oldest first (operators).

    Args:
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page
        replayed (bool | None | Unset): Only replayed (true) or only waiting (false) ones
        x_operator_key (None | str | Unset): The service's operator key

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeadLetterPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        replayed=replayed,
        x_operator_key=x_operator_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    replayed: bool | Unset | None = UNSET,
    x_operator_key: str | Unset | None = UNSET,
) -> DeadLetterPage | Problem | None:
    """List dead letters

     What the consumers set aside and why, oldest first (operators).

    Args:
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page
        replayed (bool | None | Unset): Only replayed (true) or only waiting (false) ones
        x_operator_key (None | str | Unset): The service's operator key

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeadLetterPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            replayed=replayed,
            x_operator_key=x_operator_key,
        )
    ).parsed
