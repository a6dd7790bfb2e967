"""What free text the organisation shares in its integration events (opt-in, per field)."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from huddle_integrations.application import sharing
from huddle_integrations.domain.sharing import Sharing
from huddle_shared.auth import CurrentPrincipal
from huddle_shared.commands import write
from huddle_shared.contracts.integration import ShareableField
from huddle_shared.deps import Runtime
from huddle_shared.http import IdempotencyKey, IfMatch, etag
from huddle_shared.problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1/integrations", tags=["sharing"], responses=PROBLEM_RESPONSES)


class SharingOut(BaseModel):
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


@router.get("/sharing", response_model=SharingOut, summary="Read what the organisation shares")
async def read_sharing(principal: CurrentPrincipal, runtime: Runtime) -> Response:
    """The free-text fields included in integration events (by default none: team names,
    campaign titles and role-change reasons go out as null). Org admins and clients with
    `events:read`."""
    found = await sharing.read_sharing(runtime.engine, runtime.store, principal)
    return Response(
        content=SharingOut.model_validate(sharing_out(found)).model_dump_json(),
        media_type="application/json",
        headers={"ETag": etag(found.version)},
    )


@router.put("/sharing", response_model=SharingOut, summary="Change what the organisation shares")
async def change_sharing(
    body: SharingIn,
    request: Request,
    principal: CurrentPrincipal,
    runtime: Runtime,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Org admins only. Applies to events published from now on; nothing is re-sent."""
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
