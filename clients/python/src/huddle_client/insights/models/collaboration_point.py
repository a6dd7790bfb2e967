from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="CollaborationPoint")


@_attrs_define
class CollaborationPoint:
    """Collaboration (0-100) when a campaign closed, from what was known then.

    Attributes:
        campaign_id (UUID):
        date (datetime.date): The day the campaign closed
        value (float):
        suppressed (bool): Always false: collaboration is never withheld
        reason (None | str): Always null
    """

    campaign_id: UUID
    date: datetime.date
    value: float
    suppressed: bool
    reason: str | None

    def to_dict(self) -> dict[str, Any]:
        campaign_id = str(self.campaign_id)

        date = self.date.isoformat()

        value = self.value

        suppressed = self.suppressed

        reason: str | None
        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "campaign_id": campaign_id,
                "date": date,
                "value": value,
                "suppressed": suppressed,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        campaign_id = UUID(d.pop("campaign_id"))

        date = datetime.date.fromisoformat(d.pop("date"))

        value = d.pop("value")

        suppressed = d.pop("suppressed")

        def _parse_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        reason = _parse_reason(d.pop("reason"))

        return cls(
            campaign_id=campaign_id,
            date=date,
            value=value,
            suppressed=suppressed,
            reason=reason,
        )
