"""Properties of the User aggregate: the last active org admin is never lost, and the fold is
reproducible, whatever sequence of commands is tried."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from huddle_identity.domain import user as domain
from huddle_shared.contracts.identity import OrgRole, Profession
from huddle_shared.errors import Conflict, HuddleError
from huddle_shared.events import DomainEvent
from huddle_shared.personal import Sealed

T0 = datetime(2026, 3, 1, tzinfo=UTC)
SEALED = Sealed(kid="u", nonce="n", ct="c")
ROLE_SETS = st.frozensets(st.sampled_from(list(OrgRole)), min_size=0, max_size=3)

steps = st.lists(
    st.one_of(
        st.tuples(st.just("roles"), ROLE_SETS, st.integers(0, 2)),
        st.tuples(st.just("deactivate"), st.just(frozenset()), st.integers(0, 2)),
        st.tuples(st.just("reactivate"), st.just(frozenset()), st.integers(0, 2)),
        st.tuples(st.just("email"), st.just(frozenset()), st.integers(0, 2)),
        st.tuples(st.just("directory"), st.just(frozenset()), st.integers(0, 2)),
        st.tuples(st.just("erase"), st.just(frozenset()), st.integers(0, 2)),
        st.tuples(st.just("profile"), st.just(frozenset()), st.integers(0, 2)),
    ),
    max_size=25,
)


def decide(state: domain.User, step: tuple[str, frozenset[OrgRole], int]) -> list[DomainEvent]:
    kind, roles, others = step
    if kind == "roles":
        return domain.decide_set_org_roles(state, domain.SetOrgRoles(roles, "a", others))
    if kind == "deactivate":
        return domain.decide_deactivate_user(state, domain.DeactivateUser("a", "", others))
    if kind == "reactivate":
        return domain.decide_reactivate_user(state, domain.ReactivateUser("a"))
    if kind == "email":
        return domain.decide_change_email(state, domain.ChangeEmail(SEALED, "a"))
    if kind == "directory":
        entry = domain.DirectoryEntry(external_id=f"x{others}", user_name=SEALED)
        return domain.decide_set_directory_entry(state, domain.SetDirectoryEntry(entry, "a"))
    if kind == "erase":
        return domain.decide_erase_user(state, domain.EraseUser("a", others))
    return domain.decide_update_profile(
        state, domain.UpdateProfile(display_name=SEALED, profession=Profession.NURSE, actor="a")
    )


@settings(max_examples=300, deadline=None)
@given(steps)
def test_a_sole_admin_is_never_lost_and_the_fold_is_reproducible(
    script: list[tuple[str, frozenset[OrgRole], int]],
) -> None:
    registered = domain.decide_register_user(
        None,
        domain.RegisterUser(
            user_id="u",
            org_id="o",
            email=SEALED,
            display_name=SEALED,
            profession=Profession.PHYSICIAN,
            org_roles=frozenset({OrgRole.ORG_ADMIN}),
            actor=None,
        ),
    )
    history: list[DomainEvent] = list(registered)
    state = domain.evolve(None, registered[0], at=T0, version=1)
    for n, step in enumerate(script, start=1):
        was_admin = state.is_active_admin
        try:
            events = decide(state, step)
        except HuddleError:
            continue
        for event in events:
            history.append(event)
            state = domain.evolve(state, event, at=T0 + timedelta(days=n), version=len(history))
        if was_admin and step[2] == 0:
            assert state.is_active_admin, "the organisation's only active admin was lost"
        if state.status == domain.ERASED:
            assert state.email is None
            assert state.display_name is None
            assert state.directory == domain.DirectoryEntry(), "erasure empties the entry"
        assert state.org_roles or state.status != domain.ACTIVE, "an active person has a role"
    refolded = None
    for version, event in enumerate(history, start=1):
        refolded = domain.evolve(refolded, event, at=T0, version=version)
    assert refolded is not None
    assert (refolded.org_roles, refolded.status, refolded.version, refolded.directory) == (
        state.org_roles,
        state.status,
        state.version,
        state.directory,
    )


def test_deactivating_then_reactivating_gives_the_person_back_their_roles() -> None:
    registered = domain.decide_register_user(
        None,
        domain.RegisterUser(
            "u", "o", SEALED, SEALED, Profession.NURSE, frozenset({OrgRole.ANALYST}), None
        ),
    )
    state = domain.evolve(None, registered[0], at=T0, version=1)
    assert domain.decide_reactivate_user(state, domain.ReactivateUser("a")) == [], "active already"
    (deactivated,) = domain.decide_deactivate_user(state, domain.DeactivateUser("a", "left", 1))
    state = domain.evolve(state, deactivated, at=T0, version=2)
    (reactivated,) = domain.decide_reactivate_user(state, domain.ReactivateUser("a"))
    state = domain.evolve(state, reactivated, at=T0, version=3)
    assert (state.status, state.org_roles, state.version) == (
        domain.ACTIVE,
        frozenset({OrgRole.ANALYST}),
        3,
    )
    (erased,) = domain.decide_erase_user(state, domain.EraseUser("a", 1))
    state = domain.evolve(state, erased, at=T0, version=4)
    with pytest.raises(Conflict):
        domain.decide_reactivate_user(state, domain.ReactivateUser("a"))
