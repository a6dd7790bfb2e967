from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.scim_error import ScimError
from ...models.scim_user import ScimUser
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user_id: str,
    *,
    attributes: str | Unset | None = UNSET,
    excluded_attributes: str | Unset | None = UNSET,
    if_none_match: str | Unset | None = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

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
        "url": "/scim/v2/Users/{user_id}".format(
            user_id=quote(str(user_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ScimError | ScimUser | None:
    if response.status_code == 200:
        return ScimUser.from_dict(response.json())

    if response.status_code == 304:
        return cast(Any, None)

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
) -> Response[Any | ScimError | ScimUser]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    attributes: str | Unset | None = UNSET,
    excluded_attributes: str | Unset | None = UNSET,
    if_none_match: str | Unset | None = UNSET,
) -> Response[Any | ScimError | ScimUser]:
    """Read a person (SCIM)

     A person of the connector's organisation; the ETag (weak) is their stream version.

    Args:
        user_id (str): The resource's id
        attributes (None | str | Unset): Comma-separated attributes to return (and those always
            returned)
        excluded_attributes (None | str | Unset): Comma-separated attributes to leave out
        if_none_match (None | str | Unset): The ETag you hold: 304 without a body while it is
            current

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ScimError | ScimUser]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        attributes=attributes,
        excluded_attributes=excluded_attributes,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
    attributes: str | Unset | None = UNSET,
    excluded_attributes: str | Unset | None = UNSET,
    if_none_match: str | Unset | None = UNSET,
) -> Any | ScimError | ScimUser | None:
    """Read a person (SCIM)

     A person of the connector's organisation; the ETag (weak) is their stream version.

    Args:
        user_id (str): The resource's id
        attributes (None | str | Unset): Comma-separated attributes to return (and those always
            returned)
        excluded_attributes (None | str | Unset): Comma-separated attributes to leave out
        if_none_match (None | str | Unset): The ETag you hold: 304 without a body while it is
            current

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ScimError | ScimUser
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        attributes=attributes,
        excluded_attributes=excluded_attributes,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    attributes: str | Unset | None = UNSET,
    excluded_attributes: str | Unset | None = UNSET,
    if_none_match: str | Unset | None = UNSET,
) -> Response[Any | ScimError | ScimUser]:
    """Read a person (SCIM)

     A person of the connector's organisation; the ETag (weak) is their stream version.

    Args:
        user_id (str): The resource's id
        attributes (None | str | Unset): Comma-separated attributes to return (and those always
            returned)
        excluded_attributes (None | str | Unset): Comma-separated attributes to leave out
        if_none_match (None | str | Unset): The ETag you hold: 304 without a body while it is
            current

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ScimError | ScimUser]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        attributes=attributes,
        excluded_attributes=excluded_attributes,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
    attributes: str | Unset | None = UNSET,
    excluded_attributes: str | Unset | None = UNSET,
    if_none_match: str | Unset | None = UNSET,
) -> Any | ScimError | ScimUser | None:
    """Read a person (SCIM)

     A person of the connector's organisation; the ETag (weak) is their stream version.

    Args:
        user_id (str): The resource's id
        attributes (None | str | Unset): Comma-separated attributes to return (and those always
            returned)
        excluded_attributes (None | str | Unset): Comma-separated attributes to leave out
        if_none_match (None | str | Unset): The ETag you hold: 304 without a body while it is
            current

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ScimError | ScimUser
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            attributes=attributes,
            excluded_attributes=excluded_attributes,
            if_none_match=if_none_match,
        )
    ).parsed
