"""What routes get from ``bootstrap.py``, as ``Annotated`` dependencies.

No route reads ``request.app.state`` itself; a test can swap a part with
``app.dependency_overrides``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from huddle_assessments.application.deps import Assessments
from huddle_shared.deps import from_app_state

assessments_of = from_app_state("assessments", Assessments)
AssessmentsDep = Annotated[Assessments, Depends(assessments_of)]
