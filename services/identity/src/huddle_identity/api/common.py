"""Path parameters the identity routes share, and their answer to a throttled caller."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Annotated

from fastapi import Path, Request
from fastapi.responses import JSONResponse

from huddle_identity.domain.errors import TooManyAttempts
from huddle_shared.problems import problem_response

UserId = Annotated[uuid.UUID, Path(description="The user id")]
OrgId = Annotated[uuid.UUID, Path(description="The organisation id")]
ClientId = Annotated[uuid.UUID, Path(description="The client id")]
InvitationId = Annotated[uuid.UUID, Path(description="The invitation id")]


def too_many_attempts(
    exc: TooManyAttempts, request: Request, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    """429, with the seconds to wait in Retry-After."""
    return problem_response(
        status=429,
        title=exc.title,
        detail=exc.detail,
        code=exc.code,
        instance=request.url.path,
        headers={"Retry-After": str(exc.retry_after), **(headers or {})},
    )
