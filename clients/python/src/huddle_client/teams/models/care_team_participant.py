from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.codeable_concept import CodeableConcept
    from ..models.period import Period
    from ..models.reference import Reference


T = TypeVar("T", bound="CareTeamParticipant")


@_attrs_define
class CareTeamParticipant:
    """One person in one team role over one period; a role change closes one and opens the
    next.

        Attributes:
            role (list[CodeableConcept]):
            member (Reference):
            on_behalf_of (Reference):
            period (Period): FHIR dateTimes; Huddle gives days. No `end` while the period is open.
    """

    role: list[CodeableConcept]
    member: Reference
    on_behalf_of: Reference
    period: Period

    def to_dict(self) -> dict[str, Any]:
        role = []
        for role_item_data in self.role:
            role_item = role_item_data.to_dict()
            role.append(role_item)

        member = self.member.to_dict()

        on_behalf_of = self.on_behalf_of.to_dict()

        period = self.period.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "role": role,
                "member": member,
                "onBehalfOf": on_behalf_of,
                "period": period,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.codeable_concept import CodeableConcept
        from ..models.period import Period
        from ..models.reference import Reference

        d = dict(src_dict)
        role = []
        _role = d.pop("role")
        for role_item_data in _role:
            role_item = CodeableConcept.from_dict(role_item_data)

            role.append(role_item)

        member = Reference.from_dict(d.pop("member"))

        on_behalf_of = Reference.from_dict(d.pop("onBehalfOf"))

        period = Period.from_dict(d.pop("period"))

        return cls(
            role=role,
            member=member,
            on_behalf_of=on_behalf_of,
            period=period,
        )
