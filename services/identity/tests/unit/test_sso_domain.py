"""Single sign-on's pure rules: a connection's settings, and what an ID token's claims may do."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from huddle_identity.domain.sso import (
    ClaimsRefused,
    ConfigureSso,
    SsoSettings,
    decide_configure,
    decide_remove,
    map_claims,
    validated,
)
from huddle_shared.contracts.identity import (
    OrgRole,
    Profession,
    SsoConnectionConfigured,
    SsoConnectionRemoved,
)
from huddle_shared.errors import DomainRuleViolated


def settings(**changes: object) -> SsoSettings:
    values: dict[str, object] = {
        "issuer": "https://login.example.org/realms/northside/",
        "client_id": " huddle ",
        "email_domains": ("Northside.Example", "northside.example", "clinic.example."),
        "claims": {"org_roles": "groups", "profession": "job"},
        "role_values": {"huddle-admins": OrgRole.ORG_ADMIN},
        "create_people": True,
        "required": False,
    }
    values.update(changes)
    return SsoSettings(**values)  # type: ignore[arg-type]


def test_settings_are_normalised() -> None:
    s = validated(settings())
    assert s.issuer == "https://login.example.org/realms/northside"
    assert s.client_id == "huddle"
    assert s.email_domains == ("northside.example", "clinic.example")
    assert s.claims == {
        "email": "email",
        "name": "name",
        "org_roles": "groups",
        "profession": "job",
    }
    assert validated(s) == s


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"issuer": "ftp://x.example"}, "https URL"),
        ({"issuer": "https://x.example/?a=1"}, "query"),
        ({"client_id": "  "}, "client id"),
        ({"email_domains": ()}, "at least one email domain"),
        ({"email_domains": ("not a domain",)}, "not an email domain"),
        ({"claims": {"password": "pw"}}, "unknown attribute"),
        ({"claims": {"email": "bad claim!"}}, "claim name"),
        ({"claims": {}, "role_values": {"x": OrgRole.ANALYST}}, "org_roles claim"),
    ],
)
def test_invalid_settings_name_the_reason(changes: dict[str, object], reason: str) -> None:
    with pytest.raises(DomainRuleViolated, match=reason):
        validated(settings(**changes))


def test_configuring_the_same_settings_again_changes_nothing() -> None:
    command = ConfigureSso(org_id="o", settings=settings(), actor="admin")
    (event,) = decide_configure(None, command)
    assert isinstance(event, SsoConnectionConfigured)
    assert event.email_domains == ["northside.example", "clinic.example"]
    assert decide_configure(validated(settings()), command) == []
    assert decide_remove(None, "o", "admin") == []
    assert decide_remove(validated(settings()), "o", "admin") == [
        SsoConnectionRemoved(org_id="o", removed_by="admin")
    ]


def test_claims_map_onto_a_person() -> None:
    person = map_claims(
        validated(settings()),
        {
            "sub": "kc-123",
            "email": "Lena.Park@Northside.example",
            "email_verified": True,
            "name": "Lena Park",
            "job": "Nurse_Practitioner",
            "groups": ["huddle-admins", "other"],
        },
    )
    assert person.subject == "kc-123"
    assert person.email == "lena.park@northside.example"
    assert person.profession is Profession.NURSE_PRACTITIONER
    assert person.org_roles == {OrgRole.MEMBER, OrgRole.ORG_ADMIN}


@pytest.mark.parametrize(
    ("claims", "reason"),
    [
        ({"email": "a@northside.example"}, "missing_subject"),
        ({"sub": "s"}, "missing_email"),
        ({"sub": "s", "email": "a@northside.example", "email_verified": False}, "email_unverified"),
        ({"sub": "s", "email": "a@elsewhere.example"}, "domain_not_allowed"),
        ({"sub": "s", "email": "a@sub.northside.example"}, "domain_not_allowed"),
    ],
)
def test_claims_that_cannot_sign_anyone_in(claims: dict[str, object], reason: str) -> None:
    with pytest.raises(ClaimsRefused) as refused:
        map_claims(validated(settings()), claims)
    assert refused.value.reason == reason


@given(
    local=st.from_regex(r"[a-z0-9.]{1,20}", fullmatch=True),
    domain=st.sampled_from(["northside.example", "clinic.example"])
    | st.from_regex(r"[a-z]{1,10}\.(example|org|com)", fullmatch=True),
    groups=st.lists(st.sampled_from(["huddle-admins", "x", "y"]), max_size=4),
    profession=st.text(max_size=20),
)
def test_a_person_is_always_a_member_and_of_an_allowed_domain(
    local: str, domain: str, groups: list[str], profession: str
) -> None:
    s = validated(settings())
    claims = {"sub": "s", "email": f"{local}@{domain}", "groups": groups, "job": profession}
    if domain not in s.email_domains:
        with pytest.raises(ClaimsRefused) as refused:
            map_claims(s, claims)
        assert refused.value.reason == "domain_not_allowed"
        return
    person = map_claims(s, claims)
    assert person.email.rpartition("@")[2] in s.email_domains
    assert OrgRole.MEMBER in person.org_roles
    assert (OrgRole.ORG_ADMIN in person.org_roles) == ("huddle-admins" in groups)
    assert person.profession in set(Profession)
