from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReplayIn")


@_attrs_define
class ReplayIn:
    """
    Attributes:
        since (datetime.datetime | None | Unset): Only deliveries made from then on
        include_delivered (bool | Unset): Also send again those that were delivered Default: False.
    """

    since: datetime.datetime | Unset | None = UNSET
    include_delivered: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        since: str | Unset | None
        if isinstance(self.since, Unset):
            since = UNSET
        elif isinstance(self.since, datetime.datetime):
            since = self.since.isoformat()
        else:
            since = self.since

        include_delivered = self.include_delivered

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if since is not UNSET:
            field_dict["since"] = since
        if include_delivered is not UNSET:
            field_dict["include_delivered"] = include_delivered

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_since(data: object) -> datetime.datetime | Unset | None:
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

        since = _parse_since(d.pop("since", UNSET))

        include_delivered = d.pop("include_delivered", UNSET)

        return cls(
            since=since,
            include_delivered=include_delivered,
        )
