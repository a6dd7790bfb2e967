import datetime
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.burnout_risk_trends import BurnoutRiskTrends
from ...models.collaboration_trends import CollaborationTrends
from ...models.morale_trends import MoraleTrends
from ...models.problem import Problem
from ...models.read_team_trends_metric import ReadTeamTrendsMetric
from ...types import UNSET, Response, Unset


def _get_kwargs(
    team_id: UUID,
    *,
    metric: ReadTeamTrendsMetric | Unset = "morale",
    from_: datetime.date | Unset | None = UNSET,
    to: datetime.date | Unset | None = UNSET,
    if_none_match: str | Unset | None = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_metric: str | Unset = UNSET
    if not isinstance(metric, Unset):
        json_metric = metric

    params["metric"] = json_metric

    json_from_: str | Unset | None
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.date):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: str | Unset | None
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.date):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/teams/{team_id}/trends".format(
            team_id=quote(str(team_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | BurnoutRiskTrends | CollaborationTrends | MoraleTrends | Problem | None:
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> BurnoutRiskTrends | CollaborationTrends | MoraleTrends:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return MoraleTrends.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return CollaborationTrends.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            return BurnoutRiskTrends.from_dict(data)

        return _parse_response_200(response.json())

    if response.status_code == 304:
        return cast(Any, None)

    if response.status_code == 400:
        return Problem.from_dict(response.json())

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
) -> Response[Any | BurnoutRiskTrends | CollaborationTrends | MoraleTrends | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    team_id: UUID,
    *,
    client: AuthenticatedClient,
    metric: ReadTeamTrendsMetric | Unset = "morale",
    from_: datetime.date | Unset | None = UNSET,
    to: datetime.date | Unset | None = UNSET,
    if_none_match: str | Unset | None = UNSET,
) -> Response[Any | BurnoutRiskTrends | CollaborationTrends | MoraleTrends | Problem]:
    """Read a team's trend

     One point per campaign closed in the window, oldest first, each computed from what was
    known when it closed (morale follows pulse campaigns only). Same callers as the team
    dashboard; a 400 when `from` is after `to`. Answers 304 to a current If-None-Match.

    Args:
        team_id (UUID): The team id
        metric (ReadTeamTrendsMetric | Unset): The index to follow; the points' shape depends on
            it Default: 'morale'.
        from_ (datetime.date | None | Unset): First day (default: two years before 'to')
        to (datetime.date | None | Unset): Last day (default: today, UTC)
        if_none_match (None | str | Unset): ETags of representations the client holds; a match
            answers 304

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | BurnoutRiskTrends | CollaborationTrends | MoraleTrends | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        metric=metric,
        from_=from_,
        to=to,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    team_id: UUID,
    *,
    client: AuthenticatedClient,
    metric: ReadTeamTrendsMetric | Unset = "morale",
    from_: datetime.date | Unset | None = UNSET,
    to: datetime.date | Unset | None = UNSET,
    if_none_match: str | Unset | None = UNSET,
) -> Any | BurnoutRiskTrends | CollaborationTrends | MoraleTrends | Problem | None:
    """Read a team's trend

     One point per campaign closed in the window, oldest first, each computed from what was
    known when it closed (morale follows pulse campaigns only). Same callers as the team
    dashboard; a 400 when `from` is after `to`. Answers 304 to a current If-None-Match.

    Args:
        team_id (UUID): The team id
        metric (ReadTeamTrendsMetric | Unset): The index to follow; the points' shape depends on
            it Default: 'morale'.
        from_ (datetime.date | None | Unset): First day (default: two years before 'to')
        to (datetime.date | None | Unset): Last day (default: today, UTC)
        if_none_match (None | str | Unset): ETags of representations the client holds; a match
            answers 304

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | BurnoutRiskTrends | CollaborationTrends | MoraleTrends | Problem
    """

    return sync_detailed(
        team_id=team_id,
        client=client,
        metric=metric,
        from_=from_,
        to=to,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    team_id: UUID,
    *,
    client: AuthenticatedClient,
    metric: ReadTeamTrendsMetric | Unset = "morale",
    from_: datetime.date | Unset | None = UNSET,
    to: datetime.date | Unset | None = UNSET,
    if_none_match: str | Unset | None = UNSET,
) -> Response[Any | BurnoutRiskTrends | CollaborationTrends | MoraleTrends | Problem]:
    """Read a team's trend

     One point per campaign closed in the window, oldest first, each computed from what was
    known when it closed (morale follows pulse campaigns only). Same callers as the team
    dashboard; a 400 when `from` is after `to`. Answers 304 to a current If-None-Match.

    Args:
        team_id (UUID): The team id
        metric (ReadTeamTrendsMetric | Unset): The index to follow; the points' shape depends on
            it Default: 'morale'.
        from_ (datetime.date | None | Unset): First day (default: two years before 'to')
        to (datetime.date | None | Unset): Last day (default: today, UTC)
        if_none_match (None | str | Unset): ETags of representations the client holds; a match
            answers 304

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | BurnoutRiskTrends | CollaborationTrends | MoraleTrends | Problem]
    """

    kwargs = _get_kwargs(
        team_id=team_id,
        metric=metric,
        from_=from_,
        to=to,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    team_id: UUID,
    *,
    client: AuthenticatedClient,
    metric: ReadTeamTrendsMetric | Unset = "morale",
    from_: datetime.date | Unset | None = UNSET,
    to: datetime.date | Unset | None = UNSET,
    if_none_match: str | Unset | None = UNSET,
) -> Any | BurnoutRiskTrends | CollaborationTrends | MoraleTrends | Problem | None:
    """Read a team's trend

     One point per campaign closed in the window, oldest first, each computed from what was
    known when it closed (morale follows pulse campaigns only). Same callers as the team
    dashboard; a 400 when `from` is after `to`. Answers 304 to a current If-None-Match.

    Args:
        team_id (UUID): The team id
        metric (ReadTeamTrendsMetric | Unset): The index to follow; the points' shape depends on
            it Default: 'morale'.
        from_ (datetime.date | None | Unset): First day (default: two years before 'to')
        to (datetime.date | None | Unset): Last day (default: today, UTC)
        if_none_match (None | str | Unset): ETags of representations the client holds; a match
            answers 304

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | BurnoutRiskTrends | CollaborationTrends | MoraleTrends | Problem
    """

    return (
        await asyncio_detailed(
            team_id=team_id,
            client=client,
            metric=metric,
            from_=from_,
            to=to,
            if_none_match=if_none_match,
        )
    ).parsed
