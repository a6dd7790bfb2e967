from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.rebuilt import Rebuilt
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    x_operator_key: str | Unset | None = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_operator_key, Unset):
        headers["X-Operator-Key"] = x_operator_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/projections/rebuild",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Rebuilt | None:
    if response.status_code == 200:
        return Rebuilt.from_dict(response.json())

    if response.status_code == 403:
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
) -> Response[Problem | Rebuilt]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    x_operator_key: str | Unset | None = UNSET,
) -> Response[Problem | Rebuilt]:
    """Rebuild the projections

     Rebuild every read model from the beginning of the topics into a new generation, then
    swap it in; the previous one keeps serving meanwhile. For operators (`X-Operator-Key`); it
    answers once the swap is done, which can take minutes.

    Args:
        x_operator_key (None | str | Unset): The service's operator key

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Rebuilt]
    """

    kwargs = _get_kwargs(
        x_operator_key=x_operator_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    x_operator_key: str | Unset | None = UNSET,
) -> Problem | Rebuilt | None:
    """Rebuild the projections

     Rebuild every read model from the beginning of the topics into a new generation, then
    swap it in; the previous one keeps serving meanwhile. For operators (`X-Operator-Key`); it
    answers once the swap is done, which can take minutes.

    Args:
        x_operator_key (None | str | Unset): The service's operator key

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Rebuilt
    """

    return sync_detailed(
        client=client,
        x_operator_key=x_operator_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    x_operator_key: str | Unset | None = UNSET,
) -> Response[Problem | Rebuilt]:
    """Rebuild the projections

     Rebuild every read model from the beginning of the topics into a new generation, then
    swap it in; the previous one keeps serving meanwhile. For operators (`X-Operator-Key`); it
    answers once the swap is done, which can take minutes.

    Args:
        x_operator_key (None | str | Unset): The service's operator key

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Rebuilt]
    """

    kwargs = _get_kwargs(
        x_operator_key=x_operator_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    x_operator_key: str | Unset | None = UNSET,
) -> Problem | Rebuilt | None:
    """Rebuild the projections

     Rebuild every read model from the beginning of the topics into a new generation, then
    swap it in; the previous one keeps serving meanwhile. For operators (`X-Operator-Key`); it
    answers once the swap is done, which can take minutes.

    Args:
        x_operator_key (None | str | Unset): The service's operator key

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Rebuilt
    """

    return (
        await asyncio_detailed(
            client=client,
            x_operator_key=x_operator_key,
        )
    ).parsed
