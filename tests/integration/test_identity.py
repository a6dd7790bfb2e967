"""Identity through its public API, against a real PostgreSQL and Kafka."""

from __future__ import annotations

import base64
import uuid
from datetime import timedelta
from typing import Any

import httpx
import pytest

from huddle_devtools.testing.kafka import read_topic
from huddle_identity.api.schemas import (
    ClientCreated,
    ClientOut,
    ClientPage,
    Jwks,
    TokenResponse,
    UserOut,
)

from .conftest import RunningService
from .identity_support import (
    PASSWORD,
    bearer,
    identity,
    metric_value,
    person,
    sign_in,
    sign_up,
    start_identity,
)

__all__ = ["identity", "start_identity"]  # fixtures used by this module


async def test_sign_up_then_sign_in_and_read_me(identity: RunningService) -> None:
    created = await sign_up(identity.client)
    assert created["org"]["name"] == "Riverside Health"
    assert created["admin"]["org_roles"] == ["org_admin"]
    token = await sign_in(identity.client, created["admin_email"])
    assert token.status_code == 200
    body = token.json()
    TokenResponse.model_validate(body)
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 900
    assert body["refresh_token"]
    assert token.headers["cache-control"] == "no-store"
    me = await identity.client.get(
        "/v1/users/me", headers={"Authorization": f"Bearer {body['access_token']}"}
    )
    assert me.status_code == 200
    assert UserOut.model_validate(me.json()).version == 1
    assert me.headers["etag"] == '"1"'
    assert me.json()["email"] == created["admin_email"]
    assert me.json()["id"] == created["admin"]["id"]


async def test_an_email_is_the_sign_in_name_whatever_its_case(identity: RunningService) -> None:
    created = await sign_up(identity.client)
    response = await sign_in(identity.client, created["admin_email"].upper())
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("short", "at least 12"),
        ("aaaaaaaaaaaaaaaa", "too common"),
        ("password1234", "too common"),
        ("amara-okafor-2026!", "name"),
    ],
)
async def test_weak_passwords_are_refused_with_the_reason(
    identity: RunningService, password: str, reason: str
) -> None:
    admin = {**person(), "password": password}
    response = await identity.client.post("/v1/orgs", json={"name": "X", "admin": admin})
    assert response.status_code == 422
    assert reason in response.json()["detail"]
    assert password not in response.text


async def test_refresh_tokens_rotate_and_a_reused_one_revokes_the_family(
    identity: RunningService,
) -> None:
    created = await sign_up(identity.client)
    first = (await sign_in(identity.client, created["admin_email"])).json()["refresh_token"]

    async def refresh(token: str) -> httpx.Response:
        return await identity.client.post(
            "/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": token}
        )

    rotated = await refresh(first)
    assert rotated.status_code == 200
    second = rotated.json()["refresh_token"]
    assert second != first
    reused = await refresh(first)  # a stolen copy of a spent token
    assert reused.status_code == 400
    assert reused.json()["error"] == "invalid_grant"
    family_gone = await refresh(second)
    assert family_gone.status_code == 400, "reuse must revoke the legitimate holder's token too"
    other_session = (await sign_in(identity.client, created["admin_email"])).json()
    assert (await refresh(other_session["refresh_token"])).status_code == 200


async def test_integration_clients_use_client_credentials(identity: RunningService) -> None:
    created = await sign_up(identity.client)
    admin = await bearer(identity.client, created["admin_email"])
    registered = await identity.client.post(
        "/v1/clients",
        json={"name": "Regional HIE", "scopes": ["events:read", "dashboards:read"]},
        headers=admin,
    )
    assert registered.status_code == 201
    client = registered.json()
    ClientCreated.model_validate(client)
    assert registered.headers["cache-control"] == "no-store"
    assert registered.headers["location"] == f"/v1/clients/{client['client_id']}"
    located = await identity.client.get(registered.headers["location"], headers=admin)
    assert located.status_code == 200, located.text
    assert located.json() == {k: v for k, v in client.items() if k != "client_secret"}
    basic = base64.b64encode(f"{client['client_id']}:{client['client_secret']}".encode()).decode()

    token = await identity.client.post(
        "/v1/auth/token",
        data={"grant_type": "client_credentials", "scope": "events:read"},
        headers={"Authorization": f"Basic {basic}"},
    )
    assert token.status_code == 200, token.text
    TokenResponse.model_validate(token.json())
    assert token.json()["scope"] == "events:read"
    assert "refresh_token" not in token.json()
    in_body = await identity.client.post(
        "/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": client["client_id"],
            "client_secret": client["client_secret"],
        },
    )
    assert in_body.json()["scope"] == "dashboards:read events:read"
    too_much = await identity.client.post(
        "/v1/auth/token",
        data={"grant_type": "client_credentials", "scope": "fhir:read"},
        headers={"Authorization": f"Basic {basic}"},
    )
    assert too_much.status_code == 400
    assert too_much.json()["error"] == "invalid_scope"
    wrong = await identity.client.post(
        "/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": client["client_id"],
            "client_secret": "not-it",
        },
    )
    assert wrong.status_code == 401
    assert wrong.json()["error"] == "invalid_client"

    page = (await identity.client.get("/v1/clients", headers=admin)).json()
    assert ClientPage.model_validate(page).next_cursor is None
    listed = page["items"]
    assert [c["client_id"] for c in listed] == [client["client_id"]]
    assert "client_secret" not in listed[0]
    revoked = await identity.client.post(f"/v1/clients/{client['client_id']}/revoke", headers=admin)
    assert ClientOut.model_validate(revoked.json()).revoked is True
    after = await identity.client.post(
        "/v1/auth/token",
        data={"grant_type": "client_credentials"},
        headers={"Authorization": f"Basic {basic}"},
    )
    assert after.status_code == 401


async def test_clients_are_listed_page_by_page_and_read_by_org_admins_only(
    identity: RunningService,
) -> None:
    org = await sign_up(identity.client)
    other = await sign_up(identity.client, "Eastside Clinic")
    admin = await bearer(identity.client, org["admin_email"])
    registered = []
    for name in ("Riverside HIE connector", "Riverside data warehouse"):
        response = await identity.client.post(
            "/v1/clients", json={"name": name, "scopes": ["events:read"]}, headers=admin
        )
        registered.append(response.json()["client_id"])
    first = await identity.client.get("/v1/clients", params={"limit": 1}, headers=admin)
    page = ClientPage.model_validate(first.json())
    assert page.next_cursor is not None
    rest = await identity.client.get(
        "/v1/clients", params={"limit": 1, "cursor": page.next_cursor}, headers=admin
    )
    last = ClientPage.model_validate(rest.json())
    assert [c.client_id for c in page.items + last.items] == registered
    assert last.next_cursor is None
    bad = await identity.client.get("/v1/clients", params={"cursor": "nope"}, headers=admin)
    assert bad.status_code == 400, bad.text

    nurse = person("Lena Park", "nurse_practitioner")
    await identity.client.post("/v1/users", json=nurse, headers=admin)
    member = await bearer(identity.client, nurse["email"])
    stranger = await bearer(identity.client, other["admin_email"])
    path = f"/v1/clients/{registered[0]}"
    assert (await identity.client.get(path, headers=member)).status_code == 403
    assert (await identity.client.get(path, headers=stranger)).status_code == 404
    assert (await identity.client.get("/v1/clients", headers=stranger)).json()["items"] == []
    read = await identity.client.get(path, headers=admin)
    assert ClientOut.model_validate(read.json()).name == "Riverside HIE connector"


async def test_repeated_failures_are_throttled_whether_or_not_the_account_exists(
    start_identity: Any,
) -> None:
    async with start_identity(login_max_failures=3, login_lockout_s=60) as identity:
        created = await sign_up(identity.client)
        answers: dict[str, list[int]] = {}
        for email in (created["admin_email"], "nobody-here@riverside.example"):
            codes = []
            for _ in range(3):
                codes.append(
                    (await sign_in(identity.client, email, "wrong password!!")).status_code
                )
            locked = await sign_in(identity.client, email, PASSWORD)
            codes.append(locked.status_code)
            assert locked.headers["content-type"] == "application/problem+json"
            assert locked.headers["cache-control"] == "no-store"
            assert locked.headers["retry-after"].isdigit()
            assert int(locked.headers["retry-after"]) > 0
            answers[email] = codes
        # The same answers for an existing and an unknown account: nothing to learn from them.
        assert list(answers.values()) == [[400, 400, 400, 429], [400, 400, 400, 429]]


async def test_people_are_managed_by_org_admins_within_their_organisation(
    identity: RunningService,
) -> None:
    org_a = await sign_up(identity.client, "Org A")
    org_b = await sign_up(identity.client, "Org B")
    admin_a = await bearer(identity.client, org_a["admin_email"])
    admin_b = await bearer(identity.client, org_b["admin_email"])
    nurse = person("Lena Park", "nurse")
    created = await identity.client.post("/v1/users", json=nurse, headers=admin_a)
    assert created.status_code == 201, created.text
    nurse_id = created.json()["id"]
    assert created.headers["location"] == f"/v1/users/{nurse_id}"
    assert created.headers["etag"] == f'"{UserOut.model_validate(created.json()).version}"'

    nurse_auth = await bearer(identity.client, nurse["email"])
    colleague_view = await identity.client.get(
        f"/v1/users/{org_a['admin']['id']}", headers=nurse_auth
    )
    assert colleague_view.status_code == 200
    assert colleague_view.json()["email"] is None, "emails are for admins and the person only"
    assert (
        colleague_view.headers["etag"]
        == f'"{UserOut.model_validate(colleague_view.json()).version}"'
    )
    forbidden = await identity.client.post("/v1/users", json=person(), headers=nurse_auth)
    assert forbidden.status_code == 403

    for method, path, kwargs in [
        ("get", f"/v1/users/{nurse_id}", {}),
        ("patch", f"/v1/users/{nurse_id}", {"json": {"display_name": "Hijacked"}}),
        ("post", f"/v1/users/{nurse_id}/deactivate", {}),
        ("delete", f"/v1/users/{nurse_id}/personal-data", {}),
        ("get", f"/v1/orgs/{org_a['org']['id']}", {}),
    ]:
        response = await getattr(identity.client, method)(path, headers=admin_b, **kwargs)
        assert response.status_code == 404, (method, path, response.text)
    listing_b = (await identity.client.get("/v1/users", headers=admin_b)).json()["items"]
    assert [u["id"] for u in listing_b] == [org_b["admin"]["id"]]

    renamed = await identity.client.patch(
        f"/v1/users/{nurse_id}",
        json={"display_name": "Lena Park-Ito", "org_roles": ["member", "analyst"]},
        headers={**admin_a, "If-Match": created.headers["etag"]},
    )
    assert renamed.status_code == 200, renamed.text
    assert renamed.headers["etag"] == f'"{UserOut.model_validate(renamed.json()).version}"'
    assert renamed.json()["display_name"] == "Lena Park-Ito"
    assert renamed.json()["org_roles"] == ["analyst", "member"]
    stale = await identity.client.patch(
        f"/v1/users/{nurse_id}",
        json={"display_name": "Again"},
        headers={**admin_a, "If-Match": created.headers["etag"]},
    )
    assert stale.status_code == 412
    self_promotion = await identity.client.patch(
        f"/v1/users/{nurse_id}", json={"org_roles": ["org_admin"]}, headers=nurse_auth
    )
    assert self_promotion.status_code == 403
    page = (await identity.client.get("/v1/users?limit=1", headers=admin_a)).json()
    rest = (
        await identity.client.get(
            f"/v1/users?limit=1&cursor={page['next_cursor']}", headers=admin_a
        )
    ).json()
    assert [u["id"] for u in page["items"] + rest["items"]] == [org_a["admin"]["id"], nurse_id]
    nurses = (await identity.client.get("/v1/users?profession=nurse", headers=admin_a)).json()
    assert [u["id"] for u in nurses["items"]] == [nurse_id]


async def test_a_deactivated_person_can_neither_sign_in_nor_refresh(
    identity: RunningService,
) -> None:
    org = await sign_up(identity.client)
    admin = await bearer(identity.client, org["admin_email"])
    nurse = person("Sam Rivera", "nurse")
    nurse_id = (await identity.client.post("/v1/users", json=nurse, headers=admin)).json()["id"]
    session = (await sign_in(identity.client, nurse["email"])).json()

    deactivated = await identity.client.post(
        f"/v1/users/{nurse_id}/deactivate", json={"reason": "left the practice"}, headers=admin
    )
    assert deactivated.status_code == 200
    assert deactivated.headers["etag"] == f'"{UserOut.model_validate(deactivated.json()).version}"'
    assert deactivated.json()["status"] == "deactivated"
    assert (await sign_in(identity.client, nurse["email"])).status_code == 400
    refreshed = await identity.client.post(
        "/v1/auth/token",
        data={"grant_type": "refresh_token", "refresh_token": session["refresh_token"]},
    )
    assert refreshed.status_code == 400
    again = await identity.client.post(f"/v1/users/{nurse_id}/deactivate", headers=admin)
    assert again.status_code == 409


async def test_the_last_org_admin_cannot_be_removed(identity: RunningService) -> None:
    org = await sign_up(identity.client)
    admin = await bearer(identity.client, org["admin_email"])
    admin_id = org["admin"]["id"]
    for method, path, kwargs in [
        ("post", f"/v1/users/{admin_id}/deactivate", {}),
        ("patch", f"/v1/users/{admin_id}", {"json": {"org_roles": ["member"]}}),
        ("delete", f"/v1/users/{admin_id}/personal-data", {}),
    ]:
        response = await getattr(identity.client, method)(path, headers=admin, **kwargs)
        assert response.status_code == 422, (method, path, response.text)


async def test_erasure_destroys_personal_data_and_the_bus_never_carried_it(
    identity: RunningService, infra: Any, topic_prefix: str
) -> None:
    org = await sign_up(identity.client)
    admin = await bearer(identity.client, org["admin_email"])
    nurse = person("Noor Haddad", "pharmacist")
    nurse_id = (await identity.client.post("/v1/users", json=nurse, headers=admin)).json()["id"]
    await identity.client.patch(
        f"/v1/users/{nurse_id}", json={"display_name": "Noor Haddad-Lee"}, headers=admin
    )
    erased = await identity.client.delete(f"/v1/users/{nurse_id}/personal-data", headers=admin)
    assert erased.status_code == 204
    assert (
        await identity.client.delete(f"/v1/users/{nurse_id}/personal-data", headers=admin)
    ).status_code == 204
    view = (await identity.client.get(f"/v1/users/{nurse_id}", headers=admin)).json()
    assert view["status"] == "erased"
    assert view["display_name"] is None
    assert view["email"] is None
    assert view["profession"] is None
    assert (await sign_in(identity.client, nurse["email"])).status_code == 400

    async with identity.runtime.engine.connect() as conn:
        events = await identity.runtime.store.load(conn, nurse_id)
        key = await identity.app.state.identity.vault.get(conn, nurse_id)
    assert key is None, "the person's key is destroyed"
    assert [e.type for e in events][-1] == "huddle.identity.user_erased.v1"

    records = await read_topic(
        infra.kafka_bootstrap,
        topic_prefix + "identity.user.v1",
        until=lambda recs: any(b"user_erased" in dict(r.headers)["ce_type"] for r in recs),
    )
    records += await read_topic(
        infra.kafka_bootstrap, topic_prefix + "identity.organization.v1", until=bool
    )
    assert any(dict(r.headers)["ce_type"] == b"huddle.identity.user_erased.v1" for r in records)
    wire = b"\n".join(r.value for r in records)
    for secret in (
        nurse["email"],
        "Noor Haddad",
        "Noor",
        org["admin_email"],
        PASSWORD,
        "$argon2",
        "refresh",
    ):
        assert secret.encode() not in wire, f"{secret!r} reached Kafka"


async def test_signing_keys_rotate_without_breaking_issued_tokens(identity: RunningService) -> None:
    from huddle_shared.auth import JwksKeySource, TokenVerifier

    org = await sign_up(identity.client)
    before = (await sign_in(identity.client, org["admin_email"])).json()["access_token"]
    keys = identity.app.state.identity.keys
    now = identity.app.state.identity.clock()
    new_kid = await keys.rotate(now)
    after = (await sign_in(identity.client, org["admin_email"])).json()["access_token"]
    published = await identity.client.get("/.well-known/jwks.json")
    assert published.headers["cache-control"] == "public, max-age=300"
    jwks = published.json()
    Jwks.model_validate(jwks)
    assert len(jwks["keys"]) == 2
    assert jwks["keys"][0]["kid"] == new_kid
    assert all("d" not in k for k in jwks["keys"]), "no private material in the JWKS"

    source = JwksKeySource(
        "http://test/.well-known/jwks.json", client=identity.client, min_refresh_interval_s=0
    )
    verifier = TokenVerifier(keys=source, issuer="huddle-identity", audience="huddle")
    assert (await verifier.verify(before)).org_id == org["org"]["id"]
    assert (await verifier.verify(after)).org_id == org["org"]["id"]
    later = now + keys.publish_after_retirement + timedelta(seconds=1)
    assert [k["kid"] for k in (await keys.jwks(later))["keys"]] == [new_kid]


@pytest.mark.parametrize(
    ("request_kwargs", "status"),
    [
        ({"json": {}}, 422),
        ({"json": {"name": "X"}}, 422),
        ({"json": {"name": "X", "admin": {**person(), "email": "not-an-email"}}}, 422),
        ({"json": {"name": "X", "admin": {**person(), "profession": "wizard"}}}, 422),
        ({"json": {"name": "X", "admin": person(), "extra": True}}, 422),
        ({"json": {"name": "x" * 300, "admin": person()}}, 422),
        ({"content": b"{nope", "headers": {"content-type": "application/json"}}, 400),
        ({"content": b"<org/>", "headers": {"content-type": "application/xml"}}, 415),
        ({"json": {"name": "X", "admin": person(), "pad": "x" * 2_000_000}}, 413),
    ],
)
async def test_bad_sign_up_input_gets_a_problem_response(
    identity: RunningService, request_kwargs: dict[str, Any], status: int
) -> None:
    response = await identity.client.post("/v1/orgs", **request_kwargs)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("data", "status", "error"),
    [
        ({}, 400, "invalid_request"),
        ({"grant_type": "implicit"}, 400, "unsupported_grant_type"),
        ({"grant_type": "password", "username": "a@b.example"}, 400, "invalid_request"),
        ({"grant_type": "refresh_token", "refresh_token": "made-up"}, 400, "invalid_grant"),
        (
            {
                "grant_type": "client_credentials",
                "client_id": str(uuid.uuid4()),
                "client_secret": "x",
            },
            401,
            "invalid_client",
        ),
    ],
)
async def test_bad_token_requests_get_oauth_errors_inside_problems(
    identity: RunningService, data: dict[str, str], status: int, error: str
) -> None:
    response = await identity.client.post("/v1/auth/token", data=data)
    assert response.status_code == status, response.text
    assert response.json()["error"] == error
    assert response.headers["content-type"] == "application/problem+json"


async def test_the_token_endpoint_refuses_json(identity: RunningService) -> None:
    response = await identity.client.post("/v1/auth/token", json={"grant_type": "password"})
    assert response.status_code in (400, 415, 422)
    assert response.status_code != 500


async def test_token_requests_are_counted_by_grant_and_result(identity: RunningService) -> None:
    org = await sign_up(identity.client)
    issued = 'huddle_token_requests_total{grant="password",result="issued"}'
    refused = 'huddle_token_requests_total{grant="password",result="invalid_grant"}'
    other = 'huddle_token_requests_total{grant="other",result="unsupported_grant_type"}'
    before = (await identity.client.get("/metrics")).text
    assert (await sign_in(identity.client, org["admin_email"])).status_code == 200
    assert (
        await sign_in(identity.client, org["admin_email"], "wrong password!!")
    ).status_code == 400
    strange = await identity.client.post("/v1/auth/token", data={"grant_type": "x" * 30})
    assert strange.status_code == 400
    after = (await identity.client.get("/metrics")).text
    for series in (issued, refused, other):
        assert metric_value(after, series) == metric_value(before, series) + 1, series
    assert "x" * 30 not in after, "an unknown grant's name never becomes a label"
