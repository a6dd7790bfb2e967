from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scim_schema_attributes_item_sub_attributes_item import (
        ScimSchemaAttributesItemSubAttributesItem,
    )


T = TypeVar("T", bound="ScimSchemaAttributesItem")


@_attrs_define
class ScimSchemaAttributesItem:
    """
    Attributes:
        name (str | Unset): The attribute's name.
        type_ (str | Unset): The attribute's data type.
        multi_valued (bool | Unset): A Boolean value indicating the attribute's plurality.
        description (str | Unset): The attribute's human-readable description.
        required (bool | Unset): A Boolean value that specifies whether or not the attribute is required.
        canonical_values (list[str] | Unset): A collection of suggested canonical values that MAY be used (e.g., "work"
            and "home").
        case_exact (bool | Unset): A Boolean value that specifies whether or not a string attribute is case sensitive.
        mutability (str | Unset): A single keyword indicating the circumstances under which the value of the attribute
            can be (re)defined.
        returned (str | Unset): A single keyword that indicates when an attribute and associated values are returned in
            response to a GET request or in response to a PUT, POST, or PATCH request.
        uniqueness (str | Unset): A single keyword value that specifies how the service provider enforces uniqueness of
            attribute values.
        reference_types (list[str] | Unset): A multi-valued array of JSON strings that indicate the SCIM resource types
            that may be referenced.
        sub_attributes (list[ScimSchemaAttributesItemSubAttributesItem] | Unset): When an attribute is of type
            "complex", "subAttributes" defines a set of sub-attributes.
    """

    name: str | Unset = UNSET
    type_: str | Unset = UNSET
    multi_valued: bool | Unset = UNSET
    description: str | Unset = UNSET
    required: bool | Unset = UNSET
    canonical_values: list[str] | Unset = UNSET
    case_exact: bool | Unset = UNSET
    mutability: str | Unset = UNSET
    returned: str | Unset = UNSET
    uniqueness: str | Unset = UNSET
    reference_types: list[str] | Unset = UNSET
    sub_attributes: list[ScimSchemaAttributesItemSubAttributesItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_ = self.type_

        multi_valued = self.multi_valued

        description = self.description

        required = self.required

        canonical_values: list[str] | Unset = UNSET
        if not isinstance(self.canonical_values, Unset):
            canonical_values = self.canonical_values

        case_exact = self.case_exact

        mutability = self.mutability

        returned = self.returned

        uniqueness = self.uniqueness

        reference_types: list[str] | Unset = UNSET
        if not isinstance(self.reference_types, Unset):
            reference_types = self.reference_types

        sub_attributes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sub_attributes, Unset):
            sub_attributes = []
            for sub_attributes_item_data in self.sub_attributes:
                sub_attributes_item = sub_attributes_item_data.to_dict()
                sub_attributes.append(sub_attributes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if type_ is not UNSET:
            field_dict["type"] = type_
        if multi_valued is not UNSET:
            field_dict["multiValued"] = multi_valued
        if description is not UNSET:
            field_dict["description"] = description
        if required is not UNSET:
            field_dict["required"] = required
        if canonical_values is not UNSET:
            field_dict["canonicalValues"] = canonical_values
        if case_exact is not UNSET:
            field_dict["caseExact"] = case_exact
        if mutability is not UNSET:
            field_dict["mutability"] = mutability
        if returned is not UNSET:
            field_dict["returned"] = returned
        if uniqueness is not UNSET:
            field_dict["uniqueness"] = uniqueness
        if reference_types is not UNSET:
            field_dict["referenceTypes"] = reference_types
        if sub_attributes is not UNSET:
            field_dict["subAttributes"] = sub_attributes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scim_schema_attributes_item_sub_attributes_item import (
            ScimSchemaAttributesItemSubAttributesItem,
        )

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        type_ = d.pop("type", UNSET)

        multi_valued = d.pop("multiValued", UNSET)

        description = d.pop("description", UNSET)

        required = d.pop("required", UNSET)

        canonical_values = cast(list[str], d.pop("canonicalValues", UNSET))

        case_exact = d.pop("caseExact", UNSET)

        mutability = d.pop("mutability", UNSET)

        returned = d.pop("returned", UNSET)

        uniqueness = d.pop("uniqueness", UNSET)

        reference_types = cast(list[str], d.pop("referenceTypes", UNSET))

        _sub_attributes = d.pop("subAttributes", UNSET)
        sub_attributes: list[ScimSchemaAttributesItemSubAttributesItem] | Unset = UNSET
        if _sub_attributes is not UNSET:
            sub_attributes = []
            for sub_attributes_item_data in _sub_attributes:
                sub_attributes_item = ScimSchemaAttributesItemSubAttributesItem.from_dict(
                    sub_attributes_item_data
                )

                sub_attributes.append(sub_attributes_item)

        scim_schema_attributes_item = cls(
            name=name,
            type_=type_,
            multi_valued=multi_valued,
            description=description,
            required=required,
            canonical_values=canonical_values,
            case_exact=case_exact,
            mutability=mutability,
            returned=returned,
            uniqueness=uniqueness,
            reference_types=reference_types,
            sub_attributes=sub_attributes,
        )

        scim_schema_attributes_item.additional_properties = d
        return scim_schema_attributes_item

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
