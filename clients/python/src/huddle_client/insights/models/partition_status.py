from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="PartitionStatus")


@_attrs_define
class PartitionStatus:
    """
    Attributes:
        topic (str):
        partition (int):
        lag (int): Records not applied yet
        last_event_time (datetime.datetime | None): The time of the newest event applied from it; null before the first
    """

    topic: str
    partition: int
    lag: int
    last_event_time: datetime.datetime | None

    def to_dict(self) -> dict[str, Any]:
        topic = self.topic

        partition = self.partition

        lag = self.lag

        last_event_time: str | None
        if isinstance(self.last_event_time, datetime.datetime):
            last_event_time = self.last_event_time.isoformat()
        else:
            last_event_time = self.last_event_time

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "topic": topic,
                "partition": partition,
                "lag": lag,
                "last_event_time": last_event_time,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        topic = d.pop("topic")

        partition = d.pop("partition")

        lag = d.pop("lag")

        def _parse_last_event_time(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return datetime.datetime.fromisoformat(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_event_time = _parse_last_event_time(d.pop("last_event_time"))

        return cls(
            topic=topic,
            partition=partition,
            lag=lag,
            last_event_time=last_event_time,
        )
