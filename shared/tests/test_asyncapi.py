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
    assert len(specs) == len(doc["components"]["messages"])
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
