from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="WebhookPing")


@_attrs_define
class WebhookPing:
    """A test delivery asked for by the subscription's owner (sent to that subscription only).

    Attributes:
        org_id (str):
        subscription_id (str):
    """

    org_id: str
    subscription_id: str

    def to_dict(self) -> dict[str, Any]:
        org_id = self.org_id

        subscription_id = self.subscription_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "org_id": org_id,
                "subscription_id": subscription_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        org_id = d.pop("org_id")

        subscription_id = d.pop("subscription_id")

        return cls(
            org_id=org_id,
            subscription_id=subscription_id,
        )
