"""Calling a URL a tenant configured: resolve its name, vet every address (``ssrf``), and
connect to a vetted one, so that a DNS answer changing between the check and the connection
(DNS rebinding) cannot send the request elsewhere. The URL's host is replaced by the address;
the ``Host`` header and TLS SNI keep the name, so certificates are still verified for it."""

from __future__ import annotations

import asyncio
import ipaddress
import socket

import httpx

from huddle_shared.ssrf import IPAddress, Target, UnsafeTarget, parse_target, vet_addresses


async def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to (A and AAAA)."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]


async def vet_url(url: str, *, allow_private: bool) -> tuple[Target, list[IPAddress]]:
    """The URL's target and its vetted addresses; :class:`UnsafeTarget` otherwise (a name that
    does not resolve is refused too)."""
    target = parse_target(url, allow_private=allow_private)
    literal = target.literal
    if literal is not None:
        return target, [literal]
    try:
        addresses = await resolve(target.host, target.port)
    except (OSError, UnicodeError) as exc:
        raise UnsafeTarget(f"the host name {target.host!r} does not resolve") from exc
    return target, vet_addresses(addresses, allow_private=allow_private)


def _pinned_url(target: Target, address: IPAddress) -> str:
    host = f"[{address}]" if address.version == 6 else str(address)
    return f"{target.scheme}://{host}:{target.port}{target.path}"


def _host_header(target: Target) -> str:
    host = f"[{target.host}]" if ":" in target.host else target.host
    default = 443 if target.scheme == "https" else 80
    return host if target.port == default else f"{host}:{target.port}"


class VettedTransport(httpx.AsyncBaseTransport):
    """An httpx transport that sends every request to a vetted address of its host (and
    refuses the request with :class:`UnsafeTarget` when there is none). No proxy from the
    environment, no pooled connection across names."""

    def __init__(self, *, allow_private: bool) -> None:
        self.allow_private = allow_private
        self._inner = httpx.AsyncHTTPTransport(
            limits=httpx.Limits(max_keepalive_connections=0), trust_env=False
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        target, addresses = await vet_url(str(request.url), allow_private=self.allow_private)
        headers = [(k, v) for k, v in request.headers.raw if k.lower() != b"host"]
        headers.insert(0, (b"Host", _host_header(target).encode()))
        extensions = dict(request.extensions)
        if target.literal is None:
            extensions["sni_hostname"] = target.host
        pinned = httpx.Request(
            request.method,
            _pinned_url(target, addresses[0]),
            headers=headers,
            stream=request.stream,
            extensions=extensions,
        )
        return await self._inner.handle_async_request(pinned)

    async def aclose(self) -> None:
        await self._inner.aclose()
