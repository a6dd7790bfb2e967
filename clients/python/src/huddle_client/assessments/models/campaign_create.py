from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.anonymity import Anonymity, check_anonymity
from ..types import UNSET, Unset

T = TypeVar("T", bound="CampaignCreate")


@_attrs_define
class CampaignCreate:
    """
    Attributes:
        team_id (str):
        instrument_id (str):
        closes_at (datetime.datetime):
        title (None | str | Unset): Defaults to the instrument's
        opens_at (datetime.datetime | None | Unset): Defaults to now
        anonymity (Anonymity | Unset):
        min_group_size (int | Unset):  Default: 5.
    """

    team_id: str
    instrument_id: str
    closes_at: datetime.datetime
    title: str | Unset | None = UNSET
    opens_at: datetime.datetime | Unset | None = UNSET
    anonymity: Anonymity | Unset = UNSET
    min_group_size: int | Unset = 5

    def to_dict(self) -> dict[str, Any]:
        team_id = self.team_id

        instrument_id = self.instrument_id

        closes_at = self.closes_at.isoformat()

        title: str | Unset | None
        title = UNSET if isinstance(self.title, Unset) else self.title

        opens_at: str | Unset | None
        if isinstance(self.opens_at, Unset):
            opens_at = UNSET
        elif isinstance(self.opens_at, datetime.datetime):
            opens_at = self.opens_at.isoformat()
        else:
            opens_at = self.opens_at

        anonymity: str | Unset = UNSET
        if not isinstance(self.anonymity, Unset):
            anonymity = self.anonymity

        min_group_size = self.min_group_size

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "team_id": team_id,
                "instrument_id": instrument_id,
                "closes_at": closes_at,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if opens_at is not UNSET:
            field_dict["opens_at"] = opens_at
        if anonymity is not UNSET:
            field_dict["anonymity"] = anonymity
        if min_group_size is not UNSET:
            field_dict["min_group_size"] = min_group_size

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        team_id = d.pop("team_id")

        instrument_id = d.pop("instrument_id")

        closes_at = datetime.datetime.fromisoformat(d.pop("closes_at"))

        def _parse_title(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_opens_at(data: object) -> datetime.datetime | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return datetime.datetime.fromisoformat(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | Unset | None, data)

        opens_at = _parse_opens_at(d.pop("opens_at", UNSET))

        _anonymity = d.pop("anonymity", UNSET)
        anonymity: Anonymity | Unset
        anonymity = UNSET if isinstance(_anonymity, Unset) else check_anonymity(_anonymity)

        min_group_size = d.pop("min_group_size", UNSET)

        return cls(
            team_id=team_id,
            instrument_id=instrument_id,
            closes_at=closes_at,
            title=title,
            opens_at=opens_at,
            anonymity=anonymity,
            min_group_size=min_group_size,
        )
