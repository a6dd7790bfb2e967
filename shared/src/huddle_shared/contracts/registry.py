from __future__ import annotations

from huddle_shared.events import EventRegistry

REGISTRY = EventRegistry()
