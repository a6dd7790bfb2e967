from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    response_type: str | Unset | None = UNSET,
    client_id: str | Unset | None = UNSET,
    redirect_uri: str | Unset | None = UNSET,
    scope: str | Unset | None = UNSET,
    state: str | Unset | None = UNSET,
    nonce: str | Unset | None = UNSET,
    code_challenge: str | Unset | None = UNSET,
    code_challenge_method: str | Unset | None = UNSET,
    huddle_signin: str | Unset | None = UNSET,
) -> dict[str, Any]:

    cookies = {}
    if huddle_signin is not UNSET:
        cookies["huddle_signin"] = huddle_signin

    params: dict[str, Any] = {}

    json_response_type: str | Unset | None
    json_response_type = UNSET if isinstance(response_type, Unset) else response_type
    params["response_type"] = json_response_type

    json_client_id: str | Unset | None
    json_client_id = UNSET if isinstance(client_id, Unset) else client_id
    params["client_id"] = json_client_id

    json_redirect_uri: str | Unset | None
    json_redirect_uri = UNSET if isinstance(redirect_uri, Unset) else redirect_uri
    params["redirect_uri"] = json_redirect_uri

    json_scope: str | Unset | None
    json_scope = UNSET if isinstance(scope, Unset) else scope
    params["scope"] = json_scope

    json_state: str | Unset | None
    json_state = UNSET if isinstance(state, Unset) else state
    params["state"] = json_state

    json_nonce: str | Unset | None
    json_nonce = UNSET if isinstance(nonce, Unset) else nonce
    params["nonce"] = json_nonce

    json_code_challenge: str | Unset | None
    json_code_challenge = UNSET if isinstance(code_challenge, Unset) else code_challenge
    params["code_challenge"] = json_code_challenge

    json_code_challenge_method: str | Unset | None
    if isinstance(code_challenge_method, Unset):
        json_code_challenge_method = UNSET
    else:
        json_code_challenge_method = code_challenge_method
    params["code_challenge_method"] = json_code_challenge_method

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/auth/authorize",
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
    response_type: str | Unset | None = UNSET,
    client_id: str | Unset | None = UNSET,
    redirect_uri: str | Unset | None = UNSET,
    scope: str | Unset | None = UNSET,
    state: str | Unset | None = UNSET,
    nonce: str | Unset | None = UNSET,
    code_challenge: str | Unset | None = UNSET,
    code_challenge_method: str | Unset | None = UNSET,
    huddle_signin: str | Unset | None = UNSET,
) -> Response[Any | Problem | str]:
    """Start signing in (OAuth 2.0 authorization endpoint)

     The authorization endpoint of the authorization-code flow, for Huddle's registered
    frontends (public clients): `response_type=code`, `client_id`, an exactly registered
    `redirect_uri`, `scope` (`openid profile email`), `state`, `nonce`, and PKCE
    (`code_challenge` with `code_challenge_method=S256`, required). A valid request gets the
    sign-in page; an invalid one goes back to the client with an OAuth `error`, or, when the
    client or redirect URI is unknown, gets an error page and never a redirect.

    Args:
        response_type (None | str | Unset): `code`
        client_id (None | str | Unset): The frontend's registered client id
        redirect_uri (None | str | Unset): One of the client's registered redirect URIs, exactly
        scope (None | str | Unset): Space-separated: `openid`, `profile`, `email`
        state (None | str | Unset): Opaque; sent back with the code (protects against CSRF)
        nonce (None | str | Unset): Opaque; put in the ID token, accepted once per client
        code_challenge (None | str | Unset): PKCE: base64url(SHA-256(code_verifier))
        code_challenge_method (None | str | Unset): PKCE: `S256` (required; `plain` is refused)
        huddle_signin (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
    """

    kwargs = _get_kwargs(
        response_type=response_type,
        client_id=client_id,
        redirect_uri=redirect_uri,
        scope=scope,
        state=state,
        nonce=nonce,
        code_challenge=code_challenge,
        code_challenge_method=code_challenge_method,
        huddle_signin=huddle_signin,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    response_type: str | Unset | None = UNSET,
    client_id: str | Unset | None = UNSET,
    redirect_uri: str | Unset | None = UNSET,
    scope: str | Unset | None = UNSET,
    state: str | Unset | None = UNSET,
    nonce: str | Unset | None = UNSET,
    code_challenge: str | Unset | None = UNSET,
    code_challenge_method: str | Unset | None = UNSET,
    huddle_signin: str | Unset | None = UNSET,
) -> Any | Problem | str | None:
    """Start signing in (OAuth 2.0 authorization endpoint)

     The authorization endpoint of the authorization-code flow, for Huddle's registered
    frontends (public clients): `response_type=code`, `client_id`, an exactly registered
    `redirect_uri`, `scope` (`openid profile email`), `state`, `nonce`, and PKCE
    (`code_challenge` with `code_challenge_method=S256`, required). A valid request gets the
    sign-in page; an invalid one goes back to the client with an OAuth `error`, or, when the
    client or redirect URI is unknown, gets an error page and never a redirect.

    Args:
        response_type (None | str | Unset): `code`
        client_id (None | str | Unset): The frontend's registered client id
        redirect_uri (None | str | Unset): One of the client's registered redirect URIs, exactly
        scope (None | str | Unset): Space-separated: `openid`, `profile`, `email`
        state (None | str | Unset): Opaque; sent back with the code (protects against CSRF)
        nonce (None | str | Unset): Opaque; put in the ID token, accepted once per client
        code_challenge (None | str | Unset): PKCE: base64url(SHA-256(code_verifier))
        code_challenge_method (None | str | Unset): PKCE: `S256` (required; `plain` is refused)
        huddle_signin (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
    """

    return sync_detailed(
        client=client,
        response_type=response_type,
        client_id=client_id,
        redirect_uri=redirect_uri,
        scope=scope,
        state=state,
        nonce=nonce,
        code_challenge=code_challenge,
        code_challenge_method=code_challenge_method,
        huddle_signin=huddle_signin,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    response_type: str | Unset | None = UNSET,
    client_id: str | Unset | None = UNSET,
    redirect_uri: str | Unset | None = UNSET,
    scope: str | Unset | None = UNSET,
    state: str | Unset | None = UNSET,
    nonce: str | Unset | None = UNSET,
    code_challenge: str | Unset | None = UNSET,
    code_challenge_method: str | Unset | None = UNSET,
    huddle_signin: str | Unset | None = UNSET,
) -> Response[Any | Problem | str]:
    """Start signing in (OAuth 2.0 authorization endpoint)

     The authorization endpoint of the authorization-code flow, for Huddle's registered
    frontends (public clients): `response_type=code`, `client_id`, an exactly registered
    `redirect_uri`, `scope` (`openid profile email`), `state`, `nonce`, and PKCE
    (`code_challenge` with `code_challenge_method=S256`, required). A valid request gets the
    sign-in page; an invalid one goes back to the client with an OAuth `error`, or, when the
    client or redirect URI is unknown, gets an error page and never a redirect.

    Args:
        response_type (None | str | Unset): `code`
        client_id (None | str | Unset): The frontend's registered client id
        redirect_uri (None | str | Unset): One of the client's registered redirect URIs, exactly
        scope (None | str | Unset): Space-separated: `openid`, `profile`, `email`
        state (None | str | Unset): Opaque; sent back with the code (protects against CSRF)
        nonce (None | str | Unset): Opaque; put in the ID token, accepted once per client
        code_challenge (None | str | Unset): PKCE: base64url(SHA-256(code_verifier))
        code_challenge_method (None | str | Unset): PKCE: `S256` (required; `plain` is refused)
        huddle_signin (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
    """

    kwargs = _get_kwargs(
        response_type=response_type,
        client_id=client_id,
        redirect_uri=redirect_uri,
        scope=scope,
        state=state,
        nonce=nonce,
        code_challenge=code_challenge,
        code_challenge_method=code_challenge_method,
        huddle_signin=huddle_signin,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    response_type: str | Unset | None = UNSET,
    client_id: str | Unset | None = UNSET,
    redirect_uri: str | Unset | None = UNSET,
    scope: str | Unset | None = UNSET,
    state: str | Unset | None = UNSET,
    nonce: str | Unset | None = UNSET,
    code_challenge: str | Unset | None = UNSET,
    code_challenge_method: str | Unset | None = UNSET,
    huddle_signin: str | Unset | None = UNSET,
) -> Any | Problem | str | None:
    """Start signing in (OAuth 2.0 authorization endpoint)

     The authorization endpoint of the authorization-code flow, for Huddle's registered
    frontends (public clients): `response_type=code`, `client_id`, an exactly registered
    `redirect_uri`, `scope` (`openid profile email`), `state`, `nonce`, and PKCE
    (`code_challenge` with `code_challenge_method=S256`, required). A valid request gets the
    sign-in page; an invalid one goes back to the client with an OAuth `error`, or, when the
    client or redirect URI is unknown, gets an error page and never a redirect.

    Args:
        response_type (None | str | Unset): `code`
        client_id (None | str | Unset): The frontend's registered client id
        redirect_uri (None | str | Unset): One of the client's registered redirect URIs, exactly
        scope (None | str | Unset): Space-separated: `openid`, `profile`, `email`
        state (None | str | Unset): Opaque; sent back with the code (protects against CSRF)
        nonce (None | str | Unset): Opaque; put in the ID token, accepted once per client
        code_challenge (None | str | Unset): PKCE: base64url(SHA-256(code_verifier))
        code_challenge_method (None | str | Unset): PKCE: `S256` (required; `plain` is refused)
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
            response_type=response_type,
            client_id=client_id,
            redirect_uri=redirect_uri,
            scope=scope,
            state=state,
            nonce=nonce,
            code_challenge=code_challenge,
            code_challenge_method=code_challenge_method,
            huddle_signin=huddle_signin,
        )
    ).parsed
