from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.scim_error import ScimError
from ...models.scim_group import ScimGroup
from ...types import UNSET, Response, Unset


def _get_kwargs(
    group_id: str,
    *,
    attributes: str | Unset | None = UNSET,
    excluded_attributes: str | Unset | None = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

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
        "url": "/scim/v2/Groups/{group_id}".format(
            group_id=quote(str(group_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ScimError | ScimGroup | None:
    if response.status_code == 200:
        return ScimGroup.from_dict(response.json())

    if response.status_code == 400:
        return ScimError.from_dict(response.json())

    if response.status_code == 401:
        return ScimError.from_dict(response.json())

    if response.status_code == 403:
        return ScimError.from_dict(response.json())

    if response.status_code == 404:
        return ScimError.from_dict(response.json())

    if response.status_code == 503:
        return ScimError.from_dict(response.json())

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ScimError | ScimGroup]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    group_id: str,
    *,
    client: AuthenticatedClient,
    attributes: str | Unset | None = UNSET,
    excluded_attributes: str | Unset | None = UNSET,
) -> Response[ScimError | ScimGroup]:
    """Read an org-role group (SCIM)

     A group with its members (people holding the role, deactivated ones too); the weak
    ETag changes with the members.

    Args:
        group_id (str): The resource's id
        attributes (None | str | Unset): Comma-separated attributes to return (and those always
            returned)
        excluded_attributes (None | str | Unset): Comma-separated attributes to leave out

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ScimError | ScimGroup]
    """

    kwargs = _get_kwargs(
        group_id=group_id,
        attributes=attributes,
        excluded_attributes=excluded_attributes,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    group_id: str,
    *,
    client: AuthenticatedClient,
    attributes: str | Unset | None = UNSET,
    excluded_attributes: str | Unset | None = UNSET,
) -> ScimError | ScimGroup | None:
    """Read an org-role group (SCIM)

     A group with its members (people holding the role, deactivated ones too); the weak
    ETag changes with the members.

    Args:
        group_id (str): The resource's id
        attributes (None | str | Unset): Comma-separated attributes to return (and those always
            returned)
        excluded_attributes (None | str | Unset): Comma-separated attributes to leave out

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ScimError | ScimGroup
    """

    return sync_detailed(
        group_id=group_id,
        client=client,
        attributes=attributes,
        excluded_attributes=excluded_attributes,
    ).parsed


async def asyncio_detailed(
    group_id: str,
    *,
    client: AuthenticatedClient,
    attributes: str | Unset | None = UNSET,
    excluded_attributes: str | Unset | None = UNSET,
) -> Response[ScimError | ScimGroup]:
    """Read an org-role group (SCIM)

     A group with its members (people holding the role, deactivated ones too); the weak
    ETag changes with the members.

    Args:
        group_id (str): The resource's id
        attributes (None | str | Unset): Comma-separated attributes to return (and those always
            returned)
        excluded_attributes (None | str | Unset): Comma-separated attributes to leave out

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ScimError | ScimGroup]
    """

    kwargs = _get_kwargs(
        group_id=group_id,
        attributes=attributes,
        excluded_attributes=excluded_attributes,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    group_id: str,
    *,
    client: AuthenticatedClient,
    attributes: str | Unset | None = UNSET,
    excluded_attributes: str | Unset | None = UNSET,
) -> ScimError | ScimGroup | None:
    """Read an org-role group (SCIM)

     A group with its members (people holding the role, deactivated ones too); the weak
    ETag changes with the members.

    Args:
        group_id (str): The resource's id
        attributes (None | str | Unset): Comma-separated attributes to return (and those always
            returned)
        excluded_attributes (None | str | Unset): Comma-separated attributes to leave out

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ScimError | ScimGroup
    """

    return (
        await asyncio_detailed(
            group_id=group_id,
            client=client,
            attributes=attributes,
            excluded_attributes=excluded_attributes,
        )
    ).parsed
