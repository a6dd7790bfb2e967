"""Routes for organisations: sign-up (a new tenant with its first admin) and reading one's own."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_identity.api.common import OrgId
from huddle_identity.api.deps import IdentityDep
from huddle_identity.api.schemas import OrgCreate, OrgCreated, OrgOut
from huddle_identity.api.users import person_out
from huddle_identity.application import handlers, queries, registration
from huddle_shared.auth import CurrentPrincipal
from huddle_shared.commands import CommandResult, execute, respond
from huddle_shared.contracts.identity import OrgRole
from huddle_shared.openapi import LOCATION, problems

router = APIRouter(prefix="/v1/orgs", tags=["organisations"])


@router.post(
    "",
    status_code=201,
    response_model=OrgCreated,
    operation_id="create_org",
    summary="Sign up an organisation",
    responses={
        201: {"description": "The organisation and its first org admin", "headers": LOCATION},
        **problems(
            409,
            422,
            _409="A user with this email address already exists",
            _422="Invalid input, or a password the policy refuses (every reason is named)",
        ),
    },
)
async def create_org(body: OrgCreate, identity: IdentityDep) -> JSONResponse:
    """Sign-up, for anyone, without a token: a new organisation (tenant) and the person who
    administers it, who can then sign in with the email and password given. Emails are unique
    across Huddle (409); a weak password is refused with each reason (422)."""
    person = body.admin
    admin = await registration.new_person(
        identity.passwords,
        email=person.email,
        password=person.password,
        display_name=person.display_name,
        profession=person.profession,
        org_roles=frozenset({OrgRole.ORG_ADMIN}),
    )
    org_id = str(uuid.uuid4())

    # Not ``write``: there is no caller yet (the new admin acts for themselves), and sign-up
    # answers without an ETag and without idempotency.
    async def run(conn: AsyncConnection) -> CommandResult:
        org, first_admin = await handlers.create_organization(
            conn, identity, org_id=org_id, name=body.name, admin=admin, now=identity.clock()
        )
        out = OrgCreated(
            org=OrgOut(id=org.id, name=org.name, created_at=org.created_at),
            admin=person_out(first_admin),
        )
        return CommandResult(201, out.model_dump(mode="json"), {"Location": f"/v1/orgs/{org_id}"})

    return respond(await execute(identity.engine, run, after_commit=identity.store.committed))


@router.get(
    "/{org_id}",
    response_model=OrgOut,
    operation_id="read_org",
    summary="Read the organisation",
    responses=problems(404, _404="Not the caller's organisation, or no such organisation"),
)
async def read_org(org_id: OrgId, identity: IdentityDep, principal: CurrentPrincipal) -> OrgOut:
    """The caller's own organisation (any person or integration client of it); every other id
    answers 404."""
    async with identity.engine.connect() as conn:
        org = await queries.read_organization(conn, org_id=str(org_id), principal=principal)
    return OrgOut(id=org.id, name=org.name, created_at=org.created_at)
