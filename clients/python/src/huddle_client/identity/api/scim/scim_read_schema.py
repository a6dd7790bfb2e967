from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.scim_error import ScimError
from ...models.scim_schema import ScimSchema
from ...types import Response


def _get_kwargs(
    schema_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/scim/v2/Schemas/{schema_id}".format(
            schema_id=quote(str(schema_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ScimError | ScimSchema | None:
    if response.status_code == 200:
        return ScimSchema.from_dict(response.json())

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
) -> Response[ScimError | ScimSchema]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    schema_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ScimError | ScimSchema]:
    """A SCIM schema

     One schema, by its URN.

    Args:
        schema_id (str): The resource's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ScimError | ScimSchema]
    """

    kwargs = _get_kwargs(
        schema_id=schema_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    schema_id: str,
    *,
    client: AuthenticatedClient,
) -> ScimError | ScimSchema | None:
    """A SCIM schema

     One schema, by its URN.

    Args:
        schema_id (str): The resource's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ScimError | ScimSchema
    """

    return sync_detailed(
        schema_id=schema_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    schema_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ScimError | ScimSchema]:
    """A SCIM schema

     One schema, by its URN.

    Args:
        schema_id (str): The resource's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ScimError | ScimSchema]
    """

    kwargs = _get_kwargs(
        schema_id=schema_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    schema_id: str,
    *,
    client: AuthenticatedClient,
) -> ScimError | ScimSchema | None:
    """A SCIM schema

     One schema, by its URN.

    Args:
        schema_id (str): The resource's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ScimError | ScimSchema
    """

    return (
        await asyncio_detailed(
            schema_id=schema_id,
            client=client,
        )
    ).parsed
