from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.person_ref import PersonRef


T = TypeVar("T", bound="MemberRoleChanged")


@_attrs_define
class MemberRoleChanged:
    """A member's team role changed.

    Attributes:
        org_id (str): The organisation (tenant); also the CloudEvent tenantid
        team_id (str): The team the event is about; also the CloudEvent subject
        member (PersonRef): A person by id: Huddle's, and the external id identity knows (null until provisioned).
        from_role (str):
        to_role (str):
        effective_date (datetime.date):
        category (str): promotion, planned_rotation, coverage, restructure or other
        reason (None | str | Unset): Only if the org shares role_change.reason
    """

    org_id: str
    team_id: str
    member: PersonRef
    from_role: str
    to_role: str
    effective_date: datetime.date
    category: str
    reason: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        org_id = self.org_id

        team_id = self.team_id

        member = self.member.to_dict()

        from_role = self.from_role

        to_role = self.to_role

        effective_date = self.effective_date.isoformat()

        category = self.category

        reason: str | Unset | None
        reason = UNSET if isinstance(self.reason, Unset) else self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "org_id": org_id,
                "team_id": team_id,
                "member": member,
                "from_role": from_role,
                "to_role": to_role,
                "effective_date": effective_date,
                "category": category,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person_ref import PersonRef

        d = dict(src_dict)
        org_id = d.pop("org_id")

        team_id = d.pop("team_id")

        member = PersonRef.from_dict(d.pop("member"))

        from_role = d.pop("from_role")

        to_role = d.pop("to_role")

        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))

        category = d.pop("category")

        def _parse_reason(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        return cls(
            org_id=org_id,
            team_id=team_id,
            member=member,
            from_role=from_role,
            to_role=to_role,
            effective_date=effective_date,
            category=category,
            reason=reason,
        )
