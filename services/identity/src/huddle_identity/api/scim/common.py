"""What the SCIM routes share: reading a payload with scim2-models, answering as
``application/scim+json``, the ``attributes``/``excludedAttributes`` parameters, ETags."""

from __future__ import annotations

import json
from typing import Annotated, Any, TypeVar, cast

from fastapi import Header, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from scim2_models import (
    BaseModel,
    Context,
    Error,
    InvalidSyntaxException,
    ResponseParameters,
    SCIMException,
)

from huddle_identity.api.scim.mapping import weak_etag
from huddle_identity.api.scim.resources import POLICY, PREFIX, SCIM_JSON
from huddle_shared.http import etag

M = TypeVar("M", bound=BaseModel)

ResourceId = Annotated[str, Path(max_length=200, description="The resource's id")]
Attributes = Annotated[
    str | None,
    Query(
        alias="attributes",
        max_length=2000,
        description="Comma-separated attributes to return (and those always returned)",
    ),
]
ExcludedAttributes = Annotated[
    str | None,
    Query(
        alias="excludedAttributes",
        max_length=2000,
        description="Comma-separated attributes to leave out",
    ),
]
IfNoneMatch = Annotated[
    str | None,
    Header(
        alias="If-None-Match",
        max_length=200,
        description="The ETag you hold: 304 without a body while it is current",
    ),
]


class ScimResponse(JSONResponse):
    media_type = SCIM_JSON


def base_url(request: Request) -> str:
    """The absolute URL of ``/scim/v2`` as the client called it (for ``meta.location``)."""
    return str(request.base_url).rstrip("/") + PREFIX


def invalid(exc: ValidationError) -> SCIMException:
    """The first error of a refused payload as a SCIM exception, its scimType kept."""
    return SCIMException.from_error(Error.from_validation_errors(exc)[0])


async def payload(request: Request) -> dict[str, Any]:
    """The JSON object of the body (``application/scim+json`` or ``application/json``)."""
    try:
        data = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidSyntaxException(detail="The body is not valid JSON") from exc
    if not isinstance(data, dict):
        raise InvalidSyntaxException(detail="The body is not a JSON object")
    return data


def read(model: type[M], data: Any, context: Context) -> M:
    """``data`` as ``model`` in the request ``context``, under identity's SCIM policy."""
    try:
        return model.model_validate(data, scim_ctx=context, scim_policy=POLICY)
    except ValidationError as exc:
        raise invalid(exc) from exc


def response_parameters(
    model: type[Any], attributes: str | None, excluded: str | None
) -> ResponseParameters[Any] | None:
    if attributes is None and excluded is None:
        return None
    parameters = {"attributes": attributes, "excluded_attributes": excluded}
    try:
        bound: type[ResponseParameters[Any]] = cast(Any, ResponseParameters)[model]
        validated = bound.model_validate({k: v for k, v in parameters.items() if v is not None})
    except ValidationError as exc:
        raise invalid(exc) from exc
    return validated


def answer(
    resource: BaseModel,
    context: Context,
    *,
    status_code: int = 200,
    parameters: ResponseParameters[Any] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = resource.model_dump(scim_ctx=context, response_parameters=parameters)
    return JSONResponse(body, status_code=status_code, media_type=SCIM_JSON, headers=headers)


def not_modified(if_none_match: str | None, version: int) -> Response | None:
    """304 when the client already holds this version."""
    if if_none_match is None:
        return None
    held = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    if "*" in held or etag(version) in held:
        return Response(status_code=304, headers={"ETag": weak_etag(version)})
    return None
