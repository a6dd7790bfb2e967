from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_setting import CareSetting
from ...models.problem import Problem
from ...models.team_page import TeamPage
from ...models.team_status import TeamStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    care_setting: CareSetting | Unset | None = UNSET,
    status: TeamStatus | Unset | None = UNSET,
    q: str | Unset | None = UNSET,
    member: Unset | UUID | None = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: str | Unset | None
    json_cursor = UNSET if isinstance(cursor, Unset) else cursor
    params["cursor"] = json_cursor

    json_care_setting: str | Unset | None
    if isinstance(care_setting, Unset):
        json_care_setting = UNSET
    elif isinstance(care_setting, str):
        json_care_setting = care_setting
    else:
        json_care_setting = care_setting
    params["care_setting"] = json_care_setting

    json_status: str | Unset | None
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, str):
        json_status = status
    else:
        json_status = status
    params["status"] = json_status

    json_q: str | Unset | None
    json_q = UNSET if isinstance(q, Unset) else q
    params["q"] = json_q

    json_member: str | Unset | None
    if isinstance(member, Unset):
        json_member = UNSET
    elif isinstance(member, UUID):
        json_member = str(member)
    else:
        json_member = member
    params["member"] = json_member

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/teams",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TeamPage | None:
    if response.status_code == 200:
        return TeamPage.from_dict(response.json())

    if response.status_code == 400:
        return Problem.from_dict(response.json())

    if response.status_code == 401:
        return Problem.from_dict(response.json())

    if response.status_code == 403:
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
) -> Response[Problem | TeamPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    care_setting: CareSetting | Unset | None = UNSET,
    status: TeamStatus | Unset | None = UNSET,
    q: str | Unset | None = UNSET,
    member: Unset | UUID | None = UNSET,
) -> Response[Problem | TeamPage]:
    """List the organisation's teams

     The teams of the caller's organisation, oldest first, a page at a time (pass
    `next_cursor` back as `cursor`); filter by care setting, status, name or member. Any person
    of the organisation may list them; integration clients may not (403).

    Args:
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page
        care_setting (CareSetting | None | Unset):
        status (None | TeamStatus | Unset): active or archived
        q (None | str | Unset): Name contains
        member (None | Unset | UUID): Teams this person is on

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TeamPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        care_setting=care_setting,
        status=status,
        q=q,
        member=member,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    care_setting: CareSetting | Unset | None = UNSET,
    status: TeamStatus | Unset | None = UNSET,
    q: str | Unset | None = UNSET,
    member: Unset | UUID | None = UNSET,
) -> Problem | TeamPage | None:
    """List the organisation's teams

     The teams of the caller's organisation, oldest first, a page at a time (pass
    `next_cursor` back as `cursor`); filter by care setting, status, name or member. Any person
    of the organisation may list them; integration clients may not (403).

    Args:
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page
        care_setting (CareSetting | None | Unset):
        status (None | TeamStatus | Unset): active or archived
        q (None | str | Unset): Name contains
        member (None | Unset | UUID): Teams this person is on

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TeamPage
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        care_setting=care_setting,
        status=status,
        q=q,
        member=member,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    care_setting: CareSetting | Unset | None = UNSET,
    status: TeamStatus | Unset | None = UNSET,
    q: str | Unset | None = UNSET,
    member: Unset | UUID | None = UNSET,
) -> Response[Problem | TeamPage]:
    """List the organisation's teams

     The teams of the caller's organisation, oldest first, a page at a time (pass
    `next_cursor` back as `cursor`); filter by care setting, status, name or member. Any person
    of the organisation may list them; integration clients may not (403).

    Args:
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page
        care_setting (CareSetting | None | Unset):
        status (None | TeamStatus | Unset): active or archived
        q (None | str | Unset): Name contains
        member (None | Unset | UUID): Teams this person is on

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TeamPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        care_setting=care_setting,
        status=status,
        q=q,
        member=member,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    care_setting: CareSetting | Unset | None = UNSET,
    status: TeamStatus | Unset | None = UNSET,
    q: str | Unset | None = UNSET,
    member: Unset | UUID | None = UNSET,
) -> Problem | TeamPage | None:
    """List the organisation's teams

     The teams of the caller's organisation, oldest first, a page at a time (pass
    `next_cursor` back as `cursor`); filter by care setting, status, name or member. Any person
    of the organisation may list them; integration clients may not (403).

    Args:
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page
        care_setting (CareSetting | None | Unset):
        status (None | TeamStatus | Unset): active or archived
        q (None | str | Unset): Name contains
        member (None | Unset | UUID): Teams this person is on

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TeamPage
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            care_setting=care_setting,
            status=status,
            q=q,
            member=member,
        )
    ).parsed
