"""Properties of identity's two small aggregates: the Organization (a tenant) and the integration
Client of health-system IT.

- An organisation is created once, with a name that is not blank once trimmed; its one event
  folds into the same organisation however often it is replayed.
- A client is registered once, with a name that is not blank once trimmed and a non-empty set of
  known scopes; its scopes never change; once revoked it stays revoked, and revoking again records
  nothing.
- Refused commands raise the domain error (never a validation error from an event model) and
  emit nothing; the fold of the recorded events equals the live state; every event survives a trip
  through JSON and its contract model unchanged.

Names are drawn up to 200 characters, the bound the API's request bodies enforce (and the event
contracts too); text is arbitrary Unicode, including characters Python's ``str.strip`` removes but
the request validation's whitespace trimming keeps (such as U+001F).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from huddle_identity.domain.organization import (
    CLIENT_SCOPES,
    Client,
    CreateOrganization,
    Organization,
    RegisterClient,
    decide_create_organization,
    decide_register_client,
    decide_revoke_client,
    evolve_client,
    evolve_organization,
)
from huddle_shared.contracts import REGISTRY
from huddle_shared.contracts.identity import IntegrationClientRevoked, OrganizationCreated
from huddle_shared.errors import Conflict, DomainRuleViolated, HuddleError
from huddle_shared.events import DomainEvent

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
NAMES = st.one_of(
    st.text(max_size=200),
    st.text(st.sampled_from(" \t\n\x1c\x1d\x1e\x1f\x85\u00a0\u2028\u3000"), max_size=5),
    st.sampled_from(["Riverside Community Health", "  Padded  ", "Ünïcødé clinic"]),
)
SCOPES = st.frozensets(st.sampled_from(sorted(CLIENT_SCOPES | {"teams:write", "admin", ""})))


def assert_round_trips(event: DomainEvent) -> None:
    wire = json.loads(json.dumps(event.model_dump(mode="json")))
    assert REGISTRY.decode(event.event_type, wire) == event


@settings(max_examples=300, deadline=None)
@given(name=NAMES)
def test_an_organisation_needs_a_name_is_created_once_and_folds_the_same(name: str) -> None:
    command = CreateOrganization(org_id="o", name=name, first_admin_id="admin")
    try:
        events = decide_create_organization(None, command)
    except DomainRuleViolated:
        assert not name.strip()
        return
    assert name.strip(), f"an organisation was created with the blank name {name!r}"
    assert events == [OrganizationCreated(org_id="o", name=name.strip(), first_admin_id="admin")]
    assert_round_trips(events[0])

    org = evolve_organization(None, events[0], at=T0, version=1)
    assert org == Organization(id="o", name=name.strip(), created_at=T0, version=1)
    assert evolve_organization(None, events[0], at=T0, version=1) == org
    with pytest.raises(Conflict):
        decide_create_organization(org, command)


def test_an_organisation_folds_only_its_own_events() -> None:
    stray = IntegrationClientRevoked(client_id="c", org_id="o", revoked_by="a")
    with pytest.raises(ValueError, match="unknown organisation event"):
        evolve_organization(None, stray, at=T0, version=1)


@dataclass(frozen=True)
class Register:
    name: str
    scopes: frozenset[str]


@dataclass(frozen=True)
class Revoke:
    actor: str


client_steps = st.lists(
    st.one_of(st.builds(Register, NAMES, SCOPES), st.builds(Revoke, st.sampled_from("ab"))),
    max_size=12,
)


def refused_registration(name: str, scopes: frozenset[str]) -> bool:
    return not name.strip() or not scopes or not scopes <= CLIENT_SCOPES


@settings(max_examples=300, deadline=None)
@given(name=NAMES, scopes=SCOPES, script=client_steps)
def test_a_client_keeps_its_scopes_stays_revoked_and_folds_the_same(
    name: str, scopes: frozenset[str], script: list[Register | Revoke]
) -> None:
    register = RegisterClient(client_id="c", org_id="o", name=name, scopes=scopes, actor="admin")
    if refused_registration(name, scopes):
        with pytest.raises(HuddleError) as refused:
            decide_register_client(None, register)
        assert type(refused.value) is DomainRuleViolated, f"{name!r} {sorted(scopes)}"
        return
    history: list[DomainEvent] = decide_register_client(None, register)
    state = evolve_client(None, history[0], at=T0, version=1)
    assert (state.name, state.scopes, state.revoked) == (name.strip(), scopes, False)

    for day, step in enumerate(script, start=1):
        before = state
        if isinstance(step, Register):
            again = RegisterClient("c", "o", step.name, step.scopes, "admin")
            with pytest.raises(Conflict):
                decide_register_client(state, again)
            assert state == before
            continue
        events = decide_revoke_client(state, step.actor)
        if before.revoked:
            assert events == [], "revoking a revoked client records something"
        else:
            assert events == [
                IntegrationClientRevoked(client_id="c", org_id="o", revoked_by=step.actor)
            ]
        for event in events:
            history.append(event)
            state = evolve_client(state, event, at=T0 + timedelta(days=day), version=len(history))

        assert state.revoked or not before.revoked, "a revoked client came back"
        assert (state.id, state.org_id, state.name, state.scopes) == (
            before.id,
            before.org_id,
            before.name,
            before.scopes,
        )
        assert state.scopes and state.scopes <= CLIENT_SCOPES
        assert state.version == len(history)

    refolded: Client | None = None
    for version, event in enumerate(history, start=1):
        refolded = evolve_client(refolded, event, at=T0, version=version)
    assert refolded == state
    for event in history:
        assert_round_trips(event)
