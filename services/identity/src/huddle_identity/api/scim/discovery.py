"""The discovery endpoints of RFC 7644 §4: what identity's SCIM service supports."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from scim2_models import (
    Context,
    ListResponse,
    Meta,
    NotFoundException,
    NotImplementedException,
    ResourceType,
    Schema,
)

from huddle_identity.api.scim import openapi
from huddle_identity.api.scim.common import ResourceId, ScimResponse, answer, base_url
from huddle_identity.api.scim.resources import CONFIG, RESOURCE_TYPES, SCHEMAS, schema_by_id
from huddle_identity.api.scim.security import ScimConnector

router = APIRouter(prefix="/scim/v2", tags=["scim"], default_response_class=ScimResponse)

_RESPONSE = Context.RESOURCE_QUERY_RESPONSE


def _located(resource_type: ResourceType, url: str) -> ResourceType:
    located = resource_type.model_copy(deep=True)
    located.meta = Meta(resource_type="ResourceType", location=f"{url}/ResourceTypes/{located.id}")
    return located


def _located_schema(schema: Schema, url: str) -> Schema:
    located = schema.model_copy(deep=True)
    located.meta = Meta(resource_type="Schema", location=f"{url}/Schemas/{located.id}")
    return located


def _listed(resources: list[ResourceType] | list[Schema]) -> JSONResponse:
    listed = ListResponse[ResourceType | Schema](
        total_results=len(resources),
        start_index=1,
        items_per_page=len(resources),
        resources=resources,
    )
    return ScimResponse(listed.model_dump(scim_ctx=Context.SEARCH_RESPONSE))


@router.get(
    "/ServiceProviderConfig",
    operation_id="scim_read_service_provider_config",
    summary="What the SCIM service supports",
    responses={
        200: openapi.ok("The configuration", "ScimServiceProviderConfig"),
        **openapi.errors(401, 403),
    },
)
async def read_service_provider_config(request: Request, principal: ScimConnector) -> JSONResponse:
    """PATCH, filters (maxResults 200), ETags and password changes are supported; bulk,
    sorting and cursors are not. Groups are the fixed org roles."""
    config = CONFIG.model_copy(deep=True)
    config.meta = Meta(
        resource_type="ServiceProviderConfig", location=f"{base_url(request)}/ServiceProviderConfig"
    )
    return answer(config, _RESPONSE)


@router.get(
    "/ResourceTypes",
    operation_id="scim_list_resource_types",
    summary="The SCIM resource types",
    responses={
        200: openapi.ok("User and Group", "ScimResourceTypeList"),
        **openapi.errors(401, 403),
    },
)
async def list_resource_types(request: Request, principal: ScimConnector) -> JSONResponse:
    """User (with the enterprise and Huddle extensions) and Group."""
    url = base_url(request)
    return _listed([_located(resource_type, url) for resource_type in RESOURCE_TYPES])


@router.get(
    "/ResourceTypes/{resource_type}",
    operation_id="scim_read_resource_type",
    summary="A SCIM resource type",
    responses={
        200: openapi.ok("The resource type", "ScimResourceType"),
        **openapi.errors(400, 401, 403, 404, _404="No such resource type"),
    },
)
async def read_resource_type(
    resource_type: ResourceId, request: Request, principal: ScimConnector
) -> JSONResponse:
    """User or Group."""
    found = next((t for t in RESOURCE_TYPES if t.id == resource_type), None)
    if found is None:
        raise NotFoundException(detail="No such resource type")
    return answer(_located(found, base_url(request)), _RESPONSE)


@router.get(
    "/Schemas",
    operation_id="scim_list_schemas",
    summary="The SCIM schemas, as Huddle keeps them",
    responses={200: openapi.ok("The schemas", "ScimSchemaList"), **openapi.errors(401, 403)},
)
async def list_schemas(request: Request, principal: ScimConnector) -> JSONResponse:
    """The attributes Huddle keeps of each resource (others sent are accepted and dropped),
    and the schemas of the discovery resources."""
    url = base_url(request)
    return _listed([_located_schema(schema, url) for schema in SCHEMAS])


@router.get(
    "/Schemas/{schema_id}",
    operation_id="scim_read_schema",
    summary="A SCIM schema",
    responses={
        200: openapi.ok("The schema", "ScimSchema"),
        **openapi.errors(400, 401, 403, 404, _404="No such schema"),
    },
)
async def read_schema(
    schema_id: ResourceId, request: Request, principal: ScimConnector
) -> JSONResponse:
    """One schema, by its URN."""
    found = schema_by_id(schema_id)
    if found is None:
        raise NotFoundException(detail="No such schema")
    return answer(_located_schema(found, base_url(request)), _RESPONSE)


@router.post(
    "/.search",
    status_code=501,
    operation_id="scim_search_everything",
    summary="Search every resource type at once: not supported (SCIM)",
    responses=openapi.errors(401, 403, 501, _501="Search people at /Users/.search instead"),
)
async def search_everything(principal: ScimConnector) -> JSONResponse:
    """Searching Users and Groups together is not supported (501): people are searched at
    /Users/.search, and the three groups are listed at /Groups."""
    raise NotImplementedException(detail="Search people at /Users/.search instead")
