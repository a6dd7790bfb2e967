from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.open_id_configuration import OpenIdConfiguration
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/.well-known/openid-configuration",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OpenIdConfiguration | Problem | None:
    if response.status_code == 200:
        return OpenIdConfiguration.from_dict(response.json())

    if response.status_code == 503:
        return Problem.from_dict(response.json())

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[OpenIdConfiguration | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[OpenIdConfiguration | Problem]:
    """Read the OpenID provider's metadata

     OpenID Connect Discovery: the issuer, the endpoints, the JWKS URI and what this provider
    supports (the code flow with PKCE S256, ES256 ID tokens).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OpenIdConfiguration | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> OpenIdConfiguration | Problem | None:
    """Read the OpenID provider's metadata

     OpenID Connect Discovery: the issuer, the endpoints, the JWKS URI and what this provider
    supports (the code flow with PKCE S256, ES256 ID tokens).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OpenIdConfiguration | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[OpenIdConfiguration | Problem]:
    """Read the OpenID provider's metadata

     OpenID Connect Discovery: the issuer, the endpoints, the JWKS URI and what this provider
    supports (the code flow with PKCE S256, ES256 ID tokens).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OpenIdConfiguration | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> OpenIdConfiguration | Problem | None:
    """Read the OpenID provider's metadata

     OpenID Connect Discovery: the issuer, the endpoints, the JWKS URI and what this provider
    supports (the code flow with PKCE S256, ES256 ID tokens).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OpenIdConfiguration | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
