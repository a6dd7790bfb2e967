"""Who may do what in identity, as pure functions of the caller: no database, no HTTP."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import pytest

from huddle_identity.application import access
from huddle_shared.auth import Principal
from huddle_shared.errors import Forbidden, HuddleError, NotFound


def caller(*roles: str, kind: Literal["user", "client"] = "user") -> Principal:
    return Principal("u-1", "org-1", frozenset(roles), frozenset(), kind)


ADMIN, ANALYST, MEMBER = caller("org_admin"), caller("analyst"), caller("member")
CLIENT = caller(kind="client")


def outcome(check: Callable[[], None]) -> type[HuddleError] | None:
    try:
        check()
    except HuddleError as exc:
        return type(exc)
    return None


@pytest.mark.parametrize(
    ("principal", "admin", "list_people", "read_people", "me"),
    [
        (ADMIN, None, None, None, None),
        (ANALYST, Forbidden, None, None, None),
        (MEMBER, Forbidden, None, None, None),
        (CLIENT, Forbidden, Forbidden, Forbidden, NotFound),
    ],
)
def test_the_matrix_of_callers(
    principal: Principal,
    admin: type[HuddleError] | None,
    list_people: type[HuddleError] | None,
    read_people: type[HuddleError] | None,
    me: type[HuddleError] | None,
) -> None:
    assert outcome(lambda: access.ensure_org_admin(principal)) is admin
    assert outcome(lambda: access.ensure_can_list_people(principal)) is list_people
    assert outcome(lambda: access.ensure_can_read_people(principal)) is read_people
    assert outcome(lambda: access.ensure_is_a_person(principal)) is me


def test_another_organisation_is_absent_rather_than_forbidden() -> None:
    access.ensure_same_organisation(MEMBER, org_id="org-1")
    with pytest.raises(NotFound):
        access.ensure_same_organisation(ADMIN, org_id="org-2")


@pytest.mark.parametrize(
    ("principal", "user_id", "changes_roles", "allowed"),
    [
        (MEMBER, "u-1", False, True),  # one's own name and profession
        (MEMBER, "u-1", True, False),  # not one's own roles
        (MEMBER, "u-2", False, False),  # nor someone else's profile
        (ADMIN, "u-2", True, True),
        (ADMIN, "u-1", True, True),
        (CLIENT, "u-2", False, False),
    ],
)
def test_who_may_update_a_person(
    principal: Principal, user_id: str, changes_roles: bool, allowed: bool
) -> None:
    check = lambda: access.ensure_can_update_person(  # noqa: E731
        principal, user_id=user_id, changes_roles=changes_roles
    )
    assert outcome(check) is (None if allowed else Forbidden)


def test_emails_are_for_org_admins_and_the_person() -> None:
    assert access.may_see_email(MEMBER, user_id="u-1")
    assert not access.may_see_email(MEMBER, user_id="u-2")
    assert access.may_see_email(ADMIN, user_id="u-2")


def test_scim_is_for_integration_clients_holding_the_scim_scope_only() -> None:
    connector = Principal("c-1", "org-1", frozenset(), frozenset({"scim"}), "client")
    admin_with_scope = Principal(
        "u-1", "org-1", frozenset({"org_admin"}), frozenset({"scim"}), "user"
    )
    assert outcome(lambda: access.ensure_scim_connector(connector)) is None
    for refused in (ADMIN, MEMBER, CLIENT, admin_with_scope):
        with pytest.raises(Forbidden):
            access.ensure_scim_connector(refused)
