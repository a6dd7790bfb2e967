import datetime
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
    team_id: UUID,
    user_id: UUID,
    *,
    effective_date: datetime.date | Unset | None = UNSET,
    if_match: str | Unset | None = UNSET,
    idempotency_key: str | Unset | None = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    json_effective_date: str | Unset | None
    if isinstance(effective_date, Unset):
        json_effective_date = UNSET
    elif isinstance(effective_date, datetime.date):
        json_effective_date = effective_date.isoformat()
    else:
        json_effective_date = effective_date
    params["effective_date"] = json_effective_date

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/teams/{team_id}/members/{user_id}".format(
            team_id=quote(str(team_id), safe=""),
            user_id=quote(str(user_id), safe=""),
        ),
        "params": params,
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
    team_id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    effective_date: datetime.date | Unset | None = UNSET,
    if_match: str | Unset | None = UNSET,
    idempotency_key: str | Unset | None = UNSET,
) -> Response[Any | Problem]:
    """Remove a member

     Take a person off the team; their role ends on the effective date (today when absent).
    Org admins and the team's clinical lead may. Answers 204 with the team's new `ETag`.

    Args:
        team_id (UUID): The team id
        user_id (UUID): The person's user id
        effective_date (datetime.date | None | Unset): The member's last day; today when absent
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        idempotency_key (None | str | Unset): Any unique string (a UUID); a retried request with
            the same key returns the first response instead of acting twice.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        user_id=user_id,
        effective_date=effective_date,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    team_id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    effective_date: datetime.date | Unset | None = UNSET,
    if_match: str | Unset | None = UNSET,
    idempotency_key: str | Unset | None = UNSET,
) -> Any | Problem | None:
    """Remove a member

     Take a person off the team; their role ends on the effective date (today when absent).
    Org admins and the team's clinical lead may. Answers 204 with the team's new `ETag`.

    Args:
        team_id (UUID): The team id
        user_id (UUID): The person's user id
        effective_date (datetime.date | None | Unset): The member's last day; today when absent
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        idempotency_key (None | str | Unset): Any unique string (a UUID); a retried request with
            the same key returns the first response instead of acting twice.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        team_id=team_id,
        user_id=user_id,
        client=client,
        effective_date=effective_date,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    team_id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    effective_date: datetime.date | Unset | None = UNSET,
    if_match: str | Unset | None = UNSET,
    idempotency_key: str | Unset | None = UNSET,
) -> Response[Any | Problem]:
    """Remove a member

     Take a person off the team; their role ends on the effective date (today when absent).
    Org admins and the team's clinical lead may. Answers 204 with the team's new `ETag`.

    Args:
        team_id (UUID): The team id
        user_id (UUID): The person's user id
        effective_date (datetime.date | None | Unset): The member's last day; today when absent
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        idempotency_key (None | str | Unset): Any unique string (a UUID); a retried request with
            the same key returns the first response instead of acting twice.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        user_id=user_id,
        effective_date=effective_date,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    team_id: UUID,
    user_id: UUID,
    *,
    client: AuthenticatedClient,
    effective_date: datetime.date | Unset | None = UNSET,
    if_match: str | Unset | None = UNSET,
    idempotency_key: str | Unset | None = UNSET,
) -> Any | Problem | None:
    """Remove a member

     Take a person off the team; their role ends on the effective date (today when absent).
    Org admins and the team's clinical lead may. Answers 204 with the team's new `ETag`.

    Args:
        team_id (UUID): The team id
        user_id (UUID): The person's user id
        effective_date (datetime.date | None | Unset): The member's last day; today when absent
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        idempotency_key (None | str | Unset): Any unique string (a UUID); a retried request with
            the same key returns the first response instead of acting twice.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            team_id=team_id,
            user_id=user_id,
            client=client,
            effective_date=effective_date,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
