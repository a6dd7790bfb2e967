from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.scim_error import ScimError
from ...models.scim_resource_type import ScimResourceType
from ...types import Response


def _get_kwargs(
    resource_type: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/scim/v2/ResourceTypes/{resource_type}".format(
            resource_type=quote(str(resource_type), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ScimError | ScimResourceType | None:
    if response.status_code == 200:
        return ScimResourceType.from_dict(response.json())

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
) -> Response[ScimError | ScimResourceType]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    resource_type: str,
    *,
    client: AuthenticatedClient,
) -> Response[ScimError | ScimResourceType]:
    """A SCIM resource type

     User or Group.

    Args:
        resource_type (str): The resource's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ScimError | ScimResourceType]
    """

    kwargs = _get_kwargs(
        resource_type=resource_type,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    resource_type: str,
    *,
    client: AuthenticatedClient,
) -> ScimError | ScimResourceType | None:
    """A SCIM resource type

     User or Group.

    Args:
        resource_type (str): The resource's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ScimError | ScimResourceType
    """

    return sync_detailed(
        resource_type=resource_type,
        client=client,
    ).parsed


async def asyncio_detailed(
    resource_type: str,
    *,
    client: AuthenticatedClient,
) -> Response[ScimError | ScimResourceType]:
    """A SCIM resource type

     User or Group.

    Args:
        resource_type (str): The resource's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ScimError | ScimResourceType]
    """

    kwargs = _get_kwargs(
        resource_type=resource_type,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    resource_type: str,
    *,
    client: AuthenticatedClient,
) -> ScimError | ScimResourceType | None:
    """A SCIM resource type

     User or Group.

    Args:
        resource_type (str): The resource's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ScimError | ScimResourceType
    """

    return (
        await asyncio_detailed(
            resource_type=resource_type,
            client=client,
        )
    ).parsed
