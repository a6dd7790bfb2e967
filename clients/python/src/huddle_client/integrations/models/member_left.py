from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.person_ref import PersonRef


T = TypeVar("T", bound="MemberLeft")


@_attrs_define
class MemberLeft:
    """A person left the team.

    Attributes:
        org_id (str): The organisation (tenant); also the CloudEvent tenantid
        team_id (str): The team the event is about; also the CloudEvent subject
        member (PersonRef): A person by id: Huddle's, and the external id identity knows (null until provisioned).
        role (str):
        effective_date (datetime.date):
    """

    org_id: str
    team_id: str
    member: PersonRef
    role: str
    effective_date: datetime.date

    def to_dict(self) -> dict[str, Any]:
        org_id = self.org_id

        team_id = self.team_id

        member = self.member.to_dict()

        role = self.role

        effective_date = self.effective_date.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "org_id": org_id,
                "team_id": team_id,
                "member": member,
                "role": role,
                "effective_date": effective_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person_ref import PersonRef

        d = dict(src_dict)
        org_id = d.pop("org_id")

        team_id = d.pop("team_id")

        member = PersonRef.from_dict(d.pop("member"))

        role = d.pop("role")

        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))

        return cls(
            org_id=org_id,
            team_id=team_id,
            member=member,
            role=role,
            effective_date=effective_date,
        )
