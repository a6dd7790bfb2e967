from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.instrument_definition import InstrumentDefinition
from ...models.instrument_out import InstrumentOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: InstrumentDefinition,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/instruments",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InstrumentOut | Problem | None:
    if response.status_code == 201:
        return InstrumentOut.from_dict(response.json())

    if response.status_code == 400:
        return Problem.from_dict(response.json())

    if response.status_code == 401:
        return Problem.from_dict(response.json())

    if response.status_code == 403:
        return Problem.from_dict(response.json())

    if response.status_code == 413:
        return Problem.from_dict(response.json())

    if response.status_code == 415:
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
) -> Response[InstrumentOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: InstrumentDefinition,
) -> Response[InstrumentOut | Problem]:
    """Publish an instrument version

     Publish the organisation's own instrument version (org admins); publishing the same key
    again adds the next version, and a published version never changes.

    A definition that does not hold together (an unknown item in a subscale, a bad scale, a
    key starting with `huddle.`) is a 422 naming each problem.

    Args:
        body (InstrumentDefinition): An instrument version as data; once published it never
            changes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InstrumentOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: InstrumentDefinition,
) -> InstrumentOut | Problem | None:
    """Publish an instrument version

     Publish the organisation's own instrument version (org admins); publishing the same key
    again adds the next version, and a published version never changes.

    A definition that does not hold together (an unknown item in a subscale, a bad scale, a
    key starting with `huddle.`) is a 422 naming each problem.

    Args:
        body (InstrumentDefinition): An instrument version as data; once published it never
            changes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InstrumentOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: InstrumentDefinition,
) -> Response[InstrumentOut | Problem]:
    """Publish an instrument version

     Publish the organisation's own instrument version (org admins); publishing the same key
    again adds the next version, and a published version never changes.

    A definition that does not hold together (an unknown item in a subscale, a bad scale, a
    key starting with `huddle.`) is a 422 naming each problem.

    Args:
        body (InstrumentDefinition): An instrument version as data; once published it never
            changes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InstrumentOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: InstrumentDefinition,
) -> InstrumentOut | Problem | None:
    """Publish an instrument version

     Publish the organisation's own instrument version (org admins); publishing the same key
    again adds the next version, and a published version never changes.

    A definition that does not hold together (an unknown item in a subscale, a bad scale, a
    key starting with `huddle.`) is a 422 naming each problem.

    Args:
        body (InstrumentDefinition): An instrument version as data; once published it never
            changes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InstrumentOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
