"""Typed clients for the five Huddle services, one generated package each.

``huddle_client.<service>`` (identity, teams, assessments, insights, integrations) is what
openapi-python-client generates from ``docs/openapi/<service>.json``: ``Client`` and
``AuthenticatedClient``, one module per operation under ``api/<tag>/<operation_id>.py`` (with
``sync``, ``sync_detailed``, ``asyncio`` and ``asyncio_detailed``) and the typed models under
``models/``. Everything below the service packages is generated: regenerate with
``make clients``, never edit. This file and ``py.typed`` are the only hand-written ones.
"""
