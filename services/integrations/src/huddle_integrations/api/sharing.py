"""What free text the organisation shares in its integration events (opt-in, per field)."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from huddle_integrations.api import examples
from huddle_integrations.api.common import INTEGRATOR_403, ORG_ADMIN_403
from huddle_integrations.application import sharing
from huddle_integrations.domain.sharing import Sharing
from huddle_shared.auth import CurrentPrincipal
from huddle_shared.commands import write
from huddle_shared.contracts.integration import ShareableField
from huddle_shared.deps import Runtime
from huddle_shared.http import IdempotencyKey, IfMatch, etag
from huddle_shared.openapi import ETAG, problems

router = APIRouter(prefix="/v1/integrations", tags=["sharing"])


class SharingOut(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [examples.SHARING]})

    org_id: str
    shared_fields: list[ShareableField] = Field(description="Free-text fields sent to integrators")
    shareable_fields: list[ShareableField] = Field(description="Every field that can be shared")
    version: int = Field(description="The settings' version (also the ETag)")
    updated_at: datetime | None
    updated_by: str | None


class SharingIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"shared_fields": ["team.name"]}]}
    )

    shared_fields: list[ShareableField] = Field(max_length=len(ShareableField))


def sharing_out(found: Sharing) -> dict[str, object]:
    return SharingOut(
        org_id=found.org_id,
        shared_fields=sorted(found.shared_fields),
        shareable_fields=list(ShareableField),
        version=found.version,
        updated_at=found.updated_at,
        updated_by=found.updated_by,
    ).model_dump(mode="json")


@router.get(
    "/sharing",
    response_model=SharingOut,
    operation_id="read_sharing_settings",
    summary="Read what the organisation shares",
    responses={
        200: {"description": "The sharing settings, with their version", "headers": ETAG},
        **problems(403, _403=INTEGRATOR_403),
    },
)
async def read_sharing(principal: CurrentPrincipal, runtime: Runtime) -> Response:
    """Org admins and clients with `events:read`: the free-text fields included in the
    organisation's integration events (by default none: team names, campaign titles and
    role-change reasons go out as null), with the settings' version as `ETag`."""
    found = await sharing.read_sharing(runtime.engine, runtime.store, principal)
    return Response(
        content=SharingOut.model_validate(sharing_out(found)).model_dump_json(),
        media_type="application/json",
        headers={"ETag": etag(found.version)},
    )


@router.put(
    "/sharing",
    response_model=SharingOut,
    operation_id="update_sharing_settings",
    summary="Change what the organisation shares",
    responses={
        200: {"description": "The settings as changed, with their new version", "headers": ETAG},
        **problems(
            403,
            409,
            412,
            422,
            _403=ORG_ADMIN_403,
            _409="Another change was made at the same time; read the settings again",
            _412="If-Match is not the settings' current version",
            _422="Invalid body (a field that cannot be shared), or an Idempotency-Key already "
            "used for another request",
        ),
    },
)
async def change_sharing(
    body: SharingIn,
    request: Request,
    principal: CurrentPrincipal,
    runtime: Runtime,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Org admins only: replaces the list of shared fields and answers the settings with their
    new version as `ETag`. It applies to events published from now on; nothing is re-sent.
    Sending the same fields again changes nothing (the version stays)."""
    store = runtime.store
    return await write(
        request,
        principal,
        target=runtime,
        change=lambda conn, caller: sharing.change_sharing(
            conn, store=store, fields=body.shared_fields, caller=caller
        ),
        render=sharing_out,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )
