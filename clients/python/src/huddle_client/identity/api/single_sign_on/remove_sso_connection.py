from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org_id: UUID,
    *,
    if_match: str | Unset | None = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/orgs/{org_id}/sso".format(
            org_id=quote(str(org_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | None:
    if response.status_code == 204:
        return cast(Any, None)

    if response.status_code == 401:
        return Problem.from_dict(response.json())

    if response.status_code == 403:
        return Problem.from_dict(response.json())

    if response.status_code == 404:
        return Problem.from_dict(response.json())

    if response.status_code == 409:
        return Problem.from_dict(response.json())

    if response.status_code == 412:
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
    org_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: str | Unset | None = UNSET,
) -> Response[Any | Problem]:
    """Disconnect the organisation's identity provider

     Stop single sign-on for the organisation. Links between people and the provider's
    accounts are kept, for a later connection to the same provider.

    Args:
        org_id (UUID): The organisation id
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: str | Unset | None = UNSET,
) -> Any | Problem | None:
    """Disconnect the organisation's identity provider

     Stop single sign-on for the organisation. Links between people and the provider's
    accounts are kept, for a later connection to the same provider.

    Args:
        org_id (UUID): The organisation id
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        org_id=org_id,
        client=client,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    org_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: str | Unset | None = UNSET,
) -> Response[Any | Problem]:
    """Disconnect the organisation's identity provider

     Stop single sign-on for the organisation. Links between people and the provider's
    accounts are kept, for a later connection to the same provider.

    Args:
        org_id (UUID): The organisation id
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: str | Unset | None = UNSET,
) -> Any | Problem | None:
    """Disconnect the organisation's identity provider

     Stop single sign-on for the organisation. Links between people and the provider's
    accounts are kept, for a later connection to the same provider.

    Args:
        org_id (UUID): The organisation id
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            org_id=org_id,
            client=client,
            if_match=if_match,
        )
    ).parsed
