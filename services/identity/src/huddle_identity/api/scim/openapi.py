"""The SCIM routes in identity's OpenAPI document: bodies typed by JSON Schemas derived from the
SCIM schemas identity publishes (so the two cannot disagree), examples built by the same code
that answers, and errors in SCIM's format.

scim2-models' classes describe themselves as open objects to JSON Schema, so the components
here come from their SCIM ``Schema`` documents instead. The shared contract adds the problems
every route can meet (401, 422, 503...); under ``/scim/v2`` they are SCIM errors, as the app
answers them (a 422 is a ``400 invalidValue`` there).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI
from scim2_models import (
    Attribute,
    Context,
    EnterpriseUser,
    Error,
    Group,
    ListResponse,
    ResourceType,
    Schema,
    ServiceProviderConfig,
    User,
)

from huddle_identity.api.scim.mapping import group_resource, user_resource
from huddle_identity.api.scim.resources import (
    CONFIG,
    RESOURCE_TYPES,
    SCHEMAS,
    SCIM_JSON,
    HuddleUser,
    schema_by_id,
)
from huddle_identity.application.directory import DirectoryPerson
from huddle_identity.projections.people import DirectoryValues
from huddle_shared.contracts.identity import OrgRole, Profession
from huddle_shared.openapi import ETAG, LOCATION, RETRY_AFTER
from huddle_shared.problems import PROBLEM_JSON

_TYPES: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "boolean": {"type": "boolean"},
    "decimal": {"type": "number"},
    "integer": {"type": "integer"},
    "dateTime": {"type": "string", "format": "date-time"},
    "reference": {"type": "string"},
    "binary": {"type": "string"},
}
_SCHEMAS_ATTRIBUTE = {"type": "array", "items": {"type": "string"}, "description": "Schema URIs"}
_META = {
    "type": "object",
    "description": "Set by the service: the resource type, times, location and version",
    "properties": {
        "resourceType": {"type": "string"},
        "created": {"type": "string", "format": "date-time"},
        "lastModified": {"type": "string", "format": "date-time"},
        "location": {"type": "string"},
        "version": {"type": "string", "description": "The weak ETag, as in the ETag header"},
    },
}


def _attribute(attribute: Attribute) -> dict[str, Any]:
    kind = attribute.type.value if attribute.type else "string"
    schema: dict[str, Any]
    if kind == "complex":
        schema = {
            "type": "object",
            "properties": {
                str(sub.name): _attribute(sub) for sub in attribute.sub_attributes or []
            },
        }
    else:
        schema = dict(_TYPES.get(kind, {"type": "string"}))
    if attribute.multi_valued:
        schema = {"type": "array", "items": schema}
    if attribute.description:
        schema["description"] = " ".join(attribute.description.split())
    return schema


def resource_schema(
    schema: Schema, extensions: Sequence[tuple[Schema, str]] = ()
) -> dict[str, Any]:
    """The JSON Schema of a resource of ``schema`` as SCIM sends it; each extension is a
    property named by its URN, of the component named beside it."""
    properties: dict[str, Any] = {"schemas": _SCHEMAS_ATTRIBUTE}
    if schema.id not in (str(ServiceProviderConfig.__schema__),):
        properties.update({"id": {"type": "string"}, "externalId": {"type": "string"}})
    properties["meta"] = _META
    properties.update({str(a.name): _attribute(a) for a in schema.attributes or []})
    for extension, component in extensions:
        properties[str(extension.id)] = {"$ref": f"#/components/schemas/{component}"}
    return {"type": "object", "properties": properties}


def extension_schema(extension: Schema) -> dict[str, Any]:
    return {
        "type": "object",
        "description": extension.description or str(extension.name),
        "properties": {str(a.name): _attribute(a) for a in extension.attributes or []},
    }


def _published(model: type[Any]) -> Schema:
    found = schema_by_id(str(model.__schema__))
    assert found is not None, f"{model.__name__} is published"
    return found


def _list_of(name: str) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "schemas": _SCHEMAS_ATTRIBUTE,
            "totalResults": {"type": "integer"},
            "startIndex": {"type": "integer"},
            "itemsPerPage": {"type": "integer"},
            "Resources": {"type": "array", "items": {"$ref": f"#/components/schemas/{name}"}},
        },
    }


# ---- examples, made by the code that answers -------------------------------------------------

BASE = "https://identity.huddle.example/scim/v2"
_PERSON = DirectoryPerson(
    id="6f1d2b8e-3c4a-4e5f-9a7b-1c2d3e4f5a6b",
    org_id="0b7c9d1e-2f3a-4b5c-8d6e-7f8091a2b3c4",
    email="lena.park@riverside.example",
    display_name="Lena Park",
    directory=DirectoryValues(
        external_id="a3f0c2d4-58b1-4e7a-9c6d-0e1f2a3b4c5d",
        user_name="lena.park@riverside.example",
        given_name="Lena",
        family_name="Park",
        department="Emergency",
    ),
    profession=Profession.NURSE,
    org_roles=frozenset({OrgRole.MEMBER}),
    status="active",
    created_at=datetime(2026, 3, 5, 10, 40, 12, tzinfo=UTC),
    updated_at=datetime(2026, 3, 9, 8, 2, 51, tzinfo=UTC),
    version=3,
)
_RESPONSE = Context.RESOURCE_QUERY_RESPONSE
USER_EXAMPLE = user_resource(_PERSON, base_url=BASE).model_dump(scim_ctx=_RESPONSE)
USER_REQUEST_EXAMPLE = {
    "schemas": [
        str(User.__schema__),
        str(EnterpriseUser.__schema__),
        str(HuddleUser.__schema__),
    ],
    "externalId": "a3f0c2d4-58b1-4e7a-9c6d-0e1f2a3b4c5d",
    "userName": "lena.park@riverside.example",
    "name": {"givenName": "Lena", "familyName": "Park"},
    "displayName": "Lena Park",
    "emails": [{"value": "lena.park@riverside.example", "primary": True}],
    "active": True,
    str(EnterpriseUser.__schema__): {"department": "Emergency"},
    str(HuddleUser.__schema__): {"profession": "nurse"},
}
GROUP_EXAMPLE = group_resource(_PERSON.org_id, OrgRole.MEMBER, [_PERSON], base_url=BASE).model_dump(
    scim_ctx=_RESPONSE
)
PATCH_EXAMPLE = {
    "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
    "Operations": [
        {"op": "replace", "path": "active", "value": False},
        {"op": "replace", "path": "displayName", "value": "Lena Park-Ito"},
    ],
}
GROUP_PATCH_EXAMPLE = {
    "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
    "Operations": [{"op": "add", "path": "members", "value": [{"value": _PERSON.id}]}],
}
SEARCH_EXAMPLE = {
    "schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
    "filter": 'userName eq "lena.park@riverside.example"',
    "startIndex": 1,
    "count": 10,
}


def _listed(resources: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "schemas": [str(ListResponse.__schema__)],
        "totalResults": len(resources),
        "startIndex": 1,
        "itemsPerPage": len(resources),
        "Resources": resources,
    }


def _dumped(resource: Any) -> dict[str, Any]:
    dumped: dict[str, Any] = resource.model_dump(scim_ctx=_RESPONSE)
    return dumped


COMPONENTS: dict[str, dict[str, Any]] = {
    "ScimUser": {
        **resource_schema(
            _published(User),
            [
                (_published(EnterpriseUser), "ScimEnterpriseUser"),
                (_published(HuddleUser), "ScimHuddleUser"),
            ],
        ),
        "examples": [USER_EXAMPLE],
    },
    "ScimEnterpriseUser": extension_schema(_published(EnterpriseUser)),
    "ScimHuddleUser": extension_schema(_published(HuddleUser)),
    "ScimGroup": {**resource_schema(_published(Group)), "examples": [GROUP_EXAMPLE]},
    "ScimUserList": {**_list_of("ScimUser"), "examples": [_listed([USER_EXAMPLE])]},
    "ScimGroupList": {**_list_of("ScimGroup"), "examples": [_listed([GROUP_EXAMPLE])]},
    "ScimServiceProviderConfig": {
        **resource_schema(_published(ServiceProviderConfig)),
        "examples": [_dumped(CONFIG)],
    },
    "ScimResourceType": {
        **resource_schema(_published(ResourceType)),
        "examples": [_dumped(RESOURCE_TYPES[0])],
    },
    "ScimResourceTypeList": {
        **_list_of("ScimResourceType"),
        "examples": [_listed([_dumped(t) for t in RESOURCE_TYPES])],
    },
    "ScimSchema": {**resource_schema(_published(Schema)), "examples": [_dumped(SCHEMAS[2])]},
    "ScimSchemaList": {**_list_of("ScimSchema"), "examples": [_listed([_dumped(SCHEMAS[2])])]},
    "ScimPatchOp": {
        "type": "object",
        "required": ["schemas", "Operations"],
        "properties": {
            "schemas": _SCHEMAS_ATTRIBUTE,
            "Operations": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["op"],
                    "properties": {
                        "op": {"type": "string", "description": "add, remove or replace"},
                        "path": {"type": "string", "description": "An attribute path"},
                        "value": {"description": "What to add or replace with (any JSON)"},
                    },
                },
            },
        },
        "examples": [PATCH_EXAMPLE],
    },
    "ScimSearchRequest": {
        "type": "object",
        "properties": {
            "schemas": _SCHEMAS_ATTRIBUTE,
            "filter": {"type": "string"},
            "startIndex": {"type": "integer"},
            "count": {"type": "integer"},
            "attributes": {"type": "array", "items": {"type": "string"}},
            "excludedAttributes": {"type": "array", "items": {"type": "string"}},
        },
        "examples": [SEARCH_EXAMPLE],
    },
    "ScimError": {
        "title": "ScimError",
        "type": "object",
        "required": ["schemas", "status"],
        "properties": {
            "schemas": _SCHEMAS_ATTRIBUTE,
            "status": {"type": "string", "description": "The HTTP status, as a string"},
            "scimType": {"type": "string", "description": "The SCIM error keyword, if any"},
            "detail": {"type": "string"},
        },
    },
}

# ---- responses and bodies for the routes ------------------------------------------------------

_MEANINGS = {
    400: ("invalidValue", "Invalid input: a value, path, filter or syntax SCIM or Huddle refuses"),
    401: (None, "Missing or invalid bearer token"),
    403: (None, "Not an integration client holding the scope 'scim' (people are refused)"),
    404: (None, "No such resource in the connector's organisation"),
    409: ("uniqueness", "The userName or email is already someone's"),
    412: (None, "If-Match did not match the current version"),
    413: (None, "The body is larger than the service accepts"),
    415: (None, "Send application/scim+json or application/json"),
    501: (None, "Not supported"),
    503: (None, "Temporarily unavailable; retry after Retry-After"),
}


def error(status: int, description: str | None = None) -> dict[str, Any]:
    scim_type, meaning = _MEANINGS.get(status, (None, "Error"))
    example = Error(status=status, scim_type=scim_type, detail=description or meaning)
    response: dict[str, Any] = {
        "description": description or meaning,
        "content": {
            SCIM_JSON: {
                "schema": {"$ref": "#/components/schemas/ScimError"},
                "example": example.model_dump(scim_ctx=_RESPONSE),
            }
        },
    }
    if status == 503:
        response["headers"] = RETRY_AFTER
    return response


def errors(*statuses: int, **descriptions: str) -> dict[int | str, dict[str, Any]]:
    """The SCIM errors of an operation, as ``problems`` gives the problems of the others."""
    overrides = {int(key.lstrip("_")): text for key, text in descriptions.items()}
    return {status: error(status, overrides.get(status)) for status in statuses}


def ok(description: str, schema: str, *, headers: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "description": description,
        "content": {SCIM_JSON: {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
        **({"headers": headers} if headers else {}),
    }


def body(schema: str, description: str) -> dict[str, Any]:
    """``openapi_extra`` declaring the request body: read with scim2-models, not by FastAPI.
    ``application/json`` is taken too (RFC 7644 §8.1), but one media type makes one client."""
    media = {"schema": {"$ref": f"#/components/schemas/{schema}"}}
    return {
        "requestBody": {
            "required": True,
            "description": f"{description}; as {SCIM_JSON} (application/json is taken too)",
            "content": {SCIM_JSON: media},
        }
    }


RESOURCE_HEADERS = {**ETAG}
CREATED_HEADERS = {**ETAG, **LOCATION}


def install(app: FastAPI, *, is_scim: Callable[[str], bool]) -> None:
    """Add the SCIM components; turn the inferred problems under ``/scim/v2`` into SCIM errors."""
    generate = app.openapi
    done = False

    def openapi() -> dict[str, Any]:
        nonlocal done
        document = generate()
        if not done:
            document.setdefault("components", {}).setdefault("schemas", {}).update(COMPONENTS)
            for path, operations in document.get("paths", {}).items():
                if is_scim(path):
                    for operation in operations.values():
                        _scim_errors(operation)
            done = True
        return document

    app.openapi = openapi  # type: ignore[method-assign]


def _scim_errors(operation: dict[str, Any]) -> None:
    responses: dict[str, Any] = operation.get("responses", {})
    for status in list(responses):
        if PROBLEM_JSON in responses[status].get("content", {}):
            del responses[status]
            scim_status = "400" if status == "422" else status
            responses.setdefault(scim_status, error(int(scim_status)))
    operation["responses"] = dict(sorted(responses.items()))
