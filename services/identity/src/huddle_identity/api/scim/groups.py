"""``/scim/v2/Groups``: the organisation's org roles, one fixed group each.

Adding a person to a group gives them the role; removing them takes it away, through the same
decision as an org admin's change, so the organisation keeps an active org admin and nobody is
left without a role (400 invalidValue; nobody changes). Groups cannot be created, renamed or
deleted (501). The three groups are few: filters on them are evaluated by scim2-models itself.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse
from scim2_models import (
    Context,
    Group,
    ListResponse,
    MutabilityException,
    NotFoundException,
    NotImplementedException,
    PatchOp,
    PreconditionFailedException,
    SearchRequest,
)

from huddle_identity.api.deps import IdentityDep
from huddle_identity.api.scim import mapping, openapi
from huddle_identity.api.scim.common import (
    Attributes,
    ExcludedAttributes,
    ResourceId,
    ScimResponse,
    answer,
    base_url,
    payload,
    read,
    response_parameters,
)
from huddle_identity.api.scim.resources import GROUP_NAMES, MAX_RESULTS, POLICY, role_of_group
from huddle_identity.api.scim.security import ScimConnector
from huddle_identity.application import directory, provisioning
from huddle_shared.auth import Principal
from huddle_shared.contracts.identity import OrgRole
from huddle_shared.http import IfMatch, event_context

router = APIRouter(prefix="/scim/v2/Groups", tags=["scim"], default_response_class=ScimResponse)

_NO_SUCH = "No such group in the connector's organisation"
_FIXED = "Huddle's groups are its three org roles: they cannot be created or deleted"
_GROUP = openapi.ok("The group", "ScimGroup", headers=openapi.RESOURCE_HEADERS)
_REFUSED = (
    "Invalid input; a member who is no person of the organisation; or a rule: the "
    "organisation keeps one active org admin, and everyone keeps one role"
)


async def _group(identity: IdentityDep, principal: Principal, role: OrgRole, url: str) -> Group:
    async with identity.engine.connect() as conn:
        holders = await directory.role_holders(conn, principal=principal, role=role)
    return mapping.group_resource(principal.org_id, role, holders, base_url=url)


def _role(principal: Principal, group_id: str) -> OrgRole:
    role = role_of_group(principal.org_id, group_id)
    if role is None:
        raise NotFoundException(detail=_NO_SUCH)
    return role


def _version(group: Group) -> str:
    assert group.meta is not None and group.meta.version is not None
    return group.meta.version


@router.get(
    "",
    operation_id="scim_list_groups",
    summary="List or find the org-role groups (SCIM)",
    responses={
        200: openapi.ok("The groups", "ScimGroupList"),
        **openapi.errors(400, 401, 403),
    },
)
async def list_groups(
    request: Request,
    identity: IdentityDep,
    principal: ScimConnector,
    filter: Annotated[
        str | None, Query(max_length=2000, description='e.g. displayName eq "Huddle analysts"')
    ] = None,
    start_index: Annotated[int | None, Query(alias="startIndex")] = None,
    count: Annotated[int | None, Query()] = None,
    attributes: Attributes = None,
    excluded_attributes: ExcludedAttributes = None,
) -> JSONResponse:
    """The organisation's three groups with their members; any filter on displayName, id or
    members (e.g. members[value eq "…"]) applies."""
    query = {
        "filter": filter,
        "startIndex": start_index,
        "count": count,
        "attributes": attributes,
        "excludedAttributes": excluded_attributes,
    }
    search: SearchRequest[Group] = read(
        SearchRequest[Group],
        {k: v for k, v in query.items() if v is not None},
        Context.SEARCH_REQUEST,
    )
    url = base_url(request)
    groups = [await _group(identity, principal, role, url) for role in GROUP_NAMES]
    if search.filter is not None:
        groups = [group for group in groups if search.filter.match(group)]
    start = search.start_index or 1
    size = min(search.count if search.count is not None else MAX_RESULTS, MAX_RESULTS)
    page = groups[start - 1 : start - 1 + size]
    listed = ListResponse[Group](
        total_results=len(groups), start_index=start, items_per_page=len(page), resources=page
    )
    return ScimResponse(
        listed.model_dump(scim_ctx=Context.SEARCH_RESPONSE, response_parameters=search)
    )


@router.get(
    "/{group_id}",
    operation_id="scim_read_group",
    summary="Read an org-role group (SCIM)",
    responses={200: _GROUP, **openapi.errors(400, 401, 403, 404, _404=_NO_SUCH)},
)
async def read_group(
    group_id: ResourceId,
    request: Request,
    identity: IdentityDep,
    principal: ScimConnector,
    attributes: Attributes = None,
    excluded_attributes: ExcludedAttributes = None,
) -> JSONResponse:
    """A group with its members (people holding the role, deactivated ones too); the weak
    ETag changes with the members."""
    group = await _group(identity, principal, _role(principal, group_id), base_url(request))
    parameters = response_parameters(Group, attributes, excluded_attributes)
    return answer(
        group,
        Context.RESOURCE_QUERY_RESPONSE,
        parameters=parameters,
        headers={"ETag": _version(group)},
    )


async def _change_members(
    request: Request,
    identity: IdentityDep,
    principal: Principal,
    *,
    role: OrgRole,
    before: Group,
    after: Group,
) -> JSONResponse:
    if after.display_name != before.display_name:
        raise MutabilityException(detail="Huddle's groups cannot be renamed")
    had, wanted = mapping.member_ids(before), mapping.member_ids(after)
    await provisioning.change_role_holders(
        identity,
        role=role,
        grant=wanted - had,
        revoke=had - wanted,
        principal=principal,
        context=event_context(request, principal),
    )
    group = await _group(identity, principal, role, base_url(request))
    return answer(group, Context.RESOURCE_PATCH_RESPONSE, headers={"ETag": _version(group)})


@router.patch(
    "/{group_id}",
    operation_id="scim_patch_group",
    summary="Add or remove members of an org-role group (SCIM PatchOp)",
    responses={
        200: _GROUP,
        **openapi.errors(400, 401, 403, 404, 412, 413, 415, _400=_REFUSED, _404=_NO_SUCH),
    },
    openapi_extra=openapi.body("ScimPatchOp", "Operations on members (RFC 7644 §3.5.2)"),
)
async def patch_group(
    group_id: ResourceId,
    request: Request,
    identity: IdentityDep,
    principal: ScimConnector,
    if_match: IfMatch = None,
) -> JSONResponse:
    """Members added get the role, members removed lose it, all in one transaction or none."""
    role = _role(principal, group_id)
    patch = read(PatchOp[Group], await payload(request), Context.RESOURCE_PATCH_REQUEST)
    before = await _group(identity, principal, role, base_url(request))
    if if_match is not None:
        _check(if_match, before)
    after = before.model_copy(deep=True)
    patch.patch(after, scim_policy=POLICY)
    return await _change_members(
        request, identity, principal, role=role, before=before, after=after
    )


@router.put(
    "/{group_id}",
    operation_id="scim_replace_group",
    summary="Replace the members of an org-role group (SCIM)",
    responses={
        200: _GROUP,
        **openapi.errors(400, 401, 403, 404, 412, 413, 415, _400=_REFUSED, _404=_NO_SUCH),
    },
    openapi_extra=openapi.body("ScimGroup", "The group, its displayName unchanged"),
)
async def replace_group(
    group_id: ResourceId,
    request: Request,
    identity: IdentityDep,
    principal: ScimConnector,
    if_match: IfMatch = None,
) -> JSONResponse:
    """The role's holders become exactly the members listed."""
    role = _role(principal, group_id)
    replacement = read(Group, await payload(request), Context.RESOURCE_REPLACEMENT_REQUEST)
    before = await _group(identity, principal, role, base_url(request))
    if if_match is not None:
        _check(if_match, before)
    replacement.replace(before)
    return await _change_members(
        request, identity, principal, role=role, before=before, after=replacement
    )


def _check(if_match: str, group: Group) -> None:
    """412 unless If-Match names the group's current (weak) version."""
    held = {tag.strip().removeprefix("W/") for tag in if_match.split(",")}
    if "*" not in held and _version(group).removeprefix("W/") not in held:
        raise PreconditionFailedException(detail="The group changed; read it again")


@router.post(
    "",
    status_code=501,
    operation_id="scim_create_group",
    summary="Create a group: not supported (SCIM)",
    responses=openapi.errors(401, 403, 501, _501=_FIXED),
)
async def create_group(principal: ScimConnector) -> Response:
    """Huddle's groups are fixed, one per org role; name your identity provider's groups after
    them instead (501)."""
    raise NotImplementedException(detail=_FIXED)


@router.delete(
    "/{group_id}",
    status_code=501,
    operation_id="scim_delete_group",
    summary="Delete a group: not supported (SCIM)",
    responses=openapi.errors(401, 403, 501, _501=_FIXED),
)
async def delete_group(group_id: ResourceId, principal: ScimConnector) -> Response:
    """Huddle's groups are fixed, one per org role (501)."""
    raise NotImplementedException(detail=_FIXED)
