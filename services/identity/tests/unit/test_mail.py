"""The mail parts that need no server: templates, sealing, retry delays, links."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jinja2 import UndefinedError

from huddle_identity.application.links import LinkPolicy
from huddle_identity.application.mail import MAX_DELAY, MailOutbox, MailTemplates, retry_delay
from huddle_shared.personal import seal

VALUES = {
    "to": "tomas.reyes@riverside.example",
    "display_name": "Tomás Reyes",
    "org_name": "Riverside Family Practice",
    "invited_by": "Amara Okafor",
    "link": "https://console.example/#/accept-invitation?token=abc",
    "expires": "13 March 2026, 08:30 UTC",
}


def test_the_invitation_renders_as_plain_text_with_its_link_and_recipient() -> None:
    message = MailTemplates().render("invitation", VALUES, sender="Huddle <no-reply@x.example>")
    assert message["To"] == VALUES["to"]
    assert message["Subject"] == "You are invited to join Riverside Family Practice on Huddle"
    assert message.get_content_type() == "text/plain"
    body = message.get_content()
    assert VALUES["link"] in body and "Amara Okafor" in body and VALUES["expires"] in body


def test_a_missing_value_is_an_error_never_a_blank() -> None:
    values = {k: v for k, v in VALUES.items() if k != "link"}
    with pytest.raises(UndefinedError):
        MailTemplates().render("invitation", values, sender="Huddle <no-reply@x.example>")


def test_the_password_reset_renders_with_its_minutes() -> None:
    values = {
        "to": "lena@x.example",
        "display_name": "Lena",
        "link": "https://c/#/r",
        "minutes": "30",
    }
    body = MailTemplates().render("password_reset", values, sender="h@x.example").get_content()
    assert "within 30 minutes" in body and "https://c/#/r" in body


def test_sealed_values_open_only_for_their_template_and_key() -> None:
    outbox = MailOutbox(master_key=b"k" * 32)
    sealed = seal(b"k" * 32, "identity-mail", '{"to": "a@b.example"}', context="identity:mail:x")
    assert outbox.open("x", sealed.model_dump()) == {"to": "a@b.example"}
    with pytest.raises(ValueError, match="cannot be unsealed"):
        outbox.open("invitation", sealed.model_dump())
    with pytest.raises(ValueError, match="cannot be unsealed"):
        MailOutbox(master_key=b"j" * 32).open("x", sealed.model_dump())


@given(st.integers(min_value=1, max_value=10_000))
def test_retry_delays_grow_and_are_capped(attempts: int) -> None:
    assert timedelta(seconds=5) <= retry_delay(attempts) <= MAX_DELAY
    assert retry_delay(attempts + 1) >= retry_delay(attempts)


def test_links_carry_the_token_in_the_fragment() -> None:
    policy = LinkPolicy(
        public_url="https://console.example/",
        invitation_ttl=timedelta(days=7),
        reset_ttl=timedelta(minutes=30),
        reset_requests=5,
    )
    assert (
        policy.link("reset-password", "t0k") == "https://console.example/#/reset-password?token=t0k"
    )
