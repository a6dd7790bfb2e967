from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ScimResourceTypeSchemaExtensionsItem")


@_attrs_define
class ScimResourceTypeSchemaExtensionsItem:
    """
    Attributes:
        schema (str | Unset): The URI of a schema extension.
        required (bool | Unset): A Boolean value that specifies whether or not the schema extension is required for the
            resource type. If true, a resource of this type MUST include this schema extension and also include any
            attributes declared as required in this schema extension. If false, a resource of this type MAY omit this schema
            extension.
    """

    schema: str | Unset = UNSET
    required: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        schema = self.schema

        required = self.required

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if schema is not UNSET:
            field_dict["schema"] = schema
        if required is not UNSET:
            field_dict["required"] = required

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        schema = d.pop("schema", UNSET)

        required = d.pop("required", UNSET)

        scim_resource_type_schema_extensions_item = cls(
            schema=schema,
            required=required,
        )

        scim_resource_type_schema_extensions_item.additional_properties = d
        return scim_resource_type_schema_extensions_item

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
