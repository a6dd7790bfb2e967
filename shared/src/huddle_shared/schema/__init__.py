"""Schemas that must keep meaning what they meant when they were published.

- ``v1`` …: frozen snapshots of the shared tables, for the services' Alembic histories. A
  migration must keep meaning what it meant when it was written, so it never reads the live
  ``MetaData``: it calls the snapshot of the version it was written against.
- ``compatibility`` and ``history``: the rule that an event's current JSON Schema still reads
  every payload an earlier one allowed, checked against each committed AsyncAPI document.
"""
