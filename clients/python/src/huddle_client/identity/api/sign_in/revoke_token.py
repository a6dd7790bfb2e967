from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.revocation_request import RevocationRequest
from ...types import Response


def _get_kwargs(
    *,
    body: RevocationRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/auth/revoke",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | None:
    if response.status_code == 200:
        return cast(Any, None)

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

    if response.status_code == 503:
        return Problem.from_dict(response.json())

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RevocationRequest,
) -> Response[Any | Problem]:
    """Revoke a refresh token (RFC 7009)

     Form-encoded `token`, optional `token_type_hint` and the public client's `client_id`:
    a refresh token stops working, with every token refreshed from the same sign-in. Access
    tokens are not revoked (they expire within minutes); an unknown token is no error.

    Args:
        body (RevocationRequest): A token revocation request (RFC 7009), form-encoded.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
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
    body: RevocationRequest,
) -> Any | Problem | None:
    """Revoke a refresh token (RFC 7009)

     Form-encoded `token`, optional `token_type_hint` and the public client's `client_id`:
    a refresh token stops working, with every token refreshed from the same sign-in. Access
    tokens are not revoked (they expire within minutes); an unknown token is no error.

    Args:
        body (RevocationRequest): A token revocation request (RFC 7009), form-encoded.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RevocationRequest,
) -> Response[Any | Problem]:
    """Revoke a refresh token (RFC 7009)

     Form-encoded `token`, optional `token_type_hint` and the public client's `client_id`:
    a refresh token stops working, with every token refreshed from the same sign-in. Access
    tokens are not revoked (they expire within minutes); an unknown token is no error.

    Args:
        body (RevocationRequest): A token revocation request (RFC 7009), form-encoded.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RevocationRequest,
) -> Any | Problem | None:
    """Revoke a refresh token (RFC 7009)

     Form-encoded `token`, optional `token_type_hint` and the public client's `client_id`:
    a refresh token stops working, with every token refreshed from the same sign-in. Access
    tokens are not revoked (they expire within minutes); an unknown token is no error.

    Args:
        body (RevocationRequest): A token revocation request (RFC 7009), form-encoded.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
