from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.action_status import ActionStatus, check_action_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="ActionStatusIn")


@_attrs_define
class ActionStatusIn:
    """
    Attributes:
        status (ActionStatus): Proposed, then committed, in progress and done; dropped (with a reason) at any point.
        reason (str | Unset): Required to drop an action Default: ''.
        effective_on (datetime.date | None | Unset): When it happened (today if left out; not in the future)
    """

    status: ActionStatus
    reason: str | Unset = ""
    effective_on: datetime.date | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        status: str = self.status

        reason = self.reason

        effective_on: str | Unset | None
        if isinstance(self.effective_on, Unset):
            effective_on = UNSET
        elif isinstance(self.effective_on, datetime.date):
            effective_on = self.effective_on.isoformat()
        else:
            effective_on = self.effective_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if effective_on is not UNSET:
            field_dict["effective_on"] = effective_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = check_action_status(d.pop("status"))

        reason = d.pop("reason", UNSET)

        def _parse_effective_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return datetime.date.fromisoformat(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | Unset | None, data)

        effective_on = _parse_effective_on(d.pop("effective_on", UNSET))

        return cls(
            status=status,
            reason=reason,
            effective_on=effective_on,
        )
