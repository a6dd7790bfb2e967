from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.org_create import OrgCreate
from ...models.org_created import OrgCreated
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: OrgCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/orgs",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OrgCreated | Problem | None:
    if response.status_code == 201:
        return OrgCreated.from_dict(response.json())

    if response.status_code == 400:
        return Problem.from_dict(response.json())

    if response.status_code == 409:
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
) -> Response[OrgCreated | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OrgCreate,
) -> Response[OrgCreated | Problem]:
    """Sign up an organisation

     Sign-up, for anyone, without a token: a new organisation (tenant) and the person who
    administers it, who can then sign in with the email and password given. Emails are unique
    across Huddle (409); a weak password is refused with each reason (422).

    Args:
        body (OrgCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrgCreated | Problem]
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
    body: OrgCreate,
) -> OrgCreated | Problem | None:
    """Sign up an organisation

     Sign-up, for anyone, without a token: a new organisation (tenant) and the person who
    administers it, who can then sign in with the email and password given. Emails are unique
    across Huddle (409); a weak password is refused with each reason (422).

    Args:
        body (OrgCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrgCreated | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OrgCreate,
) -> Response[OrgCreated | Problem]:
    """Sign up an organisation

     Sign-up, for anyone, without a token: a new organisation (tenant) and the person who
    administers it, who can then sign in with the email and password given. Emails are unique
    across Huddle (409); a weak password is refused with each reason (422).

    Args:
        body (OrgCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrgCreated | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: OrgCreate,
) -> OrgCreated | Problem | None:
    """Sign up an organisation

     Sign-up, for anyone, without a token: a new organisation (tenant) and the person who
    administers it, who can then sign in with the email and password given. Emails are unique
    across Huddle (409); a weak password is refused with each reason (422).

    Args:
        body (OrgCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrgCreated | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
