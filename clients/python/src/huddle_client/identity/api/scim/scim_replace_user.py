from http import HTTPStatus
from typing import Any
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
    body: ScimUser,
    attributes: str | Unset | None = UNSET,
    excluded_attributes: str | Unset | None = UNSET,
    if_match: str | Unset | None = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

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
        "method": "put",
        "url": "/scim/v2/Users/{user_id}".format(
            user_id=quote(str(user_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/scim+json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ScimError | ScimUser | None:
    if response.status_code == 200:
        return ScimUser.from_dict(response.json())

    if response.status_code == 400:
        return ScimError.from_dict(response.json())

    if response.status_code == 401:
        return ScimError.from_dict(response.json())

    if response.status_code == 403:
        return ScimError.from_dict(response.json())

    if response.status_code == 404:
        return ScimError.from_dict(response.json())

    if response.status_code == 409:
        return ScimError.from_dict(response.json())

    if response.status_code == 412:
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
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: ScimUser,
    attributes: str | Unset | None = UNSET,
    excluded_attributes: str | Unset | None = UNSET,
    if_match: str | Unset | None = UNSET,
) -> Response[ScimError | ScimUser]:
    """Replace a person (SCIM)

     The person becomes what the body says: absent attributes are cleared, except the
    profession and active (kept as they are) and the password (kept). active false deactivates
    them at once (no sign-in, no refresh); true reactivates.

    Args:
        user_id (str): The resource's id
        attributes (None | str | Unset): Comma-separated attributes to return (and those always
            returned)
        excluded_attributes (None | str | Unset): Comma-separated attributes to leave out
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        body (ScimUser):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ScimError | ScimUser]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        body=body,
        attributes=attributes,
        excluded_attributes=excluded_attributes,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: ScimUser,
    attributes: str | Unset | None = UNSET,
    excluded_attributes: str | Unset | None = UNSET,
    if_match: str | Unset | None = UNSET,
) -> ScimError | ScimUser | None:
    """Replace a person (SCIM)

     The person becomes what the body says: absent attributes are cleared, except the
    profession and active (kept as they are) and the password (kept). active false deactivates
    them at once (no sign-in, no refresh); true reactivates.

    Args:
        user_id (str): The resource's id
        attributes (None | str | Unset): Comma-separated attributes to return (and those always
            returned)
        excluded_attributes (None | str | Unset): Comma-separated attributes to leave out
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        body (ScimUser):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ScimError | ScimUser
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        body=body,
        attributes=attributes,
        excluded_attributes=excluded_attributes,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: ScimUser,
    attributes: str | Unset | None = UNSET,
    excluded_attributes: str | Unset | None = UNSET,
    if_match: str | Unset | None = UNSET,
) -> Response[ScimError | ScimUser]:
    """Replace a person (SCIM)

     The person becomes what the body says: absent attributes are cleared, except the
    profession and active (kept as they are) and the password (kept). active false deactivates
    them at once (no sign-in, no refresh); true reactivates.

    Args:
        user_id (str): The resource's id
        attributes (None | str | Unset): Comma-separated attributes to return (and those always
            returned)
        excluded_attributes (None | str | Unset): Comma-separated attributes to leave out
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        body (ScimUser):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ScimError | ScimUser]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        body=body,
        attributes=attributes,
        excluded_attributes=excluded_attributes,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: ScimUser,
    attributes: str | Unset | None = UNSET,
    excluded_attributes: str | Unset | None = UNSET,
    if_match: str | Unset | None = UNSET,
) -> ScimError | ScimUser | None:
    """Replace a person (SCIM)

     The person becomes what the body says: absent attributes are cleared, except the
    profession and active (kept as they are) and the password (kept). active false deactivates
    them at once (no sign-in, no refresh); true reactivates.

    Args:
        user_id (str): The resource's id
        attributes (None | str | Unset): Comma-separated attributes to return (and those always
            returned)
        excluded_attributes (None | str | Unset): Comma-separated attributes to leave out
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        body (ScimUser):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ScimError | ScimUser
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            body=body,
            attributes=attributes,
            excluded_attributes=excluded_attributes,
            if_match=if_match,
        )
    ).parsed
