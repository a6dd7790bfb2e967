"""The webhook rules: the retry schedule, auto-disable, filters, secrets and their rotation."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

import pytest

from huddle_integrations.domain.webhooks import (
    DisablePolicy,
    Health,
    RetryPolicy,
    Secrets,
    disable_reason,
    excerpt,
    secret_from,
    wants,
)

DEFAULT = RetryPolicy(initial_s=10, maximum_s=14_400, factor=3, max_attempts=13)
NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)


def test_the_schedule_grows_exponentially_up_to_its_cap_without_jitter() -> None:
    delays = [DEFAULT.delay_after(n, rng=lambda: 1.0) for n in range(1, 13)]
    assert delays[:4] == [10, 30, 90, 270]
    assert delays[-1] == 14_400
    assert DEFAULT.delay_after(13) is None, "the budget is spent: dead"


def test_the_default_budget_is_about_a_day() -> None:
    assert 18 * 3600 <= DEFAULT.budget_s() <= 30 * 3600


@pytest.mark.parametrize("draw", [0.0, 0.37, 0.99])
def test_equal_jitter_keeps_each_delay_between_half_and_all_of_it(draw: float) -> None:
    for attempts in range(1, 13):
        full = DEFAULT.delay_after(attempts, rng=lambda: 1.0)
        jittered = DEFAULT.delay_after(attempts, rng=lambda: draw)
        assert full is not None and jittered is not None
        assert full / 2 <= jittered <= full


def test_a_subscription_is_disabled_after_failing_long_or_after_dead_letters_in_a_row() -> None:
    policy = DisablePolicy(failing_for_s=72 * 3600, consecutive_dead=5)
    recent = Health(
        consecutive_failures=40, consecutive_dead=1, failing_since=NOW - timedelta(hours=2)
    )
    assert disable_reason(recent, policy, NOW) is None
    long = Health(
        consecutive_failures=40, consecutive_dead=1, failing_since=NOW - timedelta(hours=73)
    )
    assert "failed for 73.0 hours" in (disable_reason(long, policy, NOW) or "")
    dead = Health(consecutive_failures=5, consecutive_dead=5, failing_since=NOW)
    assert "5 deliveries in a row" in (disable_reason(dead, policy, NOW) or "")
    healthy = Health(consecutive_failures=0, consecutive_dead=0, failing_since=None)
    assert disable_reason(healthy, policy, NOW) is None


def test_an_empty_filter_wants_everything() -> None:
    assert wants([], "huddle.integration.team.created.v1")
    assert wants(["a", "b"], "b") and not wants(["a"], "b")


def test_secrets_are_standard_webhooks_secrets() -> None:
    secret = secret_from(bytes(range(32)))
    assert secret.startswith("whsec_")
    assert base64.b64decode(secret.removeprefix("whsec_")) == bytes(range(32))
    with pytest.raises(ValueError, match="24 random bytes"):
        secret_from(b"short")


def test_after_a_rotation_both_secrets_sign_until_the_overlap_ends() -> None:
    rotated = Secrets(current="old").rotated("new", now=NOW, overlap=timedelta(hours=24))
    assert rotated.signing(NOW) == ["new", "old"]
    assert rotated.signing(NOW + timedelta(hours=23)) == ["new", "old"]
    assert rotated.signing(NOW + timedelta(hours=24)) == ["new"]
    assert Secrets(current="only").signing(NOW) == ["only"]


def test_only_an_excerpt_of_a_response_is_kept() -> None:
    assert len(excerpt(b"x" * 10_000)) == 512
    assert excerpt(b"\xff\xfeok").endswith("ok")


def test_secrets_are_sealed_at_rest_when_a_key_is_set() -> None:
    from cryptography.fernet import Fernet

    from huddle_integrations.adapters.webhook_secrets import SecretBox

    box = SecretBox(Fernet.generate_key().decode())
    sealed = box.seal("whsec_abc")
    assert "whsec_abc" not in sealed and box.open(sealed) == "whsec_abc"
    with pytest.raises(RuntimeError):
        SecretBox(Fernet.generate_key().decode()).open(sealed)
    assert SecretBox(None).open(SecretBox(None).seal("whsec_x")) == "whsec_x"
