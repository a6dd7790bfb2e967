from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.campaign_out import CampaignOut
from ...models.campaign_settings import CampaignSettings
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    campaign_id: UUID,
    *,
    body: CampaignSettings,
    if_match: str | Unset | None = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/campaigns/{campaign_id}".format(
            campaign_id=quote(str(campaign_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CampaignOut | Problem | None:
    if response.status_code == 200:
        return CampaignOut.from_dict(response.json())

    if response.status_code == 400:
        return Problem.from_dict(response.json())

    if response.status_code == 401:
        return Problem.from_dict(response.json())

    if response.status_code == 403:
        return Problem.from_dict(response.json())

    if response.status_code == 404:
        return Problem.from_dict(response.json())

    if response.status_code == 409:
        return Problem.from_dict(response.json())

    if response.status_code == 412:
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
) -> Response[CampaignOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    campaign_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CampaignSettings,
    if_match: str | Unset | None = UNSET,
) -> Response[CampaignOut | Problem]:
    """Change a campaign's anonymity settings

     Change the anonymity and the minimum group size (org admins and the team's clinical
    lead); the campaign comes back.

    Refused (409) once the first response is in, or once the campaign has closed: people
    answered under the settings announced.

    Args:
        campaign_id (UUID): The campaign id
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        body (CampaignSettings):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CampaignOut | Problem]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    campaign_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CampaignSettings,
    if_match: str | Unset | None = UNSET,
) -> CampaignOut | Problem | None:
    """Change a campaign's anonymity settings

     Change the anonymity and the minimum group size (org admins and the team's clinical
    lead); the campaign comes back.

    Refused (409) once the first response is in, or once the campaign has closed: people
    answered under the settings announced.

    Args:
        campaign_id (UUID): The campaign id
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        body (CampaignSettings):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CampaignOut | Problem
    """

    return sync_detailed(
        campaign_id=campaign_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    campaign_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CampaignSettings,
    if_match: str | Unset | None = UNSET,
) -> Response[CampaignOut | Problem]:
    """Change a campaign's anonymity settings

     Change the anonymity and the minimum group size (org admins and the team's clinical
    lead); the campaign comes back.

    Refused (409) once the first response is in, or once the campaign has closed: people
    answered under the settings announced.

    Args:
        campaign_id (UUID): The campaign id
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        body (CampaignSettings):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CampaignOut | Problem]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    campaign_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CampaignSettings,
    if_match: str | Unset | None = UNSET,
) -> CampaignOut | Problem | None:
    """Change a campaign's anonymity settings

     Change the anonymity and the minimum group size (org admins and the team's clinical
    lead); the campaign comes back.

    Refused (409) once the first response is in, or once the campaign has closed: people
    answered under the settings announced.

    Args:
        campaign_id (UUID): The campaign id
        if_match (None | str | Unset): The ETag you read; the write is refused with 412 if it is
            stale.
        body (CampaignSettings):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CampaignOut | Problem
    """

    return (
        await asyncio_detailed(
            campaign_id=campaign_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
