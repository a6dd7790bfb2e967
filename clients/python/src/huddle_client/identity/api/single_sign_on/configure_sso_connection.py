from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.sso_connection_in import SsoConnectionIn
from ...models.sso_connection_out import SsoConnectionOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org_id: UUID,
    *,
    body: SsoConnectionIn,
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
        "url": "/v1/orgs/{org_id}/sso".format(
            org_id=quote(str(org_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SsoConnectionOut | None:
    if response.status_code == 200:
        return SsoConnectionOut.from_dict(response.json())

    if response.status_code == 400:
        return Problem.from_dict(response.json())

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
    body: SsoConnectionIn,
    if_match: str | Unset | None = UNSET,
    idempotency_key: str | Unset | None = UNSET,
) -> Response[Problem | SsoConnectionOut]:
    """Connect the organisation's identity provider, or change the connection

     Sign the organisation's people in through its own OpenID provider (Entra ID, Okta,
    Ping, ADFS, Keycloak...): its issuer, Huddle's client id and secret there, the email
    domains that belong to it, how its ID token's claims map onto people, whether a first
    sign-in creates the person, and whether the provider is the only way in. The provider's
    discovery document is read first; a provider Huddle cannot reach is refused (422).

    Args:
        org_id (UUID): The organisation id
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        idempotency_key (None | str | Unset): Any unique string (a UUID); a retried request with
            the same key returns the first response instead of acting twice.
        body (SsoConnectionIn): The organisation's OpenID provider, as registered there for
            Huddle.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SsoConnectionOut]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SsoConnectionIn,
    if_match: str | Unset | None = UNSET,
    idempotency_key: str | Unset | None = UNSET,
) -> Problem | SsoConnectionOut | None:
    """Connect the organisation's identity provider, or change the connection

     Sign the organisation's people in through its own OpenID provider (Entra ID, Okta,
    Ping, ADFS, Keycloak...): its issuer, Huddle's client id and secret there, the email
    domains that belong to it, how its ID token's claims map onto people, whether a first
    sign-in creates the person, and whether the provider is the only way in. The provider's
    discovery document is read first; a provider Huddle cannot reach is refused (422).

    Args:
        org_id (UUID): The organisation id
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        idempotency_key (None | str | Unset): Any unique string (a UUID); a retried request with
            the same key returns the first response instead of acting twice.
        body (SsoConnectionIn): The organisation's OpenID provider, as registered there for
            Huddle.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SsoConnectionOut
    """

    return sync_detailed(
        org_id=org_id,
        client=client,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    org_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SsoConnectionIn,
    if_match: str | Unset | None = UNSET,
    idempotency_key: str | Unset | None = UNSET,
) -> Response[Problem | SsoConnectionOut]:
    """Connect the organisation's identity provider, or change the connection

     Sign the organisation's people in through its own OpenID provider (Entra ID, Okta,
    Ping, ADFS, Keycloak...): its issuer, Huddle's client id and secret there, the email
    domains that belong to it, how its ID token's claims map onto people, whether a first
    sign-in creates the person, and whether the provider is the only way in. The provider's
    discovery document is read first; a provider Huddle cannot reach is refused (422).

    Args:
        org_id (UUID): The organisation id
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        idempotency_key (None | str | Unset): Any unique string (a UUID); a retried request with
            the same key returns the first response instead of acting twice.
        body (SsoConnectionIn): The organisation's OpenID provider, as registered there for
            Huddle.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SsoConnectionOut]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SsoConnectionIn,
    if_match: str | Unset | None = UNSET,
    idempotency_key: str | Unset | None = UNSET,
) -> Problem | SsoConnectionOut | None:
    """Connect the organisation's identity provider, or change the connection

     Sign the organisation's people in through its own OpenID provider (Entra ID, Okta,
    Ping, ADFS, Keycloak...): its issuer, Huddle's client id and secret there, the email
    domains that belong to it, how its ID token's claims map onto people, whether a first
    sign-in creates the person, and whether the provider is the only way in. The provider's
    discovery document is read first; a provider Huddle cannot reach is refused (422).

    Args:
        org_id (UUID): The organisation id
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        idempotency_key (None | str | Unset): Any unique string (a UUID); a retried request with
            the same key returns the first response instead of acting twice.
        body (SsoConnectionIn): The organisation's OpenID provider, as registered there for
            Huddle.

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
            body=body,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
