"""What every teams route shares: its path parameters, and what its refusals mean. Writes go
through :func:`huddle_shared.commands.write`; the runtime comes in as
:data:`huddle_shared.deps.Runtime`."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import Path

from huddle_shared.openapi import ETAG, LOCATION, problems

TeamId = Annotated[uuid.UUID, Path(description="The team id")]
UserId = Annotated[uuid.UUID, Path(description="The person's user id")]

# The problem descriptions the routes share (huddle_shared.openapi.problems).
TEAM_404 = "No such team (or it belongs to another organisation)"
TEAM_ID_422 = "The team id is not a UUID"
PAGE_422 = "The team id is not a UUID, or the page size is out of range"
READ_403 = "Only the team's members, org admins and analysts read this"
MANAGE_403 = "Only org admins and the team's clinical lead manage a team"
WRITE_409 = "The team is archived, or it was changed at the same moment (reload and retry)"
WRITE_412 = "If-Match is not the team's current version: reload it and try again"


def write_responses(
    status: int,
    description: str,
    *,
    not_found: str = TEAM_404,
    conflict: str = WRITE_409,
    invalid: str,
) -> dict[int | str, dict[str, Any]]:
    """A team write's documented answers: its success, with the team's new ETag (and the
    Location of what it created, for a 201), and the refusals every team write shares."""
    headers = {**LOCATION, **ETAG} if status == 201 else ETAG
    return {
        status: {"description": description, "headers": headers},
        **problems(
            403,
            404,
            409,
            412,
            422,
            _403=MANAGE_403,
            _404=not_found,
            _409=conflict,
            _412=WRITE_412,
            _422=invalid,
        ),
    }
