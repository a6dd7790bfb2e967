from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DeadLetterOut")


@_attrs_define
class DeadLetterOut:
    """
    Attributes:
        id (int):
        group (str): The consumer group that set it aside
        topic (str):
        partition (int):
        offset (int):
        event_type (None | str): `ce_type`, when the record carried one
        event_id (None | str): `ce_id`, when the record carried one
        subject (None | str): `ce_subject` (the aggregate id), when carried
        reason (str): Why it could not be applied (the latest failure is logged)
        created_at (datetime.datetime):
        published_at (datetime.datetime | None): When it reached the dead-letter topic
        replayed_at (datetime.datetime | None): When a replay applied it (then never again)
    """

    id: int
    group: str
    topic: str
    partition: int
    offset: int
    event_type: str | None
    event_id: str | None
    subject: str | None
    reason: str
    created_at: datetime.datetime
    published_at: datetime.datetime | None
    replayed_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        group = self.group

        topic = self.topic

        partition = self.partition

        offset = self.offset

        event_type: str | None
        event_type = self.event_type

        event_id: str | None
        event_id = self.event_id

        subject: str | None
        subject = self.subject

        reason = self.reason

        created_at = self.created_at.isoformat()

        published_at: str | None
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        replayed_at: str | None
        if isinstance(self.replayed_at, datetime.datetime):
            replayed_at = self.replayed_at.isoformat()
        else:
            replayed_at = self.replayed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "group": group,
                "topic": topic,
                "partition": partition,
                "offset": offset,
                "event_type": event_type,
                "event_id": event_id,
                "subject": subject,
                "reason": reason,
                "created_at": created_at,
                "published_at": published_at,
                "replayed_at": replayed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        group = d.pop("group")

        topic = d.pop("topic")

        partition = d.pop("partition")

        offset = d.pop("offset")

        def _parse_event_type(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        event_type = _parse_event_type(d.pop("event_type"))

        def _parse_event_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        event_id = _parse_event_id(d.pop("event_id"))

        def _parse_subject(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        subject = _parse_subject(d.pop("subject"))

        reason = d.pop("reason")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return datetime.datetime.fromisoformat(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))

        def _parse_replayed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return datetime.datetime.fromisoformat(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        replayed_at = _parse_replayed_at(d.pop("replayed_at"))

        dead_letter_out = cls(
            id=id,
            group=group,
            topic=topic,
            partition=partition,
            offset=offset,
            event_type=event_type,
            event_id=event_id,
            subject=subject,
            reason=reason,
            created_at=created_at,
            published_at=published_at,
            replayed_at=replayed_at,
        )

        dead_letter_out.additional_properties = d
        return dead_letter_out

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
