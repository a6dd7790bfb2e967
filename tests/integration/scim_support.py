"""Identity served as its own process for the SCIM tests, organisations with a SCIM connector,
and a scim2-client engine over httpx (scim2-client ships one for httpx2 only)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, cast

import httpx
import pytest
from scim2_client import BaseSyncSCIMClient
from scim2_client.client import RawResponse

from huddle_devtools.devinfra.selection import Infrastructure, free_port
from huddle_devtools.testing.databases import DatabaseFactory
from huddle_devtools.testing.processes import ServiceProcess
from huddle_identity.bootstrap import MIGRATIONS as IDENTITY_MIGRATIONS

from .identity_support import PASSWORD

SCIM_JSON = "application/scim+json"
ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"
PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
USER = "urn:ietf:params:scim:schemas:core:2.0:User"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
HUDDLE = "urn:ietf:params:scim:schemas:extension:huddle:2.0:User"


@dataclass
class Identity:
    """The identity process, the topic prefix of its events and one client for it."""

    process: ServiceProcess
    topic_prefix: str
    http: httpx.Client

    @property
    def url(self) -> str:
        return self.process.url


@pytest.fixture(scope="module")
def identity_server(
    infra: Infrastructure, databases: DatabaseFactory, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Identity]:
    prefix = f"scim{uuid.uuid4().hex[:8]}."
    port = free_port()
    env = {
        "HUDDLE_ENVIRONMENT": "test",
        "HUDDLE_DATABASE_URL": databases.create("identity", IDENTITY_MIGRATIONS),
        "HUDDLE_KAFKA_BOOTSTRAP": infra.kafka_bootstrap,
        "HUDDLE_TOPIC_PREFIX": prefix,
        "HUDDLE_JWKS_URL": f"http://127.0.0.1:{port}/.well-known/jwks.json",
        "HUDDLE_RELAY_POLL_INTERVAL_S": "0.05",
        "HUDDLE_ARGON2_TIME_COST": "1",
        "HUDDLE_ARGON2_MEMORY_KIB": "8192",
    }
    process = ServiceProcess(
        "identity", port=port, env=env, log_dir=tmp_path_factory.mktemp("scim-logs")
    )
    process.start(timeout_s=90)
    try:
        with httpx.Client(base_url=process.url, timeout=60) as http:
            yield Identity(process, prefix, http)
    finally:
        process.stop()


@dataclass
class Org:
    """An organisation: its admin (a person) and a SCIM connector (a client holding ``scim``)."""

    id: str
    admin_id: str
    admin: dict[str, str]  # the org admin's headers
    client_id: str
    secret: str
    scim: dict[str, str]  # the connector's headers, with an access token


def sign_in(http: httpx.Client, email: str, password: str = PASSWORD) -> httpx.Response:
    return http.post(
        "/v1/auth/token",
        data={"grant_type": "password", "username": email, "password": password},
    )


def client_token(http: httpx.Client, client_id: str, secret: str) -> str:
    response = http.post(
        "/v1/auth/token",
        data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret},
    )
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


def new_client(http: httpx.Client, admin: dict[str, str], scopes: list[str]) -> tuple[str, str]:
    created = http.post(
        "/v1/clients", json={"name": "Entra ID provisioning", "scopes": scopes}, headers=admin
    )
    assert created.status_code == 201, created.text
    return created.json()["client_id"], created.json()["client_secret"]


def new_org(http: httpx.Client, name: str = "Riverside Health") -> Org:
    tag = uuid.uuid4().hex[:8]
    admin = {
        "email": f"admin.{tag}@riverside.example",
        "password": PASSWORD,
        "display_name": "Amara Okafor",
        "profession": "physician",
    }
    created = http.post("/v1/orgs", json={"name": name, "admin": admin})
    assert created.status_code == 201, created.text
    signed_in = sign_in(http, admin["email"])
    assert signed_in.status_code == 200, signed_in.text
    token = signed_in.json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    client_id, secret = new_client(http, headers, ["scim"])
    scim = {
        "Authorization": f"Bearer {client_token(http, client_id, secret)}",
        "Content-Type": SCIM_JSON,
        "Accept": SCIM_JSON,
    }
    return Org(
        id=created.json()["org"]["id"],
        admin_id=created.json()["admin"]["id"],
        admin=headers,
        client_id=client_id,
        secret=secret,
        scim=scim,
    )


def scim_user(
    user_name: str | None = None, *, profession: str = "nurse", **extra: Any
) -> dict[str, Any]:
    """A creation body as Entra ID sends one (its default mapping, a Huddle profession)."""
    tag = uuid.uuid4().hex[:8]
    email = user_name or f"lena.park.{tag}@riverside.example"
    return {
        "schemas": [USER, ENTERPRISE, HUDDLE],
        "externalId": str(uuid.uuid4()),
        "userName": email,
        "active": True,
        "displayName": "Lena Park",
        "title": "Charge nurse",  # Huddle keeps no title: accepted, dropped
        "name": {"givenName": "Lena", "familyName": "Park", "formatted": "Lena Park"},
        "emails": [{"primary": True, "type": "work", "value": email}],
        "phoneNumbers": [{"type": "work", "value": "+1 555 0100"}],
        ENTERPRISE: {"department": "Emergency", "employeeNumber": "701984"},
        HUDDLE: {"profession": profession},
        **extra,
    }


def patch(*operations: dict[str, Any]) -> dict[str, Any]:
    return {"schemas": [PATCH_OP], "Operations": list(operations)}


def is_scim_error(response: httpx.Response, status: int, scim_type: str | None = None) -> bool:
    """The answer is a SCIM error of this status (and scimType), as application/scim+json."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(SCIM_JSON), response.headers
    body = response.json()
    assert body["schemas"] == [ERROR], body
    assert body["status"] == str(status), body
    if scim_type is not None:
        assert body.get("scimType") == scim_type, body
    return True


class HttpxSCIMClient(BaseSyncSCIMClient):
    """scim2-client over an :class:`httpx.Client` (its own engine is for httpx2)."""

    def __init__(self, client: httpx.Client, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.client = client

    def _stays_under_base_url(self, endpoint: str) -> bool:
        url = self.client.build_request("GET", endpoint).url
        base = self.client.base_url
        return url.host == base.host and url.port == base.port and url.path.startswith(base.path)

    def _parse_json(self, response: RawResponse) -> Any:
        return cast(httpx.Response, response).json()

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        return self.client.request(method, url, **kwargs)
