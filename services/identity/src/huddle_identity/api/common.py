"""Path parameters the identity routes share."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Path

UserId = Annotated[uuid.UUID, Path(description="The user id")]
OrgId = Annotated[uuid.UUID, Path(description="The organisation id")]
ClientId = Annotated[uuid.UUID, Path(description="The client id")]
