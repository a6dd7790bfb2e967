import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cloud_event import CloudEvent
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    after: str | Unset | None = UNSET,
    since: datetime.datetime | Unset | None = UNSET,
    types: list[str] | Unset | None = UNSET,
    limit: int | Unset = 100,
    wait: float | Unset = 0.0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_after: str | Unset | None
    json_after = UNSET if isinstance(after, Unset) else after
    params["after"] = json_after

    json_since: str | Unset | None
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.datetime):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    json_types: list[str] | Unset | None
    if isinstance(types, Unset):
        json_types = UNSET
    elif isinstance(types, list):
        json_types = types

    else:
        json_types = types
    params["types"] = json_types

    params["limit"] = limit

    params["wait"] = wait

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/events",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[CloudEvent] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = CloudEvent.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 401:
        return Problem.from_dict(response.json())

    if response.status_code == 403:
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
) -> Response[Problem | list[CloudEvent]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    after: str | Unset | None = UNSET,
    since: datetime.datetime | Unset | None = UNSET,
    types: list[str] | Unset | None = UNSET,
    limit: int | Unset = 100,
    wait: float | Unset = 0.0,
) -> Response[Problem | list[CloudEvent]]:
    """Read the organisation's integration events

     Org admins and clients with `events:read`: the organisation's events after `after` (or
    from the first, or from `since`), oldest first, as `application/cloudevents-batch+json`;
    the same events, with the same ids, as the webhooks and the organisation's Kafka topic.
    Resume from `Next-Cursor`, which never expires; with `wait`, an empty answer waits up to
    that long for the next event. An unknown cursor or type is a 422.

    Args:
        after (None | str | Unset): A cursor from Next-Cursor: events after it
        since (datetime.datetime | None | Unset): Only events at or after this time (RFC 3339)
        types (list[str] | None | Unset): Only these event types (repeat, or separate with commas)
        limit (int | Unset): At most this many events Default: 100.
        wait (float | Unset): Seconds to wait for an event when there is none yet Default: 0.0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[CloudEvent]]
    """

    kwargs = _get_kwargs(
        after=after,
        since=since,
        types=types,
        limit=limit,
        wait=wait,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    after: str | Unset | None = UNSET,
    since: datetime.datetime | Unset | None = UNSET,
    types: list[str] | Unset | None = UNSET,
    limit: int | Unset = 100,
    wait: float | Unset = 0.0,
) -> Problem | list[CloudEvent] | None:
    """Read the organisation's integration events

     Org admins and clients with `events:read`: the organisation's events after `after` (or
    from the first, or from `since`), oldest first, as `application/cloudevents-batch+json`;
    the same events, with the same ids, as the webhooks and the organisation's Kafka topic.
    Resume from `Next-Cursor`, which never expires; with `wait`, an empty answer waits up to
    that long for the next event. An unknown cursor or type is a 422.

    Args:
        after (None | str | Unset): A cursor from Next-Cursor: events after it
        since (datetime.datetime | None | Unset): Only events at or after this time (RFC 3339)
        types (list[str] | None | Unset): Only these event types (repeat, or separate with commas)
        limit (int | Unset): At most this many events Default: 100.
        wait (float | Unset): Seconds to wait for an event when there is none yet Default: 0.0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[CloudEvent]
    """

    return sync_detailed(
        client=client,
        after=after,
        since=since,
        types=types,
        limit=limit,
        wait=wait,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    after: str | Unset | None = UNSET,
    since: datetime.datetime | Unset | None = UNSET,
    types: list[str] | Unset | None = UNSET,
    limit: int | Unset = 100,
    wait: float | Unset = 0.0,
) -> Response[Problem | list[CloudEvent]]:
    """Read the organisation's integration events

     Org admins and clients with `events:read`: the organisation's events after `after` (or
    from the first, or from `since`), oldest first, as `application/cloudevents-batch+json`;
    the same events, with the same ids, as the webhooks and the organisation's Kafka topic.
    Resume from `Next-Cursor`, which never expires; with `wait`, an empty answer waits up to
    that long for the next event. An unknown cursor or type is a 422.

    Args:
        after (None | str | Unset): A cursor from Next-Cursor: events after it
        since (datetime.datetime | None | Unset): Only events at or after this time (RFC 3339)
        types (list[str] | None | Unset): Only these event types (repeat, or separate with commas)
        limit (int | Unset): At most this many events Default: 100.
        wait (float | Unset): Seconds to wait for an event when there is none yet Default: 0.0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[CloudEvent]]
    """

    kwargs = _get_kwargs(
        after=after,
        since=since,
        types=types,
        limit=limit,
        wait=wait,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    after: str | Unset | None = UNSET,
    since: datetime.datetime | Unset | None = UNSET,
    types: list[str] | Unset | None = UNSET,
    limit: int | Unset = 100,
    wait: float | Unset = 0.0,
) -> Problem | list[CloudEvent] | None:
    """Read the organisation's integration events

     Org admins and clients with `events:read`: the organisation's events after `after` (or
    from the first, or from `since`), oldest first, as `application/cloudevents-batch+json`;
    the same events, with the same ids, as the webhooks and the organisation's Kafka topic.
    Resume from `Next-Cursor`, which never expires; with `wait`, an empty answer waits up to
    that long for the next event. An unknown cursor or type is a 422.

    Args:
        after (None | str | Unset): A cursor from Next-Cursor: events after it
        since (datetime.datetime | None | Unset): Only events at or after this time (RFC 3339)
        types (list[str] | None | Unset): Only these event types (repeat, or separate with commas)
        limit (int | Unset): At most this many events Default: 100.
        wait (float | Unset): Seconds to wait for an event when there is none yet Default: 0.0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[CloudEvent]
    """

    return (
        await asyncio_detailed(
            client=client,
            after=after,
            since=since,
            types=types,
            limit=limit,
            wait=wait,
        )
    ).parsed
