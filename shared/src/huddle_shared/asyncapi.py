"""The AsyncAPI 3.0 document of every topic, message, key and header, from the registry."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from huddle_shared.events import EventRegistry, Topic
from huddle_shared.schema.history import (
    ACCEPTED_FILE,
    committed_documents,
    load_accepted,
    unaccepted_breaks,
)

REF = "#/components/schemas/{model}"
_PARAMETER = re.compile(r"\{([A-Za-z0-9_]+)\}")
PARAMETER_DESCRIPTIONS = {"org_id": "The organisation's id (its tenant id)."}

CLOUDEVENT_HEADERS: dict[str, Any] = {
    "type": "object",
    "description": "CloudEvents 1.0 attributes in Kafka binary content mode, plus W3C trace "
    "context.",
    "required": [
        "ce_specversion",
        "ce_id",
        "ce_source",
        "ce_type",
        "ce_time",
        "ce_subject",
        "ce_tenantid",
        "ce_streamversion",
        "content-type",
    ],
    "properties": {
        "ce_specversion": {"type": "string", "const": "1.0"},
        "ce_id": {"type": "string", "format": "uuid", "description": "The event id; unique."},
        "ce_source": {"type": "string", "description": "The producing service, huddle/<name>."},
        "ce_type": {"type": "string", "description": "The versioned event type."},
        "ce_time": {"type": "string", "format": "date-time", "description": "When recorded."},
        "ce_subject": {"type": "string", "description": "The aggregate id (also the key)."},
        "ce_tenantid": {"type": "string", "description": "The organisation (tenant) id."},
        "ce_streamversion": {
            "type": "string",
            "pattern": "^[1-9][0-9]*$",
            "description": "The event's version in its aggregate stream; consumers drop "
            "duplicates with it (at or below the last applied version).",
        },
        "content-type": {"type": "string", "const": "application/json"},
        "traceparent": {"type": "string", "description": "W3C trace context of the cause."},
        "tracestate": {"type": "string"},
    },
}


def _message_name(type_name: str) -> str:
    return type_name.replace(".", "_")


def build_document(
    registry: EventRegistry,
    *,
    integration: EventRegistry | None = None,
    version: str = "1.0.0",
) -> dict[str, Any]:
    """Every topic of ``registry``, then the integration events (their own channel, one topic
    per organisation, and their schemas under an ``Integration`` prefix: the names of the
    public contract must not clash with the domain events they are made from)."""
    schemas: dict[str, Any] = {"CloudEventHeaders": CLOUDEVENT_HEADERS}
    messages: dict[str, Any] = {}
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    parts = (schemas, messages, channels, operations)
    _add_registry(registry, *parts, prefix="")
    if integration is not None:
        _add_registry(integration, *parts, prefix="Integration")
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "Huddle events",
            "version": version,
            "description": "Domain events of the Huddle services on Kafka, as CloudEvents in "
            "binary content mode. Topics are <service>.<aggregate>.v<n>, keyed by aggregate "
            "id; event types are additive-only within a version (a change that old events "
            "would not satisfy is a new type v<n+1>; the retired type stays listed, deprecated, "
            "since the topics keep its events, and readers upcast it). The integration events "
            "(huddle.integration.*) are the public contract for health-system IT: on each "
            "organisation's own topic integration.<org id>.v1 here, and the same events (same "
            "ids) by webhook and by the HTTP feed, as structured CloudEvents JSON; see "
            "docs/integration.md.",
        },
        "defaultContentType": "application/json",
        "servers": {
            "local": {
                "host": "127.0.0.1:59092",
                "protocol": "kafka",
                "description": "The local development broker started by `make run`.",
            }
        },
        "channels": channels,
        "operations": operations,
        "components": {"schemas": dict(sorted(schemas.items())), "messages": messages},
    }


def _add_registry(
    registry: EventRegistry,
    schemas: dict[str, Any],
    messages: dict[str, Any],
    channels: dict[str, Any],
    operations: dict[str, Any],
    *,
    prefix: str,
) -> None:
    ref = "#/components/schemas/" + prefix + "{model}"

    def add_message(type_name: str, model: type[BaseModel], topic: Topic, **text: str) -> str:
        schema = model.model_json_schema(ref_template=ref)
        for name, definition in schema.pop("$defs", {}).items():
            schemas[prefix + name] = definition
        model_name = prefix + model.__name__
        schemas[model_name] = schema
        msg = _message_name(type_name)
        messages[msg] = {
            "name": type_name,
            "title": model_name,
            **text,
            "contentType": "application/json",
            "headers": {"$ref": "#/components/schemas/CloudEventHeaders"},
            "payload": {"$ref": REF.format(model=model_name)},
            "bindings": {
                "kafka": {
                    "key": {"type": "string", "description": topic.key_description},
                    "bindingVersion": "0.5.0",
                }
            },
        }
        return msg

    for topic_name in registry.topic_names():
        topic = registry.topics[topic_name]
        published = [
            add_message(spec.type_name, spec.model, topic, summary=spec.summary)
            for spec in sorted(registry.types_on(topic_name), key=lambda s: s.type_name)
        ]
        # Retired types stay listed on their channel (the topic keeps their events), deprecated
        # and left out of what the service sends; their payload is frozen as last published.
        retired = [
            add_message(
                old.type_name,
                old.published_as,
                topic,
                summary=(old.published_as.__doc__ or old.type_name).strip().splitlines()[0],
                description=f"Deprecated: no longer published. The topic keeps such events "
                f"from before {old.successor}; readers upcast them to it.",
            )
            for old in sorted(registry.retired_on(topic_name), key=lambda r: r.type_name)
        ]
        channel_messages = {m: {"$ref": f"#/components/messages/{m}"} for m in published + retired}
        channel: dict[str, Any] = {
            "address": topic_name,
            "description": topic.description,
            "messages": channel_messages,
            "bindings": {
                "kafka": {
                    "topicConfiguration": {"retention.ms": -1, "cleanup.policy": ["delete"]},
                    "bindingVersion": "0.5.0",
                }
            },
        }
        parameters = _PARAMETER.findall(topic_name)
        if parameters:
            channel["parameters"] = {
                p: {"description": PARAMETER_DESCRIPTIONS.get(p, p)} for p in parameters
            }
        key = _PARAMETER.sub(lambda m: m.group(1), topic_name)
        channels[key] = channel
        operations[f"{topic.service}_publishes_{topic.aggregate}"] = {
            "action": "send",
            "summary": f"The {topic.service} service publishes {topic.aggregate} events.",
            "channel": {"$ref": f"#/channels/{key}"},
            "messages": [{"$ref": f"#/channels/{key}/messages/{m}"} for m in published],
        }


def render(registry: EventRegistry, integration: EventRegistry | None = None) -> str:
    document = build_document(registry, integration=integration)
    return json.dumps(document, indent=2, sort_keys=False) + "\n"


def incompatible_with_history(document: dict[str, Any], path: Path) -> list[str]:
    """Why ``document`` may not replace ``path``: each way it cannot read the file there or any
    committed version of it, less the breaks declared beside it (``schema.history``)."""
    earlier = committed_documents(path)
    if path.exists():
        earlier.insert(0, ("the working tree", json.loads(path.read_text())))
    accepted = load_accepted(path.parent / ACCEPTED_FILE)
    return [f"{where}: {b}" for where, b in unaccepted_breaks(document, earlier, accepted)]


def main(argv: list[str] | None = None) -> int:
    """Print the document, or (``--write PATH``) replace ``PATH`` unless that breaks a reader.

    ``make asyncapi`` runs ``--write docs/asyncapi.json``: an incompatible change of a published
    event is refused there (exit 1, the file untouched), and the tests fail on it as well.
    """
    from huddle_shared.contracts import REGISTRY
    from huddle_shared.contracts.integration import INTEGRATION_REGISTRY

    parser = argparse.ArgumentParser(prog="python -m huddle_shared.asyncapi")
    parser.add_argument("--write", type=Path, help="the document to replace, if compatible")
    args = parser.parse_args(argv)
    text = render(REGISTRY, INTEGRATION_REGISTRY)
    if args.write is None:
        print(text, end="")
        return 0
    problems = incompatible_with_history(json.loads(text), args.write)
    if problems:
        print(
            f"{args.write} not written: these changes break readers of published events. "
            "Give the event a new version (v<n+1>) with an upcaster from the old one, or declare "
            f"an accepted break in {args.write.parent / ACCEPTED_FILE} with its reason.",
            *problems,
            sep="\n  ",
            file=sys.stderr,
        )
        return 1
    args.write.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
