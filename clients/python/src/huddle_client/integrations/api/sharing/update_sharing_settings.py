from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.sharing_in import SharingIn
from ...models.sharing_out import SharingOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: SharingIn,
    if_match: str | Unset | None = UNSET,
    idempotency_key: str | Unset | None = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/integrations/sharing",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SharingOut | None:
    if response.status_code == 200:
        return SharingOut.from_dict(response.json())

    if response.status_code == 400:
        return Problem.from_dict(response.json())

    if response.status_code == 401:
        return Problem.from_dict(response.json())

    if response.status_code == 403:
        return Problem.from_dict(response.json())

    if response.status_code == 409:
        return Problem.from_dict(response.json())

    if response.status_code == 412:
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
) -> Response[Problem | SharingOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SharingIn,
    if_match: str | Unset | None = UNSET,
    idempotency_key: str | Unset | None = UNSET,
) -> Response[Problem | SharingOut]:
    """Change what the organisation shares

     Org admins only: replaces the list of shared fields and answers the settings with their
    new version as `ETag`. It applies to events published from now on; nothing is re-sent.
    Sending the same fields again changes nothing (the version stays).

    Args:
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        idempotency_key (None | str | Unset): Any unique string (a UUID); a retried request with
            the same key returns the first response instead of acting twice.
        body (SharingIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SharingOut]
    """

    kwargs = _get_kwargs(
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: SharingIn,
    if_match: str | Unset | None = UNSET,
    idempotency_key: str | Unset | None = UNSET,
) -> Problem | SharingOut | None:
    """Change what the organisation shares

     Org admins only: replaces the list of shared fields and answers the settings with their
    new version as `ETag`. It applies to events published from now on; nothing is re-sent.
    Sending the same fields again changes nothing (the version stays).

    Args:
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        idempotency_key (None | str | Unset): Any unique string (a UUID); a retried request with
            the same key returns the first response instead of acting twice.
        body (SharingIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SharingOut
    """

    return sync_detailed(
        client=client,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SharingIn,
    if_match: str | Unset | None = UNSET,
    idempotency_key: str | Unset | None = UNSET,
) -> Response[Problem | SharingOut]:
    """Change what the organisation shares

     Org admins only: replaces the list of shared fields and answers the settings with their
    new version as `ETag`. It applies to events published from now on; nothing is re-sent.
    Sending the same fields again changes nothing (the version stays).

    Args:
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        idempotency_key (None | str | Unset): Any unique string (a UUID); a retried request with
            the same key returns the first response instead of acting twice.
        body (SharingIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SharingOut]
    """

    kwargs = _get_kwargs(
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SharingIn,
    if_match: str | Unset | None = UNSET,
    idempotency_key: str | Unset | None = UNSET,
) -> Problem | SharingOut | None:
    """Change what the organisation shares

     Org admins only: replaces the list of shared fields and answers the settings with their
    new version as `ETag`. It applies to events published from now on; nothing is re-sent.
    Sending the same fields again changes nothing (the version stays).

    Args:
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        idempotency_key (None | str | Unset): Any unique string (a UUID); a retried request with
            the same key returns the first response instead of acting twice.
        body (SharingIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SharingOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
