"""Which webhook targets are refused: scheme, credentials, and every non-public address."""

from __future__ import annotations

import ipaddress

import pytest

from huddle_shared.ssrf import (
    UnsafeTarget,
    parse_target,
    unsafe_reason,
    vet_addresses,
)

UNSAFE = [
    "127.0.0.1",
    "127.8.9.10",
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "169.254.1.1",
    "100.64.0.1",
    "0.0.0.0",  # noqa: S104 - a target to refuse, not an address to bind
    "224.0.0.1",
    "240.0.0.1",
    "255.255.255.255",
    "198.18.0.1",
    "192.0.2.1",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "fd00:ec2::254",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "2002:7f00:1::1",
    "2001:db8::1",
    "64:ff9b::a00:1",
]


@pytest.mark.parametrize("address", UNSAFE)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert unsafe_reason(ipaddress.ip_address(address)) is not None
    with pytest.raises(UnsafeTarget):
        parse_target(f"https://{_host(address)}/hook", allow_private=False)


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111"])
def test_public_addresses_pass(address: str) -> None:
    assert unsafe_reason(ipaddress.ip_address(address)) is None
    target = parse_target(f"https://{_host(address)}:8443/a?b=1", allow_private=False)
    assert (target.host, target.port, target.path) == (address, 8443, "/a?b=1")


def test_the_metadata_service_is_named_in_the_reason() -> None:
    assert unsafe_reason(ipaddress.ip_address("169.254.169.254")) == "the cloud metadata service"
    assert "IPv4-mapped" in (unsafe_reason(ipaddress.ip_address("::ffff:8.8.8.8")) or "")


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/",
        "ftp://example.org/",
        "https://user:secret@example.org/",
        "https:///nohost",
        "https://localhost/",
        "https://api.localhost/",
        "https://example.org/#frag",
        "https://exa mple.org/",
        "https://example.org:99999/",
        "https://" + "a" * 2000 + ".org/",
        "not a url",
    ],
)
def test_malformed_or_unsafe_urls_are_refused(url: str) -> None:
    with pytest.raises(UnsafeTarget):
        parse_target(url, allow_private=False)


def test_development_allows_http_and_loopback() -> None:
    target = parse_target("http://127.0.0.1:8123/hook", allow_private=True)
    assert (target.scheme, target.port) == ("http", 8123)
    assert parse_target("https://localhost/", allow_private=True).port == 443


def test_one_unsafe_answer_refuses_the_name() -> None:
    public, private = ipaddress.ip_address("8.8.8.8"), ipaddress.ip_address("10.0.0.1")
    assert vet_addresses([public, public], allow_private=False) == [public]
    with pytest.raises(UnsafeTarget):
        vet_addresses([public, private], allow_private=False)
    with pytest.raises(UnsafeTarget):
        vet_addresses([], allow_private=False)
    assert vet_addresses([private], allow_private=True) == [private]


def _host(address: str) -> str:
    return f"[{address}]" if ":" in address else address
