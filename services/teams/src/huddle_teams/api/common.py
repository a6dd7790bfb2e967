"""What every teams route shares: its path parameters. Writes go through
:func:`huddle_shared.commands.write`; the runtime comes in as :data:`huddle_shared.deps.Runtime`."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Path

TeamId = Annotated[uuid.UUID, Path(description="The team id")]
UserId = Annotated[uuid.UUID, Path(description="The person's user id")]
