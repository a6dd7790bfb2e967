from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.scim_error import ScimError
from ...models.scim_group import ScimGroup
from ...models.scim_patch_op import ScimPatchOp
from ...types import UNSET, Response, Unset


def _get_kwargs(
    group_id: str,
    *,
    body: ScimPatchOp,
    if_match: str | Unset | None = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/scim/v2/Groups/{group_id}".format(
            group_id=quote(str(group_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/scim+json"

    _kwargs["headers"] = headers
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
    body: ScimPatchOp,
    if_match: str | Unset | None = UNSET,
) -> Response[ScimError | ScimGroup]:
    """Add or remove members of an org-role group (SCIM PatchOp)

     Members added get the role, members removed lose it, all in one transaction or none.

    Args:
        group_id (str): The resource's id
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        body (ScimPatchOp):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ScimError | ScimGroup]
    """

    kwargs = _get_kwargs(
        group_id=group_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    group_id: str,
    *,
    client: AuthenticatedClient,
    body: ScimPatchOp,
    if_match: str | Unset | None = UNSET,
) -> ScimError | ScimGroup | None:
    """Add or remove members of an org-role group (SCIM PatchOp)

     Members added get the role, members removed lose it, all in one transaction or none.

    Args:
        group_id (str): The resource's id
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        body (ScimPatchOp):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ScimError | ScimGroup
    """

    return sync_detailed(
        group_id=group_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    group_id: str,
    *,
    client: AuthenticatedClient,
    body: ScimPatchOp,
    if_match: str | Unset | None = UNSET,
) -> Response[ScimError | ScimGroup]:
    """Add or remove members of an org-role group (SCIM PatchOp)

     Members added get the role, members removed lose it, all in one transaction or none.

    Args:
        group_id (str): The resource's id
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        body (ScimPatchOp):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ScimError | ScimGroup]
    """

    kwargs = _get_kwargs(
        group_id=group_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    group_id: str,
    *,
    client: AuthenticatedClient,
    body: ScimPatchOp,
    if_match: str | Unset | None = UNSET,
) -> ScimError | ScimGroup | None:
    """Add or remove members of an org-role group (SCIM PatchOp)

     Members added get the role, members removed lose it, all in one transaction or none.

    Args:
        group_id (str): The resource's id
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        body (ScimPatchOp):

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
            body=body,
            if_match=if_match,
        )
    ).parsed
