from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.instrument_out import InstrumentOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    instrument_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/instruments/{instrument_id}".format(
            instrument_id=quote(str(instrument_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InstrumentOut | Problem | None:
    if response.status_code == 200:
        return InstrumentOut.from_dict(response.json())

    if response.status_code == 401:
        return Problem.from_dict(response.json())

    if response.status_code == 404:
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
    instrument_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[InstrumentOut | Problem]:
    """Read an instrument version

     One instrument version with its items, scale, subscales, scoring and bands (any caller
    of the organisation). Another organisation's own instrument is a 404.

    Args:
        instrument_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InstrumentOut | Problem]
    """

    kwargs = _get_kwargs(
        instrument_id=instrument_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    instrument_id: str,
    *,
    client: AuthenticatedClient,
) -> InstrumentOut | Problem | None:
    """Read an instrument version

     One instrument version with its items, scale, subscales, scoring and bands (any caller
    of the organisation). Another organisation's own instrument is a 404.

    Args:
        instrument_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InstrumentOut | Problem
    """

    return sync_detailed(
        instrument_id=instrument_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    instrument_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[InstrumentOut | Problem]:
    """Read an instrument version

     One instrument version with its items, scale, subscales, scoring and bands (any caller
    of the organisation). Another organisation's own instrument is a 404.

    Args:
        instrument_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InstrumentOut | Problem]
    """

    kwargs = _get_kwargs(
        instrument_id=instrument_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    instrument_id: str,
    *,
    client: AuthenticatedClient,
) -> InstrumentOut | Problem | None:
    """Read an instrument version

     One instrument version with its items, scale, subscales, scoring and bands (any caller
    of the organisation). Another organisation's own instrument is a 404.

    Args:
        instrument_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InstrumentOut | Problem
    """

    return (
        await asyncio_detailed(
            instrument_id=instrument_id,
            client=client,
        )
    ).parsed
