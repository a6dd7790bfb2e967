from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.instrument_kind import InstrumentKind, check_instrument_kind

if TYPE_CHECKING:
    from ..models.instrument_definition import InstrumentDefinition


T = TypeVar("T", bound="InstrumentOut")


@_attrs_define
class InstrumentOut:
    """
    Attributes:
        id (str):
        key (str):
        version (int):
        owner (str): 'huddle' for Huddle's own, else the organisation id
        kind (InstrumentKind):
        title (str):
        definition (InstrumentDefinition): An instrument version as data; once published it never changes.
        published_at (datetime.datetime):
    """

    id: str
    key: str
    version: int
    owner: str
    kind: InstrumentKind
    title: str
    definition: InstrumentDefinition
    published_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        key = self.key

        version = self.version

        owner = self.owner

        kind: str = self.kind

        title = self.title

        definition = self.definition.to_dict()

        published_at = self.published_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "version": version,
                "owner": owner,
                "kind": kind,
                "title": title,
                "definition": definition,
                "published_at": published_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.instrument_definition import InstrumentDefinition

        d = dict(src_dict)
        id = d.pop("id")

        key = d.pop("key")

        version = d.pop("version")

        owner = d.pop("owner")

        kind = check_instrument_kind(d.pop("kind"))

        title = d.pop("title")

        definition = InstrumentDefinition.from_dict(d.pop("definition"))

        published_at = datetime.datetime.fromisoformat(d.pop("published_at"))

        instrument_out = cls(
            id=id,
            key=key,
            version=version,
            owner=owner,
            kind=kind,
            title=title,
            definition=definition,
            published_at=published_at,
        )

        instrument_out.additional_properties = d
        return instrument_out

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
