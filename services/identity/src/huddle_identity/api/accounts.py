"""Routes for invitations (org admins invite; the invitee accepts with the mailed link) and
password resets (anyone asks; the mailed link sets a new password)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_identity.api.account_schemas import (
    InvitationAccept,
    InvitationCreate,
    InvitationOut,
    InvitationPage,
    InvitationStatus,
    ResetComplete,
    ResetRequest,
    ResetRequested,
)
from huddle_identity.api.common import InvitationId, too_many_attempts
from huddle_identity.api.deps import IdentityDep
from huddle_identity.api.schemas import UserOut
from huddle_identity.api.users import person_json
from huddle_identity.application import accounts
from huddle_identity.application.accounts import InvitationView
from huddle_identity.domain.errors import TooManyAttempts
from huddle_shared.auth import CurrentPrincipal
from huddle_shared.commands import CommandResult, execute, respond
from huddle_shared.http import Cursor, Limit
from huddle_shared.openapi import LOCATION, problems
from huddle_shared.pagination import time_and_id_cursor

router = APIRouter(tags=["invitations"])
resets = APIRouter(tags=["password reset"])

_ONLY_ADMINS = "Only org admins manage invitations"
_NO_SUCH_INVITATION = "No such invitation in the caller's organisation"
_BAD_LINK = "The link was already used, replaced by a newer one, revoked or has expired"
_REQUESTED = (
    "If an active account signs in with this address, a link to reset its password is on its "
    "way; it works once, for {minutes} minutes."
)


def invitation_out(view: InvitationView) -> InvitationOut:
    return InvitationOut(
        id=view.id,
        org_id=view.org_id,
        email=view.email,
        display_name=view.display_name,
        profession=view.profession,
        org_roles=view.org_roles,
        status=view.status,
        invited_by=view.invited_by,
        created_at=view.created_at,
        expires_at=view.expires_at,
        sent_count=view.sent_count,
        accepted_at=view.accepted_at,
        user_id=view.user_id,
        revoked_at=view.revoked_at,
    )


@router.post(
    "/v1/invitations",
    status_code=201,
    response_model=InvitationOut,
    operation_id="create_invitation",
    summary="Invite a person",
    responses={
        201: {"description": "Invited; the mail is on its way", "headers": LOCATION},
        **problems(
            403,
            409,
            _403=_ONLY_ADMINS,
            _409="The address is already someone's sign-in name, or has a pending invitation "
            "(resend that one)",
        ),
    },
)
async def create_invitation(
    body: InvitationCreate, identity: IdentityDep, principal: CurrentPrincipal
) -> JSONResponse:
    """Invite someone into the caller's organisation with a profession and org roles (org
    admins). They get a mail with a link, good once and for seven days, that lets them choose a
    password and become a person of the organisation. An expired invitation of the same address
    is replaced."""
    now = identity.clock()

    async def run(conn: AsyncConnection) -> CommandResult:
        view = await accounts.invite(
            conn,
            identity,
            principal=principal,
            email=body.email,
            display_name=body.display_name,
            profession=body.profession,
            org_roles=frozenset(body.org_roles),
            now=now,
        )
        body_json = invitation_out(view).model_dump(mode="json")
        return CommandResult(201, body_json, {"Location": f"/v1/invitations/{view.id}"})

    return respond(await execute(identity.engine, run, after_commit=identity.mail_queued))


@router.get(
    "/v1/invitations",
    response_model=InvitationPage,
    operation_id="list_invitations",
    summary="List invitations",
    responses=problems(403, _403=_ONLY_ADMINS),
)
async def list_invitations(
    identity: IdentityDep,
    principal: CurrentPrincipal,
    status: Annotated[InvitationStatus | None, Query(description="Only these")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> InvitationPage:
    """The organisation's invitations, oldest first, with cursor pagination (org admins)."""
    async with identity.engine.connect() as conn:
        listed = await accounts.list_invitations(
            conn,
            principal=principal,
            status=status,
            after=time_and_id_cursor(cursor),
            limit=limit,
            now=identity.clock(),
        )
    return InvitationPage(
        items=[invitation_out(v) for v in listed.invitations],
        next_cursor=listed.page.next_cursor(
            lambda row: [row["created_at"].isoformat(), row["invitation_id"]]
        ),
    )


@router.get(
    "/v1/invitations/{invitation_id}",
    response_model=InvitationOut,
    operation_id="read_invitation",
    summary="Read an invitation",
    responses=problems(403, 404, _403=_ONLY_ADMINS, _404=_NO_SUCH_INVITATION),
)
async def read_invitation(
    invitation_id: InvitationId, identity: IdentityDep, principal: CurrentPrincipal
) -> InvitationOut:
    """An invitation of the caller's organisation and where it stands (org admins)."""
    async with identity.engine.connect() as conn:
        view = await accounts.read_invitation(
            conn, invitation_id=str(invitation_id), principal=principal, now=identity.clock()
        )
    return invitation_out(view)


@router.post(
    "/v1/invitations/{invitation_id}/resend",
    response_model=InvitationOut,
    operation_id="resend_invitation",
    summary="Send an invitation again",
    responses=problems(
        403,
        404,
        409,
        _403=_ONLY_ADMINS,
        _404=_NO_SUCH_INVITATION,
        _409="The invitation was accepted or revoked",
    ),
)
async def resend_invitation(
    invitation_id: InvitationId, identity: IdentityDep, principal: CurrentPrincipal
) -> JSONResponse:
    """Mail a new link, good for seven days again (org admins); the previous link stops
    working. For a pending or an expired invitation."""
    now = identity.clock()

    async def run(conn: AsyncConnection) -> CommandResult:
        view = await accounts.resend(
            conn, identity, invitation_id=str(invitation_id), principal=principal, now=now
        )
        return CommandResult(200, invitation_out(view).model_dump(mode="json"))

    return respond(await execute(identity.engine, run, after_commit=identity.mail_queued))


@router.post(
    "/v1/invitations/{invitation_id}/revoke",
    response_model=InvitationOut,
    operation_id="revoke_invitation",
    summary="Revoke an invitation",
    responses=problems(
        403,
        404,
        409,
        _403=_ONLY_ADMINS,
        _404=_NO_SUCH_INVITATION,
        _409="The invitation was accepted: deactivate the person instead",
    ),
)
async def revoke_invitation(
    invitation_id: InvitationId, identity: IdentityDep, principal: CurrentPrincipal
) -> JSONResponse:
    """The link stops working and the invitee's address and name are forgotten (org admins).
    Revoking again answers the same."""
    now = identity.clock()

    async def run(conn: AsyncConnection) -> CommandResult:
        view = await accounts.revoke(
            conn, invitation_id=str(invitation_id), principal=principal, now=now
        )
        return CommandResult(200, invitation_out(view).model_dump(mode="json"))

    return respond(await execute(identity.engine, run))


@router.post(
    "/v1/invitations/accept",
    status_code=201,
    response_model=UserOut,
    operation_id="accept_invitation",
    summary="Accept an invitation",
    responses={
        201: {"description": "The person the invitee now is", "headers": LOCATION},
        **problems(
            400,
            409,
            422,
            _400=_BAD_LINK,
            _409="Someone already signs in with the invitation's address",
            _422="Invalid input, or a password the policy refuses (every reason is named)",
        ),
    },
)
async def accept_invitation(body: InvitationAccept, identity: IdentityDep) -> JSONResponse:
    """For the invitee, without a token: the link's token and the password they chose. They
    become a person of the organisation, with the profession and roles they were invited with,
    and sign in with the invitation's address and this password. The link is then used up."""
    now = identity.clock()
    person = await accounts.invitee(identity, token=body.token, password=body.password, now=now)

    async def run(conn: AsyncConnection) -> CommandResult:
        viewer = await accounts.accept(conn, identity, token=body.token, person=person, now=now)
        return CommandResult(201, person_json(viewer), {"Location": f"/v1/users/{viewer.id}"})

    return respond(await execute(identity.engine, run, after_commit=identity.store.committed))


@resets.post(
    "/v1/password-resets",
    status_code=202,
    response_model=ResetRequested,
    operation_id="request_password_reset",
    summary="Ask for a password reset link",
    responses={
        202: {"description": "The same answer whether or not the account exists"},
        **problems(429, _429="Too many requests for this address; retry after Retry-After"),
    },
)
async def request_password_reset(
    body: ResetRequest, request: Request, identity: IdentityDep
) -> JSONResponse:
    """For anyone, without a token: if an active account signs in with the address, it is
    mailed a link, good once and for 30 minutes, to choose a new password. The answer is the
    same for every address, known or not; requests are limited per address."""
    now = identity.clock()
    try:
        await accounts.request_reset(identity, email=body.email, now=now)
    except TooManyAttempts as exc:
        return too_many_attempts(exc, request)
    identity.mail_queued()
    minutes = int(identity.links.reset_ttl.total_seconds() // 60)
    answer = ResetRequested(detail=_REQUESTED.format(minutes=minutes))
    return JSONResponse(answer.model_dump(), status_code=202)


@resets.post(
    "/v1/password-resets/complete",
    status_code=204,
    response_class=Response,
    operation_id="complete_password_reset",
    summary="Set a new password with a reset link",
    responses={
        204: {"description": "The new password is set; every session was signed out"},
        **problems(
            400,
            422,
            _400=_BAD_LINK,
            _422="Invalid input, or a password the policy refuses (every reason is named)",
        ),
    },
)
async def complete_password_reset(body: ResetComplete, identity: IdentityDep) -> Response:
    """For the holder of a reset link, without a token: the link's token and the new password.
    The password is set, the link and every other open reset link of the account are used up,
    and every refresh token of the account is revoked (sign in again everywhere)."""
    now = identity.clock()
    password_hash = await accounts.new_password_hash(
        identity, token=body.token, password=body.password, now=now
    )

    async def run(conn: AsyncConnection) -> CommandResult:
        await accounts.complete_reset(
            conn, identity, token=body.token, password_hash=password_hash, now=now
        )
        return CommandResult(204, None)

    await execute(identity.engine, run)
    return Response(status_code=204)
