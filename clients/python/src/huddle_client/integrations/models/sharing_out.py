from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.shareable_field import ShareableField, check_shareable_field

T = TypeVar("T", bound="SharingOut")


@_attrs_define
class SharingOut:
    """
    Attributes:
        org_id (str):
        shared_fields (list[ShareableField]): Free-text fields sent to integrators
        shareable_fields (list[ShareableField]): Every field that can be shared
        version (int): The settings' version (also the ETag)
        updated_at (datetime.datetime | None):
        updated_by (None | str):
    """

    org_id: str
    shared_fields: list[ShareableField]
    shareable_fields: list[ShareableField]
    version: int
    updated_at: datetime.datetime | None
    updated_by: str | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        org_id = self.org_id

        shared_fields = []
        for shared_fields_item_data in self.shared_fields:
            shared_fields_item: str = shared_fields_item_data
            shared_fields.append(shared_fields_item)

        shareable_fields = []
        for shareable_fields_item_data in self.shareable_fields:
            shareable_fields_item: str = shareable_fields_item_data
            shareable_fields.append(shareable_fields_item)

        version = self.version

        updated_at: str | None
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        updated_by: str | None
        updated_by = self.updated_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "org_id": org_id,
                "shared_fields": shared_fields,
                "shareable_fields": shareable_fields,
                "version": version,
                "updated_at": updated_at,
                "updated_by": updated_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        org_id = d.pop("org_id")

        shared_fields = []
        _shared_fields = d.pop("shared_fields")
        for shared_fields_item_data in _shared_fields:
            shared_fields_item = check_shareable_field(shared_fields_item_data)

            shared_fields.append(shared_fields_item)

        shareable_fields = []
        _shareable_fields = d.pop("shareable_fields")
        for shareable_fields_item_data in _shareable_fields:
            shareable_fields_item = check_shareable_field(shareable_fields_item_data)

            shareable_fields.append(shareable_fields_item)

        version = d.pop("version")

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return datetime.datetime.fromisoformat(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        def _parse_updated_by(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        updated_by = _parse_updated_by(d.pop("updated_by"))

        sharing_out = cls(
            org_id=org_id,
            shared_fields=shared_fields,
            shareable_fields=shareable_fields,
            version=version,
            updated_at=updated_at,
            updated_by=updated_by,
        )

        sharing_out.additional_properties = d
        return sharing_out

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
