from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.replay_request import ReplayRequest
from ...models.replay_result import ReplayResult
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ReplayRequest | Unset | None = UNSET,
    x_operator_key: str | Unset | None = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_operator_key, Unset):
        headers["X-Operator-Key"] = x_operator_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/dead-letters/replay",
    }

    if isinstance(body, ReplayRequest):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReplayResult | None:
    if response.status_code == 200:
        return ReplayResult.from_dict(response.json())

    if response.status_code == 400:
        return Problem.from_dict(response.json())

    if response.status_code == 403:
        return Problem.from_dict(response.json())

    if response.status_code == 404:
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
) -> Response[Problem | ReplayResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ReplayRequest | Unset | None = UNSET,
    x_operator_key: str | Unset | None = UNSET,
) -> Response[Problem | ReplayResult]:
    """Replay dead letters

     Re-drive every dead letter not replayed yet, or the given ids, after a fix (operators).

    Args:
        x_operator_key (None | str | Unset): The service's operator key
        body (None | ReplayRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReplayResult]
    """

    kwargs = _get_kwargs(
        body=body,
        x_operator_key=x_operator_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ReplayRequest | Unset | None = UNSET,
    x_operator_key: str | Unset | None = UNSET,
) -> Problem | ReplayResult | None:
    """Replay dead letters

     Re-drive every dead letter not replayed yet, or the given ids, after a fix (operators).

    Args:
        x_operator_key (None | str | Unset): The service's operator key
        body (None | ReplayRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReplayResult
    """

    return sync_detailed(
        client=client,
        body=body,
        x_operator_key=x_operator_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ReplayRequest | Unset | None = UNSET,
    x_operator_key: str | Unset | None = UNSET,
) -> Response[Problem | ReplayResult]:
    """Replay dead letters

     Re-drive every dead letter not replayed yet, or the given ids, after a fix (operators).

    Args:
        x_operator_key (None | str | Unset): The service's operator key
        body (None | ReplayRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReplayResult]
    """

    kwargs = _get_kwargs(
        body=body,
        x_operator_key=x_operator_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ReplayRequest | Unset | None = UNSET,
    x_operator_key: str | Unset | None = UNSET,
) -> Problem | ReplayResult | None:
    """Replay dead letters

     Re-drive every dead letter not replayed yet, or the given ids, after a fix (operators).

    Args:
        x_operator_key (None | str | Unset): The service's operator key
        body (None | ReplayRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReplayResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_operator_key=x_operator_key,
        )
    ).parsed
