from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.jwks import Jwks
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/.well-known/jwks.json",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Jwks | Problem | None:
    if response.status_code == 200:
        return Jwks.from_dict(response.json())

    if response.status_code == 503:
        return Problem.from_dict(response.json())

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Jwks | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Jwks | Problem]:
    """Read the keys that sign access tokens

     The public keys, for anyone, that verify access tokens (a JWK Set): the current signing
    key and those retired recently enough that tokens they signed are still valid, newest
    first. Cache it for a few minutes; fetch it again on meeting an unknown `kid`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Jwks | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Jwks | Problem | None:
    """Read the keys that sign access tokens

     The public keys, for anyone, that verify access tokens (a JWK Set): the current signing
    key and those retired recently enough that tokens they signed are still valid, newest
    first. Cache it for a few minutes; fetch it again on meeting an unknown `kid`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Jwks | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Jwks | Problem]:
    """Read the keys that sign access tokens

     The public keys, for anyone, that verify access tokens (a JWK Set): the current signing
    key and those retired recently enough that tokens they signed are still valid, newest
    first. Cache it for a few minutes; fetch it again on meeting an unknown `kid`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Jwks | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Jwks | Problem | None:
    """Read the keys that sign access tokens

     The public keys, for anyone, that verify access tokens (a JWK Set): the current signing
    key and those retired recently enough that tokens they signed are still valid, newest
    first. Cache it for a few minutes; fetch it again on meeting an unknown `kid`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Jwks | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
