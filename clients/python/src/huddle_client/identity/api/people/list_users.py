from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.org_role import OrgRole
from ...models.problem import Problem
from ...models.profession import Profession
from ...models.user_page import UserPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    profession: Profession | Unset | None = UNSET,
    org_role: OrgRole | Unset | None = UNSET,
    status: str | Unset | None = UNSET,
    q: str | Unset | None = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: str | Unset | None
    json_cursor = UNSET if isinstance(cursor, Unset) else cursor
    params["cursor"] = json_cursor

    json_profession: str | Unset | None
    if isinstance(profession, Unset):
        json_profession = UNSET
    elif isinstance(profession, str):
        json_profession = profession
    else:
        json_profession = profession
    params["profession"] = json_profession

    json_org_role: str | Unset | None
    if isinstance(org_role, Unset):
        json_org_role = UNSET
    elif isinstance(org_role, str):
        json_org_role = org_role
    else:
        json_org_role = org_role
    params["org_role"] = json_org_role

    json_status: str | Unset | None
    json_status = UNSET if isinstance(status, Unset) else status
    params["status"] = json_status

    json_q: str | Unset | None
    json_q = UNSET if isinstance(q, Unset) else q
    params["q"] = json_q

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/users",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | UserPage | None:
    if response.status_code == 200:
        return UserPage.from_dict(response.json())

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
) -> Response[Problem | UserPage]:
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
    profession: Profession | Unset | None = UNSET,
    org_role: OrgRole | Unset | None = UNSET,
    status: str | Unset | None = UNSET,
    q: str | Unset | None = UNSET,
) -> Response[Problem | UserPage]:
    """List people

     The people of the caller's organisation (any person), oldest first, with cursor
    pagination and optional filters. Emails are shown to org admins, and to each person in their
    own entry; otherwise `email` is null.

    Args:
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page
        profession (None | Profession | Unset):
        org_role (None | OrgRole | Unset):
        status (None | str | Unset):
        q (None | str | Unset): Name contains

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        profession=profession,
        org_role=org_role,
        status=status,
        q=q,
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
    profession: Profession | Unset | None = UNSET,
    org_role: OrgRole | Unset | None = UNSET,
    status: str | Unset | None = UNSET,
    q: str | Unset | None = UNSET,
) -> Problem | UserPage | None:
    """List people

     The people of the caller's organisation (any person), oldest first, with cursor
    pagination and optional filters. Emails are shown to org admins, and to each person in their
    own entry; otherwise `email` is null.

    Args:
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page
        profession (None | Profession | Unset):
        org_role (None | OrgRole | Unset):
        status (None | str | Unset):
        q (None | str | Unset): Name contains

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserPage
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        profession=profession,
        org_role=org_role,
        status=status,
        q=q,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    profession: Profession | Unset | None = UNSET,
    org_role: OrgRole | Unset | None = UNSET,
    status: str | Unset | None = UNSET,
    q: str | Unset | None = UNSET,
) -> Response[Problem | UserPage]:
    """List people

     The people of the caller's organisation (any person), oldest first, with cursor
    pagination and optional filters. Emails are shown to org admins, and to each person in their
    own entry; otherwise `email` is null.

    Args:
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page
        profession (None | Profession | Unset):
        org_role (None | OrgRole | Unset):
        status (None | str | Unset):
        q (None | str | Unset): Name contains

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        profession=profession,
        org_role=org_role,
        status=status,
        q=q,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
    profession: Profession | Unset | None = UNSET,
    org_role: OrgRole | Unset | None = UNSET,
    status: str | Unset | None = UNSET,
    q: str | Unset | None = UNSET,
) -> Problem | UserPage | None:
    """List people

     The people of the caller's organisation (any person), oldest first, with cursor
    pagination and optional filters. Emails are shown to org admins, and to each person in their
    own entry; otherwise `email` is null.

    Args:
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page
        profession (None | Profession | Unset):
        org_role (None | OrgRole | Unset):
        status (None | str | Unset):
        q (None | str | Unset): Name contains

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserPage
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            profession=profession,
            org_role=org_role,
            status=status,
            q=q,
        )
    ).parsed
