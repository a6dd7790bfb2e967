from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subscription_status import SubscriptionStatus, check_subscription_status

T = TypeVar("T", bound="SubscriptionWithSecret")


@_attrs_define
class SubscriptionWithSecret:
    """
    Attributes:
        id (UUID):
        version (int): The subscription's version (also its ETag)
        url (str):
        description (str):
        event_types (list[str]): Empty: every event type
        status (SubscriptionStatus):
        disabled_reason (None | str):
        previous_secret_valid_until (datetime.datetime | None): After a rotation: until when the previous secret still
            signs
        consecutive_failures (int):
        failing_since (datetime.datetime | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        created_by (None | str):
        secret (str): The signing secret (whsec_…), shown only now: keep it to verify deliveries
    """

    id: UUID
    version: int
    url: str
    description: str
    event_types: list[str]
    status: SubscriptionStatus
    disabled_reason: str | None
    previous_secret_valid_until: datetime.datetime | None
    consecutive_failures: int
    failing_since: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    created_by: str | None
    secret: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        version = self.version

        url = self.url

        description = self.description

        event_types = self.event_types

        status: str = self.status

        disabled_reason: str | None
        disabled_reason = self.disabled_reason

        previous_secret_valid_until: str | None
        if isinstance(self.previous_secret_valid_until, datetime.datetime):
            previous_secret_valid_until = self.previous_secret_valid_until.isoformat()
        else:
            previous_secret_valid_until = self.previous_secret_valid_until

        consecutive_failures = self.consecutive_failures

        failing_since: str | None
        if isinstance(self.failing_since, datetime.datetime):
            failing_since = self.failing_since.isoformat()
        else:
            failing_since = self.failing_since

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        created_by: str | None
        created_by = self.created_by

        secret = self.secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "version": version,
                "url": url,
                "description": description,
                "event_types": event_types,
                "status": status,
                "disabled_reason": disabled_reason,
                "previous_secret_valid_until": previous_secret_valid_until,
                "consecutive_failures": consecutive_failures,
                "failing_since": failing_since,
                "created_at": created_at,
                "updated_at": updated_at,
                "created_by": created_by,
                "secret": secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        version = d.pop("version")

        url = d.pop("url")

        description = d.pop("description")

        event_types = cast(list[str], d.pop("event_types"))

        status = check_subscription_status(d.pop("status"))

        def _parse_disabled_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        disabled_reason = _parse_disabled_reason(d.pop("disabled_reason"))

        def _parse_previous_secret_valid_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return datetime.datetime.fromisoformat(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        previous_secret_valid_until = _parse_previous_secret_valid_until(
            d.pop("previous_secret_valid_until")
        )

        consecutive_failures = d.pop("consecutive_failures")

        def _parse_failing_since(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return datetime.datetime.fromisoformat(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        failing_since = _parse_failing_since(d.pop("failing_since"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_created_by(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        created_by = _parse_created_by(d.pop("created_by"))

        secret = d.pop("secret")

        subscription_with_secret = cls(
            id=id,
            version=version,
            url=url,
            description=description,
            event_types=event_types,
            status=status,
            disabled_reason=disabled_reason,
            previous_secret_valid_until=previous_secret_valid_until,
            consecutive_failures=consecutive_failures,
            failing_since=failing_since,
            created_at=created_at,
            updated_at=updated_at,
            created_by=created_by,
            secret=secret,
        )

        subscription_with_secret.additional_properties = d
        return subscription_with_secret

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
