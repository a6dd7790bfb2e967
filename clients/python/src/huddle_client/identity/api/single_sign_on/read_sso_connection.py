from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.sso_connection_out import SsoConnectionOut
from ...types import Response


def _get_kwargs(
    org_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/orgs/{org_id}/sso".format(
            org_id=quote(str(org_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SsoConnectionOut | None:
    if response.status_code == 200:
        return SsoConnectionOut.from_dict(response.json())

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
) -> Response[Problem | SsoConnectionOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | SsoConnectionOut]:
    """Read the organisation's single sign-on connection

     The provider the organisation's people sign in through, and the redirect URI to
    register there. The client secret is never shown.

    Args:
        org_id (UUID): The organisation id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SsoConnectionOut]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | SsoConnectionOut | None:
    """Read the organisation's single sign-on connection

     The provider the organisation's people sign in through, and the redirect URI to
    register there. The client secret is never shown.

    Args:
        org_id (UUID): The organisation id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SsoConnectionOut
    """

    return sync_detailed(
        org_id=org_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    org_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | SsoConnectionOut]:
    """Read the organisation's single sign-on connection

     The provider the organisation's people sign in through, and the redirect URI to
    register there. The client secret is never shown.

    Args:
        org_id (UUID): The organisation id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SsoConnectionOut]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | SsoConnectionOut | None:
    """Read the organisation's single sign-on connection

     The provider the organisation's people sign in through, and the redirect URI to
    register there. The client secret is never shown.

    Args:
        org_id (UUID): The organisation id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SsoConnectionOut
    """

    return (
        await asyncio_detailed(
            org_id=org_id,
            client=client,
        )
    ).parsed
