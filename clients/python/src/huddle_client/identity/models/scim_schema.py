from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scim_schema_attributes_item import ScimSchemaAttributesItem
    from ..models.scim_schema_meta import ScimSchemaMeta


T = TypeVar("T", bound="ScimSchema")


@_attrs_define
class ScimSchema:
    """
    Attributes:
        schemas (list[str] | Unset): Schema URIs
        id (str | Unset): The unique URI of the schema.
        external_id (str | Unset):
        meta (ScimSchemaMeta | Unset): Set by the service: the resource type, times, location and version
        name (str | Unset): The schema's human-readable name.
        description (str | Unset): The schema's human-readable description.
        attributes (list[ScimSchemaAttributesItem] | Unset): A complex type that defines service provider attributes and
            their qualities via the following set of sub-attributes.
    """

    schemas: list[str] | Unset = UNSET
    id: str | Unset = UNSET
    external_id: str | Unset = UNSET
    meta: ScimSchemaMeta | Unset = UNSET
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    attributes: list[ScimSchemaAttributesItem] | Unset = UNSET
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

        attributes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attributes, Unset):
            attributes = []
            for attributes_item_data in self.attributes:
                attributes_item = attributes_item_data.to_dict()
                attributes.append(attributes_item)

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
        if attributes is not UNSET:
            field_dict["attributes"] = attributes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scim_schema_attributes_item import ScimSchemaAttributesItem
        from ..models.scim_schema_meta import ScimSchemaMeta

        d = dict(src_dict)
        schemas = cast(list[str], d.pop("schemas", UNSET))

        id = d.pop("id", UNSET)

        external_id = d.pop("externalId", UNSET)

        _meta = d.pop("meta", UNSET)
        meta: ScimSchemaMeta | Unset
        meta = UNSET if isinstance(_meta, Unset) else ScimSchemaMeta.from_dict(_meta)

        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        _attributes = d.pop("attributes", UNSET)
        attributes: list[ScimSchemaAttributesItem] | Unset = UNSET
        if _attributes is not UNSET:
            attributes = []
            for attributes_item_data in _attributes:
                attributes_item = ScimSchemaAttributesItem.from_dict(attributes_item_data)

                attributes.append(attributes_item)

        scim_schema = cls(
            schemas=schemas,
            id=id,
            external_id=external_id,
            meta=meta,
            name=name,
            description=description,
            attributes=attributes,
        )

        scim_schema.additional_properties = d
        return scim_schema

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
