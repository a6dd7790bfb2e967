"""A person as a SCIM User and back, and the org roles as groups: pure, no database."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scim2_models import (
    Context,
    Email,
    EnterpriseUser,
    InvalidValueException,
    Name,
    PatchOp,
)

from huddle_identity.api.scim import mapping
from huddle_identity.api.scim.resources import (
    POLICY,
    HuddleUser,
    ScimUser,
    group_id,
    role_of_group,
)
from huddle_identity.application.directory import DirectoryPerson
from huddle_identity.projections.people import DirectoryValues
from huddle_shared.contracts.identity import OrgRole, Profession

BASE = "https://identity.example/scim/v2"
T0 = datetime(2026, 3, 1, tzinfo=UTC)

names = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cc"]), min_size=1, max_size=60
).filter(lambda s: s.strip() == s and bool(s))
optional_names = st.none() | names
locals_ = st.from_regex(r"[a-z][a-z0-9.]{0,20}[a-z0-9]", fullmatch=True).filter(
    lambda s: ".." not in s
)


@st.composite
def people(draw: st.DrawFn) -> DirectoryPerson:
    email = f"{draw(locals_)}@riverside.example"
    user_name = draw(st.none() | st.just(email.upper()) | names)
    return DirectoryPerson(
        id=draw(st.uuids()).hex,
        org_id="org-1",
        email=email,
        display_name=draw(names),
        directory=DirectoryValues(
            external_id=draw(optional_names),
            user_name=user_name,
            given_name=draw(optional_names),
            family_name=draw(optional_names),
            department=draw(optional_names),
        ),
        profession=draw(st.sampled_from(list(Profession))),
        org_roles=draw(st.frozensets(st.sampled_from(list(OrgRole)), min_size=1)),
        status=draw(st.sampled_from(["active", "deactivated"])),
        created_at=T0,
        updated_at=T0,
        version=draw(st.integers(1, 10_000)),
    )


@given(people())
def test_a_person_read_back_from_their_scim_user_is_the_same_person(
    person: DirectoryPerson,
) -> None:
    user = mapping.user_resource(person, base_url=BASE)
    wire = user.model_dump(scim_ctx=Context.RESOURCE_QUERY_RESPONSE)
    sent_back = ScimUser.model_validate(wire, scim_ctx=Context.RESOURCE_REPLACEMENT_REQUEST)
    wanted = mapping.wanted_person(sent_back)
    assert wanted.email == person.email
    assert wanted.display_name == person.display_name
    assert wanted.directory == DirectoryValues(
        external_id=person.directory.external_id,
        user_name=person.user_name,
        given_name=person.directory.given_name,
        family_name=person.directory.family_name,
        department=person.directory.department,
    )
    assert wanted.profession == person.profession
    assert wanted.active is person.active
    assert wanted.password is None
    assert wire["meta"]["version"] == f'W/"{person.version}"'
    assert {g["value"] for g in wire.get("groups", [])} == {
        group_id(person.org_id, role) for role in person.org_roles
    }


@given(people())
def test_a_patch_that_changes_nothing_wants_the_person_as_they_are(
    person: DirectoryPerson,
) -> None:
    user = mapping.user_resource(person, base_url=BASE, for_patch=True)
    before = mapping.wanted_person(user)
    unchanged = PatchOp[ScimUser].model_validate(
        {
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            "Operations": [{"op": "Replace", "path": "active", "value": person.active}],
        },
        scim_ctx=Context.RESOURCE_PATCH_REQUEST,
        scim_policy=POLICY,
    )
    unchanged.patch(user, scim_policy=POLICY)
    assert mapping.wanted_person(user) == before


def test_the_work_address_entra_patches_is_the_one_huddle_keeps() -> None:
    person = DirectoryPerson(
        id="u-1",
        org_id="org-1",
        email="old@riverside.example",
        display_name="Lena Park",
        directory=DirectoryValues(user_name="lena@riverside.example"),
        profession=Profession.NURSE,
        org_roles=frozenset({OrgRole.MEMBER}),
        status="active",
        created_at=T0,
        updated_at=T0,
        version=2,
    )
    user = mapping.user_resource(person, base_url=BASE, for_patch=True)
    PatchOp[ScimUser].model_validate(
        {
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            "Operations": [
                {"op": "Replace", "path": 'emails[type eq "work"].value', "value": "New@X.org"}
            ],
        },
        scim_ctx=Context.RESOURCE_PATCH_REQUEST,
        scim_policy=POLICY,
    ).patch(user, scim_policy=POLICY)
    assert mapping.wanted_person(user).email == "new@x.org"


def _user(**values: object) -> ScimUser:
    return ScimUser.model_validate(
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], **values},
        scim_ctx=Context.RESOURCE_CREATION_REQUEST,
    )


@pytest.mark.parametrize(
    ("emails", "user_name", "chosen"),
    [
        ([], "Lena@Riverside.example", "lena@riverside.example"),
        (
            [
                {"value": "home@x.org", "type": "home"},
                {"value": "work@x.org", "type": "work"},
                {"value": "main@x.org", "type": "other", "primary": True},
            ],
            "lena",
            "main@x.org",
        ),
        (
            [{"value": "home@x.org", "type": "home"}, {"value": "work@x.org", "type": "work"}],
            "l",
            "work@x.org",
        ),
        ([{"value": "first@x.org"}, {"value": "second@x.org"}], "l", "first@x.org"),
    ],
)
def test_the_one_address_is_the_primary_then_the_work_one_then_the_first(
    emails: list[dict[str, object]], user_name: str, chosen: str
) -> None:
    wanted = mapping.wanted_person(_user(userName=user_name, emails=emails))
    assert wanted.email == chosen
    assert wanted.directory.user_name == user_name


def test_missing_parts_are_made_up_and_unusable_ones_refused() -> None:
    wanted = mapping.wanted_person(_user(userName="lp@x.org", name={"givenName": "Lena"}))
    assert (wanted.display_name, wanted.profession, wanted.active) == ("Lena", None, None)
    assert mapping.wanted_person(_user(userName="lp@x.org")).display_name == "lp@x.org"
    for bad in (
        _user(userName="no-address"),
        _user(userName="lp@x.org", displayName="x" * 201),
        _user(userName="lp@x.org", externalId="e" * 256),
        _user(userName="lp@x.org", displayName="nul\x00"),
    ):
        with pytest.raises(InvalidValueException) as refused:
            mapping.wanted_person(bad)
        assert "x" * 201 not in refused.value.detail, "no value is echoed"


def test_the_extensions_carry_department_and_profession() -> None:
    user = _user(userName="lp@x.org", emails=[Email(value="lp@x.org").model_dump()])
    user[EnterpriseUser] = EnterpriseUser(department="  Emergency ")
    user[HuddleUser] = HuddleUser(profession=Profession.PHARMACIST)
    user.name = Name(given_name=" ", family_name="Park")
    wanted = mapping.wanted_person(user)
    assert (wanted.directory.department, wanted.profession) == ("Emergency", Profession.PHARMACIST)
    assert (wanted.directory.given_name, wanted.directory.family_name) == (None, "Park")


@given(st.uuids(), st.uuids())
def test_group_ids_are_stable_and_no_two_organisations_share_one(a: object, b: object) -> None:
    first, second = str(a), str(b)
    ids = {group_id(org, role) for org in (first, second) for role in OrgRole}
    assert len(ids) == (3 if first == second else 6)
    for role in OrgRole:
        assert group_id(first, role) == group_id(first, role)
        assert role_of_group(first, group_id(first, role)) == role
        if first != second:
            assert role_of_group(second, group_id(first, role)) is None


def test_a_group_lists_the_role_holders_and_its_version_follows_them() -> None:
    person = DirectoryPerson(
        id="u-1",
        org_id="org-1",
        email="a@x.org",
        display_name="A",
        directory=DirectoryValues(),
        profession=Profession.NURSE,
        org_roles=frozenset({OrgRole.ANALYST}),
        status="active",
        created_at=T0,
        updated_at=T0,
        version=1,
    )
    group = mapping.group_resource("org-1", OrgRole.ANALYST, [person], base_url=BASE)
    assert group.display_name == "Huddle analysts"
    assert mapping.member_ids(group) == {"u-1"}
    empty = mapping.group_resource("org-1", OrgRole.ANALYST, [], base_url=BASE)
    assert empty.members is None
    assert group.meta is not None and empty.meta is not None
    assert group.meta.version != empty.meta.version
