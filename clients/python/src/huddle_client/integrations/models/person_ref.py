from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonRef")


@_attrs_define
class PersonRef:
    """A person by id: Huddle's, and the external id identity knows (null until provisioned).

    Attributes:
        user_id (str):
        external_id (None | str | Unset): The id in the health system's directory (SCIM externalId)
    """

    user_id: str
    external_id: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        external_id: str | Unset | None
        external_id = UNSET if isinstance(self.external_id, Unset) else self.external_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "user_id": user_id,
            }
        )
        if external_id is not UNSET:
            field_dict["external_id"] = external_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = d.pop("user_id")

        def _parse_external_id(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        return cls(
            user_id=user_id,
            external_id=external_id,
        )
