from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    state: str | Unset | None = UNSET,
    code: str | Unset | None = UNSET,
    error: str | Unset | None = UNSET,
    huddle_signin: str | Unset | None = UNSET,
) -> dict[str, Any]:

    cookies = {}
    if huddle_signin is not UNSET:
        cookies["huddle_signin"] = huddle_signin

    params: dict[str, Any] = {}

    json_state: str | Unset | None
    json_state = UNSET if isinstance(state, Unset) else state
    params["state"] = json_state

    json_code: str | Unset | None
    json_code = UNSET if isinstance(code, Unset) else code
    params["code"] = json_code

    json_error: str | Unset | None
    json_error = UNSET if isinstance(error, Unset) else error
    params["error"] = json_error

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/auth/sso/callback",
        "params": params,
        "cookies": cookies,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | str | None:
    if response.status_code == 200:
        return response.text

    if response.status_code == 302:
        return cast(Any, None)

    if response.status_code == 400:
        return response.text

    if response.status_code == 422:
        return Problem.from_dict(response.json())

    if response.status_code == 503:
        return Problem.from_dict(response.json())

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    state: str | Unset | None = UNSET,
    code: str | Unset | None = UNSET,
    error: str | Unset | None = UNSET,
    huddle_signin: str | Unset | None = UNSET,
) -> Response[Any | Problem | str]:
    """Come back from the organisation's identity provider

     The redirect URI Huddle registers at an organisation's OpenID provider. The code is
    exchanged there and its ID token verified; the person then continues to the frontend that
    asked, as after a password sign-in, or sees why not on the sign-in page.

    Args:
        state (None | str | Unset): The state identity sent to the provider
        code (None | str | Unset): The provider's authorization code
        error (None | str | Unset): The provider's OAuth error, if any
        huddle_signin (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
    """

    kwargs = _get_kwargs(
        state=state,
        code=code,
        error=error,
        huddle_signin=huddle_signin,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    state: str | Unset | None = UNSET,
    code: str | Unset | None = UNSET,
    error: str | Unset | None = UNSET,
    huddle_signin: str | Unset | None = UNSET,
) -> Any | Problem | str | None:
    """Come back from the organisation's identity provider

     The redirect URI Huddle registers at an organisation's OpenID provider. The code is
    exchanged there and its ID token verified; the person then continues to the frontend that
    asked, as after a password sign-in, or sees why not on the sign-in page.

    Args:
        state (None | str | Unset): The state identity sent to the provider
        code (None | str | Unset): The provider's authorization code
        error (None | str | Unset): The provider's OAuth error, if any
        huddle_signin (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
    """

    return sync_detailed(
        client=client,
        state=state,
        code=code,
        error=error,
        huddle_signin=huddle_signin,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    state: str | Unset | None = UNSET,
    code: str | Unset | None = UNSET,
    error: str | Unset | None = UNSET,
    huddle_signin: str | Unset | None = UNSET,
) -> Response[Any | Problem | str]:
    """Come back from the organisation's identity provider

     The redirect URI Huddle registers at an organisation's OpenID provider. The code is
    exchanged there and its ID token verified; the person then continues to the frontend that
    asked, as after a password sign-in, or sees why not on the sign-in page.

    Args:
        state (None | str | Unset): The state identity sent to the provider
        code (None | str | Unset): The provider's authorization code
        error (None | str | Unset): The provider's OAuth error, if any
        huddle_signin (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
    """

    kwargs = _get_kwargs(
        state=state,
        code=code,
        error=error,
        huddle_signin=huddle_signin,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    state: str | Unset | None = UNSET,
    code: str | Unset | None = UNSET,
    error: str | Unset | None = UNSET,
    huddle_signin: str | Unset | None = UNSET,
) -> Any | Problem | str | None:
    """Come back from the organisation's identity provider

     The redirect URI Huddle registers at an organisation's OpenID provider. The code is
    exchanged there and its ID token verified; the person then continues to the frontend that
    asked, as after a password sign-in, or sees why not on the sign-in page.

    Args:
        state (None | str | Unset): The state identity sent to the provider
        code (None | str | Unset): The provider's authorization code
        error (None | str | Unset): The provider's OAuth error, if any
        huddle_signin (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            state=state,
            code=code,
            error=error,
            huddle_signin=huddle_signin,
        )
    ).parsed
