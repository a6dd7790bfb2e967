from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dashboard_driver import DashboardDriver, check_dashboard_driver
from ..models.prompt_kind import PromptKind, check_prompt_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="PromptOut")


@_attrs_define
class PromptOut:
    """
    Attributes:
        kind (PromptKind): What prompted an action.
        campaign_id (None | str | Unset):
        driver (DashboardDriver | None | Unset):
        goal_id (None | str | Unset):
        meeting_id (None | str | Unset):
    """

    kind: PromptKind
    campaign_id: str | Unset | None = UNSET
    driver: DashboardDriver | Unset | None = UNSET
    goal_id: str | Unset | None = UNSET
    meeting_id: str | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind: str = self.kind

        campaign_id: str | Unset | None
        campaign_id = UNSET if isinstance(self.campaign_id, Unset) else self.campaign_id

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
        meeting_id = UNSET if isinstance(self.meeting_id, Unset) else self.meeting_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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

        def _parse_campaign_id(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

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

        def _parse_meeting_id(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        meeting_id = _parse_meeting_id(d.pop("meeting_id", UNSET))

        prompt_out = cls(
            kind=kind,
            campaign_id=campaign_id,
            driver=driver,
            goal_id=goal_id,
            meeting_id=meeting_id,
        )

        prompt_out.additional_properties = d
        return prompt_out

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
