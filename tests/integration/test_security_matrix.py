"""Every route of the five services, called by every kind of principal and by a stranger.

One table (``MATRIX``) declares, per operation of the OpenAPI documents, who may call it and
with what status everyone else is refused, and how to fill its path and body from organisation
A's data. Three tests read it:

* the table and the five OpenAPI documents list the same operations, so that a route added
  without an entry (or removed with one left behind) fails here;
* the role matrix: each operation x each principal of organisation A gets the declared status;
* tenant isolation: organisation B's org admin, aimed at organisation A's resources, is refused
  (or, on routes that act on the caller's own organisation, served its own data), the answer
  never names anything of A's, and a write leaves A's resources as they were.

Cells that would change or destroy the shared fixtures (rename, archive, deactivate, erase,
close, revoke...) work on a resource made for that cell; a refused write must leave every event
stream of organisation A as it was.

Then injection strings (SQL, markup, templates, JNDI, paths, bidi and combining characters, a
long line) go into the free-text fields of each service and must come back byte for byte from
the API and sit verbatim in the stored events (or, for names and survey comments, never in
clear); text a field cannot hold is a 422 problem, never a 500.

Every answer must carry ``X-Content-Type-Options: nosniff`` and, with a body, a JSON media type.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from huddle_devtools.devinfra.selection import Infrastructure
from huddle_devtools.testing.databases import DatabaseFactory
from huddle_identity.api.scim.resources import group_id as scim_group_id
from huddle_shared.contracts.identity import OrgRole

from .security_support import (
    ANALYST,
    ANONYMOUS,
    CLIENT_SCIM,
    CLIENT_UNSCOPED,
    CLIENTS,
    DEAD_WEBHOOK,
    MEMBER,
    OPERATOR,
    OPERATOR_KEY,
    ORG_ADMIN,
    PEOPLE,
    PRINCIPALS,
    PULSE,
    SERVICES,
    TEAM_LEAD,
    TEAM_MEMBER,
    World,
    build_world,
    charter,
    instrument,
    leaf_strings,
    new_person,
    pulse_answers,
    running_stack,
    wait_for,
)

pytestmark = pytest.mark.timeout(600)

BODY_TYPES = (
    "application/json",
    "application/problem+json",
    "application/fhir+json",
    "application/cloudevents-batch+json",  # the integration event feed
    "text/html",  # identity's sign-in page (the authorization endpoint), and nothing else
    "application/scim+json",  # identity's SCIM provisioning (/scim/v2)
)
HTML_PATHS = ("/v1/auth/authorize", "/v1/auth/sso/callback")


# ---- the table ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Call:
    """What to send: path parameters, and a JSON body, a form or a query if any."""

    path: dict[str, str] = field(default_factory=dict)
    json: Any = None
    data: dict[str, str] | None = None
    params: dict[str, str] | None = None


# Builds the call from organisation A's data; ``fresh`` is true when the cell is expected to
# succeed and so may change what it touches: the builder then makes a resource of its own.
Build = Callable[[World, bool], Call]


@dataclass(frozen=True)
class Operation:
    service: str
    method: str
    path: str
    expect: dict[str, int]  # principal of organisation A -> status
    stranger: int  # organisation B's org admin aimed at A's resources
    build: Build
    public: bool = False

    @property
    def id(self) -> str:
        return f"{self.service}:{self.method} {self.path}"


def rule(default: int = 403, *, anonymous: int = 401, **statuses: int) -> dict[str, int]:
    """Statuses by principal: the named ones, ``anonymous`` for callers without a token (the
    operator key alone is no token), ``default`` for everyone else."""
    table = dict.fromkeys(PRINCIPALS, default)
    table[ANONYMOUS] = table[OPERATOR] = anonymous
    unknown = set(statuses) - set(PRINCIPALS)
    assert not unknown, unknown
    table.update(statuses)
    return table


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(PRINCIPALS, status)


def people(status: int, **others: int) -> dict[str, int]:
    """Every person of the organisation gets ``status``; clients 403 unless named."""
    return rule(**{**dict.fromkeys(PEOPLE, status), **others})


def tokens(status: int) -> dict[str, int]:
    """Anyone with a token of the organisation, person or client."""
    return rule(**dict.fromkeys((*PEOPLE, *CLIENTS), status))


DETAILS = {ORG_ADMIN: 200, ANALYST: 200, TEAM_LEAD: 200, TEAM_MEMBER: 200}  # not MEMBER
MANAGERS = (ORG_ADMIN, TEAM_LEAD)
INTEGRATORS = rule(org_admin=200, client_unscoped=200)  # CLIENT_UNSCOPED holds events:read


def managers(status: int) -> dict[str, int]:
    return rule(**dict.fromkeys(MANAGERS, status))


def fixed(call: Call) -> Build:
    return lambda world, fresh: call


def today() -> str:
    return datetime.now(UTC).date().isoformat()


def in_a_week() -> str:
    return (datetime.now(UTC) + timedelta(days=7)).isoformat()


# -- identity builders --


def _org(world: World, fresh: bool) -> Call:
    return Call({"org_id": world.org_id})


def _sso_connection(world: World, fresh: bool) -> Call:
    # A provider that cannot be reached: an org admin's request is refused (422) after every
    # permission check, so no cell connects anything.
    return Call(
        {"org_id": world.org_id},
        json={
            "issuer": "https://idp.invalid/realms/matrix",
            "client_id": "huddle",
            "client_secret": "matrix-secret",
            "email_domains": ["matrix.example"],
        },
    )


def _sign_up(world: World, fresh: bool) -> Call:
    return Call(json={"name": f"Sign-up {uuid.uuid4().hex[:6]}", "admin": new_person("Sign Up")})


def _sign_in(world: World, fresh: bool) -> Call:
    # A third organisation's person: the token endpoint is public, and answers the same to all.
    login = world.public_login
    return Call(
        data={"grant_type": "password", "username": login["email"], "password": login["password"]}
    )


def _authorization_request(world: World, fresh: bool) -> Call:
    # The console's registered redirect URI (identity's default client, at its public URL).
    return Call(
        params={
            "response_type": "code",
            "client_id": "huddle-console",
            "redirect_uri": "http://127.0.0.1:8080/signin/callback",
            "scope": "openid profile email",
            "state": uuid.uuid4().hex,
            "nonce": uuid.uuid4().hex,
            "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            "code_challenge_method": "S256",
        }
    )


def _sign_in_page(world: World, fresh: bool) -> Call:
    # The sign-in form posted without the page's anti-forgery cookie: refused (400) alike for
    # everyone, whatever token comes along, so the table counts the route as not public.
    login = world.public_login
    request = _authorization_request(world, fresh).params or {}
    return Call(
        data={**request, "email": login["email"], "password": login["password"], "csrf_token": "x"}
    )


def _revocation(world: World, fresh: bool) -> Call:
    return Call(data={"token": uuid.uuid4().hex, "client_id": "huddle-console"})


def _a_person(world: World, fresh: bool) -> Call:
    return Call({"user_id": world.respondent_ids[0]})


def _person_to_change(world: World, fresh: bool) -> Call:
    user_id = world.new_user() if fresh else world.respondent_ids[0]
    return Call({"user_id": user_id}, json={"display_name": f"Renamed {uuid.uuid4().hex[:6]}"})


def _person_to_deactivate(world: World, fresh: bool) -> Call:
    user_id = world.new_user() if fresh else world.respondent_ids[0]
    return Call({"user_id": user_id}, json={"reason": "left the practice"})


def _person_to_erase(world: World, fresh: bool) -> Call:
    return Call({"user_id": world.new_user() if fresh else world.respondent_ids[0]})


def _a_client(world: World, fresh: bool) -> Call:
    return Call({"client_id": world.client_ids[CLIENT_UNSCOPED]})


def _client_to_revoke(world: World, fresh: bool) -> Call:
    client_id = world.new_client()[0] if fresh else world.client_ids[CLIENT_UNSCOPED]
    return Call({"client_id": client_id})


def _invite(world: World, fresh: bool) -> Call:
    email = f"invitee.{uuid.uuid4().hex[:8]}@matrix.example"
    return Call(json={"email": email, "display_name": "Matrix Invitee", "profession": "nurse"})


def _an_invitation(world: World, fresh: bool) -> Call:
    # Each cell its own: resending and revoking change it, and the same id serves reads.
    return Call({"invitation_id": world.new_invitation()})


def _a_bogus_link(world: World, fresh: bool) -> Call:
    # The link routes take no token, only the link's: with one nobody was sent, every caller is
    # refused alike (400), so the table counts them as not public. The links themselves are
    # followed in test_invitations_and_resets.py and test_console.py.
    return Call(json={"token": uuid.uuid4().hex * 2, "password": "lantern harbour evening 58"})


def _a_reset_request(world: World, fresh: bool) -> Call:
    # A new address each call: requests are limited per address typed.
    return Call(json={"email": f"nobody.{uuid.uuid4().hex[:8]}@matrix.example"})


# -- identity's SCIM builders: the connector (CLIENT_SCIM) is the only one let in --


def scim(status: int) -> dict[str, int]:
    """SCIM is for the connector: no token 401, everyone else 403 (people, org admins too)."""
    return rule(client_scim=status)


def _scim_person(world: World, fresh: bool) -> Call:
    email = f"provisioned.{uuid.uuid4().hex[:8]}@matrix.example"
    return Call(
        json={
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
            "userName": email,
            "displayName": "Matrix Provisioned",
            "emails": [{"value": email}],
        }
    )


def _scim_search(world: World, fresh: bool) -> Call:
    return Call(json={"filter": "active eq true", "count": 5})


def _scim_user(world: World, fresh: bool) -> Call:
    return Call({"user_id": world.respondent_ids[0]})


def _scim_user_to_replace(world: World, fresh: bool) -> Call:
    user_id = world.new_user() if fresh else world.respondent_ids[0]
    return Call({"user_id": user_id}, json=_scim_person(world, fresh).json)


def _scim_user_to_patch(world: World, fresh: bool) -> Call:
    user_id = world.new_user() if fresh else world.respondent_ids[0]
    return Call(
        {"user_id": user_id},
        json={
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            "Operations": [{"op": "replace", "path": "displayName", "value": "Patched"}],
        },
    )


def _scim_user_to_delete(world: World, fresh: bool) -> Call:
    return Call({"user_id": world.new_user() if fresh else world.respondent_ids[0]})


def _scim_group(world: World, fresh: bool) -> Call:
    return Call({"group_id": scim_group_id(world.org_id, OrgRole.ANALYST)})


def _scim_group_to_patch(world: World, fresh: bool) -> Call:
    member = world.new_user() if fresh else world.respondent_ids[0]
    return Call(
        {"group_id": scim_group_id(world.org_id, OrgRole.ANALYST)},
        json={
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            "Operations": [{"op": "add", "path": "members", "value": [{"value": member}]}],
        },
    )


def _scim_group_to_replace(world: World, fresh: bool) -> Call:
    # Everyone already holding the role, and a new person: replacing adds one.
    group_id = scim_group_id(world.org_id, OrgRole.ANALYST)
    held = world.call("identity", "GET", f"/scim/v2/Groups/{group_id}", world.headers[CLIENT_SCIM])
    members = [{"value": m["value"]} for m in held.json().get("members", [])]
    if fresh:
        members.append({"value": world.new_user()})
    return Call(
        {"group_id": group_id},
        json={
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
            "displayName": "Huddle analysts",
            "members": members,
        },
    )


def _scim_new_group(world: World, fresh: bool) -> Call:
    return Call(
        json={"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "New"}
    )


# -- teams builders --


def _team(world: World, fresh: bool) -> Call:
    return Call({"team_id": world.team_id})


def _team_to_change(body: Any, *, with_charter: bool = False) -> Build:
    def build(world: World, fresh: bool) -> Call:
        team_id = world.new_team(with_charter=with_charter)[0] if fresh else world.team_id
        return Call({"team_id": team_id}, json=body)

    return build


def _member_to_add(world: World, fresh: bool) -> Call:
    team_id = world.new_team()[0] if fresh else world.team_id
    return Call({"team_id": team_id}, json={"user_id": world.user_ids[MEMBER], "role": "nurse"})


def _member_to_change(world: World, fresh: bool) -> Call:
    team_id = world.new_team()[0] if fresh else world.team_id
    return Call(
        {"team_id": team_id, "user_id": world.user_ids[TEAM_MEMBER]},
        json={
            "role": "care_coordinator",
            "reason": "took on coordination",
            "effective_date": today(),
        },
    )


def _a_member(world: World, fresh: bool) -> Call:
    return Call({"team_id": world.team_id, "user_id": world.user_ids[TEAM_MEMBER]})


def _member_to_remove(world: World, fresh: bool) -> Call:
    team_id = world.new_team()[0] if fresh else world.team_id
    return Call({"team_id": team_id, "user_id": world.user_ids[TEAM_MEMBER]})


def _goal_to_move(world: World, fresh: bool) -> Call:
    team_id, goal_id = (
        world.new_team(with_charter=True) if fresh else (world.team_id, world.goal_id)
    )
    return Call({"team_id": team_id, "goal_id": goal_id}, json={"status": "at_risk"})


def _goal_owners(world: World, fresh: bool) -> Call:
    team_id, goal_id = (
        world.new_team(with_charter=True) if fresh else (world.team_id, world.goal_id)
    )
    # The shared team's nurse is on it; a fresh team has only its lead, and no owner is allowed.
    owners = [] if fresh else [world.user_ids[TEAM_MEMBER]]
    return Call({"team_id": team_id, "goal_id": goal_id}, json={"owners": owners})


def _new_meeting(world: World, fresh: bool) -> Call:
    return Call(
        {"team_id": world.team_id},
        json={"kind": "weekly_huddle", "participants": 6, "went_well": ["Rota settled"]},
    )


def _meeting(world: World, fresh: bool) -> Call:
    return Call({"team_id": world.team_id, "meeting_id": world.meeting_id})


def _action_body(world: World) -> dict[str, Any]:
    return {
        "title": "Protect the lunch break",
        "owners": [world.user_ids[TEAM_MEMBER]],
        "due_date": (datetime.now(UTC).date() + timedelta(days=30)).isoformat(),
        "prompted_by": {"kind": "driver", "driver": "burnout_share"},
    }


def _new_action(world: World, fresh: bool) -> Call:
    return Call({"team_id": world.team_id}, json=_action_body(world))


def _action(world: World, fresh: bool) -> Call:
    return Call({"team_id": world.team_id, "action_id": world.action_id})


def _action_to_change(body: Callable[[World], Any]) -> Build:
    def build(world: World, fresh: bool) -> Call:
        action_id = world.new_action() if fresh else world.action_id
        return Call({"team_id": world.team_id, "action_id": action_id}, json=body(world))

    return build


# -- assessments builders --


def _instrument(world: World, fresh: bool) -> Call:
    return Call({"instrument_id": world.instrument_id})


def _new_instrument(world: World, fresh: bool) -> Call:
    return Call(json=instrument(f"org.matrix_{uuid.uuid4().hex[:8]}"))


def _new_campaign(world: World, fresh: bool) -> Call:
    return Call(json={"team_id": world.team_id, "instrument_id": PULSE, "closes_at": in_a_week()})


def _campaign(world: World, fresh: bool) -> Call:
    return Call({"campaign_id": world.campaign_id})


def _campaign_to_change(body: Any) -> Build:
    def build(world: World, fresh: bool) -> Call:
        campaign_id = world.new_campaign() if fresh else world.open_campaign_id
        return Call({"campaign_id": campaign_id}, json=body)

    return build


def _response(world: World, fresh: bool) -> Call:
    return Call({"campaign_id": world.campaign_id, "response_id": world.response_id})


# -- integrations builders --


def _subscription(world: World, fresh: bool) -> Call:
    return Call({"subscription_id": world.subscription_id})


def _subscription_to_change(body: Any) -> Build:
    def build(world: World, fresh: bool) -> Call:
        target = world.new_subscription() if fresh else world.subscription_id
        return Call({"subscription_id": target}, json=body)

    return build


def _delivery_to_replay(world: World, fresh: bool) -> Call:
    if fresh:
        target = world.new_subscription()
        return Call({"subscription_id": target, "delivery_id": world.new_dead_delivery(target)})
    return Call({"subscription_id": world.subscription_id, "delivery_id": world.delivery_id})


# -- insights builders --


def _no_body(world: World, fresh: bool) -> Call:
    return Call()


MATRIX: list[Operation] = [
    # identity: sign-up, sign-in and the JWKS are public; people and clients are the org's.
    Operation("identity", "GET", "/health/live", everyone(200), 200, _no_body, public=True),
    Operation("identity", "GET", "/health/ready", everyone(200), 200, _no_body, public=True),
    Operation("identity", "POST", "/v1/auth/token", everyone(200), 200, _sign_in, public=True),
    Operation(
        "identity", "GET", "/.well-known/jwks.json", everyone(200), 200, _no_body, public=True
    ),
    # Huddle as an OpenID provider: its sign-in page, discovery and revocation are public.
    Operation(
        "identity",
        "GET",
        "/v1/auth/authorize",
        everyone(200),
        200,
        _authorization_request,
        public=True,
    ),
    Operation("identity", "POST", "/v1/auth/authorize", everyone(400), 400, _sign_in_page),
    Operation(
        "identity",
        "GET",
        "/.well-known/openid-configuration",
        everyone(200),
        200,
        _no_body,
        public=True,
    ),
    Operation("identity", "POST", "/v1/auth/revoke", everyone(200), 200, _revocation, public=True),
    # The matrix's people sign in with the password grant, whose tokens lack the 'openid'
    # scope userinfo needs (test_oidc_provider.py covers its success).
    Operation("identity", "GET", "/v1/auth/userinfo", rule(), 403, _no_body),
    Operation("identity", "POST", "/v1/orgs", everyone(201), 201, _sign_up, public=True),
    Operation("identity", "GET", "/v1/orgs/{org_id}", tokens(200), 404, _org),
    # Single sign-on: the org's admins only; organisation A has no connection (404), and one
    # that cannot be reached is refused (422).
    Operation("identity", "GET", "/v1/orgs/{org_id}/sso", rule(org_admin=404), 404, _org),
    Operation(
        "identity", "PUT", "/v1/orgs/{org_id}/sso", rule(org_admin=422), 404, _sso_connection
    ),
    Operation("identity", "DELETE", "/v1/orgs/{org_id}/sso", rule(org_admin=404), 404, _org),
    Operation("identity", "GET", "/v1/orgs/{org_id}/sign-ins", rule(org_admin=200), 404, _org),
    # Back from a provider without a state: the page says the sign-in is incomplete.
    Operation("identity", "GET", "/v1/auth/sso/callback", everyone(400), 400, _no_body),
    Operation(
        "identity",
        "POST",
        "/v1/users",
        rule(org_admin=201),
        201,
        lambda world, fresh: Call(json=new_person("Matrix Person")),
    ),
    Operation("identity", "GET", "/v1/users", people(200), 200, _no_body),
    # An integration client is no person: "me" does not exist for it.
    Operation(
        "identity", "GET", "/v1/users/me", people(200, **dict.fromkeys(CLIENTS, 404)), 200, _no_body
    ),
    Operation("identity", "GET", "/v1/users/{user_id}", people(200), 404, _a_person),
    Operation(
        "identity", "PATCH", "/v1/users/{user_id}", rule(org_admin=200), 404, _person_to_change
    ),
    Operation(
        "identity",
        "POST",
        "/v1/users/{user_id}/deactivate",
        rule(org_admin=200),
        404,
        _person_to_deactivate,
    ),
    Operation(
        "identity",
        "DELETE",
        "/v1/users/{user_id}/personal-data",
        rule(org_admin=204),
        404,
        _person_to_erase,
    ),
    Operation("identity", "POST", "/v1/invitations", rule(org_admin=201), 201, _invite),
    Operation("identity", "GET", "/v1/invitations", rule(org_admin=200), 200, _no_body),
    Operation(
        "identity",
        "GET",
        "/v1/invitations/{invitation_id}",
        rule(org_admin=200),
        404,
        _an_invitation,
    ),
    Operation(
        "identity",
        "POST",
        "/v1/invitations/{invitation_id}/resend",
        rule(org_admin=200),
        404,
        _an_invitation,
    ),
    Operation(
        "identity",
        "POST",
        "/v1/invitations/{invitation_id}/revoke",
        rule(org_admin=200),
        404,
        _an_invitation,
    ),
    Operation(
        "identity",
        "POST",
        "/v1/invitations/accept",
        everyone(400),
        400,
        _a_bogus_link,
    ),
    Operation(
        "identity",
        "POST",
        "/v1/password-resets",
        everyone(202),
        202,
        _a_reset_request,
        public=True,
    ),
    Operation(
        "identity",
        "POST",
        "/v1/password-resets/complete",
        everyone(400),
        400,
        _a_bogus_link,
    ),
    Operation("identity", "GET", "/v1/clients", rule(org_admin=200), 200, _no_body),
    Operation("identity", "GET", "/v1/clients/{client_id}", rule(org_admin=200), 404, _a_client),
    Operation(
        "identity",
        "POST",
        "/v1/clients",
        rule(org_admin=201),
        201,
        fixed(Call(json={"name": "Matrix client", "scopes": ["events:read"]})),
    ),
    Operation(
        "identity",
        "POST",
        "/v1/clients/{client_id}/revoke",
        rule(org_admin=200),
        404,
        _client_to_revoke,
    ),
    # identity's SCIM provisioning: the organisation's connector only; B's org admin is a
    # person, refused (403) before anything is looked up. Tenants: test_scim.py.
    Operation("identity", "POST", "/scim/v2/Users", scim(201), 403, _scim_person),
    Operation("identity", "GET", "/scim/v2/Users", scim(200), 403, _no_body),
    Operation("identity", "POST", "/scim/v2/Users/.search", scim(200), 403, _scim_search),
    Operation("identity", "GET", "/scim/v2/Users/{user_id}", scim(200), 403, _scim_user),
    Operation("identity", "PUT", "/scim/v2/Users/{user_id}", scim(200), 403, _scim_user_to_replace),
    Operation("identity", "PATCH", "/scim/v2/Users/{user_id}", scim(200), 403, _scim_user_to_patch),
    Operation(
        "identity", "DELETE", "/scim/v2/Users/{user_id}", scim(204), 403, _scim_user_to_delete
    ),
    Operation("identity", "GET", "/scim/v2/Groups", scim(200), 403, _no_body),
    Operation("identity", "POST", "/scim/v2/Groups", scim(501), 403, _scim_new_group),
    Operation("identity", "GET", "/scim/v2/Groups/{group_id}", scim(200), 403, _scim_group),
    Operation(
        "identity", "PATCH", "/scim/v2/Groups/{group_id}", scim(200), 403, _scim_group_to_patch
    ),
    Operation(
        "identity", "PUT", "/scim/v2/Groups/{group_id}", scim(200), 403, _scim_group_to_replace
    ),
    Operation("identity", "DELETE", "/scim/v2/Groups/{group_id}", scim(501), 403, _scim_group),
    Operation("identity", "POST", "/scim/v2/.search", scim(501), 403, _scim_search),
    Operation("identity", "GET", "/scim/v2/ServiceProviderConfig", scim(200), 403, _no_body),
    Operation("identity", "GET", "/scim/v2/ResourceTypes", scim(200), 403, _no_body),
    Operation(
        "identity",
        "GET",
        "/scim/v2/ResourceTypes/{resource_type}",
        scim(200),
        403,
        fixed(Call({"resource_type": "User"})),
    ),
    Operation("identity", "GET", "/scim/v2/Schemas", scim(200), 403, _no_body),
    Operation(
        "identity",
        "GET",
        "/scim/v2/Schemas/{schema_id}",
        scim(200),
        403,
        fixed(Call({"schema_id": "urn:ietf:params:scim:schemas:core:2.0:User"})),
    ),
    # teams: org admins create; admins and the clinical lead manage; details for the team,
    # admins and analysts; clients only through the FHIR view with fhir:read.
    Operation("teams", "GET", "/health/live", everyone(200), 200, _no_body, public=True),
    Operation("teams", "GET", "/health/ready", everyone(200), 200, _no_body, public=True),
    Operation(
        "teams",
        "POST",
        "/v1/teams",
        rule(org_admin=201),
        201,
        lambda world, fresh: Call(json={"name": f"Matrix team {uuid.uuid4().hex[:6]}"}),
    ),
    Operation("teams", "GET", "/v1/teams", people(200), 200, _no_body),
    Operation("teams", "GET", "/v1/teams/{team_id}", people(200), 404, _team),
    Operation(
        "teams",
        "PATCH",
        "/v1/teams/{team_id}",
        managers(200),
        404,
        _team_to_change({"description": "Changed by the matrix"}),
    ),
    Operation(
        "teams",
        "POST",
        "/v1/teams/{team_id}/archive",
        managers(200),
        404,
        _team_to_change({"reason": "merged"}),
    ),
    Operation(
        "teams",
        "GET",
        "/v1/teams/{team_id}/fhir",
        rule(**DETAILS, client_scoped=200),
        404,
        _team,
    ),
    Operation("teams", "GET", "/v1/teams/{team_id}/members", rule(**DETAILS), 404, _team),
    Operation("teams", "POST", "/v1/teams/{team_id}/members", managers(201), 404, _member_to_add),
    Operation(
        "teams",
        "GET",
        "/v1/teams/{team_id}/members/{user_id}",
        rule(**DETAILS),
        404,
        _a_member,
    ),
    Operation(
        "teams",
        "PUT",
        "/v1/teams/{team_id}/members/{user_id}/role",
        managers(200),
        404,
        _member_to_change,
    ),
    Operation(
        "teams",
        "DELETE",
        "/v1/teams/{team_id}/members/{user_id}",
        managers(204),
        404,
        _member_to_remove,
    ),
    Operation("teams", "GET", "/v1/teams/{team_id}/charter", rule(**DETAILS), 404, _team),
    Operation(
        "teams",
        "PUT",
        "/v1/teams/{team_id}/charter",
        managers(200),
        404,
        _team_to_change(charter()),
    ),
    Operation(
        "teams",
        "POST",
        "/v1/teams/{team_id}/charter/reviews",
        managers(201),
        404,
        _team_to_change({"outcome": "reaffirmed", "notes": "still right"}, with_charter=True),
    ),
    Operation(
        "teams",
        "PUT",
        "/v1/teams/{team_id}/charter/goals/{goal_id}/status",
        managers(200),
        404,
        _goal_to_move,
    ),
    Operation(
        "teams",
        "PUT",
        "/v1/teams/{team_id}/charter/goals/{goal_id}/owners",
        managers(200),
        404,
        _goal_owners,
    ),
    # A team's meetings: its people record them; analysts read them.
    Operation(
        "teams",
        "POST",
        "/v1/teams/{team_id}/meetings",
        rule(org_admin=201, team_lead=201, team_member=201),
        404,
        _new_meeting,
    ),
    Operation("teams", "GET", "/v1/teams/{team_id}/meetings", rule(**DETAILS), 404, _team),
    Operation(
        "teams", "GET", "/v1/teams/{team_id}/meetings/{meeting_id}", rule(**DETAILS), 404, _meeting
    ),
    # A team's actions: its people propose (lead, admins commit), its people move them on and
    # check in, the lead and admins revise, assign and drop; analysts read.
    Operation(
        "teams",
        "POST",
        "/v1/teams/{team_id}/actions",
        rule(org_admin=201, team_lead=201, team_member=201),
        404,
        _new_action,
    ),
    Operation("teams", "GET", "/v1/teams/{team_id}/actions", rule(**DETAILS), 404, _team),
    Operation(
        "teams", "GET", "/v1/teams/{team_id}/actions/{action_id}", rule(**DETAILS), 404, _action
    ),
    Operation(
        "teams",
        "PATCH",
        "/v1/teams/{team_id}/actions/{action_id}",
        managers(200),
        404,
        _action_to_change(lambda world: {"why": "Skipped breaks came up first"}),
    ),
    Operation(
        "teams",
        "PUT",
        "/v1/teams/{team_id}/actions/{action_id}/owners",
        managers(200),
        404,
        _action_to_change(lambda world: {"owners": [world.user_ids[TEAM_LEAD]]}),
    ),
    Operation(
        "teams",
        "PUT",
        "/v1/teams/{team_id}/actions/{action_id}/status",
        rule(org_admin=200, team_lead=200, team_member=200),
        404,
        _action_to_change(lambda world: {"status": "in_progress"}),
    ),
    Operation(
        "teams",
        "POST",
        "/v1/teams/{team_id}/actions/{action_id}/check-ins",
        rule(org_admin=201, team_lead=201, team_member=201),
        404,
        _action_to_change(lambda world: {"note": "Front desk blocks 12:30-13:00"}),
    ),
    Operation("teams", "GET", "/v1/teams/{team_id}/history", rule(**DETAILS), 404, _team),
    # assessments: instruments are readable by any caller of the organisation; campaigns are
    # run by admins and the clinical lead, answered by the team as it was when they opened;
    # individual responses are shown to their author only.
    Operation("assessments", "GET", "/health/live", everyone(200), 200, _no_body, public=True),
    Operation("assessments", "GET", "/health/ready", everyone(200), 200, _no_body, public=True),
    Operation("assessments", "GET", "/v1/instruments", tokens(200), 200, _no_body),
    Operation("assessments", "POST", "/v1/instruments", rule(org_admin=201), 201, _new_instrument),
    Operation(
        "assessments", "GET", "/v1/instruments/{instrument_id}", tokens(200), 404, _instrument
    ),
    # B's admin passes the role check and is then told the team does not exist.
    Operation("assessments", "POST", "/v1/campaigns", managers(201), 404, _new_campaign),
    Operation("assessments", "GET", "/v1/campaigns", people(200), 200, _no_body),
    Operation("assessments", "GET", "/v1/campaigns/{campaign_id}", rule(**DETAILS), 404, _campaign),
    Operation(
        "assessments",
        "PATCH",
        "/v1/campaigns/{campaign_id}",
        managers(200),
        404,
        _campaign_to_change({"min_group_size": 6}),
    ),
    Operation(
        "assessments",
        "POST",
        "/v1/campaigns/{campaign_id}/close",
        managers(200),
        404,
        _campaign_to_change(None),
    ),
    # Only the team's members when it opened answer; everyone else is refused, admins too.
    Operation(
        "assessments",
        "POST",
        "/v1/campaigns/{campaign_id}/responses",
        rule(team_lead=201, team_member=201),
        404,
        _campaign_to_change({"answers": pulse_answers(), "comment": "fine"}),
    ),
    Operation(
        "assessments",
        "GET",
        "/v1/campaigns/{campaign_id}/responses",
        tokens(403),
        404,
        _campaign,
    ),
    # People who did not answer learn that they did not (404); both team respondents did.
    Operation(
        "assessments",
        "GET",
        "/v1/campaigns/{campaign_id}/responses/me",
        people(404, team_lead=200, team_member=200),
        404,
        _campaign,
    ),
    Operation(
        "assessments",
        "GET",
        "/v1/campaigns/{campaign_id}/responses/{response_id}",
        rule(team_member=200),
        404,
        _response,
    ),
    Operation(
        "assessments",
        "GET",
        "/v1/campaigns/{campaign_id}/comments",
        rule(org_admin=200, analyst=200, team_lead=200),
        404,
        _campaign,
    ),
    # integrations: the organisation's integration surface, for org admins and clients with
    # events:read; every route is about the caller's own organisation (B gets B's).
    Operation("integrations", "GET", "/health/live", everyone(200), 200, _no_body, public=True),
    Operation("integrations", "GET", "/health/ready", everyone(200), 200, _no_body, public=True),
    Operation("integrations", "GET", "/v1/events", INTEGRATORS, 200, _no_body),
    Operation("integrations", "GET", "/v1/events/types", INTEGRATORS, 200, _no_body),
    Operation("integrations", "GET", "/v1/integrations/sharing", INTEGRATORS, 200, _no_body),
    Operation(
        "integrations",
        "PUT",
        "/v1/integrations/sharing",
        rule(org_admin=200),
        200,
        fixed(Call(json={"shared_fields": ["campaign.title"]})),
    ),
    Operation(
        "integrations",
        "POST",
        "/v1/webhooks",
        rule(org_admin=201, client_unscoped=201),
        201,
        fixed(Call(json={"url": DEAD_WEBHOOK, "description": "matrix"})),
    ),
    Operation("integrations", "GET", "/v1/webhooks", INTEGRATORS, 200, _no_body),
    Operation(
        "integrations", "GET", "/v1/webhooks/{subscription_id}", INTEGRATORS, 404, _subscription
    ),
    Operation(
        "integrations",
        "PATCH",
        "/v1/webhooks/{subscription_id}",
        INTEGRATORS,
        404,
        _subscription_to_change({"description": "changed by the matrix"}),
    ),
    Operation(
        "integrations",
        "DELETE",
        "/v1/webhooks/{subscription_id}",
        rule(org_admin=204, client_unscoped=204),
        404,
        _subscription_to_change(None),
    ),
    Operation(
        "integrations",
        "POST",
        "/v1/webhooks/{subscription_id}/rotate-secret",
        INTEGRATORS,
        404,
        _subscription_to_change({"overlap_s": 60}),
    ),
    Operation(
        "integrations",
        "POST",
        "/v1/webhooks/{subscription_id}/ping",
        rule(org_admin=202, client_unscoped=202),
        404,
        _subscription,
    ),
    Operation(
        "integrations",
        "GET",
        "/v1/webhooks/{subscription_id}/deliveries",
        INTEGRATORS,
        404,
        _subscription,
    ),
    Operation(
        "integrations",
        "POST",
        "/v1/webhooks/{subscription_id}/deliveries/{delivery_id}/replay",
        rule(org_admin=202, client_unscoped=202),
        404,
        _delivery_to_replay,
    ),
    Operation(
        "integrations",
        "POST",
        "/v1/webhooks/{subscription_id}/replay",
        rule(org_admin=202, client_unscoped=202),
        404,
        _subscription_to_change({}),
    ),
    # insights: organisation views for admins, analysts and dashboards:read; team views also
    # for the team; operations for org admins (status) and the operator key (rebuild, replay).
    Operation("insights", "GET", "/health/live", everyone(200), 200, _no_body, public=True),
    Operation("insights", "GET", "/health/ready", everyone(200), 200, _no_body, public=True),
    Operation(
        "insights",
        "GET",
        "/v1/orgs/{org_id}/dashboard",
        rule(org_admin=200, analyst=200, client_scoped=200),
        404,
        _org,
    ),
    Operation(
        "insights",
        "GET",
        "/v1/orgs/{org_id}/heatmap",
        rule(org_admin=200, analyst=200, client_scoped=200),
        404,
        _org,
    ),
    # Clients see the organisation through insights with dashboards:read only.
    Operation(
        "insights",
        "GET",
        "/v1/orgs/{org_id}/teams",
        people(200, client_scoped=200),
        404,
        _org,
    ),
    Operation(
        "insights",
        "GET",
        "/v1/teams/{team_id}/dashboard",
        rule(**DETAILS, client_scoped=200),
        404,
        _team,
    ),
    Operation(
        "insights",
        "GET",
        "/v1/teams/{team_id}/trends",
        rule(**DETAILS, client_scoped=200),
        404,
        _team,
    ),
    # Dead letters concern the deployment, not a tenant: the operator key, in every service
    # that consumes (huddle_shared.operations); a token of any kind is not enough.
    *(
        Operation(service, method, path, rule(anonymous=403, operator=200), 403, _no_body)
        for service in ("teams", "assessments", "insights", "integrations")
        for method, path in (("GET", "/v1/dead-letters"), ("POST", "/v1/dead-letters/replay"))
    ),
    # Projection lag is about the deployment, not a tenant: any org admin may read it.
    Operation("insights", "GET", "/v1/projections/status", rule(org_admin=200), 200, _no_body),
    Operation(
        "insights",
        "POST",
        "/v1/projections/dead-letters/replay",
        rule(anonymous=403, operator=200),
        403,
        _no_body,
    ),
    # Last: a rebuild swaps every read model, and nothing after it depends on insights.
    Operation(
        "insights",
        "POST",
        "/v1/projections/rebuild",
        rule(anonymous=403, operator=200),
        403,
        _no_body,
    ),
]
BY_ID = {op.id: op for op in MATRIX}
assert len(BY_ID) == len(MATRIX), "an operation is declared twice"


# ---- fixtures ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(
    infra: Infrastructure, databases: DatabaseFactory, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    with running_stack(infra, databases, tmp_path_factory.mktemp("matrix-logs")) as stack:
        yield build_world(stack)


def send(world: World, op: Operation, call: Call, headers: dict[str, str]) -> httpx.Response:
    path = op.path.format(**call.path)
    return world.call(
        op.service, op.method, path, headers, json=call.json, data=call.data, params=call.params
    )


def check_headers(response: httpx.Response) -> None:
    """nosniff on every answer, and a JSON media type on every answer with a body (HTML only
    from the sign-in page)."""
    where = f"{response.request.method} {response.request.url.path} -> {response.status_code}"
    assert response.headers.get("x-content-type-options") == "nosniff", where
    if response.content:
        media_type = response.headers.get("content-type", "").split(";")[0].strip()
        assert media_type in BODY_TYPES, f"{where}: {media_type}"
        if media_type == "text/html":
            assert response.request.url.path in HTML_PATHS, where


def leaks(world: World, response: httpx.Response) -> list[str]:
    """A's ids and names in the answer, apart from those the caller sent (a problem's
    ``instance`` repeats the path it asked for)."""
    sent = str(response.request.url) + response.request.content.decode(errors="replace")
    return sorted(s for s in world.secrets if s and s in response.text and s not in sent)


# ---- the tests -----------------------------------------------------------------------------


def test_the_matrix_declares_exactly_the_operations_of_the_openapi_documents(
    world: World,
) -> None:
    documented = set()
    for service in SERVICES:
        document = world.stack.http[service].get("/openapi.json").json()
        for path, item in document["paths"].items():
            for method in item:
                if method in {"get", "post", "put", "patch", "delete", "head", "options"}:
                    documented.add(f"{service}:{method.upper()} {path}")
    declared = set(BY_ID)
    assert documented - declared == set(), "operations without a matrix entry"
    assert declared - documented == set(), "matrix entries for operations that do not exist"
    public = {op.id for op in MATRIX if op.public}
    assert all(op.expect[ANONYMOUS] < 400 for op in MATRIX if op.id in public)
    assert all(op.expect[ANONYMOUS] >= 400 for op in MATRIX if op.id not in public), (
        "a route anyone may call must be declared public"
    )


# Cells where the service does not do what the table declares: each is a security finding,
# reported, and strict so that the fix makes the cell fail until its entry is removed here.
CELLS = [
    pytest.param(op, principal, id=f"{op.id}-{principal}")
    for op in MATRIX
    for principal in PRINCIPALS
]


@pytest.mark.parametrize(("operation", "principal"), CELLS)
def test_each_principal_gets_the_declared_status(
    world: World, operation: Operation, principal: str
) -> None:
    expected = operation.expect[principal]
    call = operation.build(world, expected < 300)
    refused_write = operation.method != "GET" and expected >= 400
    before = world.stack.streams_of(world.org_id) if refused_write else None
    response = send(world, operation, call, world.headers[principal])
    assert response.status_code == expected, response.text[:500]
    check_headers(response)
    if refused_write:
        assert world.stack.streams_of(world.org_id) == before, "a refused write changed A"


@pytest.mark.parametrize("operation", MATRIX, ids=lambda op: op.id)
def test_another_organisations_admin_never_sees_or_changes_anything(
    world: World, operation: Operation
) -> None:
    call = operation.build(world, False)
    writes = operation.method != "GET"
    before = (world.snapshot(), world.stack.streams_of(world.org_id)) if writes else None
    response = send(world, operation, call, world.stranger)
    assert response.status_code == operation.stranger, response.text[:500]
    check_headers(response)
    assert leaks(world, response) == [], "organisation A's ids or names in B's answer"
    if writes:
        after = (world.snapshot(), world.stack.streams_of(world.org_id))
        assert after == before, "organisation B changed organisation A's resources"


def test_the_operator_key_must_be_the_right_one(world: World) -> None:
    wrong = {"X-Operator-Key": OPERATOR_KEY + "x"}
    for path in ("/v1/projections/rebuild", "/v1/projections/dead-letters/replay"):
        response = world.call("insights", "POST", path, wrong)
        assert response.status_code == 403, response.text
        check_headers(response)
    for service in ("teams", "assessments", "insights", "integrations"):
        for method, path in (("GET", "/v1/dead-letters"), ("POST", "/v1/dead-letters/replay")):
            response = world.call(service, method, path, wrong)
            assert response.status_code == 403, (service, path, response.text)
            check_headers(response)


# ---- injection strings, stored and returned verbatim --------------------------------------

INJECTIONS = {
    "sql-drop": "'; DROP TABLE teams; --",
    "sql-or": '" OR 1=1 --',
    "script": "<script>alert(1)</script>",
    "template": "{{7*7}}",
    "jndi": "${jndi:ldap://x}",
    "path": "../../etc/passwd",
    "percent-nul": "%00",
    "escapes": '\\u0000 \\n \\" %s %n',
    "right-to-left": "safe\u202egnp.exe",
    "emoji-combining": "Zoe\u0308 \U0001f9d1\U0001f3fd\u200d\u2695\ufe0f a\u0301\u0327 \U0001fa7a",
    # 200 code points: the tightest limit among the fields below (names and titles).
    "long": ("Ωμέγα \U0001fa7a <b>&amp; '\" " * 20)[:199] + "!",
}


def stored_verbatim(world: World, service: str, stream_id: str, value: str) -> None:
    strings = [s for event in world.stack.events(service, stream_id) for s in leaf_strings(event)]
    assert value in strings, f"not verbatim in the {service} events of {stream_id}"


def never_stored(world: World, service: str, stream_id: str, value: str) -> None:
    strings = [s for event in world.stack.events(service, stream_id) for s in leaf_strings(event)]
    assert strings, f"no {service} events for {stream_id}"
    assert value not in strings, f"{service} stored it in clear in {stream_id}'s events"


def checked(response: httpx.Response, *statuses: int) -> Any:
    assert response.status_code in (statuses or (200, 201)), response.text[:500]
    check_headers(response)
    return response.json() if response.content else None


def _org_name(world: World, value: str) -> None:
    admin = new_person("Injected Admin")
    created = checked(
        world.call("identity", "POST", "/v1/orgs", {}, json={"name": value, "admin": admin})
    )
    assert created["org"]["name"] == value
    org_id = created["org"]["id"]
    read = checked(
        world.call("identity", "GET", f"/v1/orgs/{org_id}", world.sign_in(admin["email"]))
    )
    assert read["name"] == value
    stored_verbatim(world, "identity", org_id, value)


def _display_name(world: World, value: str) -> None:
    body = {**new_person("Injected"), "display_name": value}
    created = checked(world.admin("identity", "POST", "/v1/users", json=body))
    assert created["display_name"] == value
    read = checked(world.admin("identity", "GET", f"/v1/users/{created['id']}"))
    assert read["display_name"] == value
    # Names travel sealed with the person's own key: never in clear in an event.
    never_stored(world, "identity", created["id"], value)


def _deactivation_reason(world: World, value: str) -> None:
    user_id = world.new_user()
    checked(
        world.admin("identity", "POST", f"/v1/users/{user_id}/deactivate", json={"reason": value})
    )
    stored_verbatim(world, "identity", user_id, value)


def _client_name(world: World, value: str) -> None:
    body = {"name": value, "scopes": ["events:read"]}
    created = checked(world.admin("identity", "POST", "/v1/clients", json=body))
    assert created["name"] == value
    listed = checked(world.admin("identity", "GET", "/v1/clients", params={"limit": 200}))["items"]
    assert [c["name"] for c in listed if c["client_id"] == created["client_id"]] == [value]
    stored_verbatim(world, "identity", created["client_id"], value)


def _team_name(world: World, value: str) -> None:
    created = checked(
        world.admin("teams", "POST", "/v1/teams", json={"name": value, "description": value})
    )
    assert (created["name"], created["description"]) == (value, value)
    team_id = created["id"]
    read = checked(world.admin("teams", "GET", f"/v1/teams/{team_id}"))
    assert (read["name"], read["description"]) == (value, value)
    fhir = checked(world.admin("teams", "GET", f"/v1/teams/{team_id}/fhir"))
    assert (fhir["name"], fhir["note"][0]["text"]) == (value, value)
    stored_verbatim(world, "teams", team_id, value)

    # ... and as insights projected it from the teams events.
    def projected() -> bool:
        path = f"/v1/orgs/{world.org_id}/teams"
        teams = checked(world.admin("insights", "GET", path, params={"limit": 200}))["items"]
        return any(t["id"] == team_id and t["name"] == value for t in teams)

    wait_for("insights to project the team's name", projected, every_s=0.1)


def _charter_text(world: World, value: str) -> None:
    team_id, _ = world.new_team()
    body = {**charter(goal_title=value), "vision": value, "norms": [value, "We listen"]}
    revised = checked(world.admin("teams", "PUT", f"/v1/teams/{team_id}/charter", json=body))
    read = checked(world.admin("teams", "GET", f"/v1/teams/{team_id}/charter"))
    for charter_out in (revised, read):
        assert charter_out["vision"] == value
        assert charter_out["norms"] == [value, "We listen"]
        assert charter_out["goals"][0]["title"] == value
    reviewed = checked(
        world.admin(
            "teams",
            "POST",
            f"/v1/teams/{team_id}/charter/reviews",
            json={"outcome": "reaffirmed", "notes": value},
        )
    )
    assert reviewed["last_review"]["notes"] == value
    stored_verbatim(world, "teams", team_id, value)


def _role_change_reason(world: World, value: str) -> None:
    team_id, _ = world.new_team()
    member = world.user_ids[TEAM_MEMBER]
    checked(
        world.admin(
            "teams",
            "PUT",
            f"/v1/teams/{team_id}/members/{member}/role",
            json={"role": "care_coordinator", "reason": value, "effective_date": today()},
        )
    )
    checked(world.admin("teams", "POST", f"/v1/teams/{team_id}/archive", json={"reason": value}))
    history = checked(world.admin("teams", "GET", f"/v1/teams/{team_id}/history"))["items"]
    reasons = [e["data"].get("reason") for e in history]
    assert reasons.count(value) == 2, reasons
    stored_verbatim(world, "teams", team_id, value)


def _action_text(world: World, value: str) -> None:
    action_id = world.new_action(title=value, why=value)
    path = f"/v1/teams/{world.team_id}/actions/{action_id}"
    checked(world.admin("teams", "POST", f"{path}/check-ins", json={"note": value}))
    dropped = checked(
        world.admin("teams", "PUT", f"{path}/status", json={"status": "dropped", "reason": value})
    )
    read = checked(world.admin("teams", "GET", path))
    for action in (dropped, read):
        assert action["title"] == action["why"] == action["drop_reason"] == value
        assert action["check_ins"][0]["note"] == value
    listed = checked(world.admin("teams", "GET", f"/v1/teams/{world.team_id}/actions"))
    assert value in [a["title"] for a in listed["items"]]
    stored_verbatim(world, "teams", action_id, value)


def _meeting_text(world: World, value: str) -> None:
    meeting_id = world.new_meeting(
        kind="retrospective",
        went_well=[value],
        to_change=[value],
        decisions=[{"text": value}],
    )
    read = checked(world.admin("teams", "GET", f"/v1/teams/{world.team_id}/meetings/{meeting_id}"))
    assert read["went_well"] == read["to_change"] == [value]
    assert read["decisions"][0]["text"] == value
    stored_verbatim(world, "teams", meeting_id, value)


def _campaign_title(world: World, value: str) -> None:
    campaign_id = world.new_campaign(title=value)
    read = checked(world.admin("assessments", "GET", f"/v1/campaigns/{campaign_id}"))
    assert read["title"] == value
    stored_verbatim(world, "assessments", campaign_id, value)


def _survey_comment(world: World, value: str) -> None:
    campaign_id = world.new_campaign()
    respondent = world.headers[TEAM_MEMBER]
    receipt = checked(
        world.call(
            "assessments",
            "POST",
            f"/v1/campaigns/{campaign_id}/responses",
            respondent,
            json={"answers": pulse_answers(), "comment": value},
        )
    )
    mine = checked(
        world.call("assessments", "GET", f"/v1/campaigns/{campaign_id}/responses/me", respondent)
    )
    assert mine["comment"] == value
    # A comment is private to its author: the response's event carries none.
    never_stored(world, "assessments", receipt["response_id"], value)


FIELDS: dict[str, Callable[[World, str], None]] = {
    "identity-org-name": _org_name,
    "identity-display-name": _display_name,
    "identity-deactivation-reason": _deactivation_reason,
    "identity-client-name": _client_name,
    "teams-name-description": _team_name,
    "teams-charter-vision-norms-goal-review": _charter_text,
    "teams-role-change-archive-reason": _role_change_reason,
    "teams-action-title-why-check-in-reason": _action_text,
    "teams-meeting-notes-decisions": _meeting_text,
    "assessments-campaign-title": _campaign_title,
    "assessments-survey-comment": _survey_comment,
}


@pytest.mark.parametrize("value", INJECTIONS.values(), ids=INJECTIONS.keys())
@pytest.mark.parametrize("field_name", FIELDS)
def test_free_text_is_stored_and_returned_verbatim(
    world: World, field_name: str, value: str
) -> None:
    FIELDS[field_name](world, value)


# Text that free-text fields must refuse: one character too many, nothing but spaces, and
# characters PostgreSQL cannot store (NUL) or UTF-8 cannot encode (a lone surrogate).
REFUSED = {
    "too-long": "x" * 201,
    "only-spaces": "   ",
    "nul": "before\x00after",
    "lone-surrogate": "before\ud800after",
}
REFUSING = {
    "identity-display-name": ("identity", "POST", "/v1/users", "display_name"),
    "teams-name": ("teams", "POST", "/v1/teams", "name"),
    "assessments-campaign-title": ("assessments", "POST", "/v1/campaigns", "title"),
}


@pytest.mark.parametrize("value", REFUSED.values(), ids=REFUSED.keys())
@pytest.mark.parametrize("field_name", REFUSING)
def test_text_a_field_refuses_is_a_422_problem_not_a_500(
    world: World, field_name: str, value: str
) -> None:
    service, method, path, key = REFUSING[field_name]
    bodies = {
        "identity-display-name": new_person("Refused"),
        "teams-name": {"name": "Refused team"},
        "assessments-campaign-title": {
            "team_id": world.team_id,
            "instrument_id": PULSE,
            "closes_at": in_a_week(),
        },
    }
    body = {**bodies[field_name], key: value}
    # ASCII JSON, so that a lone surrogate travels as the escape a client would send.
    headers = {**world.headers[ORG_ADMIN], "Content-Type": "application/json"}
    response = world.call(service, method, path, headers, content=json.dumps(body).encode())
    assert response.status_code == 422, response.text[:500]
    check_headers(response)
    assert response.headers["content-type"].startswith("application/problem+json")
