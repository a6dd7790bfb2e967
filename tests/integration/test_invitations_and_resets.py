"""Invitations and password resets through the mail, against a real SMTP server (aiosmtpd on
127.0.0.1), PostgreSQL and Kafka: the link in the mail that arrived is what the test follows."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import create_async_engine

from huddle_devtools.testing.smtp import MailSink, link_in, mail_sink
from huddle_identity.adapters.tables import invitations, mail_outbox, password_resets
from huddle_identity.api.account_schemas import InvitationOut, InvitationPage, ResetRequested
from huddle_identity.api.schemas import UserOut
from huddle_shared.config import to_asyncpg_url

from .conftest import RunningService
from .identity_support import PASSWORD, bearer, metric_value, sign_in, sign_up, start_identity

__all__ = ["start_identity"]  # the fixture this module uses

pytestmark = [pytest.mark.postgres, pytest.mark.kafka]
NEW_PASSWORD = "lantern harbour evening 58"


@pytest.fixture
def sink() -> Iterator[MailSink]:
    with mail_sink() as server:
        yield server


@pytest.fixture
async def identity(start_identity: Callable[..., Any], sink: MailSink) -> AsyncIterator[Any]:
    async with start_identity(**sink.settings, mailer_poll_interval_s=0.2) as service:
        yield service


async def _execute(service: RunningService, statement: Any) -> Any:
    engine = create_async_engine(to_asyncpg_url(service.database_url))
    try:
        async with engine.begin() as conn:
            return await conn.execute(statement)
    finally:
        await engine.dispose()


async def _invite(identity: RunningService, admin: dict[str, str], name: str) -> dict[str, Any]:
    email = f"{name.lower().replace(' ', '.')}.{uuid.uuid4().hex[:6]}@riverside.example"
    body = {"email": email, "display_name": name, "profession": "pharmacist"}
    response = await identity.client.post("/v1/invitations", json=body, headers=admin)
    assert response.status_code == 201, response.text
    invitation: dict[str, Any] = response.json()
    InvitationOut.model_validate(invitation, strict=False)
    assert response.headers["location"] == f"/v1/invitations/{invitation['id']}"
    return invitation


async def test_an_invitee_accepts_through_the_mailed_link_and_signs_in(
    identity: RunningService, sink: MailSink
) -> None:
    org = await sign_up(identity.client, "Riverside Family Practice")
    admin = await bearer(identity.client, org["admin_email"])
    invitation = await _invite(identity, admin, "Tomas Reyes")
    assert (invitation["status"], invitation["org_roles"]) == ("pending", ["member"])

    mail = await sink.wait_for(invitation["email"])
    assert "Riverside Family Practice" in mail["Subject"]
    assert mail["Auto-Submitted"] == "auto-generated"
    page, token = link_in(mail)
    assert page == "accept-invitation"
    # Sent: the link's token no longer waits in the database, and only its digest is kept.
    rows = (
        await _execute(identity, select(mail_outbox.c.sealed_values, mail_outbox.c.sent_at))
    ).all()
    assert rows and all(r.sealed_values is None and r.sent_at is not None for r in rows)
    stored = (await _execute(identity, select(invitations.c.token_hash))).scalars().all()
    assert token not in stored

    weak = await identity.client.post(
        "/v1/invitations/accept", json={"token": token, "password": "short"}
    )
    assert weak.status_code == 422, weak.text
    accepted = await identity.client.post(
        "/v1/invitations/accept", json={"token": token, "password": PASSWORD}
    )
    assert accepted.status_code == 201, accepted.text
    person = UserOut.model_validate(accepted.json())
    assert accepted.headers["location"] == f"/v1/users/{person.id}"
    assert (person.email, person.profession, person.org_id) == (
        invitation["email"],
        "pharmacist",
        org["org"]["id"],
    )
    assert (await sign_in(identity.client, invitation["email"])).status_code == 200

    again = await identity.client.post(
        "/v1/invitations/accept", json={"token": token, "password": PASSWORD}
    )
    assert again.status_code == 400
    assert again.json()["type"].endswith("/invalid-link")
    read = await identity.client.get(f"/v1/invitations/{invitation['id']}", headers=admin)
    assert read.status_code == 200
    assert read.json()["status"] == "accepted"
    assert read.json()["user_id"] == person.id
    assert (read.json()["email"], read.json()["display_name"]) == (None, None), "forgotten"


async def test_a_resent_link_replaces_the_first_and_a_revoked_one_works_no_more(
    identity: RunningService, sink: MailSink
) -> None:
    org = await sign_up(identity.client)
    admin = await bearer(identity.client, org["admin_email"])
    invitation = await _invite(identity, admin, "Grace Liu")
    _, first = link_in(await sink.wait_for(invitation["email"]))
    twice = await identity.client.post(
        "/v1/invitations",
        json={"email": invitation["email"], "display_name": "Grace Liu", "profession": "nurse"},
        headers=admin,
    )
    assert twice.status_code == 409, "one pending invitation per address: resend it"

    resent = await identity.client.post(f"/v1/invitations/{invitation['id']}/resend", headers=admin)
    assert resent.status_code == 200, resent.text
    assert resent.json()["sent_count"] == 2
    _, second = link_in(await sink.wait_for(invitation["email"], count=2))
    assert second != first
    old = await identity.client.post(
        "/v1/invitations/accept", json={"token": first, "password": PASSWORD}
    )
    assert old.status_code == 400, "the first link was replaced"

    revoked = await identity.client.post(
        f"/v1/invitations/{invitation['id']}/revoke", headers=admin
    )
    assert revoked.status_code == 200
    assert (revoked.json()["status"], revoked.json()["email"]) == ("revoked", None)
    refused = await identity.client.post(
        "/v1/invitations/accept", json={"token": second, "password": PASSWORD}
    )
    assert refused.status_code == 400
    assert (await sign_in(identity.client, invitation["email"])).status_code in (400, 401)
    listed = await identity.client.get("/v1/invitations?status=revoked", headers=admin)
    page = InvitationPage.model_validate(listed.json())
    assert [i.id for i in page.items] == [invitation["id"]]


async def test_an_expired_invitation_is_refused_and_can_be_invited_again(
    identity: RunningService, sink: MailSink
) -> None:
    org = await sign_up(identity.client)
    admin = await bearer(identity.client, org["admin_email"])
    invitation = await _invite(identity, admin, "Sam Rivera")
    _, token = link_in(await sink.wait_for(invitation["email"]))
    await _execute(
        identity,
        update(invitations)
        .where(invitations.c.invitation_id == invitation["id"])
        .values(expires_at=invitations.c.created_at),
    )
    late = await identity.client.post(
        "/v1/invitations/accept", json={"token": token, "password": PASSWORD}
    )
    assert late.status_code == 400
    read = await identity.client.get(f"/v1/invitations/{invitation['id']}", headers=admin)
    assert read.json()["status"] == "expired"
    renewed = await _invite_again(identity, admin, invitation["email"])
    assert renewed["id"] != invitation["id"]
    old = await identity.client.get(f"/v1/invitations/{invitation['id']}", headers=admin)
    assert old.json()["status"] == "revoked", "the expired one is replaced"


async def _invite_again(
    identity: RunningService, admin: dict[str, str], email: str
) -> dict[str, Any]:
    body = {"email": email, "display_name": "Sam Rivera", "profession": "medical_assistant"}
    response = await identity.client.post("/v1/invitations", json=body, headers=admin)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


async def test_a_reset_link_sets_a_new_password_once_and_signs_out_everywhere(
    identity: RunningService, sink: MailSink
) -> None:
    org = await sign_up(identity.client)
    email = org["admin_email"]
    before = await sign_in(identity.client, email)
    refresh = before.json()["refresh_token"]

    asked = await identity.client.post("/v1/password-resets", json={"email": email.upper()})
    unknown = await identity.client.post(
        "/v1/password-resets", json={"email": f"nobody.{uuid.uuid4().hex[:6]}@riverside.example"}
    )
    assert asked.status_code == unknown.status_code == 202
    assert asked.content == unknown.content, "the same answer, known address or not"
    ResetRequested.model_validate(asked.json())

    mail = await sink.wait_for(email)
    page, token = link_in(mail)
    assert page == "reset-password"
    assert "30 minutes" in mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert len(sink.received()) == 1, "nothing is sent for an unknown address"

    weak = await identity.client.post(
        "/v1/password-resets/complete", json={"token": token, "password": "password1234"}
    )
    assert weak.status_code == 422
    done = await identity.client.post(
        "/v1/password-resets/complete", json={"token": token, "password": NEW_PASSWORD}
    )
    assert done.status_code == 204, done.text
    assert (await sign_in(identity.client, email)).status_code == 400, "the old password"
    assert (await sign_in(identity.client, email, NEW_PASSWORD)).status_code == 200
    refreshed = await identity.client.post(
        "/v1/auth/token", data={"grant_type": "refresh_token", "refresh_token": refresh}
    )
    assert refreshed.status_code == 400, "every session from before is signed out"

    reused = await identity.client.post(
        "/v1/password-resets/complete", json={"token": token, "password": PASSWORD + " again"}
    )
    assert reused.status_code == 400
    assert reused.json()["type"].endswith("/invalid-link")


async def test_an_expired_reset_link_is_refused(identity: RunningService, sink: MailSink) -> None:
    org = await sign_up(identity.client)
    email = org["admin_email"]
    assert (await identity.client.post("/v1/password-resets", json={"email": email})).is_success
    _, token = link_in(await sink.wait_for(email))
    await _execute(
        identity, update(password_resets).values(expires_at=password_resets.c.requested_at)
    )
    late = await identity.client.post(
        "/v1/password-resets/complete", json={"token": token, "password": NEW_PASSWORD}
    )
    assert late.status_code == 400
    assert (await sign_in(identity.client, email)).status_code == 200, "password unchanged"


async def test_reset_requests_are_limited_per_address_known_or_not(
    identity: RunningService,
) -> None:
    org = await sign_up(identity.client)
    for address in (org["admin_email"], f"nobody.{uuid.uuid4().hex[:6]}@riverside.example"):
        answers = [
            await identity.client.post("/v1/password-resets", json={"email": address})
            for _ in range(6)
        ]
        assert [a.status_code for a in answers] == [202] * 5 + [429], address
        assert int(answers[-1].headers["retry-after"]) >= 1
        assert answers[-1].headers["content-type"].startswith("application/problem+json")


async def test_mail_waits_out_an_smtp_outage_and_a_restart(
    start_identity: Callable[..., Any], sink: MailSink
) -> None:
    sink.refuse()
    settings = {**sink.settings, "mailer_poll_interval_s": 0.2}
    async with start_identity(**settings) as first:
        org = await sign_up(first.client)
        email = org["admin_email"]
        assert (await first.client.post("/v1/password-resets", json={"email": email})).is_success
        await _until(lambda: sink.refused >= 1)
        database_url = first.database_url
    assert sink.received(email) == []
    (attempts,) = (await _execute(first, select(mail_outbox.c.attempts))).scalars().all()
    assert attempts >= 1, "tried, refused, kept"

    sink.refuse(False)
    async with start_identity(database_url, **settings):
        mail = await sink.wait_for(email, timeout_s=60)
    assert link_in(mail)[0] == "reset-password"
    assert len(sink.received(email)) == 1


async def _until(condition: Callable[[], bool], timeout_s: float = 30) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "not within the time"
        await asyncio.sleep(0.1)


async def test_sent_mail_is_counted_and_forgotten_after_the_retention(
    start_identity: Callable[..., Any], sink: MailSink
) -> None:
    settings = {**sink.settings, "mailer_poll_interval_s": 0.2}
    sent = 'huddle_mail_sent_messages_total{template="password_reset"}'
    async with start_identity(**settings) as first:
        before = metric_value((await first.client.get("/metrics")).text, sent)
        org = await sign_up(first.client)
        email = org["admin_email"]
        assert (await first.client.post("/v1/password-resets", json={"email": email})).is_success
        await sink.wait_for(email)
        metrics_text = (await first.client.get("/metrics")).text
        assert metric_value(metrics_text, sent) == before + 1
        database_url = first.database_url
    kept = (await _execute(first, select(mail_outbox.c.id, mail_outbox.c.sent_at))).all()
    assert len(kept) == 1 and kept[0].sent_at is not None, "kept for now, without its secrets"

    # A process whose retention is shorter than the row's age forgets it on its first pass.
    async with start_identity(database_url, **settings, mail_retention_days=1e-6):
        remaining = 1
        deadline = time.monotonic() + 30
        while remaining and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
            remaining = len((await _execute(first, select(mail_outbox.c.id))).all())
    assert remaining == 0
