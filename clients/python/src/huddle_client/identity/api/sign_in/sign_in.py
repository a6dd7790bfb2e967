from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.sign_in_form import SignInForm
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: SignInForm,
    huddle_signin: str | Unset | None = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    cookies = {}
    if huddle_signin is not UNSET:
        cookies["huddle_signin"] = huddle_signin

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/auth/authorize",
        "cookies": cookies,
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
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

    if response.status_code == 429:
        return response.text

    if response.status_code == 502:
        return response.text

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
    body: SignInForm,
    huddle_signin: str | Unset | None = UNSET,
) -> Response[Any | Problem | str]:
    """Sign in on the sign-in page

     The sign-in page's form (`email`, `password`, the page's `csrf_token` and the
    authorization request's parameters): on success, a redirect to the client's redirect URI
    with `code` and `state`; else the page again with the reason.

    Args:
        huddle_signin (None | str | Unset):
        body (SignInForm): The sign-in page's form: the person's credentials, the page's anti-
            forgery token, and
            the authorization request's parameters the page carries.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
    """

    kwargs = _get_kwargs(
        body=body,
        huddle_signin=huddle_signin,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: SignInForm,
    huddle_signin: str | Unset | None = UNSET,
) -> Any | Problem | str | None:
    """Sign in on the sign-in page

     The sign-in page's form (`email`, `password`, the page's `csrf_token` and the
    authorization request's parameters): on success, a redirect to the client's redirect URI
    with `code` and `state`; else the page again with the reason.

    Args:
        huddle_signin (None | str | Unset):
        body (SignInForm): The sign-in page's form: the person's credentials, the page's anti-
            forgery token, and
            the authorization request's parameters the page carries.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
    """

    return sync_detailed(
        client=client,
        body=body,
        huddle_signin=huddle_signin,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SignInForm,
    huddle_signin: str | Unset | None = UNSET,
) -> Response[Any | Problem | str]:
    """Sign in on the sign-in page

     The sign-in page's form (`email`, `password`, the page's `csrf_token` and the
    authorization request's parameters): on success, a redirect to the client's redirect URI
    with `code` and `state`; else the page again with the reason.

    Args:
        huddle_signin (None | str | Unset):
        body (SignInForm): The sign-in page's form: the person's credentials, the page's anti-
            forgery token, and
            the authorization request's parameters the page carries.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
    """

    kwargs = _get_kwargs(
        body=body,
        huddle_signin=huddle_signin,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SignInForm,
    huddle_signin: str | Unset | None = UNSET,
) -> Any | Problem | str | None:
    """Sign in on the sign-in page

     The sign-in page's form (`email`, `password`, the page's `csrf_token` and the
    authorization request's parameters): on success, a redirect to the client's redirect URI
    with `code` and `state`; else the page again with the reason.

    Args:
        huddle_signin (None | str | Unset):
        body (SignInForm): The sign-in page's form: the person's credentials, the page's anti-
            forgery token, and
            the authorization request's parameters the page carries.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            huddle_signin=huddle_signin,
        )
    ).parsed
