"""What identity serves at ``/scim/v2``, described with scim2-models: the resources, the schemas
it publishes, its resource types and its service provider configuration.

Requests are read with the full core ``User`` and ``Group`` models, so what an identity provider
sends by default (a title, phone numbers, ``name.formatted``) is understood and then dropped:
the published schemas list only what Huddle keeps, derived from the same models.

Huddle's own attribute, the profession, is the extension
``urn:ietf:params:scim:schemas:extension:huddle:2.0:User``: the pattern Microsoft Entra ID
requires of a custom extension (``urn:ietf:params:scim:schemas:extension:<name>:2.0:User``),
which Okta takes as well.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Annotated

from scim2_models import (
    URN,
    Attribute,
    AuthenticationScheme,
    Bulk,
    ChangePassword,
    EnterpriseUser,
    ETag,
    Extension,
    Filter,
    Group,
    Pagination,
    Patch,
    Required,
    ResourceType,
    Schema,
    SchemaExtension,
    ScimPolicy,
    ServiceProviderConfig,
    Sort,
    User,
)

from huddle_shared.contracts.identity import OrgRole, Profession

PREFIX = "/scim/v2"
SCIM_JSON = "application/scim+json"
MAX_RESULTS = 200
DEFAULT_COUNT = 100


class HuddleUser(Extension):
    """Huddle's own attributes of a person."""

    __schema__ = URN("urn:ietf:params:scim:schemas:extension:huddle:2.0:User")

    profession: Annotated[Profession | None, Required.true] = None
    """The person's profession (not a job title, nor a team role: teams has those). Absent on a
    new person: other; absent on a replace: unchanged."""


ScimUser = User[EnterpriseUser | HuddleUser]

# Entra ID sends PATCH operations as it knows them: "Replace", a filter that selects an entry
# not there yet (emails[type eq "work"].value), a remove with a value naming the members to
# remove. scim2-models reads each of these on purpose when told so.
POLICY = ScimPolicy(
    unmatched_path_filter=ScimPolicy.UnmatchedPathFilter.create,
    remove_value_as_filter=ScimPolicy.RemoveValue.apply,
)

# ---- groups: the org roles -------------------------------------------------------------------

GROUP_NAMES: Mapping[OrgRole, str] = {
    OrgRole.ORG_ADMIN: "Huddle org admins",
    OrgRole.ANALYST: "Huddle analysts",
    OrgRole.MEMBER: "Huddle members",
}


def group_id(org_id: str, role: OrgRole) -> str:
    """The fixed id of an organisation's group for a role: the same on every call, and no two
    organisations share one."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:huddle:org:{org_id}:role:{role.value}"))


def role_of_group(org_id: str, group: str) -> OrgRole | None:
    """The role of one of the organisation's group ids (None: no group of this organisation)."""
    return next((role for role in OrgRole if group_id(org_id, role) == group), None)


# ---- the schemas published at /Schemas --------------------------------------------------------

_KEPT: Mapping[str, Mapping[str, frozenset[str] | None]] = {
    str(User.__schema__): {
        "userName": None,
        "name": frozenset({"givenName", "familyName"}),
        "displayName": None,
        "emails": frozenset({"value"}),
        "active": None,
        "password": None,
        "groups": frozenset({"value", "display"}),
    },
    str(EnterpriseUser.__schema__): {"department": None},
    str(Group.__schema__): {"displayName": None, "members": frozenset({"value", "display"})},
}
# Huddle has a name, an address and a status for everyone: without displayName one is made from
# the names or the userName, without emails the userName must be an address, and active is
# kept as it is when a replace leaves it out (or a patch removes it).
_REQUIRED: Mapping[str, frozenset[str]] = {
    str(User.__schema__): frozenset({"displayName", "emails", "active"})
}
_DESCRIPTIONS: Mapping[str, str] = {
    "userName": "The person's user name at the identity provider, unique across Huddle "
    "whatever its case. An address if the person has no emails entry.",
    "emails": "One address: the person's sign-in name and where Huddle mails them (of those "
    "sent, the primary entry, else the work one, else the first).",
    "groups": "The org roles the person holds, as the organisation's groups.",
    "active": "False deactivates the person: no sign-in, every refresh token revoked at once.",
}


def _published(schema: Schema) -> Schema:
    kept = _KEPT.get(str(schema.id))
    if kept is None:
        return schema
    required = _REQUIRED.get(str(schema.id), frozenset())
    attributes: list[Attribute] = []
    for attribute in schema.attributes or []:
        if attribute.name is None or attribute.name not in kept:
            continue
        changes: dict[str, object] = {}
        kept_subs = kept[attribute.name]
        subs = [
            sub
            for sub in attribute.sub_attributes or []
            if kept_subs is None or sub.name in kept_subs
        ]
        if attribute.name in required:
            changes["required"] = Required.true
            # An entry needs its value: an address without one says nothing.
            subs = [
                sub.model_copy(update={"required": Required.true}) if sub.name == "value" else sub
                for sub in subs
            ]
        if attribute.sub_attributes:
            changes["sub_attributes"] = subs
        if attribute.name in _DESCRIPTIONS:
            changes["description"] = _DESCRIPTIONS[attribute.name]
        attributes.append(attribute.model_copy(update=changes))
    return schema.model_copy(update={"attributes": attributes})


SCHEMAS: tuple[Schema, ...] = tuple(
    _published(model.to_schema())
    for model in (
        User,
        EnterpriseUser,
        HuddleUser,
        Group,
        ServiceProviderConfig,
        ResourceType,
        Schema,
    )
)


def schema_by_id(schema_id: str) -> Schema | None:
    return next((s for s in SCHEMAS if str(s.id).casefold() == schema_id.casefold()), None)


# ---- /ResourceTypes and /ServiceProviderConfig -----------------------------------------------

RESOURCE_TYPES: tuple[ResourceType, ...] = (
    ResourceType(
        id="User",
        name="User",
        description="The people of the organisation. Deleting one erases their personal data.",
        endpoint="/Users",
        schema_=str(User.__schema__),
        schema_extensions=[
            SchemaExtension(schema_=str(EnterpriseUser.__schema__), required=False),
            # Every person has a profession, so every User carries Huddle's extension; one
            # created without it gets the profession "other".
            SchemaExtension(schema_=str(HuddleUser.__schema__), required=True),
        ],
    ),
    ResourceType(
        id="Group",
        name="Group",
        description="The organisation's three org roles (" + ", ".join(GROUP_NAMES.values()) + "), "
        "one group each, fixed: they cannot be created, renamed or deleted (501).",
        endpoint="/Groups",
        schema_=str(Group.__schema__),
    ),
)

CONFIG = ServiceProviderConfig(
    documentation_uri="https://huddle.care/docs/identity#scim-provisioning",
    patch=Patch(supported=True),
    bulk=Bulk(supported=False, max_operations=0, max_payload_size=0),
    filter=Filter(supported=True, max_results=MAX_RESULTS),
    change_password=ChangePassword(supported=True),
    sort=Sort(supported=False),
    etag=ETag(supported=True),
    pagination=Pagination(
        cursor=False,
        index=True,
        default_pagination_method=Pagination.DefaultPaginationMethod.index,
        default_page_size=DEFAULT_COUNT,
        max_page_size=MAX_RESULTS,
    ),
    authentication_schemes=[
        AuthenticationScheme(
            type=AuthenticationScheme.Type.oauthbearertoken,
            name="OAuth Bearer Token",
            description="An access token of an integration client holding the scope 'scim' "
            "(client credentials grant at /v1/auth/token), or that client's secret itself, "
            "for connectors that only take a fixed token.",
            spec_uri="https://www.rfc-editor.org/info/rfc6750",
            primary=True,
        )
    ],
)
