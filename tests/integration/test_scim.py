"""SCIM 2.0 provisioning at /scim/v2, against identity served as a real process on PostgreSQL and
Kafka; teams in-process on the same topics; scim2-tester as an independent judge."""

from __future__ import annotations

import base64
import uuid
from collections import Counter
from typing import Any

import httpx
import pytest
from scim2_models import ScimProvider
from scim2_tester import Status, check_server

from huddle_devtools.testing.kafka import eventually

from .identity_support import PASSWORD, metric_value
from .scim_support import (
    ENTERPRISE,
    HUDDLE,
    SCIM_JSON,
    HttpxSCIMClient,
    Identity,
    client_token,
    identity_server,
    is_scim_error,
    new_client,
    new_org,
    patch,
    scim_user,
    sign_in,
)

__all__ = ["identity_server"]  # the fixture this module uses

pytestmark = pytest.mark.timeout(600)


def _created(identity: Identity, headers: dict[str, str], body: dict[str, Any]) -> dict[str, Any]:
    response = identity.http.post("/scim/v2/Users", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


# ---- Users -----------------------------------------------------------------------------------


def test_a_connector_provisions_reads_replaces_patches_and_deletes_a_person(
    identity_server: Identity,
) -> None:
    identity, org = identity_server, new_org(identity_server.http)
    body = scim_user()
    response = identity.http.post("/scim/v2/Users", json=body, headers=org.scim)
    assert response.status_code == 201, response.text
    assert response.headers["content-type"].startswith(SCIM_JSON)
    user = response.json()
    user_id = user["id"]
    assert response.headers["location"] == f"{identity.url}/scim/v2/Users/{user_id}"
    assert user["meta"]["location"] == response.headers["location"]
    assert response.headers["etag"] == user["meta"]["version"] == 'W/"2"'
    assert user["userName"] == body["userName"]
    assert user["externalId"] == body["externalId"]
    assert user["name"] == {"givenName": "Lena", "familyName": "Park"}
    assert user["emails"] == [{"value": body["userName"]}]
    assert user[ENTERPRISE] == {"department": "Emergency"}
    assert user[HUDDLE] == {"profession": "nurse"}
    assert "title" not in user and "phoneNumbers" not in user, "what Huddle keeps, only"
    assert [g["display"] for g in user["groups"]] == ["Huddle members"]

    # The same person through Huddle's own API, as an org admin sees them.
    own = identity.http.get(f"/v1/users/{user_id}", headers=org.admin).json()
    assert (own["email"], own["display_name"], own["profession"]) == (
        body["userName"],
        "Lena Park",
        "nurse",
    )
    assert own["org_roles"] == ["member"]

    read = identity.http.get(f"/scim/v2/Users/{user_id}", headers=org.scim)
    assert read.json() == user
    unchanged = identity.http.get(
        f"/scim/v2/Users/{user_id}", headers={**org.scim, "If-None-Match": read.headers["etag"]}
    )
    assert unchanged.status_code == 304
    only = identity.http.get(
        f"/scim/v2/Users/{user_id}", params={"attributes": "userName"}, headers=org.scim
    ).json()
    assert set(only) == {"schemas", "id", "userName"}

    # PUT replaces: what it leaves out is cleared, but for the profession and active.
    replacement = {
        "schemas": [body["schemas"][0]],
        "userName": body["userName"],
        "displayName": "Lena Park-Ito",
        "emails": [{"value": body["userName"], "primary": True}],
    }
    replaced = identity.http.put(
        f"/scim/v2/Users/{user_id}",
        json=replacement,
        headers={**org.scim, "If-Match": read.headers["etag"]},
    )
    assert replaced.status_code == 200, replaced.text
    assert replaced.json()["displayName"] == "Lena Park-Ito"
    assert "name" not in replaced.json() and "externalId" not in replaced.json()
    assert ENTERPRISE not in replaced.json()
    assert replaced.json()[HUDDLE] == {"profession": "nurse"}
    assert replaced.json()["active"] is True
    stale = identity.http.put(
        f"/scim/v2/Users/{user_id}",
        json=replacement,
        headers={**org.scim, "If-Match": read.headers["etag"]},
    )
    assert is_scim_error(stale, 412)

    # PATCH as Entra ID sends it: capitalised ops, a filter path, booleans as strings.
    new_email = f"lena.ito.{uuid.uuid4().hex[:6]}@riverside.example"
    patched = identity.http.patch(
        f"/scim/v2/Users/{user_id}",
        json=patch(
            {"op": "Replace", "path": 'emails[type eq "work"].value', "value": new_email},
            {"op": "Add", "path": f"{ENTERPRISE}:department", "value": "Cardiology"},
            {"op": "Replace", "path": f"{HUDDLE}:profession", "value": "pharmacist"},
            {"op": "Replace", "path": "name.givenName", "value": "Lena"},
            {"op": "Add", "path": "externalId", "value": "entra-object-1"},
            {"op": "Replace", "path": "title", "value": "Pharmacist"},
        ),
        headers=org.scim,
    )
    assert patched.status_code == 200, patched.text
    after = patched.json()
    assert after["emails"] == [{"value": new_email}]
    assert after[ENTERPRISE] == {"department": "Cardiology"}
    assert after[HUDDLE] == {"profession": "pharmacist"}
    assert after["name"] == {"givenName": "Lena"}
    assert after["externalId"] == "entra-object-1"
    assert sign_in(identity.http, new_email).status_code == 400, "no password was ever set"
    removed = identity.http.patch(
        f"/scim/v2/Users/{user_id}",
        json=patch({"op": "remove", "path": "externalId"}, {"op": "remove", "path": "name"}),
        headers=org.scim,
    )
    assert "externalId" not in removed.json() and "name" not in removed.json()

    deleted = identity.http.delete(f"/scim/v2/Users/{user_id}", headers=org.scim)
    assert deleted.status_code == 204
    assert is_scim_error(identity.http.get(f"/scim/v2/Users/{user_id}", headers=org.scim), 404)
    assert is_scim_error(identity.http.delete(f"/scim/v2/Users/{user_id}", headers=org.scim), 404)
    erased = identity.http.get(f"/v1/users/{user_id}", headers=org.admin).json()
    assert (erased["status"], erased["email"], erased["display_name"]) == ("erased", None, None)
    # Erasure freed the names: the identity provider may provision the address again.
    again = _created(identity, org.scim, {**scim_user(body["userName"]), "externalId": None})
    assert again["id"] != user_id


def test_people_are_found_by_filter_a_page_at_a_time(identity_server: Identity) -> None:
    identity, org = identity_server, new_org(identity_server.http)
    people = [_created(identity, org.scim, scim_user()) for _ in range(5)]
    identity.http.patch(
        f"/scim/v2/Users/{people[1]['id']}",
        json=patch({"op": "replace", "path": "active", "value": False}),
        headers=org.scim,
    )

    def found(**params: Any) -> dict[str, Any]:
        response = identity.http.get("/scim/v2/Users", params=params, headers=org.scim)
        assert response.status_code == 200, response.text
        listing: dict[str, Any] = response.json()
        assert listing["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:ListResponse"]
        return listing

    def ids(listing: dict[str, Any]) -> list[str]:
        return [user["id"] for user in listing.get("Resources", [])]

    everyone = found()
    assert everyone["totalResults"] == 6, "five people and the org admin who signed up"
    target = people[2]
    by_name = found(filter=f'userName eq "{target["userName"].upper()}"')
    assert (by_name["totalResults"], ids(by_name)) == (1, [target["id"]]), "userName ignores case"
    by_external = found(filter=f'externalId eq "{target["externalId"]}"')
    assert ids(by_external) == [target["id"]]
    assert ids(found(filter=f'externalId eq "{target["externalId"].upper()}"')) == [], (
        "externalId is case-exact"
    )
    assert ids(found(filter="active eq false")) == [people[1]["id"]]
    both = found(filter=f'userName eq "{target["userName"]}" and active eq true')
    assert ids(both) == [target["id"]]
    assert ids(found(filter=f'userName eq "{target["userName"]}" and active eq false')) == []
    first_or_target = " or ".join(f'externalId eq "{p["externalId"]}"' for p in (people[0], target))
    either = found(filter=first_or_target)
    assert ids(either) == [people[0]["id"], target["id"]]
    assert ids(found(filter='emails[value co "riverside"] and name.familyName sw "pa"'))

    first = found(startIndex=1, count=2)
    second = found(startIndex=3, count=2)
    last = found(startIndex=5, count=2)
    assert (first["totalResults"], first["startIndex"], first["itemsPerPage"]) == (6, 1, 2)
    assert last["itemsPerPage"] == 2
    assert len(set(ids(first) + ids(second) + ids(last))) == 6
    assert set(ids(first) + ids(second) + ids(last)) == set(ids(everyone))
    counted = found(count=0)
    assert counted["totalResults"] == 6 and counted.get("Resources", []) == []
    assert found(startIndex=0, count=1)["startIndex"] == 1, "startIndex below 1 is 1"
    searched = identity.http.post(
        "/scim/v2/Users/.search",
        json={
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
            "filter": f'userName eq "{target["userName"]}"',
            "attributes": ["userName"],
        },
        headers=org.scim,
    ).json()
    assert [set(u) for u in searched["Resources"]] == [{"schemas", "id", "userName"}]

    for bad in ("userName eq", 'title eq "x"', 'userName gt "a"', "active eq 3", "(("):
        response = identity.http.get("/scim/v2/Users", params={"filter": bad}, headers=org.scim)
        assert is_scim_error(response, 400, "invalidFilter"), bad
    assert is_scim_error(
        identity.http.get("/scim/v2/Users", params={"count": "many"}, headers=org.scim), 400
    )


def test_each_organisation_sees_and_changes_only_its_own_people(identity_server: Identity) -> None:
    identity = identity_server
    alpha, bravo = new_org(identity.http, "Alpha Clinic"), new_org(identity.http, "Bravo Care")
    person = _created(identity, alpha.scim, scim_user())
    path = f"/scim/v2/Users/{person['id']}"
    for method, body in (
        ("GET", None),
        ("PUT", scim_user()),
        ("PATCH", patch({"op": "replace", "path": "active", "value": False})),
        ("DELETE", None),
    ):
        response = identity.http.request(method, path, json=body, headers=bravo.scim)
        assert is_scim_error(response, 404), method
        assert person["userName"] not in response.text
    listed = identity.http.get("/scim/v2/Users", headers=bravo.scim).json()
    assert [u["id"] for u in listed["Resources"]] == [bravo.admin_id]
    by_name = identity.http.get(
        "/scim/v2/Users",
        params={"filter": f'userName eq "{person["userName"]}"'},
        headers=bravo.scim,
    ).json()
    assert by_name["totalResults"] == 0
    alpha_groups = identity.http.get("/scim/v2/Groups", headers=alpha.scim).json()["Resources"]
    for group in alpha_groups:
        assert is_scim_error(
            identity.http.get(f"/scim/v2/Groups/{group['id']}", headers=bravo.scim), 404
        )
        move = patch({"op": "add", "path": "members", "value": [{"value": bravo.admin_id}]})
        assert is_scim_error(
            identity.http.patch(f"/scim/v2/Groups/{group['id']}", json=move, headers=bravo.scim),
            404,
        )
    bravo_groups = identity.http.get("/scim/v2/Groups", headers=bravo.scim).json()["Resources"]
    assert {g["id"] for g in alpha_groups}.isdisjoint({g["id"] for g in bravo_groups})
    # A person of another organisation is no member one can add.
    members = next(g for g in bravo_groups if g["displayName"] == "Huddle analysts")
    foreign = patch({"op": "add", "path": "members", "value": [{"value": person["id"]}]})
    response = identity.http.patch(
        f"/scim/v2/Groups/{members['id']}", json=foreign, headers=bravo.scim
    )
    assert is_scim_error(response, 400, "invalidValue")
    assert identity.http.get(path, headers=alpha.scim).json()["active"] is True


def test_people_and_clients_without_scim_are_refused(identity_server: Identity) -> None:
    identity, org = identity_server, new_org(identity_server.http)
    scim_json = {"Content-Type": SCIM_JSON}
    events_id, events_secret = new_client(identity.http, org.admin, ["events:read"])
    refused = {
        "an org admin's token": (org.admin, 403),
        "a client without scim": (
            {"Authorization": f"Bearer {client_token(identity.http, events_id, events_secret)}"},
            403,
        ),
        "the secret of a client without scim": ({"Authorization": f"Bearer {events_secret}"}, 403),
        "no token": ({}, 401),
        "a made-up token": ({"Authorization": "Bearer not-a-token"}, 401),
        "a forged JWT": ({"Authorization": "Bearer eyJhbGciOiJub25lIn0.e30."}, 401),
        "basic credentials": (
            {"Authorization": "Basic " + base64.b64encode(b"a:b").decode()},
            401,
        ),
    }
    for what, (headers, status) in refused.items():
        for method, path, body in (
            ("GET", "/scim/v2/Users", None),
            ("POST", "/scim/v2/Users", scim_user()),
            ("GET", "/scim/v2/Groups", None),
            ("GET", "/scim/v2/ServiceProviderConfig", None),
        ):
            response = identity.http.request(
                method, path, json=body, headers={**scim_json, **headers}
            )
            assert is_scim_error(response, status), (what, method, path)
            if status == 401:
                assert response.headers["www-authenticate"].startswith("Bearer"), what
    nobody = identity.http.get("/scim/v2/Users", headers=org.scim).json()
    assert nobody["totalResults"] == 1, "nothing was created by the refused calls"


def test_a_connector_may_send_its_secret_as_a_fixed_token_until_it_is_revoked(
    identity_server: Identity,
) -> None:
    identity, org = identity_server, new_org(identity_server.http)
    fixed = {"Authorization": f"Bearer {org.secret}", "Content-Type": SCIM_JSON}
    created = identity.http.post("/scim/v2/Users", json=scim_user(), headers=fixed)
    assert created.status_code == 201, created.text
    revoked = identity.http.post(f"/v1/clients/{org.client_id}/revoke", headers=org.admin)
    assert revoked.status_code == 200
    assert is_scim_error(identity.http.get("/scim/v2/Users", headers=fixed), 401)
    assert org.secret not in identity.process.tail(200), "no secret in the logs"


def test_deprovisioning_stops_sign_in_and_refresh_at_once(identity_server: Identity) -> None:
    identity, org = identity_server, new_org(identity_server.http)
    password = "lantern harbour evening 58"
    person = _created(identity, org.scim, scim_user(password=password))
    email = person["userName"]
    assert (
        password not in identity.http.get(f"/scim/v2/Users/{person['id']}", headers=org.scim).text
    )
    session = sign_in(identity.http, email, password)
    assert session.status_code == 200, session.text
    refresh = session.json()["refresh_token"]

    deactivated = identity.http.patch(
        f"/scim/v2/Users/{person['id']}",
        json=patch({"op": "Replace", "path": "active", "value": "False"}),
        headers=org.scim,
    )
    assert deactivated.status_code == 200, deactivated.text
    assert deactivated.json()["active"] is False
    assert sign_in(identity.http, email, password).status_code == 400
    refreshed = identity.http.post(
        "/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": refresh}
    )
    assert refreshed.status_code == 400, "refresh tokens are revoked at once"
    own = identity.http.get(f"/v1/users/{person['id']}", headers=org.admin).json()
    assert own["status"] == "deactivated"
    again = identity.http.patch(
        f"/scim/v2/Users/{person['id']}",
        json=patch({"op": "replace", "path": "active", "value": False}),
        headers=org.scim,
    )
    assert again.status_code == 200, "the wanted state already holds: no error"

    reactivated = identity.http.patch(
        f"/scim/v2/Users/{person['id']}",
        json=patch({"op": "replace", "value": {"active": True}}),
        headers=org.scim,
    )
    assert reactivated.json()["active"] is True
    assert sign_in(identity.http, email, password).status_code == 200
    assert refreshed.status_code == 400
    return_trip = identity.http.post(
        "/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": refresh}
    )
    assert return_trip.status_code == 400, "a revoked refresh token stays revoked"


async def test_teams_shows_a_deprovisioned_person_as_inactive_then_active_again(
    identity_server: Identity, start_teams: Any
) -> None:
    identity, org = identity_server, new_org(identity_server.http)
    person = _created(identity, org.scim, scim_user())
    jwks = f"{identity.url}/.well-known/jwks.json"
    async with start_teams(topic_prefix=identity.topic_prefix, jwks_url=jwks) as teams:
        team = await teams.client.post("/v1/teams", json={"name": "Ward 4"}, headers=org.admin)
        assert team.status_code == 201, team.text
        members = f"/v1/teams/{team.json()['id']}/members"

        async def added() -> bool:
            response = await teams.client.post(
                members, json={"user_id": person["id"], "role": "nurse"}, headers=org.admin
            )
            return response.status_code in (201, 409)

        await eventually(added, timeout_s=60, interval_s=0.2)

        async def status_in_teams() -> str | None:
            listed = (await teams.client.get(members, headers=org.admin)).json()["items"]
            statuses = [m["user_status"] for m in listed if m["user_id"] == person["id"]]
            return statuses[0] if statuses else None

        for active, shown in ((False, "deactivated"), (True, "active")):
            changed = identity.http.patch(
                f"/scim/v2/Users/{person['id']}",
                json=patch({"op": "replace", "path": "active", "value": active}),
                headers=org.scim,
            )
            assert changed.status_code == 200, changed.text

            async def shows(status: str = shown) -> bool:
                return await status_in_teams() == status

            await eventually(shows, timeout_s=60, interval_s=0.2)


# ---- Groups ----------------------------------------------------------------------------------


def test_groups_are_the_org_roles_and_keep_the_last_admin(identity_server: Identity) -> None:
    identity, org = identity_server, new_org(identity_server.http)
    person = _created(identity, org.scim, scim_user())
    listed = identity.http.get("/scim/v2/Groups", headers=org.scim).json()
    groups = {g["displayName"]: g for g in listed["Resources"]}
    assert set(groups) == {"Huddle org admins", "Huddle analysts", "Huddle members"}
    assert listed["totalResults"] == 3
    again = identity.http.get("/scim/v2/Groups", headers=org.scim).json()["Resources"]
    assert [g["id"] for g in again] == [g["id"] for g in listed["Resources"]], "ids are stable"
    analysts = groups["Huddle analysts"]
    named = identity.http.get(
        "/scim/v2/Groups", params={"filter": 'displayName eq "Huddle analysts"'}, headers=org.scim
    ).json()
    assert [g["id"] for g in named["Resources"]] == [analysts["id"]]
    admins = groups["Huddle org admins"]
    assert [m["value"] for m in admins["members"]] == [org.admin_id]

    def roles(user_id: str) -> list[str]:
        shown: list[str] = identity.http.get(f"/v1/users/{user_id}", headers=org.admin).json()[
            "org_roles"
        ]
        return shown

    added = identity.http.patch(
        f"/scim/v2/Groups/{analysts['id']}",
        json=patch({"op": "Add", "path": "members", "value": [{"value": person["id"]}]}),
        headers=org.scim,
    )
    assert added.status_code == 200, added.text
    assert [m["value"] for m in added.json()["members"]] == [person["id"]]
    assert roles(person["id"]) == ["analyst", "member"]
    user = identity.http.get(f"/scim/v2/Users/{person['id']}", headers=org.scim).json()
    assert {g["display"] for g in user["groups"]} == {"Huddle analysts", "Huddle members"}
    member_of = identity.http.get(
        "/scim/v2/Groups",
        params={"filter": f'members[value eq "{person["id"]}"]'},
        headers=org.scim,
    ).json()
    assert {g["displayName"] for g in member_of["Resources"]} == {
        "Huddle analysts",
        "Huddle members",
    }
    # Entra ID removes members with a value rather than a path filter.
    removed = identity.http.patch(
        f"/scim/v2/Groups/{analysts['id']}",
        json=patch({"op": "Remove", "path": "members", "value": [{"value": person["id"]}]}),
        headers=org.scim,
    )
    assert removed.status_code == 200, removed.text
    assert roles(person["id"]) == ["member"]

    # A person's only role stays: the admin holds no other yet.
    path = f"/scim/v2/Groups/{admins['id']}"
    only_role = patch({"op": "remove", "path": f'members[value eq "{org.admin_id}"]'})
    refused = identity.http.patch(path, json=only_role, headers=org.scim)
    assert is_scim_error(refused, 400, "invalidValue")
    assert "at least one organisation role" in refused.json()["detail"]
    replaced = identity.http.put(
        f"/scim/v2/Groups/{groups['Huddle members']['id']}",
        json={
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
            "displayName": "Huddle members",
            "members": [{"value": person["id"]}, {"value": org.admin_id}],
        },
        headers=org.scim,
    )
    assert replaced.status_code == 200, replaced.text
    assert roles(org.admin_id) == ["member", "org_admin"]

    # The last active org admin stays, whatever the connector asks; then nobody changes.
    promoted = patch({"op": "add", "path": "members", "value": [{"value": person["id"]}]})
    demote_both = patch(
        {"op": "remove", "path": f'members[value eq "{org.admin_id}"]'},
        {"op": "remove", "path": f'members[value eq "{person["id"]}"]'},
    )
    assert identity.http.patch(path, json=promoted, headers=org.scim).status_code == 200
    refused = identity.http.patch(path, json=demote_both, headers=org.scim)
    assert is_scim_error(refused, 400, "invalidValue")
    assert "org admin" in refused.json()["detail"]
    assert "org_admin" in roles(org.admin_id) and "org_admin" in roles(person["id"])
    assert identity.http.patch(path, json=only_role, headers=org.scim).status_code == 200
    assert roles(org.admin_id) == ["member"]
    deactivate_last = patch({"op": "replace", "path": "active", "value": False})
    response = identity.http.patch(
        f"/scim/v2/Users/{person['id']}", json=deactivate_last, headers=org.scim
    )
    assert is_scim_error(response, 400, "invalidValue"), "the last active org admin"

    renamed = patch({"op": "replace", "path": "displayName", "value": "Admins"})
    assert is_scim_error(
        identity.http.patch(path, json=renamed, headers=org.scim), 400, "mutability"
    )
    new_group = {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "X"}
    assert is_scim_error(
        identity.http.post("/scim/v2/Groups", json=new_group, headers=org.scim), 501
    )
    assert is_scim_error(identity.http.delete(path, headers=org.scim), 501)
    assert is_scim_error(
        identity.http.get(f"/scim/v2/Groups/{uuid.uuid4()}", headers=org.scim), 404
    )


# ---- errors and discovery --------------------------------------------------------------------


def test_bad_input_is_a_scim_error_never_a_500(identity_server: Identity) -> None:
    identity, org = identity_server, new_org(identity_server.http)
    body = scim_user()
    _created(identity, org.scim, body)
    taken = scim_user(body["userName"])
    assert is_scim_error(
        identity.http.post("/scim/v2/Users", json=taken, headers=org.scim), 409, "uniqueness"
    )
    other = scim_user()
    other["emails"] = [{"value": body["userName"].upper(), "primary": True}]
    assert is_scim_error(
        identity.http.post("/scim/v2/Users", json=other, headers=org.scim), 409, "uniqueness"
    ), "the email is someone's sign-in name"
    plain_json = {**org.scim, "Content-Type": "application/json"}
    assert (
        identity.http.post("/scim/v2/Users", json=scim_user(), headers=plain_json).status_code
        == 201
    )

    bad_bodies: list[tuple[Any, str | None]] = [
        ({"schemas": [body["schemas"][0]]}, None),  # no userName
        ({**scim_user(), "userName": "no-address", "emails": []}, "invalidValue"),
        ({**scim_user(), "emails": [{"value": "not an address"}]}, None),
        ({**scim_user(), "active": "perhaps"}, "invalidValue"),
        ({**scim_user(), "displayName": "x" * 201}, "invalidValue"),
        ({**scim_user(), "displayName": "nul\x00inside"}, "invalidValue"),
        ({**scim_user(), HUDDLE: {"profession": "wizard"}}, None),
        ({**scim_user(), "password": "short"}, "invalidValue"),
        ({**scim_user(), "schemas": ["urn:example:unknown"]}, None),
        ([1, 2], "invalidSyntax"),
    ]
    for bad, scim_type in bad_bodies:
        response = identity.http.post("/scim/v2/Users", json=bad, headers=org.scim)
        assert is_scim_error(response, 400, scim_type), bad
        assert '"short"' not in response.text, "no value is echoed"
    malformed = identity.http.post("/scim/v2/Users", content=b"{nope", headers=org.scim)
    assert is_scim_error(malformed, 400, "invalidSyntax")
    xml = {**org.scim, "Content-Type": "application/xml"}
    assert is_scim_error(identity.http.post("/scim/v2/Users", content=b"<user/>", headers=xml), 415)
    huge = identity.http.post(
        "/scim/v2/Users", json={**scim_user(), "pad": "x" * 2_000_000}, headers=org.scim
    )
    assert is_scim_error(huge, 413)
    assert huge.headers["x-content-type-options"] == "nosniff"

    user_id = identity.http.get("/scim/v2/Users", headers=org.scim).json()["Resources"][0]["id"]
    for operations, scim_type in (
        (patch({"op": "frobnicate", "path": "active", "value": True}), "invalidValue"),
        (patch({"op": "replace", "path": "id", "value": "x"}), "mutability"),
        (patch({"op": "replace", "path": "nosuch", "value": "x"}), "invalidPath"),
        (patch({"op": "remove"}), "noTarget"),
        (patch({"op": "remove", "path": "userName"}), None),
        (patch({"op": "replace", "path": "groups", "value": []}), "mutability"),
        ({"Operations": []}, None),
    ):
        response = identity.http.patch(
            f"/scim/v2/Users/{user_id}", json=operations, headers=org.scim
        )
        assert is_scim_error(response, 400, scim_type), operations
    for path in ("/scim/v2/Nothing", f"/scim/v2/Users/{uuid.uuid4()}", "/scim/v2/Users/not-an-id"):
        assert is_scim_error(identity.http.get(path, headers=org.scim), 404), path
    assert is_scim_error(identity.http.post("/scim/v2/Schemas", headers=org.scim), 405)


def test_strange_requests_never_get_a_500(identity_server: Identity) -> None:
    identity, org = identity_server, new_org(identity_server.http)
    person = _created(identity, org.scim, scim_user())
    users, groups = "/scim/v2/Users", "/scim/v2/Groups"
    group = identity.http.get(groups, headers=org.scim).json()["Resources"][0]["id"]
    user = f"{users}/{person['id']}"
    strange: list[tuple[str, str, Any, dict[str, Any] | None]] = [
        ("POST", users, {"userName": 7, "emails": "x"}, None),
        ("POST", users, {**scim_user(), "name": "Lena"}, None),
        ("POST", users, {**scim_user(), "emails": [{"value": None}]}, None),
        ("POST", users, {**scim_user(), "externalId": ["a"]}, None),
        ("POST", users, {**scim_user(), HUDDLE: "nurse"}, None),
        ("PUT", user, {"schemas": [], "userName": None}, None),
        ("PUT", user, {**scim_user(), "id": "another"}, None),
        ("PATCH", user, {"Operations": "replace"}, None),
        ("PATCH", user, patch({"op": "replace", "path": "emails", "value": "x@y.org"}), None),
        ("PATCH", user, patch({"op": "add", "path": "name", "value": [1, 2]}), None),
        ("PATCH", user, patch({"op": "replace", "path": "active", "value": None}), None),
        ("PATCH", user, patch({"op": "replace", "path": "emails[value eq", "value": 1}), None),
        ("PATCH", user, patch({"op": "replace", "value": ["not", "an", "object"]}), None),
        (
            "PATCH",
            f"{groups}/{group}",
            patch({"op": "add", "path": "members", "value": "all"}),
            None,
        ),
        (
            "PATCH",
            f"{groups}/{group}",
            patch({"op": "add", "path": "members", "value": [{}]}),
            None,
        ),
        ("PUT", f"{groups}/{group}", {"displayName": None, "members": [{"value": 3}]}, None),
        ("GET", users, None, {"startIndex": -5, "count": 10_000}),
        ("GET", users, None, {"count": 2**70}),
        ("GET", users, None, {"filter": 'userName eq "\u202e\u0000"'}),
        ("GET", users, None, {"attributes": "nosuch", "excludedAttributes": "userName"}),
        ("GET", users, None, {"sortBy": "userName", "sortOrder": "sideways"}),
        ("GET", groups, None, {"filter": 'members[value eq "x"] and nosuch pr'}),
        ("GET", f"{users}/{'x' * 300}", None, None),
        ("POST", f"{users}/.search", {"count": "lots", "filter": 3}, None),
    ]
    for method, path, body, params in strange:
        response = identity.http.request(method, path, json=body, params=params, headers=org.scim)
        assert response.status_code < 500, (method, path, body, params, response.text)
        if response.status_code >= 400:
            assert is_scim_error(response, response.status_code), (method, path, body)
            assert "\n" not in response.json()["detail"], "one line, no validator report"
    # A lone surrogate, as a client escapes it in JSON: no text Huddle can store.
    surrogate = (
        b'{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "\\ud800@x.org"}'
    )
    response = identity.http.post(users, content=surrogate, headers=org.scim)
    assert is_scim_error(response, 400), response.text
    assert identity.http.get(user, headers=org.scim).status_code == 200


def test_the_discovery_endpoints_describe_what_huddle_keeps(identity_server: Identity) -> None:
    identity, org = identity_server, new_org(identity_server.http)
    config = identity.http.get("/scim/v2/ServiceProviderConfig", headers=org.scim).json()
    assert config["patch"] == {"supported": True}
    assert config["bulk"]["supported"] is False
    assert config["etag"] == {"supported": True}
    assert config["filter"] == {"supported": True, "maxResults": 200}
    types = identity.http.get("/scim/v2/ResourceTypes", headers=org.scim).json()["Resources"]
    assert [t["name"] for t in types] == ["User", "Group"]
    assert "cannot be created" in types[1]["description"]
    schemas = identity.http.get("/scim/v2/Schemas", headers=org.scim).json()["Resources"]
    user = next(s for s in schemas if s["name"] == "User")
    assert [a["name"] for a in user["attributes"]] == [
        "userName",
        "name",
        "displayName",
        "active",
        "password",
        "emails",
        "groups",
    ]
    emails = next(a for a in user["attributes"] if a["name"] == "emails")
    assert [(s["name"], s["required"]) for s in emails["subAttributes"]] == [("value", True)]
    huddle = identity.http.get(f"/scim/v2/Schemas/{HUDDLE}", headers=org.scim).json()
    assert "nurse" in huddle["attributes"][0]["canonicalValues"]
    assert is_scim_error(identity.http.get("/scim/v2/Schemas/urn:x", headers=org.scim), 404)


def test_scim_requests_are_counted_by_resource_operation_and_result(
    identity_server: Identity,
) -> None:
    identity, org = identity_server, new_org(identity_server.http)
    created = 'huddle_scim_requests_total{operation="create",resource="Users",result="ok"}'
    missing = 'huddle_scim_requests_total{operation="read",resource="Users",result="404"}'
    refused = 'huddle_scim_requests_total{operation="list",resource="Users",result="401"}'
    before = identity.http.get("/metrics").text
    _created(identity, org.scim, scim_user())
    identity.http.get(f"/scim/v2/Users/{uuid.uuid4()}", headers=org.scim)
    identity.http.get("/scim/v2/Users")
    after = identity.http.get("/metrics").text
    for series in (created, missing, refused):
        assert metric_value(after, series) == metric_value(before, series) + 1, series
    assert org.secret not in after


# ---- conformance: scim2-tester ---------------------------------------------------------------

# The checks scim2-tester 0.5.2 runs that identity cannot pass, each with why. Any other check
# that fails fails this test, and so does a check listed here that starts to pass.
KNOWN_FAILURES: dict[tuple[str | None, str], str] = {
    # Huddle's groups are its three org roles: a group cannot be created, so every check of the
    # Group resource type, which starts by creating one, fails at its POST /Groups (501).
    **{
        ("Group", check): "groups are the fixed org roles: POST /Groups answers 501"
        for check in (
            "object_creation",
            "object_query",
            "object_query_without_id",
            "object_query_with_attributes",
            "object_list_with_attributes",
            "search_with_attributes",
            "object_replacement",
            "object_deletion",
            "check_add_attribute",
            "check_remove_attribute",
            "check_replace_attribute",
        )
    },
}


def test_scim2_tester_passes_but_for_the_known_checks(identity_server: Identity) -> None:
    identity, org = identity_server, new_org(identity_server.http)
    http = httpx.Client(base_url=f"{identity.url}/scim/v2", headers=org.scim, timeout=60)
    with http:
        results = check_server(HttpxSCIMClient(http, provider=ScimProvider()))
    failed = Counter(
        (result.resource_type, str(result.title))
        for result in results
        if result.status in (Status.ERROR, Status.CRITICAL)
    )
    reasons = {
        (r.resource_type, r.title): r.reason
        for r in results
        if r.status in (Status.ERROR, Status.CRITICAL)
    }
    unexpected = {key: reasons[key] for key in failed if key not in KNOWN_FAILURES}
    assert not unexpected, f"scim2-tester checks that fail: {unexpected}"
    passing_now = set(KNOWN_FAILURES) - set(failed)
    assert not passing_now, f"known failures that pass now (drop them from the list): {passing_now}"
    passed = [r for r in results if r.status == Status.SUCCESS]
    assert len(passed) > 40, f"only {len(passed)} checks passed"
    assert PASSWORD not in identity.process.tail(500)
