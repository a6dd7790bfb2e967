"""Keycloak realm representations the project owns: the dev stack's realm and its parts.

The dev stack imports ``huddle-dev`` (realm_file()): an organisation's identity provider as
Huddle's identity service will meet it, with a confidential OpenID Connect client
``huddle-identity`` whose one redirect URI is identity's SSO callback, and two clinicians of a
``northside.example`` organisation. The same builders give the test tooling (testing/keycloak.py)
its clients and users through the admin REST API, so both describe a client the same way.
The JSON is Keycloak's RealmRepresentation, as its admin API and `--import-realm` read it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

DEV_REALM = "huddle-dev"
DEV_CLIENT_ID = "huddle-identity"
# Dev only: the realm file is generated on a developer's machine and never leaves it.
DEV_CLIENT_SECRET = "huddle-identity-dev-secret"  # noqa: S105
DEV_USER_PASSWORD = "northside: dev sign-in"  # noqa: S105
SSO_CALLBACK_PATH = "/v1/auth/sso/callback"
PROFESSION = "profession"


@dataclass(frozen=True)
class RealmUser:
    """A person of the organisation, as its identity provider knows them."""

    email: str
    first_name: str
    last_name: str
    password: str
    attributes: Mapping[str, str] = field(default_factory=dict)

    @property
    def username(self) -> str:
        return self.email


DEV_USERS = (
    RealmUser(
        "amara.okafor@northside.example",
        "Amara",
        "Okafor",
        DEV_USER_PASSWORD,
        {PROFESSION: "physician"},
    ),
    RealmUser(
        "lena.park@northside.example", "Lena", "Park", DEV_USER_PASSWORD, {PROFESSION: "nurse"}
    ),
)


def sso_callback(identity_url: str) -> str:
    """The identity service's SSO callback: the one redirect URI its client registers."""
    return identity_url.rstrip("/") + SSO_CALLBACK_PATH


def attribute_claim_mapper(attribute: str, claim: str | None = None) -> dict[str, Any]:
    """A protocol mapper that puts a user attribute into the ID token, access token and
    userinfo as a string claim."""
    return {
        "name": attribute,
        "protocol": "openid-connect",
        "protocolMapper": "oidc-usermodel-attribute-mapper",
        "consentRequired": False,
        "config": {
            "user.attribute": attribute,
            "claim.name": claim or attribute,
            "jsonType.label": "String",
            "id.token.claim": "true",
            "access.token.claim": "true",
            "userinfo.token.claim": "true",
            "introspection.token.claim": "true",
            "multivalued": "false",
        },
    }


def confidential_client(
    client_id: str,
    *,
    secret: str,
    redirect_uri: str,
    claims_from_attributes: Sequence[str] = (PROFESSION,),
) -> dict[str, Any]:
    """A confidential OpenID Connect client for the authorization-code flow only: one exact
    redirect URI, PKCE with S256 required, no implicit, password or client-credentials grant."""
    return {
        "clientId": client_id,
        "name": client_id,
        "enabled": True,
        "protocol": "openid-connect",
        "publicClient": False,
        "clientAuthenticatorType": "client-secret",
        "secret": secret,
        "standardFlowEnabled": True,
        "implicitFlowEnabled": False,
        "directAccessGrantsEnabled": False,
        "serviceAccountsEnabled": False,
        "consentRequired": False,
        "frontchannelLogout": False,
        "redirectUris": [redirect_uri],
        "webOrigins": [],
        "attributes": {
            "pkce.code.challenge.method": "S256",
            "post.logout.redirect.uris": "",
        },
        "protocolMappers": [attribute_claim_mapper(name) for name in claims_from_attributes],
    }


def user(person: RealmUser) -> dict[str, Any]:
    """A UserRepresentation: enabled, email verified, a permanent password, no pending action."""
    return {
        "username": person.username,
        "email": person.email,
        "emailVerified": True,
        "firstName": person.first_name,
        "lastName": person.last_name,
        "enabled": True,
        "attributes": {key: [value] for key, value in person.attributes.items()},
        "credentials": [{"type": "password", "value": person.password, "temporary": False}],
        "requiredActions": [],
    }


def profile_attribute(name: str) -> dict[str, Any]:
    """A user-profile attribute that admins edit and the person may only see.

    Keycloak (24 and later) keeps only declared attributes; one not declared here would be
    dropped from the user and so never reach a token.
    """
    return {
        "name": name,
        "displayName": name.capitalize(),
        "validations": {"length": {"max": 255}},
        "permissions": {"view": ["admin", "user"], "edit": ["admin"]},
        "multivalued": False,
    }


def _standard_attribute(name: str, validations: Mapping[str, Any]) -> dict[str, Any]:
    both = ["admin", "user"]
    return {
        "name": name,
        "displayName": "${" + name + "}",
        "validations": dict(validations),
        "permissions": {"view": both, "edit": both},
        "multivalued": False,
        **({} if name == "username" else {"required": {"roles": ["user"]}}),
    }


def user_profile(extra_attributes: Sequence[str] = (PROFESSION,)) -> dict[str, Any]:
    """Keycloak's default user profile of a new realm, with extra_attributes declared too."""
    name_rules = {"length": {"max": 255}, "person-name-prohibited-characters": {}}
    standard = [
        _standard_attribute(
            "username",
            {
                "length": {"min": 3, "max": 255},
                "username-prohibited-characters": {},
                "up-username-not-idn-homograph": {},
            },
        ),
        _standard_attribute("email", {"email": {}, "length": {"max": 255}}),
        _standard_attribute("firstName", name_rules),
        _standard_attribute("lastName", name_rules),
    ]
    return {
        "attributes": [*standard, *(profile_attribute(name) for name in extra_attributes)],
        "groups": [
            {
                "name": "user-metadata",
                "displayHeader": "User metadata",
                "displayDescription": "Attributes, which refer to user metadata",
            }
        ],
    }


def realm(
    name: str,
    *,
    display_name: str,
    clients: Sequence[Mapping[str, Any]] = (),
    users: Sequence[RealmUser] = (),
    extra_attributes: Sequence[str] = (PROFESSION,),
) -> dict[str, Any]:
    """A RealmRepresentation, enabled, with its user profile declaring extra_attributes."""
    return {
        "realm": name,
        "displayName": display_name,
        "enabled": True,
        "loginWithEmailAllowed": True,
        "duplicateEmailsAllowed": False,
        "registrationAllowed": False,
        "resetPasswordAllowed": False,
        "rememberMe": False,
        "components": {
            "org.keycloak.userprofile.UserProfileProvider": [
                {
                    "providerId": "declarative-user-profile",
                    "subComponents": {},
                    "config": {
                        "kc.user.profile.config": [json.dumps(user_profile(extra_attributes))]
                    },
                }
            ]
        },
        "clients": [dict(client) for client in clients],
        "users": [user(person) for person in users],
    }


def dev_realm(*, identity_url: str) -> dict[str, Any]:
    """The dev stack's realm: Northside Health's identity provider for Huddle's identity."""
    client = confidential_client(
        DEV_CLIENT_ID, secret=DEV_CLIENT_SECRET, redirect_uri=sso_callback(identity_url)
    )
    return realm(
        DEV_REALM,
        display_name="Northside Health (dev identity provider)",
        clients=[client],
        users=DEV_USERS,
    )


def realm_file(representation: Mapping[str, Any]) -> str:
    """The realm as the JSON file `--import-realm` reads, stable for the same input."""
    return json.dumps(representation, indent=2, sort_keys=True) + "\n"
