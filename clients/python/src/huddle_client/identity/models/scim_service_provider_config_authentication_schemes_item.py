from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ScimServiceProviderConfigAuthenticationSchemesItem")


@_attrs_define
class ScimServiceProviderConfigAuthenticationSchemesItem:
    """
    Attributes:
        type_ (str | Unset): The authentication scheme.
        name (str | Unset): The common authentication scheme name, e.g., HTTP Basic.
        description (str | Unset): A description of the authentication scheme.
        spec_uri (str | Unset): An HTTP-addressable URL pointing to the authentication scheme's specification.
        documentation_uri (str | Unset): An HTTP-addressable URL pointing to the authentication scheme's usage
            documentation.
        primary (bool | Unset): A Boolean value indicating the 'primary' or preferred attribute value for this
            attribute, e.g., the preferred mailing address or primary email address.
    """

    type_: str | Unset = UNSET
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    spec_uri: str | Unset = UNSET
    documentation_uri: str | Unset = UNSET
    primary: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        name = self.name

        description = self.description

        spec_uri = self.spec_uri

        documentation_uri = self.documentation_uri

        primary = self.primary

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if spec_uri is not UNSET:
            field_dict["specUri"] = spec_uri
        if documentation_uri is not UNSET:
            field_dict["documentationUri"] = documentation_uri
        if primary is not UNSET:
            field_dict["primary"] = primary

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        spec_uri = d.pop("specUri", UNSET)

        documentation_uri = d.pop("documentationUri", UNSET)

        primary = d.pop("primary", UNSET)

        scim_service_provider_config_authentication_schemes_item = cls(
            type_=type_,
            name=name,
            description=description,
            spec_uri=spec_uri,
            documentation_uri=documentation_uri,
            primary=primary,
        )

        scim_service_provider_config_authentication_schemes_item.additional_properties = d
        return scim_service_provider_config_authentication_schemes_item

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
