from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.dashboard_driver import DashboardDriver, check_dashboard_driver
from ..models.prompt_kind import PromptKind, check_prompt_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="PromptIn")


@_attrs_define
class PromptIn:
    """What prompted the action: set exactly the field its kind names.

    Attributes:
        kind (PromptKind): What prompted an action.
        campaign_id (None | Unset | UUID): For kind campaign
        driver (DashboardDriver | None | Unset): For kind driver
        goal_id (None | str | Unset): For kind goal: a goal of the current charter
        meeting_id (None | Unset | UUID): For kind meeting: one of the team's recorded meetings
    """

    kind: PromptKind
    campaign_id: Unset | UUID | None = UNSET
    driver: DashboardDriver | Unset | None = UNSET
    goal_id: str | Unset | None = UNSET
    meeting_id: Unset | UUID | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind: str = self.kind

        campaign_id: str | Unset | None
        if isinstance(self.campaign_id, Unset):
            campaign_id = UNSET
        elif isinstance(self.campaign_id, UUID):
            campaign_id = str(self.campaign_id)
        else:
            campaign_id = self.campaign_id

        driver: str | Unset | None
        if isinstance(self.driver, Unset):
            driver = UNSET
        elif isinstance(self.driver, str):
            driver = self.driver
        else:
            driver = self.driver

        goal_id: str | Unset | None
        goal_id = UNSET if isinstance(self.goal_id, Unset) else self.goal_id

        meeting_id: str | Unset | None
        if isinstance(self.meeting_id, Unset):
            meeting_id = UNSET
        elif isinstance(self.meeting_id, UUID):
            meeting_id = str(self.meeting_id)
        else:
            meeting_id = self.meeting_id

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
        kind = check_prompt_kind(d.pop("kind"))

        def _parse_campaign_id(data: object) -> Unset | UUID | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return UUID(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Unset | UUID | None, data)

        campaign_id = _parse_campaign_id(d.pop("campaign_id", UNSET))

        def _parse_driver(data: object) -> DashboardDriver | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return check_dashboard_driver(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DashboardDriver | Unset | None, data)

        driver = _parse_driver(d.pop("driver", UNSET))

        def _parse_goal_id(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        goal_id = _parse_goal_id(d.pop("goal_id", UNSET))

        def _parse_meeting_id(data: object) -> Unset | UUID | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return UUID(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Unset | UUID | None, data)

        meeting_id = _parse_meeting_id(d.pop("meeting_id", UNSET))

        return cls(
            kind=kind,
            campaign_id=campaign_id,
            driver=driver,
            goal_id=goal_id,
            meeting_id=meeting_id,
        )
