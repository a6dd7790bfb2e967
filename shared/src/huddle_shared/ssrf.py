"""Which URLs a service may call when a tenant names them (a webhook target, an
organisation's identity provider): a guard against server-side request forgery.

Such a URL is user input that makes the server send requests, so a tenant must not be able to
point it at the cluster's own network (a database, the metadata service of the cloud that holds
the node's credentials, a sidecar on localhost). Outside development and tests a target must be
``https`` and every address its name resolves to must be public; the check runs when the URL is
configured and again right before each connection, since DNS can change between the two (the
request then goes to the address it vetted: ``huddle_shared.outbound``).

Pure: parsing and address classification only; resolving names is ``outbound``'s job.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

MAX_URL_LENGTH = 2000

# Ranges ``ipaddress``' own flags miss or that deserve a name of their own in the error.
_NAMED_RANGES: list[tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, str]] = [
    (ipaddress.ip_network("169.254.169.254/32"), "the cloud metadata service"),
    (ipaddress.ip_network("fd00:ec2::254/128"), "the cloud metadata service"),
    (ipaddress.ip_network("100.64.0.0/10"), "carrier-grade NAT (shared address space)"),
    (ipaddress.ip_network("0.0.0.0/8"), "'this network'"),
    (ipaddress.ip_network("192.0.0.0/24"), "IETF protocol assignments"),
    (ipaddress.ip_network("198.18.0.0/15"), "benchmarking"),
    (ipaddress.ip_network("64:ff9b::/96"), "NAT64 (an embedded IPv4 address)"),
    (ipaddress.ip_network("64:ff9b:1::/48"), "local-use NAT64"),
    (ipaddress.ip_network("2002::/16"), "6to4 (an embedded IPv4 address)"),
    (ipaddress.ip_network("2001::/32"), "Teredo (an embedded IPv4 address)"),
    (ipaddress.ip_network("fc00::/7"), "a unique local IPv6 address"),
    (ipaddress.ip_network("fe80::/10"), "link-local"),
    (ipaddress.ip_network("fec0::/10"), "site-local IPv6 (deprecated)"),
]


class UnsafeTarget(ValueError):
    """The URL, or an address its name resolves to, may not be called."""


@dataclass(frozen=True)
class Target:
    """A URL taken apart: what to resolve, where to connect, what to ask for."""

    url: str
    scheme: str
    host: str  # a name, or an IP literal without brackets
    port: int
    path: str  # path and query, at least "/"

    @property
    def literal(self) -> IPAddress | None:
        """The address when the host is an IP literal (nothing to resolve)."""
        try:
            return ipaddress.ip_address(self.host)
        except ValueError:
            return None


def parse_target(url: str, *, allow_private: bool) -> Target:
    """The target of ``url``, or :class:`UnsafeTarget` saying what is wrong with it."""
    if len(url) > MAX_URL_LENGTH:
        raise UnsafeTarget(f"the URL is longer than {MAX_URL_LENGTH} characters")
    if any(c.isspace() or ord(c) < 32 for c in url):
        raise UnsafeTarget("the URL contains whitespace or control characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UnsafeTarget(f"not a valid URL ({exc})") from exc
    scheme = parts.scheme.lower()
    allowed = ("https", "http") if allow_private else ("https",)
    if scheme not in allowed:
        raise UnsafeTarget("the URL must use https" if scheme == "http" else "not an https URL")
    if parts.username is not None or parts.password is not None:
        raise UnsafeTarget("the URL must not carry credentials")
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        raise UnsafeTarget("the URL has no host")
    if parts.fragment:
        raise UnsafeTarget("the URL must not have a fragment")
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    target = Target(
        url=url,
        scheme=scheme,
        host=host,
        port=port or (443 if scheme == "https" else 80),
        path=path,
    )
    literal = target.literal
    if literal is not None:
        check_address(literal, allow_private=allow_private)
    elif not allow_private and (host == "localhost" or host.endswith(".localhost")):
        raise UnsafeTarget("localhost may not be called")
    return target


def unsafe_reason(address: IPAddress) -> str | None:
    """Why ``address`` may not be called, or None when it is a public address."""
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped
        if mapped is not None:
            inner = unsafe_reason(mapped)
            return f"an IPv4-mapped address of {inner}" if inner else "an IPv4-mapped address"
        if address.sixtofour is not None or address.teredo is not None:
            return "an IPv6 address that embeds an IPv4 address (6to4 or Teredo)"
    for network, name in _NAMED_RANGES:
        if address.version == network.version and address in network:
            return name
    checks = [
        (address.is_unspecified, "the unspecified address"),
        (address.is_loopback, "loopback"),
        (address.is_link_local, "link-local"),
        (address.is_multicast, "multicast"),
        (address.is_private, "a private network"),
        (address.is_reserved, "a reserved range"),
        (not address.is_global, "not a public address"),
    ]
    for flagged, name in checks:
        if flagged:
            return name
    return None


def check_address(address: IPAddress, *, allow_private: bool) -> None:
    """:class:`UnsafeTarget` when ``address`` may not be called."""
    if allow_private:
        return
    reason = unsafe_reason(address)
    if reason is not None:
        raise UnsafeTarget(f"{address} is {reason}")


def vet_addresses(addresses: Iterable[IPAddress], *, allow_private: bool) -> list[IPAddress]:
    """Every resolved address, if all of them are safe (one unsafe answer refuses the name:
    a resolver may rotate between them, and the attacker controls the order)."""
    found = list(dict.fromkeys(addresses))
    if not found:
        raise UnsafeTarget("the host name does not resolve to any address")
    for address in found:
        check_address(address, allow_private=allow_private)
    return found
