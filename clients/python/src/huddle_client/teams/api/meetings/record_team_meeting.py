from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.meeting_in import MeetingIn
from ...models.meeting_out import MeetingOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    team_id: UUID,
    *,
    body: MeetingIn,
    idempotency_key: str | Unset | None = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/teams/{team_id}/meetings".format(
            team_id=quote(str(team_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MeetingOut | Problem | None:
    if response.status_code == 201:
        return MeetingOut.from_dict(response.json())

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
) -> Response[MeetingOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    team_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MeetingIn,
    idempotency_key: str | Unset | None = UNSET,
) -> Response[MeetingOut | Problem]:
    """Record a huddle, retrospective or charter review meeting

     The record of a meeting the team held: its kind, the day, how many took part (a count,
    never who), what went well, what to change and what it decided. A decision with an
    `action` agrees it there and then (committed when the lead or an org admin records,
    proposed otherwise), prompted by this meeting; a retrospective or charter review meeting
    may record the charter's review, dated the day it was held. All of it is written together
    or not at all. Answers 201 with the record and its path in `Location`.

    Args:
        team_id (UUID): The team id
        idempotency_key (None | str | Unset): Any unique string (a UUID); a retried request with
            the same key returns the first response instead of acting twice.
        body (MeetingIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MeetingOut | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    team_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MeetingIn,
    idempotency_key: str | Unset | None = UNSET,
) -> MeetingOut | Problem | None:
    """Record a huddle, retrospective or charter review meeting

     The record of a meeting the team held: its kind, the day, how many took part (a count,
    never who), what went well, what to change and what it decided. A decision with an
    `action` agrees it there and then (committed when the lead or an org admin records,
    proposed otherwise), prompted by this meeting; a retrospective or charter review meeting
    may record the charter's review, dated the day it was held. All of it is written together
    or not at all. Answers 201 with the record and its path in `Location`.

    Args:
        team_id (UUID): The team id
        idempotency_key (None | str | Unset): Any unique string (a UUID); a retried request with
            the same key returns the first response instead of acting twice.
        body (MeetingIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MeetingOut | Problem
    """

    return sync_detailed(
        team_id=team_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    team_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MeetingIn,
    idempotency_key: str | Unset | None = UNSET,
) -> Response[MeetingOut | Problem]:
    """Record a huddle, retrospective or charter review meeting

     The record of a meeting the team held: its kind, the day, how many took part (a count,
    never who), what went well, what to change and what it decided. A decision with an
    `action` agrees it there and then (committed when the lead or an org admin records,
    proposed otherwise), prompted by this meeting; a retrospective or charter review meeting
    may record the charter's review, dated the day it was held. All of it is written together
    or not at all. Answers 201 with the record and its path in `Location`.

    Args:
        team_id (UUID): The team id
        idempotency_key (None | str | Unset): Any unique string (a UUID); a retried request with
            the same key returns the first response instead of acting twice.
        body (MeetingIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MeetingOut | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    team_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MeetingIn,
    idempotency_key: str | Unset | None = UNSET,
) -> MeetingOut | Problem | None:
    """Record a huddle, retrospective or charter review meeting

     The record of a meeting the team held: its kind, the day, how many took part (a count,
    never who), what went well, what to change and what it decided. A decision with an
    `action` agrees it there and then (committed when the lead or an org admin records,
    proposed otherwise), prompted by this meeting; a retrospective or charter review meeting
    may record the charter's review, dated the day it was held. All of it is written together
    or not at all. Answers 201 with the record and its path in `Location`.

    Args:
        team_id (UUID): The team id
        idempotency_key (None | str | Unset): Any unique string (a UUID); a retried request with
            the same key returns the first response instead of acting twice.
        body (MeetingIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MeetingOut | Problem
    """

    return (
        await asyncio_detailed(
            team_id=team_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
