"""Errors that cross layers; the API maps each to an RFC 9457 problem response."""

from __future__ import annotations

from typing import Any


class HuddleError(Exception):
    """Base of errors that carry an HTTP meaning. ``code`` is a stable machine-readable slug."""

    status: int = 400
    code: str = "bad-request"
    title: str = "Bad request"

    def __init__(self, detail: str | None = None, **extensions: Any) -> None:
        super().__init__(detail or self.title)
        self.detail = detail or self.title
        self.extensions = extensions


class DomainRuleViolated(HuddleError):
    """A command was refused by a business rule (the request itself was well formed)."""

    status = 422
    code = "rule-violated"
    title = "The request breaks a business rule"


class NotFound(HuddleError):
    status = 404
    code = "not-found"
    title = "Not found"


class Conflict(HuddleError):
    status = 409
    code = "conflict"
    title = "Conflict"


class ConcurrencyConflict(Conflict):
    """Another writer appended to the stream first; the caller should reload and retry."""

    code = "concurrency-conflict"
    title = "The resource was changed by someone else"


class PreconditionFailed(HuddleError):
    status = 412
    code = "precondition-failed"
    title = "Precondition failed"


class Unauthorized(HuddleError):
    status = 401
    code = "unauthorized"
    title = "Authentication required"


class Forbidden(HuddleError):
    status = 403
    code = "forbidden"
    title = "Not allowed"


class ServiceUnavailable(HuddleError):
    status = 503
    code = "service-unavailable"
    title = "Service temporarily unavailable"


def field_error(*location: str | int, message: str, kind: str) -> dict[str, Any]:
    """One entry of a problem's ``errors``, in the shape request validation gives them.

    A rule that refuses one field of the body (an owner who is not on the team, a due date in
    the past) names it the way a malformed field is named: ``location`` from ``"body"`` down.
    Raise with ``errors=[field_error("body", "owners", 0, message=..., kind=...)]``.
    """
    return {"location": [str(part) for part in location], "message": message, "type": kind}
