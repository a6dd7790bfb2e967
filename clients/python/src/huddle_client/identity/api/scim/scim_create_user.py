from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.scim_error import ScimError
from ...models.scim_user import ScimUser
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ScimUser,
    attributes: str | Unset | None = UNSET,
    excluded_attributes: str | Unset | None = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

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
        "method": "post",
        "url": "/scim/v2/Users",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/scim+json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ScimError | ScimUser | None:
    if response.status_code == 201:
        return ScimUser.from_dict(response.json())

    if response.status_code == 400:
        return ScimError.from_dict(response.json())

    if response.status_code == 401:
        return ScimError.from_dict(response.json())

    if response.status_code == 403:
        return ScimError.from_dict(response.json())

    if response.status_code == 409:
        return ScimError.from_dict(response.json())

    if response.status_code == 413:
        return ScimError.from_dict(response.json())

    if response.status_code == 415:
        return ScimError.from_dict(response.json())

    if response.status_code == 503:
        return ScimError.from_dict(response.json())

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ScimError | ScimUser]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ScimUser,
    attributes: str | Unset | None = UNSET,
    excluded_attributes: str | Unset | None = UNSET,
) -> Response[ScimError | ScimUser]:
    """Provision a person (SCIM)

     A new person of the connector's organisation, with org role member (the groups add
    roles). userName and email are unique across Huddle (409 uniqueness). A password, if sent,
    must pass Huddle's policy; without one the person signs in through the identity provider.

    Args:
        attributes (None | str | Unset): Comma-separated attributes to return (and those always
            returned)
        excluded_attributes (None | str | Unset): Comma-separated attributes to leave out
        body (ScimUser):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ScimError | ScimUser]
    """

    kwargs = _get_kwargs(
        body=body,
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
    body: ScimUser,
    attributes: str | Unset | None = UNSET,
    excluded_attributes: str | Unset | None = UNSET,
) -> ScimError | ScimUser | None:
    """Provision a person (SCIM)

     A new person of the connector's organisation, with org role member (the groups add
    roles). userName and email are unique across Huddle (409 uniqueness). A password, if sent,
    must pass Huddle's policy; without one the person signs in through the identity provider.

    Args:
        attributes (None | str | Unset): Comma-separated attributes to return (and those always
            returned)
        excluded_attributes (None | str | Unset): Comma-separated attributes to leave out
        body (ScimUser):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ScimError | ScimUser
    """

    return sync_detailed(
        client=client,
        body=body,
        attributes=attributes,
        excluded_attributes=excluded_attributes,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ScimUser,
    attributes: str | Unset | None = UNSET,
    excluded_attributes: str | Unset | None = UNSET,
) -> Response[ScimError | ScimUser]:
    """Provision a person (SCIM)

     A new person of the connector's organisation, with org role member (the groups add
    roles). userName and email are unique across Huddle (409 uniqueness). A password, if sent,
    must pass Huddle's policy; without one the person signs in through the identity provider.

    Args:
        attributes (None | str | Unset): Comma-separated attributes to return (and those always
            returned)
        excluded_attributes (None | str | Unset): Comma-separated attributes to leave out
        body (ScimUser):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ScimError | ScimUser]
    """

    kwargs = _get_kwargs(
        body=body,
        attributes=attributes,
        excluded_attributes=excluded_attributes,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ScimUser,
    attributes: str | Unset | None = UNSET,
    excluded_attributes: str | Unset | None = UNSET,
) -> ScimError | ScimUser | None:
    """Provision a person (SCIM)

     A new person of the connector's organisation, with org role member (the groups add
    roles). userName and email are unique across Huddle (409 uniqueness). A password, if sent,
    must pass Huddle's policy; without one the person signs in through the identity provider.

    Args:
        attributes (None | str | Unset): Comma-separated attributes to return (and those always
            returned)
        excluded_attributes (None | str | Unset): Comma-separated attributes to leave out
        body (ScimUser):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ScimError | ScimUser
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            attributes=attributes,
            excluded_attributes=excluded_attributes,
        )
    ).parsed
