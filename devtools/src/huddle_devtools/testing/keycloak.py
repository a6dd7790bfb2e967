"""A real OpenID Connect provider for tests: Keycloak, one per test session, and helpers for it.

keycloak_server() starts the project's local Keycloak (devinfra/keycloak.py) on free ports
under a directory of its own, or uses one named by ``HUDDLE_TEST_KEYCLOAK_URL`` (with
``HUDDLE_TEST_KEYCLOAK_ADMIN``/``..._PASSWORD``). KeycloakAdmin sets a test's realm up through
Keycloak's admin REST API as its bootstrap admin: a realm, a confidential client with one exact
redirect URI, users with attributes (read and changed later too). sign_in() is the person at
the browser: it follows Keycloak's login page with a real HTTP client (browser_client(), which
keeps cookies as a browser does) and returns the redirect to the client's redirect URI,
``code`` and ``state`` in it, without following it.
"""

from __future__ import annotations

import os
import secrets
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from http.cookiejar import Cookie, CookieJar, DefaultCookiePolicy
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from huddle_devtools.devinfra.keycloak import LocalKeycloak
from huddle_devtools.devinfra.keycloak_realm import (
    PROFESSION,
    RealmUser,
    confidential_client,
    profile_attribute,
    realm,
    user,
)
from huddle_devtools.devinfra.selection import free_port

URL_ENV = "HUDDLE_TEST_KEYCLOAK_URL"
ADMIN_ENV = "HUDDLE_TEST_KEYCLOAK_ADMIN"
ADMIN_PASSWORD_ENV = "HUDDLE_TEST_KEYCLOAK_ADMIN_PASSWORD"  # noqa: S105 - a variable's name
_STARTUP_TIMEOUT_S = 180.0


@dataclass(frozen=True)
class KeycloakServer:
    """A running Keycloak and its bootstrap admin."""

    url: str
    admin_username: str
    admin_password: str

    def issuer(self, realm_name: str) -> str:
        return f"{self.url}/realms/{realm_name}"

    def admin(self) -> KeycloakAdmin:
        return KeycloakAdmin(self)


@dataclass(frozen=True)
class OidcClient:
    """A client registered in a realm, as a relying party is configured with it."""

    issuer: str
    client_id: str
    client_secret: str
    redirect_uri: str


class KeycloakAdmin:
    """Keycloak's admin REST API as the bootstrap admin (a token from the master realm)."""

    def __init__(self, server: KeycloakServer) -> None:
        self.server = server
        self._http = httpx.Client(base_url=server.url, timeout=30)
        self._token: str | None = None

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> KeycloakAdmin:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        for attempt in ("first", "after a new token"):
            if self._token is None:
                self._token = self._admin_token()
            headers = {"Authorization": f"Bearer {self._token}"}
            response = self._http.request(method, f"/admin/realms{path}", headers=headers, **kwargs)
            # The admin token lives a minute; a long session outlives it.
            if response.status_code == 401 and attempt == "first":
                self._token = None
                continue
            if response.is_error:
                raise RuntimeError(
                    f"Keycloak admin {method} {path}: {response.status_code} {response.text[:500]}"
                )
            return response
        raise AssertionError("unreachable")

    def _admin_token(self) -> str:
        response = self._http.post(
            "/realms/master/protocol/openid-connect/token",
            data={
                "grant_type": "password",
                "client_id": "admin-cli",
                "username": self.server.admin_username,
                "password": self.server.admin_password,
            },
        )
        if response.status_code != 200:
            raise RuntimeError(f"Keycloak admin sign-in: {response.status_code} {response.text}")
        return str(response.json()["access_token"])

    def create_realm(
        self,
        name: str | None = None,
        *,
        display_name: str = "Test identity provider",
        extra_attributes: Sequence[str] = (PROFESSION,),
    ) -> str:
        """Create an enabled realm (a fresh name if none given) whose user profile declares
        extra_attributes; returns its name."""
        name = name or f"test-{secrets.token_hex(5)}"
        representation = realm(name, display_name=display_name, extra_attributes=extra_attributes)
        self._request("POST", "", json=representation)
        return name

    def add_profile_attribute(self, realm_name: str, attribute: str) -> None:
        """Declare one more user attribute in a realm's user profile."""
        profile = self._request("GET", f"/{realm_name}/users/profile").json()
        if all(item["name"] != attribute for item in profile["attributes"]):
            profile["attributes"].append(profile_attribute(attribute))
            self._request("PUT", f"/{realm_name}/users/profile", json=profile)

    def create_client(
        self,
        realm_name: str,
        *,
        redirect_uri: str,
        client_id: str | None = None,
        secret: str | None = None,
        claims_from_attributes: Sequence[str] = (PROFESSION,),
    ) -> OidcClient:
        """A confidential client with exactly one redirect URI and PKCE S256 required."""
        client_id = client_id or f"client-{secrets.token_hex(4)}"
        secret = secret or secrets.token_urlsafe(24)
        representation = confidential_client(
            client_id,
            secret=secret,
            redirect_uri=redirect_uri,
            claims_from_attributes=claims_from_attributes,
        )
        self._request("POST", f"/{realm_name}/clients", json=representation)
        return OidcClient(self.issuer(realm_name), client_id, secret, redirect_uri)

    def create_user(
        self,
        realm_name: str,
        *,
        email: str,
        password: str,
        first_name: str = "Test",
        last_name: str = "Person",
        attributes: Mapping[str, str] | None = None,
    ) -> str:
        """An enabled user (username = email, verified) with a password; returns its id,
        the ``sub`` of its tokens."""
        person = RealmUser(email, first_name, last_name, password, dict(attributes or {}))
        response = self._request("POST", f"/{realm_name}/users", json=user(person))
        return response.headers["location"].rstrip("/").rsplit("/", 1)[1]

    def user(self, realm_name: str, user_id: str) -> dict[str, Any]:
        """A user's representation, as Keycloak holds it."""
        representation: dict[str, Any] = self._request(
            "GET", f"/{realm_name}/users/{user_id}"
        ).json()
        return representation

    def update_user(
        self,
        realm_name: str,
        user_id: str,
        *,
        attributes: Mapping[str, str] | None = None,
        **fields: Any,
    ) -> None:
        """Change a user: fields by Keycloak's names (``email``, ``firstName``, ``enabled``,
        ...), attributes merged into its own; everything else is kept as it was (Keycloak's
        PUT replaces the whole user)."""
        current = self.user(realm_name, user_id)
        current.update(fields)
        if attributes:
            merged = dict(current.get("attributes") or {})
            merged.update({key: [value] for key, value in attributes.items()})
            current["attributes"] = merged
        self._request("PUT", f"/{realm_name}/users/{user_id}", json=current)

    def issuer(self, realm_name: str) -> str:
        """The realm's issuer, as its OpenID configuration publishes it."""
        url = f"{self.server.issuer(realm_name)}/.well-known/openid-configuration"
        response = self._http.get(url)
        response.raise_for_status()
        return str(response.json()["issuer"])


_LOOPBACK = ("127.0.0.1", "localhost", "::1")


class _BrowserCookiePolicy(DefaultCookiePolicy):
    """Secure cookies go back to http://127.0.0.1 and http://localhost too, as browsers send
    them (loopback counts as a secure context); Keycloak marks its login cookies Secure and
    the standard library would otherwise keep them to https."""

    def return_ok_secure(self, cookie: Cookie, request: urllib.request.Request) -> bool:
        if urlsplit(request.get_full_url()).hostname in _LOOPBACK:
            return True
        return bool(super().return_ok_secure(cookie, request))


def browser_client(**kwargs: Any) -> httpx.Client:
    """An httpx client that keeps and sends cookies as a browser does on this machine."""
    jar = CookieJar(policy=_BrowserCookiePolicy())

    def send_cookies(request: httpx.Request) -> None:
        # httpx copies its jar into one of the default policy for each request; the header
        # is made again here, from the jar itself, just before the request goes out.
        request.headers.pop("Cookie", None)
        httpx.Cookies(jar).set_cookie_header(request)

    return httpx.Client(cookies=jar, event_hooks={"request": [send_cookies]}, **kwargs)


class SignInRefused(AssertionError):
    """Keycloak did not send the person on to the redirect URI (its page says why)."""


@dataclass
class _Form:
    action: str
    fields: dict[str, str]


class _Page(HTMLParser):
    """A page's forms (each one's action and its named inputs' values) and the messages
    Keycloak's login theme shows (a wrong password, an error page's reason)."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[_Form] = []
        self.messages: list[str] = []
        self._in_message = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == "form":
            self.forms.append(_Form(values.get("action", ""), {}))
        elif tag == "input" and self.forms and values.get("name"):
            self.forms[-1].fields[values["name"]] = values.get("value", "")
        elif "kc-feedback-text" in values.get("class", "") or values.get("id") in (
            "input-error",
            "kc-error-message",
        ):
            self._in_message = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("span", "div", "p"):
            self._in_message = False

    def handle_data(self, data: str) -> None:
        if self._in_message and data.strip():
            self.messages.append(data.strip())


def _is_redirect_to(location: str, redirect_uri: str) -> bool:
    target, wanted = urlsplit(location), urlsplit(redirect_uri)
    return target[:3] == wanted[:3]  # scheme, host and port, path


def sign_in(
    authorization_url: str,
    *,
    username: str,
    password: str,
    redirect_uri: str,
    client: httpx.Client | None = None,
    max_steps: int = 10,
) -> str:
    """Sign in at Keycloak from authorization_url as a browser would; the URL it then sends
    the browser to (redirect_uri with ``code`` and ``state``), not followed. A client given
    (one per person, for a second sign-in in the same session) should be a browser_client().

    A page that is not the login form, or the login form again (a wrong password), raises
    SignInRefused with what the page says.
    """
    http = client or browser_client(timeout=30)
    try:
        response = http.get(authorization_url)
        posted = False
        for _ in range(max_steps):
            if response.is_redirect:
                location = urljoin(str(response.url), response.headers["location"])
                if _is_redirect_to(location, redirect_uri):
                    return location
                response = http.get(location)
                continue
            page = _Page()
            page.feed(response.text)
            login = [form for form in page.forms if "password" in form.fields]
            if response.status_code != 200 or not login or posted:
                said = "; ".join(page.messages) or response.text[:300]
                raise SignInRefused(f"{response.status_code} at {response.url}: {said}")
            response = http.post(
                urljoin(str(response.url), login[0].action),
                data={**login[0].fields, "username": username, "password": password},
            )
            posted = True
        raise SignInRefused(f"no redirect to {redirect_uri} after {max_steps} steps")
    finally:
        if client is None:
            http.close()


@contextmanager
def keycloak_server(work_dir: Path) -> Iterator[KeycloakServer]:
    """The Keycloak named by HUDDLE_TEST_KEYCLOAK_URL, else a local one under work_dir."""
    given = os.environ.get(URL_ENV)
    if given:
        yield KeycloakServer(
            given.rstrip("/"),
            os.environ.get(ADMIN_ENV, "admin"),
            os.environ.get(ADMIN_PASSWORD_ENV, "admin"),
        )
        return
    local = LocalKeycloak(
        state_dir=work_dir,
        port=free_port(),
        management_port=free_port(),
        admin_username="admin",
        admin_password=secrets.token_urlsafe(12),
    )
    local.start()
    try:
        reason = local.wait_ready(_STARTUP_TIMEOUT_S)
        if reason is not None:
            log = local.log_path.read_text(errors="replace")[-4000:]
            raise RuntimeError(f"Keycloak not ready: {reason}; {local.log_path}:\n{log}")
        yield KeycloakServer(local.url, local.admin_username, local.admin_password)
    finally:
        local.stop()
