from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.care_team_status import CareTeamStatus, check_care_team_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.annotation import Annotation
    from ..models.care_team_participant import CareTeamParticipant
    from ..models.codeable_concept import CodeableConcept
    from ..models.identifier import Identifier
    from ..models.meta import Meta
    from ..models.period import Period
    from ..models.reference import Reference


T = TypeVar("T", bound="CareTeam")


@_attrs_define
class CareTeam:
    """A team as an HL7 FHIR R4 CareTeam resource.

    Attributes:
        resource_type (Literal['CareTeam']):
        id (str): The team id
        meta (Meta):
        identifier (list[Identifier]):
        status (CareTeamStatus): proposed: no one yet; active: has members; suspended: everyone left; inactive: archived
        category (list[CodeableConcept]):
        name (str):
        period (Period): FHIR dateTimes; Huddle gives days. No `end` while the period is open.
        managing_organization (list[Reference]):
        participant (list[CareTeamParticipant] | Unset): Absent while no one was ever on the team
        note (list[Annotation] | Unset): The team's description; absent when it has none
    """

    resource_type: Literal["CareTeam"]
    id: str
    meta: Meta
    identifier: list[Identifier]
    status: CareTeamStatus
    category: list[CodeableConcept]
    name: str
    period: Period
    managing_organization: list[Reference]
    participant: list[CareTeamParticipant] | Unset = UNSET
    note: list[Annotation] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        resource_type = self.resource_type

        id = self.id

        meta = self.meta.to_dict()

        identifier = []
        for identifier_item_data in self.identifier:
            identifier_item = identifier_item_data.to_dict()
            identifier.append(identifier_item)

        status: str = self.status

        category = []
        for category_item_data in self.category:
            category_item = category_item_data.to_dict()
            category.append(category_item)

        name = self.name

        period = self.period.to_dict()

        managing_organization = []
        for managing_organization_item_data in self.managing_organization:
            managing_organization_item = managing_organization_item_data.to_dict()
            managing_organization.append(managing_organization_item)

        participant: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.participant, Unset):
            participant = []
            for participant_item_data in self.participant:
                participant_item = participant_item_data.to_dict()
                participant.append(participant_item)

        note: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.note, Unset):
            note = []
            for note_item_data in self.note:
                note_item = note_item_data.to_dict()
                note.append(note_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "resourceType": resource_type,
                "id": id,
                "meta": meta,
                "identifier": identifier,
                "status": status,
                "category": category,
                "name": name,
                "period": period,
                "managingOrganization": managing_organization,
            }
        )
        if participant is not UNSET:
            field_dict["participant"] = participant
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.annotation import Annotation
        from ..models.care_team_participant import CareTeamParticipant
        from ..models.codeable_concept import CodeableConcept
        from ..models.identifier import Identifier
        from ..models.meta import Meta
        from ..models.period import Period
        from ..models.reference import Reference

        d = dict(src_dict)
        resource_type = cast(Literal["CareTeam"], d.pop("resourceType"))
        if resource_type != "CareTeam":
            raise ValueError(f"resourceType must match const 'CareTeam', got '{resource_type}'")

        id = d.pop("id")

        meta = Meta.from_dict(d.pop("meta"))

        identifier = []
        _identifier = d.pop("identifier")
        for identifier_item_data in _identifier:
            identifier_item = Identifier.from_dict(identifier_item_data)

            identifier.append(identifier_item)

        status = check_care_team_status(d.pop("status"))

        category = []
        _category = d.pop("category")
        for category_item_data in _category:
            category_item = CodeableConcept.from_dict(category_item_data)

            category.append(category_item)

        name = d.pop("name")

        period = Period.from_dict(d.pop("period"))

        managing_organization = []
        _managing_organization = d.pop("managingOrganization")
        for managing_organization_item_data in _managing_organization:
            managing_organization_item = Reference.from_dict(managing_organization_item_data)

            managing_organization.append(managing_organization_item)

        _participant = d.pop("participant", UNSET)
        participant: list[CareTeamParticipant] | Unset = UNSET
        if _participant is not UNSET:
            participant = []
            for participant_item_data in _participant:
                participant_item = CareTeamParticipant.from_dict(participant_item_data)

                participant.append(participant_item)

        _note = d.pop("note", UNSET)
        note: list[Annotation] | Unset = UNSET
        if _note is not UNSET:
            note = []
            for note_item_data in _note:
                note_item = Annotation.from_dict(note_item_data)

                note.append(note_item)

        return cls(
            resource_type=resource_type,
            id=id,
            meta=meta,
            identifier=identifier,
            status=status,
            category=category,
            name=name,
            period=period,
            managing_organization=managing_organization,
            participant=participant,
            note=note,
        )
