from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scim_resource_type_meta import ScimResourceTypeMeta
    from ..models.scim_resource_type_schema_extensions_item import (
        ScimResourceTypeSchemaExtensionsItem,
    )


T = TypeVar("T", bound="ScimResourceType")


@_attrs_define
class ScimResourceType:
    """
    Attributes:
        schemas (list[str] | Unset): Schema URIs
        id (str | Unset): The resource type's server unique id. This is often the same value as the "name" attribute.
        external_id (str | Unset):
        meta (ScimResourceTypeMeta | Unset): Set by the service: the resource type, times, location and version
        name (str | Unset): The resource type name. When applicable, service providers MUST specify the name, e.g.,
            'User'.
        description (str | Unset): The resource type's human-readable description. When applicable, service providers
            MUST specify the description.
        endpoint (str | Unset): The resource type's HTTP-addressable endpoint relative to the Base URL, e.g., '/Users'.
        schema (str | Unset): The resource type's primary/base schema URI.
        schema_extensions (list[ScimResourceTypeSchemaExtensionsItem] | Unset): A list of URIs of the resource type's
            schema extensions.
    """

    schemas: list[str] | Unset = UNSET
    id: str | Unset = UNSET
    external_id: str | Unset = UNSET
    meta: ScimResourceTypeMeta | Unset = UNSET
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    endpoint: str | Unset = UNSET
    schema: str | Unset = UNSET
    schema_extensions: list[ScimResourceTypeSchemaExtensionsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        schemas: list[str] | Unset = UNSET
        if not isinstance(self.schemas, Unset):
            schemas = self.schemas

        id = self.id

        external_id = self.external_id

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        name = self.name

        description = self.description

        endpoint = self.endpoint

        schema = self.schema

        schema_extensions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.schema_extensions, Unset):
            schema_extensions = []
            for schema_extensions_item_data in self.schema_extensions:
                schema_extensions_item = schema_extensions_item_data.to_dict()
                schema_extensions.append(schema_extensions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if schemas is not UNSET:
            field_dict["schemas"] = schemas
        if id is not UNSET:
            field_dict["id"] = id
        if external_id is not UNSET:
            field_dict["externalId"] = external_id
        if meta is not UNSET:
            field_dict["meta"] = meta
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if endpoint is not UNSET:
            field_dict["endpoint"] = endpoint
        if schema is not UNSET:
            field_dict["schema"] = schema
        if schema_extensions is not UNSET:
            field_dict["schemaExtensions"] = schema_extensions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scim_resource_type_meta import ScimResourceTypeMeta
        from ..models.scim_resource_type_schema_extensions_item import (
            ScimResourceTypeSchemaExtensionsItem,
        )

        d = dict(src_dict)
        schemas = cast(list[str], d.pop("schemas", UNSET))

        id = d.pop("id", UNSET)

        external_id = d.pop("externalId", UNSET)

        _meta = d.pop("meta", UNSET)
        meta: ScimResourceTypeMeta | Unset
        meta = UNSET if isinstance(_meta, Unset) else ScimResourceTypeMeta.from_dict(_meta)

        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        endpoint = d.pop("endpoint", UNSET)

        schema = d.pop("schema", UNSET)

        _schema_extensions = d.pop("schemaExtensions", UNSET)
        schema_extensions: list[ScimResourceTypeSchemaExtensionsItem] | Unset = UNSET
        if _schema_extensions is not UNSET:
            schema_extensions = []
            for schema_extensions_item_data in _schema_extensions:
                schema_extensions_item = ScimResourceTypeSchemaExtensionsItem.from_dict(
                    schema_extensions_item_data
                )

                schema_extensions.append(schema_extensions_item)

        scim_resource_type = cls(
            schemas=schemas,
            id=id,
            external_id=external_id,
            meta=meta,
            name=name,
            description=description,
            endpoint=endpoint,
            schema=schema,
            schema_extensions=schema_extensions,
        )

        scim_resource_type.additional_properties = d
        return scim_resource_type

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
