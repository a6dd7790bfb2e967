import datetime
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.org_heatmap import OrgHeatmap
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    org_id: UUID,
    *,
    as_of: datetime.date | Unset | None = UNSET,
    if_none_match: str | Unset | None = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_as_of: str | Unset | None
    if isinstance(as_of, Unset):
        json_as_of = UNSET
    elif isinstance(as_of, datetime.date):
        json_as_of = as_of.isoformat()
    else:
        json_as_of = as_of
    params["as_of"] = json_as_of

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/orgs/{org_id}/heatmap".format(
            org_id=quote(str(org_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | OrgHeatmap | Problem | None:
    if response.status_code == 200:
        return OrgHeatmap.from_dict(response.json())

    if response.status_code == 304:
        return cast(Any, None)

    if response.status_code == 401:
        return Problem.from_dict(response.json())

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
) -> Response[Any | OrgHeatmap | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset | None = UNSET,
    if_none_match: str | Unset | None = UNSET,
) -> Response[Any | OrgHeatmap | Problem]:
    """Read the competency heatmap

     Each active team by name against the four Relational Leadership competencies, from its
    latest closed self-check (means from 1 to 5). Same callers as the organisation dashboard;
    a cell resting on too few respondents is null, with `suppressed` and a `reason`. Answers
    304 to a current If-None-Match.

    Args:
        org_id (UUID): The organisation id
        as_of (datetime.date | None | Unset): Compute as of this day (default: today, UTC)
        if_none_match (None | str | Unset): ETags of representations the client holds; a match
            answers 304

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OrgHeatmap | Problem]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        as_of=as_of,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset | None = UNSET,
    if_none_match: str | Unset | None = UNSET,
) -> Any | OrgHeatmap | Problem | None:
    """Read the competency heatmap

     Each active team by name against the four Relational Leadership competencies, from its
    latest closed self-check (means from 1 to 5). Same callers as the organisation dashboard;
    a cell resting on too few respondents is null, with `suppressed` and a `reason`. Answers
    304 to a current If-None-Match.

    Args:
        org_id (UUID): The organisation id
        as_of (datetime.date | None | Unset): Compute as of this day (default: today, UTC)
        if_none_match (None | str | Unset): ETags of representations the client holds; a match
            answers 304

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OrgHeatmap | Problem
    """

    return sync_detailed(
        org_id=org_id,
        client=client,
        as_of=as_of,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    org_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset | None = UNSET,
    if_none_match: str | Unset | None = UNSET,
) -> Response[Any | OrgHeatmap | Problem]:
    """Read the competency heatmap

     Each active team by name against the four Relational Leadership competencies, from its
    latest closed self-check (means from 1 to 5). Same callers as the organisation dashboard;
    a cell resting on too few respondents is null, with `suppressed` and a `reason`. Answers
    304 to a current If-None-Match.

    Args:
        org_id (UUID): The organisation id
        as_of (datetime.date | None | Unset): Compute as of this day (default: today, UTC)
        if_none_match (None | str | Unset): ETags of representations the client holds; a match
            answers 304

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OrgHeatmap | Problem]
    """

    kwargs = _get_kwargs(
        org_id=org_id,
        as_of=as_of,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset | None = UNSET,
    if_none_match: str | Unset | None = UNSET,
) -> Any | OrgHeatmap | Problem | None:
    """Read the competency heatmap

     Each active team by name against the four Relational Leadership competencies, from its
    latest closed self-check (means from 1 to 5). Same callers as the organisation dashboard;
    a cell resting on too few respondents is null, with `suppressed` and a `reason`. Answers
    304 to a current If-None-Match.

    Args:
        org_id (UUID): The organisation id
        as_of (datetime.date | None | Unset): Compute as of this day (default: today, UTC)
        if_none_match (None | str | Unset): ETags of representations the client holds; a match
            answers 304

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OrgHeatmap | Problem
    """

    return (
        await asyncio_detailed(
            org_id=org_id,
            client=client,
            as_of=as_of,
            if_none_match=if_none_match,
        )
    ).parsed
