"""``/scim/v2/Users``: the organisation's people, provisioned by its identity provider."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse
from scim2_models import (
    Context,
    ListResponse,
    PatchOp,
    PreconditionFailedException,
    SearchRequest,
    UniquenessException,
)

from huddle_identity.api.deps import IdentityDep
from huddle_identity.api.scim import mapping, openapi
from huddle_identity.api.scim.common import (
    Attributes,
    ExcludedAttributes,
    IfNoneMatch,
    ResourceId,
    ScimResponse,
    answer,
    base_url,
    not_modified,
    payload,
    read,
    response_parameters,
)
from huddle_identity.api.scim.filters import user_criterion
from huddle_identity.api.scim.resources import (
    DEFAULT_COUNT,
    MAX_RESULTS,
    POLICY,
    ScimUser,
)
from huddle_identity.api.scim.security import ScimConnector
from huddle_identity.application import directory, provisioning
from huddle_identity.application.directory import EVERYONE, DirectoryPerson
from huddle_identity.projections.people import SignInNameTaken
from huddle_shared.auth import Principal
from huddle_shared.errors import ConcurrencyConflict, PreconditionFailed
from huddle_shared.http import IfMatch, event_context

router = APIRouter(prefix="/scim/v2/Users", tags=["scim"], default_response_class=ScimResponse)

_NO_SUCH = "No such person in the connector's organisation (or they were deleted)"
_REFUSED = (
    "Invalid input; a value Huddle cannot keep (no email address, a password the policy "
    "refuses); or a rule: the organisation keeps one active org admin"
)
_USER = openapi.ok("The person", "ScimUser", headers=openapi.RESOURCE_HEADERS)


def _answer(
    request: Request,
    person: DirectoryPerson,
    context: Context,
    *,
    status_code: int = 200,
    attributes: str | None = None,
    excluded: str | None = None,
) -> JSONResponse:
    resource = mapping.user_resource(person, base_url=base_url(request))
    headers = {"ETag": mapping.weak_etag(person.version)}
    if status_code == 201 and resource.meta is not None and resource.meta.location:
        headers["Location"] = resource.meta.location
    parameters = response_parameters(ScimUser, attributes, excluded)
    return answer(
        resource, context, status_code=status_code, parameters=parameters, headers=headers
    )


@router.post(
    "",
    status_code=201,
    operation_id="scim_create_user",
    summary="Provision a person (SCIM)",
    responses={
        201: openapi.ok("The person as provisioned", "ScimUser", headers=openapi.CREATED_HEADERS),
        **openapi.errors(400, 401, 403, 409, 413, 415, _400=_REFUSED),
    },
    openapi_extra=openapi.body("ScimUser", "The person (RFC 7643 User)"),
)
async def create_user(
    request: Request,
    identity: IdentityDep,
    principal: ScimConnector,
    attributes: Attributes = None,
    excluded_attributes: ExcludedAttributes = None,
) -> JSONResponse:
    """A new person of the connector's organisation, with org role member (the groups add
    roles). userName and email are unique across Huddle (409 uniqueness). A password, if sent,
    must pass Huddle's policy; without one the person signs in through the identity provider."""
    user = read(ScimUser, await payload(request), Context.RESOURCE_CREATION_REQUEST)
    wanted = mapping.wanted_person(user)
    try:
        person = await provisioning.provision_person(
            identity, wanted=wanted, principal=principal, context=event_context(request, principal)
        )
    except SignInNameTaken as exc:
        raise UniquenessException(detail=exc.detail) from exc
    return _answer(
        request,
        person,
        Context.RESOURCE_CREATION_RESPONSE,
        status_code=201,
        attributes=attributes,
        excluded=excluded_attributes,
    )


async def _search(
    request: Request, identity: IdentityDep, principal: Principal, search: SearchRequest[Any]
) -> JSONResponse:
    criterion = user_criterion(search.filter) if search.filter is not None else EVERYONE
    start = search.start_index or 1
    count = min(search.count if search.count is not None else DEFAULT_COUNT, MAX_RESULTS)
    async with identity.engine.connect() as conn:
        found = await directory.find_people(
            conn, principal=principal, criterion=criterion, start_index=start, count=count
        )
    url = base_url(request)
    listed = ListResponse[ScimUser](
        total_results=found.total,
        start_index=start,
        items_per_page=len(found.people),
        resources=[mapping.user_resource(person, base_url=url) for person in found.people],
    )
    body = listed.model_dump(scim_ctx=Context.SEARCH_RESPONSE, response_parameters=search)
    return ScimResponse(body)


def _search_request(data: dict[str, Any]) -> SearchRequest[Any]:
    search: SearchRequest[Any] = read(SearchRequest[ScimUser], data, Context.SEARCH_REQUEST)
    return search


@router.get(
    "",
    operation_id="scim_list_users",
    summary="List or find people (SCIM)",
    responses={
        200: openapi.ok("A page of people", "ScimUserList"),
        **openapi.errors(400, 401, 403, _400="A filter Huddle cannot evaluate (invalidFilter)"),
    },
)
async def list_users(
    request: Request,
    identity: IdentityDep,
    principal: ScimConnector,
    filter: Annotated[
        str | None,
        Query(
            max_length=2000,
            description='e.g. userName eq "a@b.example", externalId eq "…", active eq true, '
            "joined by and / or",
        ),
    ] = None,
    start_index: Annotated[
        int | None, Query(alias="startIndex", description="1-based index of the first result")
    ] = None,
    count: Annotated[
        int | None, Query(description=f"Page size (at most {MAX_RESULTS}; 0: only the total)")
    ] = None,
    attributes: Attributes = None,
    excluded_attributes: ExcludedAttributes = None,
) -> JSONResponse:
    """The people of the connector's organisation, oldest first, a page at a time (startIndex,
    count); totalResults counts every match. Sorting is not supported."""
    query = {
        "filter": filter,
        "startIndex": start_index,
        "count": count,
        "attributes": attributes,
        "excludedAttributes": excluded_attributes,
    }
    search = _search_request({k: v for k, v in query.items() if v is not None})
    return await _search(request, identity, principal, search)


@router.post(
    "/.search",
    operation_id="scim_search_users",
    summary="Find people with a search request (SCIM)",
    responses={
        200: openapi.ok("A page of people", "ScimUserList"),
        **openapi.errors(400, 401, 403, 413, 415),
    },
    openapi_extra=openapi.body("ScimSearchRequest", "The search (RFC 7644 §3.4.3)"),
)
async def search_users(
    request: Request, identity: IdentityDep, principal: ScimConnector
) -> JSONResponse:
    """As listing people, with the parameters in the body, so that no filter value (an email
    address) travels in a URL."""
    return await _search(request, identity, principal, _search_request(await payload(request)))


@router.get(
    "/{user_id}",
    operation_id="scim_read_user",
    summary="Read a person (SCIM)",
    responses={
        200: _USER,
        304: {"description": "Not modified: If-None-Match holds the current version"},
        **openapi.errors(400, 401, 403, 404, _404=_NO_SUCH),
    },
)
async def read_user(
    user_id: ResourceId,
    request: Request,
    identity: IdentityDep,
    principal: ScimConnector,
    attributes: Attributes = None,
    excluded_attributes: ExcludedAttributes = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """A person of the connector's organisation; the ETag (weak) is their stream version."""
    async with identity.engine.connect() as conn:
        person = await directory.read_person(conn, user_id=user_id, principal=principal)
    unchanged = not_modified(if_none_match, person.version)
    if unchanged is not None:
        return unchanged
    return _answer(
        request,
        person,
        Context.RESOURCE_QUERY_RESPONSE,
        attributes=attributes,
        excluded=excluded_attributes,
    )


async def _revise(
    request: Request,
    identity: IdentityDep,
    principal: Principal,
    *,
    user_id: str,
    want: Any,
    if_match: str | None,
) -> DirectoryPerson:
    try:
        return await provisioning.revise_person(
            identity,
            user_id=user_id,
            want=want,
            principal=principal,
            context=event_context(request, principal),
            if_match=if_match,
        )
    except SignInNameTaken as exc:
        raise UniquenessException(detail=exc.detail) from exc
    except (ConcurrencyConflict, PreconditionFailed) as exc:
        if if_match is None:
            raise
        raise PreconditionFailedException(detail="The person changed; read them again") from exc


@router.put(
    "/{user_id}",
    operation_id="scim_replace_user",
    summary="Replace a person (SCIM)",
    responses={
        200: _USER,
        **openapi.errors(400, 401, 403, 404, 409, 412, 413, 415, _400=_REFUSED, _404=_NO_SUCH),
    },
    openapi_extra=openapi.body("ScimUser", "The person as a whole (RFC 7644 §3.5.1)"),
)
async def replace_user(
    user_id: ResourceId,
    request: Request,
    identity: IdentityDep,
    principal: ScimConnector,
    if_match: IfMatch = None,
    attributes: Attributes = None,
    excluded_attributes: ExcludedAttributes = None,
) -> JSONResponse:
    """The person becomes what the body says: absent attributes are cleared, except the
    profession and active (kept as they are) and the password (kept). active false deactivates
    them at once (no sign-in, no refresh); true reactivates."""
    replacement = read(ScimUser, await payload(request), Context.RESOURCE_REPLACEMENT_REQUEST)
    url = base_url(request)

    def want(held: DirectoryPerson) -> provisioning.WantedPerson:
        wanted = replacement.model_copy(deep=True)
        wanted.replace(mapping.user_resource(held, base_url=url))
        return mapping.wanted_person(wanted)

    person = await _revise(
        request, identity, principal, user_id=user_id, want=want, if_match=if_match
    )
    return _answer(
        request,
        person,
        Context.RESOURCE_REPLACEMENT_RESPONSE,
        attributes=attributes,
        excluded=excluded_attributes,
    )


@router.patch(
    "/{user_id}",
    operation_id="scim_patch_user",
    summary="Change a person (SCIM PatchOp)",
    responses={
        200: _USER,
        **openapi.errors(400, 401, 403, 404, 409, 412, 413, 415, _400=_REFUSED, _404=_NO_SUCH),
    },
    openapi_extra=openapi.body("ScimPatchOp", "add, remove and replace operations (§3.5.2)"),
)
async def patch_user(
    user_id: ResourceId,
    request: Request,
    identity: IdentityDep,
    principal: ScimConnector,
    if_match: IfMatch = None,
    attributes: Attributes = None,
    excluded_attributes: ExcludedAttributes = None,
) -> JSONResponse:
    """Apply the operations, in order and all or none, to the person as they are: active,
    userName, name, displayName, emails, externalId, password, the enterprise department and
    Huddle's profession. Attributes Huddle does not keep are accepted and dropped."""
    patch = read(PatchOp[ScimUser], await payload(request), Context.RESOURCE_PATCH_REQUEST)
    url = base_url(request)

    def want(held: DirectoryPerson) -> provisioning.WantedPerson:
        user = mapping.user_resource(held, base_url=url, for_patch=True)
        patch.patch(user, scim_policy=POLICY)
        return mapping.wanted_person(user)

    person = await _revise(
        request, identity, principal, user_id=user_id, want=want, if_match=if_match
    )
    return _answer(
        request,
        person,
        Context.RESOURCE_PATCH_RESPONSE,
        attributes=attributes,
        excluded=excluded_attributes,
    )


@router.delete(
    "/{user_id}",
    status_code=204,
    operation_id="scim_delete_user",
    summary="Delete a person: erase their personal data (SCIM)",
    responses=openapi.errors(
        400,
        401,
        403,
        404,
        _400="It would leave the organisation without an active org admin",
        _404=_NO_SUCH,
    ),
)
async def delete_user(
    user_id: ResourceId, request: Request, identity: IdentityDep, principal: ScimConnector
) -> Response:
    """Erase the person exactly as an org admin's erasure does: their key is destroyed, their
    name and email unreadable everywhere, history kept. They are then gone (404)."""
    await provisioning.deprovision_person(
        identity, user_id=user_id, principal=principal, context=event_context(request, principal)
    )
    return Response(status_code=204)
