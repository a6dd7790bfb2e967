from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Meta")


@_attrs_define
class Meta:
    """
    Attributes:
        version_id (str): The team's stream version, as the ETag carries it
        last_updated (datetime.datetime):
    """

    version_id: str
    last_updated: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        version_id = self.version_id

        last_updated = self.last_updated.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "versionId": version_id,
                "lastUpdated": last_updated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version_id = d.pop("versionId")

        last_updated = datetime.datetime.fromisoformat(d.pop("lastUpdated"))

        return cls(
            version_id=version_id,
            last_updated=last_updated,
        )
