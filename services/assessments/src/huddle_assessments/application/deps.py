"""What the assessments use cases need, built once in bootstrap.py."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncEngine

from huddle_shared.eventstore import EventStore


@dataclass(frozen=True)
class Assessments:
    engine: AsyncEngine
    store: EventStore
    clock: Callable[[], datetime]
    link_key: bytes
