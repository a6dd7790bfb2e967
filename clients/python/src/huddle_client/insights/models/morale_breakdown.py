from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.morale_groups import MoraleGroups


T = TypeVar("T", bound="MoraleBreakdown")


@_attrs_define
class MoraleBreakdown:
    """Morale by respondent group of the latest pulse, only when no group can be uncovered.

    Attributes:
        suppressed (bool): True when there is no pulse yet, or when a breakdown would expose a group smaller than the
            minimum even after merging the smallest groups
        reason (None | str): Why the value is withheld, in plain English; null when it is shown
        groups (MoraleGroups | None): Per group (merged groups are named 'a + b'); null when suppressed
    """

    suppressed: bool
    reason: str | None
    groups: MoraleGroups | None

    def to_dict(self) -> dict[str, Any]:
        from ..models.morale_groups import MoraleGroups

        suppressed = self.suppressed

        reason: str | None
        reason = self.reason

        groups: dict[str, Any] | None
        groups = self.groups.to_dict() if isinstance(self.groups, MoraleGroups) else self.groups

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "suppressed": suppressed,
                "reason": reason,
                "groups": groups,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.morale_groups import MoraleGroups

        d = dict(src_dict)
        suppressed = d.pop("suppressed")

        def _parse_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_groups(data: object) -> MoraleGroups | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return MoraleGroups.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MoraleGroups | None, data)

        groups = _parse_groups(d.pop("groups"))

        return cls(
            suppressed=suppressed,
            reason=reason,
            groups=groups,
        )
