"""Where the links in identity's mail lead, and how long each kind stays good."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class LinkPolicy:
    """Links lead to the web console's pages, which call the API behind them."""

    public_url: str
    invitation_ttl: timedelta
    reset_ttl: timedelta
    reset_requests: int  # reset requests per address typed, per throttle window

    def page(self, page: str) -> str:
        """A public page of the console (asking for a reset link, say)."""
        return f"{self.public_url.rstrip('/')}/#/{page}"

    def link(self, page: str, token: str) -> str:
        # In the fragment: browsers never send it, so it reaches no server log nor Referer.
        return f"{self.public_url.rstrip('/')}/#/{page}?token={token}"
