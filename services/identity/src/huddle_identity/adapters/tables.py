"""Read-model tables of the identity service."""

from __future__ import annotations

from sqlalchemy import MetaData

from huddle_shared.db import NAMING

metadata = MetaData(naming_convention=NAMING)
