"""Read-model tables of the assessments service."""

from __future__ import annotations

from sqlalchemy import MetaData

from huddle_shared.db import NAMING

metadata = MetaData(naming_convention=NAMING)
