from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.subscription_patch_status import (
    SubscriptionPatchStatus,
    check_subscription_patch_status,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriptionPatch")


@_attrs_define
class SubscriptionPatch:
    """
    Attributes:
        url (None | str | Unset):
        description (None | str | Unset):
        event_types (list[str] | None | Unset):
        status (None | SubscriptionPatchStatus | Unset): Pause, resume, or re-enable a disabled subscription
    """

    url: str | Unset | None = UNSET
    description: str | Unset | None = UNSET
    event_types: list[str] | Unset | None = UNSET
    status: SubscriptionPatchStatus | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        url: str | Unset | None
        url = UNSET if isinstance(self.url, Unset) else self.url

        description: str | Unset | None
        description = UNSET if isinstance(self.description, Unset) else self.description

        event_types: list[str] | Unset | None
        if isinstance(self.event_types, Unset):
            event_types = UNSET
        elif isinstance(self.event_types, list):
            event_types = self.event_types

        else:
            event_types = self.event_types

        status: str | Unset | None
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if url is not UNSET:
            field_dict["url"] = url
        if description is not UNSET:
            field_dict["description"] = description
        if event_types is not UNSET:
            field_dict["event_types"] = event_types
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_url(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        url = _parse_url(d.pop("url", UNSET))

        def _parse_description(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_event_types(data: object) -> list[str] | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                return cast(list[str], data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | Unset | None, data)

        event_types = _parse_event_types(d.pop("event_types", UNSET))

        def _parse_status(data: object) -> SubscriptionPatchStatus | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return check_subscription_patch_status(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(SubscriptionPatchStatus | Unset | None, data)

        status = _parse_status(d.pop("status", UNSET))

        return cls(
            url=url,
            description=description,
            event_types=event_types,
            status=status,
        )
