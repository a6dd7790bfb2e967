from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ActionPromptRef")


@_attrs_define
class ActionPromptRef:
    """What prompted an action: its kind and the one id (or driver) that kind names.

    Attributes:
        kind (str): campaign, driver, goal or meeting
        campaign_id (None | str | Unset):
        driver (None | str | Unset): A team dashboard driver's name
        goal_id (None | str | Unset): A goal of the team's charter
        meeting_id (None | str | Unset): A meeting the team recorded
    """

    kind: str
    campaign_id: str | Unset | None = UNSET
    driver: str | Unset | None = UNSET
    goal_id: str | Unset | None = UNSET
    meeting_id: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        campaign_id: str | Unset | None
        campaign_id = UNSET if isinstance(self.campaign_id, Unset) else self.campaign_id

        driver: str | Unset | None
        driver = UNSET if isinstance(self.driver, Unset) else self.driver

        goal_id: str | Unset | None
        goal_id = UNSET if isinstance(self.goal_id, Unset) else self.goal_id

        meeting_id: str | Unset | None
        meeting_id = UNSET if isinstance(self.meeting_id, Unset) else self.meeting_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )
        if campaign_id is not UNSET:
            field_dict["campaign_id"] = campaign_id
        if driver is not UNSET:
            field_dict["driver"] = driver
        if goal_id is not UNSET:
            field_dict["goal_id"] = goal_id
        if meeting_id is not UNSET:
            field_dict["meeting_id"] = meeting_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        def _parse_campaign_id(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        campaign_id = _parse_campaign_id(d.pop("campaign_id", UNSET))

        def _parse_driver(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        driver = _parse_driver(d.pop("driver", UNSET))

        def _parse_goal_id(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        goal_id = _parse_goal_id(d.pop("goal_id", UNSET))

        def _parse_meeting_id(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        meeting_id = _parse_meeting_id(d.pop("meeting_id", UNSET))

        return cls(
            kind=kind,
            campaign_id=campaign_id,
            driver=driver,
            goal_id=goal_id,
            meeting_id=meeting_id,
        )
