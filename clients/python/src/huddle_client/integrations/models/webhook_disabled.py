from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookDisabled")


@_attrs_define
class WebhookDisabled:
    """A webhook subscription was disabled after failing persistently.

    Attributes:
        org_id (str):
        subscription_id (str):
        reason (str):
        failing_since (datetime.datetime | None | Unset):
    """

    org_id: str
    subscription_id: str
    reason: str
    failing_since: datetime.datetime | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        org_id = self.org_id

        subscription_id = self.subscription_id

        reason = self.reason

        failing_since: str | Unset | None
        if isinstance(self.failing_since, Unset):
            failing_since = UNSET
        elif isinstance(self.failing_since, datetime.datetime):
            failing_since = self.failing_since.isoformat()
        else:
            failing_since = self.failing_since

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "org_id": org_id,
                "subscription_id": subscription_id,
                "reason": reason,
            }
        )
        if failing_since is not UNSET:
            field_dict["failing_since"] = failing_since

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        org_id = d.pop("org_id")

        subscription_id = d.pop("subscription_id")

        reason = d.pop("reason")

        def _parse_failing_since(data: object) -> datetime.datetime | Unset | None:
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

        failing_since = _parse_failing_since(d.pop("failing_since", UNSET))

        return cls(
            org_id=org_id,
            subscription_id=subscription_id,
            reason=reason,
            failing_since=failing_since,
        )
