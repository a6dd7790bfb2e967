from __future__ import annotations

from pathlib import Path

from huddle_shared.asyncapi import build_document, render
from huddle_shared.contracts import REGISTRY
from huddle_shared.contracts.integration import INTEGRATION_REGISTRY

COMMITTED = Path(__file__).parents[2] / "docs" / "asyncapi.json"


def test_the_committed_asyncapi_document_is_current() -> None:
    assert COMMITTED.read_text() == render(REGISTRY, INTEGRATION_REGISTRY), (
        "docs/asyncapi.json is stale: run `make asyncapi` and commit the result"
    )


def test_every_event_type_has_a_message_on_its_topic_with_key_and_headers() -> None:
    doc = build_document(REGISTRY, integration=INTEGRATION_REGISTRY)
    assert doc["asyncapi"] == "3.0.0"
    specs = [*REGISTRY.specs.items(), *INTEGRATION_REGISTRY.specs.items()]
    retired = [*REGISTRY.retired, *INTEGRATION_REGISTRY.retired]
    assert len(specs) + len(retired) == len(doc["components"]["messages"])
    for type_name, spec in specs:
        channel = doc["channels"][spec.topic.name.replace("{org_id}", "org_id")]
        name = type_name.replace(".", "_")
        assert name in channel["messages"]
        message = doc["components"]["messages"][name]
        assert message["name"] == type_name
        assert message["bindings"]["kafka"]["key"]["type"] == "string"
        assert message["headers"] == {"$ref": "#/components/schemas/CloudEventHeaders"}
        model = message["payload"]["$ref"].rsplit("/", 1)[1]
        assert model in doc["components"]["schemas"]


def test_the_integration_events_have_their_own_channel_one_topic_per_organisation() -> None:
    doc = build_document(REGISTRY, integration=INTEGRATION_REGISTRY)
    channel = doc["channels"]["integration.org_id.v1"]
    assert channel["address"] == "integration.{org_id}.v1"
    assert set(channel["parameters"]) == {"org_id"}
    assert set(channel["messages"]) == {t.replace(".", "_") for t in INTEGRATION_REGISTRY.specs}
    # The public contract's models never share a schema with the domain events'.
    created = doc["components"]["messages"]["huddle_integration_team_created_v1"]
    assert created["payload"] == {"$ref": "#/components/schemas/IntegrationTeamCreated"}
    assert "name" in doc["components"]["schemas"]["TeamCreated"]["required"]


def test_every_reference_in_the_document_resolves() -> None:
    doc = build_document(REGISTRY, integration=INTEGRATION_REGISTRY)

    def refs(node: object) -> list[str]:
        if isinstance(node, dict):
            found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
            return found + [r for v in node.values() for r in refs(v)]
        if isinstance(node, list):
            return [r for v in node for r in refs(v)]
        return []

    for ref in refs(doc):
        target: object = doc
        for part in ref.removeprefix("#/").split("/"):
            assert isinstance(target, dict) and part in target, ref
            target = target[part]


def test_a_retired_type_stays_listed_on_its_channel_deprecated_but_is_not_sent() -> None:
    """The topic keeps v1 role changes from before v2: a reader from the start meets them."""
    doc = build_document(REGISTRY, integration=INTEGRATION_REGISTRY)
    channel = doc["channels"]["teams.team.v1"]
    v1, v2 = "huddle_teams_member_role_changed_v1", "huddle_teams_member_role_changed_v2"
    assert {v1, v2} <= set(channel["messages"])
    retired = doc["components"]["messages"][v1]
    assert retired["description"].startswith("Deprecated")
    assert "huddle.teams.member_role_changed.v2" in retired["description"]
    schemas = doc["components"]["schemas"]
    assert schemas["MemberRoleChangedV1"]["deprecated"] is True
    assert "category" not in schemas["MemberRoleChangedV1"]["required"]
    assert "category" in schemas["MemberRoleChanged"]["required"]
    sent = doc["operations"]["teams_publishes_team"]["messages"]
    assert {"$ref": f"#/channels/teams.team.v1/messages/{v2}"} in sent
    assert {"$ref": f"#/channels/teams.team.v1/messages/{v1}"} not in sent
