from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.reset_request import ResetRequest
from ...models.reset_requested import ResetRequested
from ...types import Response


def _get_kwargs(
    *,
    body: ResetRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/password-resets",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ResetRequested | None:
    if response.status_code == 202:
        return ResetRequested.from_dict(response.json())

    if response.status_code == 400:
        return Problem.from_dict(response.json())

    if response.status_code == 413:
        return Problem.from_dict(response.json())

    if response.status_code == 415:
        return Problem.from_dict(response.json())

    if response.status_code == 422:
        return Problem.from_dict(response.json())

    if response.status_code == 429:
        return Problem.from_dict(response.json())

    if response.status_code == 503:
        return Problem.from_dict(response.json())

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | ResetRequested]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ResetRequest,
) -> Response[Problem | ResetRequested]:
    """Ask for a password reset link

     For anyone, without a token: if an active account signs in with the address, it is
    mailed a link, good once and for 30 minutes, to choose a new password. The answer is the
    same for every address, known or not; requests are limited per address.

    Args:
        body (ResetRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResetRequested]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ResetRequest,
) -> Problem | ResetRequested | None:
    """Ask for a password reset link

     For anyone, without a token: if an active account signs in with the address, it is
    mailed a link, good once and for 30 minutes, to choose a new password. The answer is the
    same for every address, known or not; requests are limited per address.

    Args:
        body (ResetRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResetRequested
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ResetRequest,
) -> Response[Problem | ResetRequested]:
    """Ask for a password reset link

     For anyone, without a token: if an active account signs in with the address, it is
    mailed a link, good once and for 30 minutes, to choose a new password. The answer is the
    same for every address, known or not; requests are limited per address.

    Args:
        body (ResetRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResetRequested]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ResetRequest,
) -> Problem | ResetRequested | None:
    """Ask for a password reset link

     For anyone, without a token: if an active account signs in with the address, it is
    mailed a link, good once and for 30 minutes, to choose a new password. The answer is the
    same for every address, known or not; requests are limited per address.

    Args:
        body (ResetRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResetRequested
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
