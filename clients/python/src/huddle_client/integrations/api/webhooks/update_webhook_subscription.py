from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.subscription_out import SubscriptionOut
from ...models.subscription_patch import SubscriptionPatch
from ...types import UNSET, Response, Unset


def _get_kwargs(
    subscription_id: UUID,
    *,
    body: SubscriptionPatch,
    if_match: str | Unset | None = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/webhooks/{subscription_id}".format(
            subscription_id=quote(str(subscription_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SubscriptionOut | None:
    if response.status_code == 200:
        return SubscriptionOut.from_dict(response.json())

    if response.status_code == 400:
        return Problem.from_dict(response.json())

    if response.status_code == 401:
        return Problem.from_dict(response.json())

    if response.status_code == 403:
        return Problem.from_dict(response.json())

    if response.status_code == 404:
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
) -> Response[Problem | SubscriptionOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SubscriptionPatch,
    if_match: str | Unset | None = UNSET,
) -> Response[Problem | SubscriptionOut]:
    """Change, pause, resume or re-enable a subscription

     Org admins and clients with `events:read`: only the fields sent change. A paused
    subscription keeps its deliveries waiting; `status: active` resumes it, or re-enables one
    the service disabled. Answers the subscription with its new version as `ETag` (the same one
    when nothing changed).

    Args:
        subscription_id (UUID):
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        body (SubscriptionPatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SubscriptionOut]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SubscriptionPatch,
    if_match: str | Unset | None = UNSET,
) -> Problem | SubscriptionOut | None:
    """Change, pause, resume or re-enable a subscription

     Org admins and clients with `events:read`: only the fields sent change. A paused
    subscription keeps its deliveries waiting; `status: active` resumes it, or re-enables one
    the service disabled. Answers the subscription with its new version as `ETag` (the same one
    when nothing changed).

    Args:
        subscription_id (UUID):
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        body (SubscriptionPatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SubscriptionOut
    """

    return sync_detailed(
        subscription_id=subscription_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SubscriptionPatch,
    if_match: str | Unset | None = UNSET,
) -> Response[Problem | SubscriptionOut]:
    """Change, pause, resume or re-enable a subscription

     Org admins and clients with `events:read`: only the fields sent change. A paused
    subscription keeps its deliveries waiting; `status: active` resumes it, or re-enables one
    the service disabled. Answers the subscription with its new version as `ETag` (the same one
    when nothing changed).

    Args:
        subscription_id (UUID):
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        body (SubscriptionPatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SubscriptionOut]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SubscriptionPatch,
    if_match: str | Unset | None = UNSET,
) -> Problem | SubscriptionOut | None:
    """Change, pause, resume or re-enable a subscription

     Org admins and clients with `events:read`: only the fields sent change. A paused
    subscription keeps its deliveries waiting; `status: active` resumes it, or re-enables one
    the service disabled. Answers the subscription with its new version as `ETag` (the same one
    when nothing changed).

    Args:
        subscription_id (UUID):
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        body (SubscriptionPatch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SubscriptionOut
    """

    return (
        await asyncio_detailed(
            subscription_id=subscription_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
