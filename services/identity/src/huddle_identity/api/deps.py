"""What routes get from ``bootstrap.py``, as ``Annotated`` dependencies.

No route reads ``request.app.state`` itself; a test can swap a part with
``app.dependency_overrides``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from huddle_identity.application.deps import Identity
from huddle_shared.deps import from_app_state

identity_of = from_app_state("identity", Identity)
IdentityDep = Annotated[Identity, Depends(identity_of)]
