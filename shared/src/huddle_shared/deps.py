"""FastAPI dependencies for what a service's ``bootstrap.py`` wired, as ``Annotated`` aliases.

Routes never reach into ``request.app.state`` themselves: they declare ``runtime: Runtime``
(or a service's own alias built with :func:`from_app_state`), so every service gets its parts
the same way and a test can override one with ``app.dependency_overrides``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request

from huddle_shared.runtime import ServiceRuntime

T = TypeVar("T")


def from_app_state(name: str, kind: type[T]) -> Callable[[Request], T]:
    """A dependency returning ``app.state.<name>`` (set by bootstrap), checked to be a ``kind``."""

    def dependency(request: Request) -> T:
        value: Any = getattr(request.app.state, name)
        assert isinstance(value, kind), f"app.state.{name} is not a {kind.__name__}"
        return value

    dependency.__name__ = f"{name}_of"
    return dependency


runtime_of = from_app_state("runtime", ServiceRuntime)
Runtime = Annotated[ServiceRuntime, Depends(runtime_of)]
