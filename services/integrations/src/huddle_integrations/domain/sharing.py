"""An organisation's sharing settings as an event-sourced aggregate (stream ``sharing-<org>``).

By default an integration event carries no free text; an org admin opts fields in one by one.
Setting the same fields again records nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from huddle_shared.contracts.integration import ShareableField
from huddle_shared.contracts.integration_config import SharingChanged
from huddle_shared.events import DomainEvent

STREAM_TYPE = "integration_sharing"


def stream_id(org_id: str) -> str:
    return f"sharing-{org_id}"


@dataclass(frozen=True)
class Sharing:
    org_id: str
    shared_fields: frozenset[ShareableField]
    version: int
    updated_at: datetime | None = None
    updated_by: str | None = None


def nothing_shared(org_id: str) -> Sharing:
    return Sharing(org_id=org_id, shared_fields=frozenset(), version=0)


def evolve(state: Sharing | None, event: DomainEvent, at: datetime, version: int) -> Sharing:
    assert isinstance(event, SharingChanged), f"not a sharing event: {event.event_type}"
    base = state or nothing_shared(event.org_id)
    return replace(
        base,
        shared_fields=frozenset(ShareableField(f) for f in event.shared_fields),
        version=version,
        updated_at=at,
        updated_by=event.changed_by,
    )


def decide_change(
    state: Sharing, fields: Iterable[ShareableField], *, actor: str
) -> list[DomainEvent]:
    wanted = frozenset(fields)
    if wanted == state.shared_fields:
        return []
    return [
        SharingChanged(
            org_id=state.org_id, shared_fields=sorted(f.value for f in wanted), changed_by=actor
        )
    ]
