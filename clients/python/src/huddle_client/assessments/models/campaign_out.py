from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.anonymity import Anonymity, check_anonymity
from ..models.instrument_kind import InstrumentKind, check_instrument_kind

if TYPE_CHECKING:
    from ..models.participation import Participation


T = TypeVar("T", bound="CampaignOut")


@_attrs_define
class CampaignOut:
    """
    Attributes:
        id (str):
        team_id (str):
        instrument_id (str):
        instrument_kind (InstrumentKind):
        title (str):
        opens_at (datetime.datetime):
        closes_at (datetime.datetime):
        status (str): scheduled, open or closed
        anonymity (Anonymity):
        min_group_size (int):
        settings_locked (bool):
        participation (Participation):
        closed_at (datetime.datetime | None):
        version (int):
    """

    id: str
    team_id: str
    instrument_id: str
    instrument_kind: InstrumentKind
    title: str
    opens_at: datetime.datetime
    closes_at: datetime.datetime
    status: str
    anonymity: Anonymity
    min_group_size: int
    settings_locked: bool
    participation: Participation
    closed_at: datetime.datetime | None
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        team_id = self.team_id

        instrument_id = self.instrument_id

        instrument_kind: str = self.instrument_kind

        title = self.title

        opens_at = self.opens_at.isoformat()

        closes_at = self.closes_at.isoformat()

        status = self.status

        anonymity: str = self.anonymity

        min_group_size = self.min_group_size

        settings_locked = self.settings_locked

        participation = self.participation.to_dict()

        closed_at: str | None
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "team_id": team_id,
                "instrument_id": instrument_id,
                "instrument_kind": instrument_kind,
                "title": title,
                "opens_at": opens_at,
                "closes_at": closes_at,
                "status": status,
                "anonymity": anonymity,
                "min_group_size": min_group_size,
                "settings_locked": settings_locked,
                "participation": participation,
                "closed_at": closed_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.participation import Participation

        d = dict(src_dict)
        id = d.pop("id")

        team_id = d.pop("team_id")

        instrument_id = d.pop("instrument_id")

        instrument_kind = check_instrument_kind(d.pop("instrument_kind"))

        title = d.pop("title")

        opens_at = datetime.datetime.fromisoformat(d.pop("opens_at"))

        closes_at = datetime.datetime.fromisoformat(d.pop("closes_at"))

        status = d.pop("status")

        anonymity = check_anonymity(d.pop("anonymity"))

        min_group_size = d.pop("min_group_size")

        settings_locked = d.pop("settings_locked")

        participation = Participation.from_dict(d.pop("participation"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return datetime.datetime.fromisoformat(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        version = d.pop("version")

        campaign_out = cls(
            id=id,
            team_id=team_id,
            instrument_id=instrument_id,
            instrument_kind=instrument_kind,
            title=title,
            opens_at=opens_at,
            closes_at=closes_at,
            status=status,
            anonymity=anonymity,
            min_group_size=min_group_size,
            settings_locked=settings_locked,
            participation=participation,
            closed_at=closed_at,
            version=version,
        )

        campaign_out.additional_properties = d
        return campaign_out

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
