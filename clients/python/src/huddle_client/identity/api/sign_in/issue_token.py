from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.token_request import TokenRequest
from ...models.token_response import TokenResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TokenRequest,
    authorization: str | Unset | None = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(authorization, Unset):
        headers["authorization"] = authorization

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/auth/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TokenResponse | None:
    if response.status_code == 200:
        return TokenResponse.from_dict(response.json())

    if response.status_code == 400:
        return Problem.from_dict(response.json())

    if response.status_code == 401:
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
) -> Response[Problem | TokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
    authorization: str | Unset | None = UNSET,
) -> Response[Problem | TokenResponse]:
    """Get an access token

     The OAuth 2.0 token endpoint, form-encoded, for anyone: grant `authorization_code`
    (a frontend, after the sign-in page: the code, `redirect_uri`, `client_id` and the PKCE
    `code_verifier`; an access, a refresh and, with `openid`, an ID token), `refresh_token`
    (a new pair; each refresh token works once), `client_credentials` (integration clients: an
    access token), or `password` where it is enabled (never by default in production).
    Refusals are OAuth errors inside problems; repeated failures for one email or client id
    are throttled (429).

    Args:
        authorization (None | str | Unset): `Basic` credentials of an integration client
            (client_credentials)
        body (TokenRequest): An OAuth 2.0 token request; which fields are needed depends on
            `grant_type`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        authorization=authorization,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
    authorization: str | Unset | None = UNSET,
) -> Problem | TokenResponse | None:
    """Get an access token

     The OAuth 2.0 token endpoint, form-encoded, for anyone: grant `authorization_code`
    (a frontend, after the sign-in page: the code, `redirect_uri`, `client_id` and the PKCE
    `code_verifier`; an access, a refresh and, with `openid`, an ID token), `refresh_token`
    (a new pair; each refresh token works once), `client_credentials` (integration clients: an
    access token), or `password` where it is enabled (never by default in production).
    Refusals are OAuth errors inside problems; repeated failures for one email or client id
    are throttled (429).

    Args:
        authorization (None | str | Unset): `Basic` credentials of an integration client
            (client_credentials)
        body (TokenRequest): An OAuth 2.0 token request; which fields are needed depends on
            `grant_type`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        authorization=authorization,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
    authorization: str | Unset | None = UNSET,
) -> Response[Problem | TokenResponse]:
    """Get an access token

     The OAuth 2.0 token endpoint, form-encoded, for anyone: grant `authorization_code`
    (a frontend, after the sign-in page: the code, `redirect_uri`, `client_id` and the PKCE
    `code_verifier`; an access, a refresh and, with `openid`, an ID token), `refresh_token`
    (a new pair; each refresh token works once), `client_credentials` (integration clients: an
    access token), or `password` where it is enabled (never by default in production).
    Refusals are OAuth errors inside problems; repeated failures for one email or client id
    are throttled (429).

    Args:
        authorization (None | str | Unset): `Basic` credentials of an integration client
            (client_credentials)
        body (TokenRequest): An OAuth 2.0 token request; which fields are needed depends on
            `grant_type`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        authorization=authorization,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
    authorization: str | Unset | None = UNSET,
) -> Problem | TokenResponse | None:
    """Get an access token

     The OAuth 2.0 token endpoint, form-encoded, for anyone: grant `authorization_code`
    (a frontend, after the sign-in page: the code, `redirect_uri`, `client_id` and the PKCE
    `code_verifier`; an access, a refresh and, with `openid`, an ID token), `refresh_token`
    (a new pair; each refresh token works once), `client_credentials` (integration clients: an
    access token), or `password` where it is enabled (never by default in production).
    Refusals are OAuth errors inside problems; repeated failures for one email or client id
    are throttled (429).

    Args:
        authorization (None | str | Unset): `Basic` credentials of an integration client
            (client_credentials)
        body (TokenRequest): An OAuth 2.0 token request; which fields are needed depends on
            `grant_type`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            authorization=authorization,
        )
    ).parsed
