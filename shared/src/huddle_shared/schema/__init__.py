"""Frozen snapshots of the shared tables, for the services' Alembic histories.

A migration must keep meaning what it meant when it was written, so it never reads the live
``MetaData``: it calls the snapshot of the version it was written against.
"""
