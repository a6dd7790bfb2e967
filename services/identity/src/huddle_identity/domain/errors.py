"""OAuth 2.0 errors (RFC 6749 §5.2), carried inside RFC 9457 problem responses."""

from __future__ import annotations

from huddle_shared.errors import HuddleError


class OAuthError(HuddleError):
    status = 400
    oauth_error = "invalid_request"

    def __init__(self, detail: str) -> None:
        super().__init__(detail, error=self.oauth_error, error_description=detail)


class InvalidRequest(OAuthError):
    code = "invalid-request"
    title = "Invalid token request"


class InvalidGrant(OAuthError):
    code = "invalid-grant"
    title = "Invalid grant"
    oauth_error = "invalid_grant"


class InvalidClient(OAuthError):
    status = 401
    code = "invalid-client"
    title = "Client authentication failed"
    oauth_error = "invalid_client"


class InvalidScope(OAuthError):
    code = "invalid-scope"
    title = "Invalid scope"
    oauth_error = "invalid_scope"


class UnsupportedGrantType(OAuthError):
    code = "unsupported-grant-type"
    title = "Unsupported grant type"
    oauth_error = "unsupported_grant_type"


class UnauthorizedClient(OAuthError):
    code = "unauthorized-client"
    title = "Unauthorized client"
    oauth_error = "unauthorized_client"


class UnsupportedTokenType(OAuthError):
    code = "unsupported-token-type"
    title = "Unsupported token type"
    oauth_error = "unsupported_token_type"


_BY_OAUTH_ERROR: dict[str, type[OAuthError]] = {
    kind.oauth_error: kind
    for kind in (
        InvalidRequest,
        InvalidGrant,
        InvalidClient,
        InvalidScope,
        UnsupportedGrantType,
        UnauthorizedClient,
        UnsupportedTokenType,
    )
}


def oauth_error(error: str, description: str | None) -> OAuthError:
    """The problem for an OAuth error code and description (an unknown code is a bad
    request)."""
    kind = _BY_OAUTH_ERROR.get(error, InvalidRequest)
    return kind(description or kind.title)


class TooManyAttempts(HuddleError):
    status = 429
    code = "too-many-attempts"
    title = "Too many failed attempts"

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            f"Too many failed attempts; try again in {retry_after} seconds.",
            retry_after=retry_after,
        )
        self.retry_after = retry_after


class InvalidLink(HuddleError):
    """An invitation or reset link that is unknown, used, replaced, revoked or expired: one
    answer for all, so a guess learns nothing."""

    status = 400
    code = "invalid-link"
    title = "This link is no longer valid"

    def __init__(self) -> None:
        super().__init__(
            "The link was already used, replaced by a newer one, revoked or has expired; ask "
            "for a new one."
        )
