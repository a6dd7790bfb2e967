from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.scim_error import ScimError
from ...models.scim_group_list import ScimGroupList
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
        "url": "/scim/v2/Groups",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ScimError | ScimGroupList | None:
    if response.status_code == 200:
        return ScimGroupList.from_dict(response.json())

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
) -> Response[ScimError | ScimGroupList]:
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
) -> Response[ScimError | ScimGroupList]:
    """List or find the org-role groups (SCIM)

     The organisation's three groups with their members; any filter on displayName, id or
    members (e.g. members[value eq "…"]) applies.

    Args:
        filter_ (None | str | Unset): e.g. displayName eq "Huddle analysts"
        start_index (int | None | Unset):
        count (int | None | Unset):
        attributes (None | str | Unset): Comma-separated attributes to return (and those always
            returned)
        excluded_attributes (None | str | Unset): Comma-separated attributes to leave out

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ScimError | ScimGroupList]
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
) -> ScimError | ScimGroupList | None:
    """List or find the org-role groups (SCIM)

     The organisation's three groups with their members; any filter on displayName, id or
    members (e.g. members[value eq "…"]) applies.

    Args:
        filter_ (None | str | Unset): e.g. displayName eq "Huddle analysts"
        start_index (int | None | Unset):
        count (int | None | Unset):
        attributes (None | str | Unset): Comma-separated attributes to return (and those always
            returned)
        excluded_attributes (None | str | Unset): Comma-separated attributes to leave out

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ScimError | ScimGroupList
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
) -> Response[ScimError | ScimGroupList]:
    """List or find the org-role groups (SCIM)

     The organisation's three groups with their members; any filter on displayName, id or
    members (e.g. members[value eq "…"]) applies.

    Args:
        filter_ (None | str | Unset): e.g. displayName eq "Huddle analysts"
        start_index (int | None | Unset):
        count (int | None | Unset):
        attributes (None | str | Unset): Comma-separated attributes to return (and those always
            returned)
        excluded_attributes (None | str | Unset): Comma-separated attributes to leave out

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ScimError | ScimGroupList]
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
) -> ScimError | ScimGroupList | None:
    """List or find the org-role groups (SCIM)

     The organisation's three groups with their members; any filter on displayName, id or
    members (e.g. members[value eq "…"]) applies.

    Args:
        filter_ (None | str | Unset): e.g. displayName eq "Huddle analysts"
        start_index (int | None | Unset):
        count (int | None | Unset):
        attributes (None | str | Unset): Comma-separated attributes to return (and those always
            returned)
        excluded_attributes (None | str | Unset): Comma-separated attributes to leave out

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ScimError | ScimGroupList
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
