from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.scim_error import ScimError
from ...models.scim_user_list import ScimUserList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    filter_: str | Unset | None = UNSET,
    start_index: int | Unset | None = UNSET,
    count: int | Unset | None = UNSET,
    attributes: str | Unset | None = UNSET,
    excluded_attributes: str | Unset | None = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_filter_: str | Unset | None
    json_filter_ = UNSET if isinstance(filter_, Unset) else filter_
    params["filter"] = json_filter_

    json_start_index: int | Unset | None
    json_start_index = UNSET if isinstance(start_index, Unset) else start_index
    params["startIndex"] = json_start_index

    json_count: int | Unset | None
    json_count = UNSET if isinstance(count, Unset) else count
    params["count"] = json_count

    json_attributes: str | Unset | None
    json_attributes = UNSET if isinstance(attributes, Unset) else attributes
    params["attributes"] = json_attributes

    json_excluded_attributes: str | Unset | None
    if isinstance(excluded_attributes, Unset):
        json_excluded_attributes = UNSET
    else:
        json_excluded_attributes = excluded_attributes
    params["excludedAttributes"] = json_excluded_attributes

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/scim/v2/Users",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ScimError | ScimUserList | None:
    if response.status_code == 200:
        return ScimUserList.from_dict(response.json())

    if response.status_code == 400:
        return ScimError.from_dict(response.json())

    if response.status_code == 401:
        return ScimError.from_dict(response.json())

    if response.status_code == 403:
        return ScimError.from_dict(response.json())

    if response.status_code == 503:
        return ScimError.from_dict(response.json())

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ScimError | ScimUserList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    filter_: str | Unset | None = UNSET,
    start_index: int | Unset | None = UNSET,
    count: int | Unset | None = UNSET,
    attributes: str | Unset | None = UNSET,
    excluded_attributes: str | Unset | None = UNSET,
) -> Response[ScimError | ScimUserList]:
    """List or find people (SCIM)

     The people of the connector's organisation, oldest first, a page at a time (startIndex,
    count); totalResults counts every match. Sorting is not supported.

    Args:
        filter_ (None | str | Unset): e.g. userName eq "a@b.example", externalId eq "…", active eq
            true, joined by and / or
        start_index (int | None | Unset): 1-based index of the first result
        count (int | None | Unset): Page size (at most 200; 0: only the total)
        attributes (None | str | Unset): Comma-separated attributes to return (and those always
            returned)
        excluded_attributes (None | str | Unset): Comma-separated attributes to leave out

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ScimError | ScimUserList]
    """

    kwargs = _get_kwargs(
        filter_=filter_,
        start_index=start_index,
        count=count,
        attributes=attributes,
        excluded_attributes=excluded_attributes,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    filter_: str | Unset | None = UNSET,
    start_index: int | Unset | None = UNSET,
    count: int | Unset | None = UNSET,
    attributes: str | Unset | None = UNSET,
    excluded_attributes: str | Unset | None = UNSET,
) -> ScimError | ScimUserList | None:
    """List or find people (SCIM)

     The people of the connector's organisation, oldest first, a page at a time (startIndex,
    count); totalResults counts every match. Sorting is not supported.

    Args:
        filter_ (None | str | Unset): e.g. userName eq "a@b.example", externalId eq "…", active eq
            true, joined by and / or
        start_index (int | None | Unset): 1-based index of the first result
        count (int | None | Unset): Page size (at most 200; 0: only the total)
        attributes (None | str | Unset): Comma-separated attributes to return (and those always
            returned)
        excluded_attributes (None | str | Unset): Comma-separated attributes to leave out

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ScimError | ScimUserList
    """

    return sync_detailed(
        client=client,
        filter_=filter_,
        start_index=start_index,
        count=count,
        attributes=attributes,
        excluded_attributes=excluded_attributes,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    filter_: str | Unset | None = UNSET,
    start_index: int | Unset | None = UNSET,
    count: int | Unset | None = UNSET,
    attributes: str | Unset | None = UNSET,
    excluded_attributes: str | Unset | None = UNSET,
) -> Response[ScimError | ScimUserList]:
    """List or find people (SCIM)

     The people of the connector's organisation, oldest first, a page at a time (startIndex,
    count); totalResults counts every match. Sorting is not supported.

    Args:
        filter_ (None | str | Unset): e.g. userName eq "a@b.example", externalId eq "…", active eq
            true, joined by and / or
        start_index (int | None | Unset): 1-based index of the first result
        count (int | None | Unset): Page size (at most 200; 0: only the total)
        attributes (None | str | Unset): Comma-separated attributes to return (and those always
            returned)
        excluded_attributes (None | str | Unset): Comma-separated attributes to leave out

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ScimError | ScimUserList]
    """

    kwargs = _get_kwargs(
        filter_=filter_,
        start_index=start_index,
        count=count,
        attributes=attributes,
        excluded_attributes=excluded_attributes,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    filter_: str | Unset | None = UNSET,
    start_index: int | Unset | None = UNSET,
    count: int | Unset | None = UNSET,
    attributes: str | Unset | None = UNSET,
    excluded_attributes: str | Unset | None = UNSET,
) -> ScimError | ScimUserList | None:
    """List or find people (SCIM)

     The people of the connector's organisation, oldest first, a page at a time (startIndex,
    count); totalResults counts every match. Sorting is not supported.

    Args:
        filter_ (None | str | Unset): e.g. userName eq "a@b.example", externalId eq "…", active eq
            true, joined by and / or
        start_index (int | None | Unset): 1-based index of the first result
        count (int | None | Unset): Page size (at most 200; 0: only the total)
        attributes (None | str | Unset): Comma-separated attributes to return (and those always
            returned)
        excluded_attributes (None | str | Unset): Comma-separated attributes to leave out

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ScimError | ScimUserList
    """

    return (
        await asyncio_detailed(
            client=client,
            filter_=filter_,
            start_index=start_index,
            count=count,
            attributes=attributes,
            excluded_attributes=excluded_attributes,
        )
    ).parsed
