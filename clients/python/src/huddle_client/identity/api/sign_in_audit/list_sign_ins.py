from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_sign_ins_method_type_0 import (
    ListSignInsMethodType0,
)
from ...models.list_sign_ins_result_type_0 import (
    ListSignInsResultType0,
)
from ...models.problem import Problem
from ...models.sign_in_page import SignInPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org_id: UUID,
    *,
    user_id: Unset | UUID | None = UNSET,
    result: ListSignInsResultType0 | Unset | None = UNSET,
    method: ListSignInsMethodType0 | Unset | None = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_user_id: str | Unset | None
    if isinstance(user_id, Unset):
        json_user_id = UNSET
    elif isinstance(user_id, UUID):
        json_user_id = str(user_id)
    else:
        json_user_id = user_id
    params["user_id"] = json_user_id

    json_result: str | Unset | None
    if isinstance(result, Unset):
        json_result = UNSET
    elif isinstance(result, str):
        json_result = result
    else:
        json_result = result
    params["result"] = json_result

    json_method: str | Unset | None
    if isinstance(method, Unset):
        json_method = UNSET
    elif isinstance(method, str):
        json_method = method
    else:
        json_method = method
    params["method"] = json_method

    params["limit"] = limit

    json_cursor: str | Unset | None
    json_cursor = UNSET if isinstance(cursor, Unset) else cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/orgs/{org_id}/sign-ins".format(
            org_id=quote(str(org_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SignInPage | None:
    if response.status_code == 200:
        return SignInPage.from_dict(response.json())

    if response.status_code == 400:
        return Problem.from_dict(response.json())

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
) -> Response[Problem | SignInPage]:
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
    user_id: Unset | UUID | None = UNSET,
    result: ListSignInsResultType0 | Unset | None = UNSET,
    method: ListSignInsMethodType0 | Unset | None = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
) -> Response[Problem | SignInPage]:
    """List the organisation's sign-ins

     Sign-ins to the organisation, newest first: through the sign-in page (with a password or
    the organisation's identity provider) and the password grant, with the frontend and the
    provider; and the attempts that failed for its people (a wrong password, a deactivated
    account, a single sign-on refused and why). Kept HUDDLE_SIGN_IN_AUDIT_RETENTION_DAYS.

    Args:
        org_id (UUID): The organisation id
        user_id (None | Unset | UUID): One person's
        result (ListSignInsResultType0 | None | Unset):
        method (ListSignInsMethodType0 | None | Unset):
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SignInPage]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        user_id=user_id,
        result=result,
        method=method,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org_id: UUID,
    *,
    client: AuthenticatedClient,
    user_id: Unset | UUID | None = UNSET,
    result: ListSignInsResultType0 | Unset | None = UNSET,
    method: ListSignInsMethodType0 | Unset | None = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
) -> Problem | SignInPage | None:
    """List the organisation's sign-ins

     Sign-ins to the organisation, newest first: through the sign-in page (with a password or
    the organisation's identity provider) and the password grant, with the frontend and the
    provider; and the attempts that failed for its people (a wrong password, a deactivated
    account, a single sign-on refused and why). Kept HUDDLE_SIGN_IN_AUDIT_RETENTION_DAYS.

    Args:
        org_id (UUID): The organisation id
        user_id (None | Unset | UUID): One person's
        result (ListSignInsResultType0 | None | Unset):
        method (ListSignInsMethodType0 | None | Unset):
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SignInPage
    """

    return sync_detailed(
        org_id=org_id,
        client=client,
        user_id=user_id,
        result=result,
        method=method,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    org_id: UUID,
    *,
    client: AuthenticatedClient,
    user_id: Unset | UUID | None = UNSET,
    result: ListSignInsResultType0 | Unset | None = UNSET,
    method: ListSignInsMethodType0 | Unset | None = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
) -> Response[Problem | SignInPage]:
    """List the organisation's sign-ins

     Sign-ins to the organisation, newest first: through the sign-in page (with a password or
    the organisation's identity provider) and the password grant, with the frontend and the
    provider; and the attempts that failed for its people (a wrong password, a deactivated
    account, a single sign-on refused and why). Kept HUDDLE_SIGN_IN_AUDIT_RETENTION_DAYS.

    Args:
        org_id (UUID): The organisation id
        user_id (None | Unset | UUID): One person's
        result (ListSignInsResultType0 | None | Unset):
        method (ListSignInsMethodType0 | None | Unset):
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SignInPage]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        user_id=user_id,
        result=result,
        method=method,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org_id: UUID,
    *,
    client: AuthenticatedClient,
    user_id: Unset | UUID | None = UNSET,
    result: ListSignInsResultType0 | Unset | None = UNSET,
    method: ListSignInsMethodType0 | Unset | None = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset | None = UNSET,
) -> Problem | SignInPage | None:
    """List the organisation's sign-ins

     Sign-ins to the organisation, newest first: through the sign-in page (with a password or
    the organisation's identity provider) and the password grant, with the frontend and the
    provider; and the attempts that failed for its people (a wrong password, a deactivated
    account, a single sign-on refused and why). Kept HUDDLE_SIGN_IN_AUDIT_RETENTION_DAYS.

    Args:
        org_id (UUID): The organisation id
        user_id (None | Unset | UUID): One person's
        result (ListSignInsResultType0 | None | Unset):
        method (ListSignInsMethodType0 | None | Unset):
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): The `next_cursor` of the previous page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SignInPage
    """

    return (
        await asyncio_detailed(
            org_id=org_id,
            client=client,
            user_id=user_id,
            result=result,
            method=method,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
