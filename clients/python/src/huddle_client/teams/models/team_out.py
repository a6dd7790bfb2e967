from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_setting import CareSetting, check_care_setting
from ..models.team_status import TeamStatus, check_team_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="TeamOut")


@_attrs_define
class TeamOut:
    """
    Attributes:
        id (str):
        org_id (str):
        name (str):
        care_setting (CareSetting):
        description (str):
        status (TeamStatus):
        review_cadence_days (int):
        next_review_due (datetime.date | None): When the charter is next due for review
        member_count (int):
        charter_revision (int): 0 while the team has no charter
        version (int): The stream version; also the ETag
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        archived_at (datetime.datetime | None | Unset):
    """

    id: str
    org_id: str
    name: str
    care_setting: CareSetting
    description: str
    status: TeamStatus
    review_cadence_days: int
    next_review_due: datetime.date | None
    member_count: int
    charter_revision: int
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    archived_at: datetime.datetime | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        org_id = self.org_id

        name = self.name

        care_setting: str = self.care_setting

        description = self.description

        status: str = self.status

        review_cadence_days = self.review_cadence_days

        next_review_due: str | None
        if isinstance(self.next_review_due, datetime.date):
            next_review_due = self.next_review_due.isoformat()
        else:
            next_review_due = self.next_review_due

        member_count = self.member_count

        charter_revision = self.charter_revision

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        archived_at: str | Unset | None
        if isinstance(self.archived_at, Unset):
            archived_at = UNSET
        elif isinstance(self.archived_at, datetime.datetime):
            archived_at = self.archived_at.isoformat()
        else:
            archived_at = self.archived_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "org_id": org_id,
                "name": name,
                "care_setting": care_setting,
                "description": description,
                "status": status,
                "review_cadence_days": review_cadence_days,
                "next_review_due": next_review_due,
                "member_count": member_count,
                "charter_revision": charter_revision,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if archived_at is not UNSET:
            field_dict["archived_at"] = archived_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        org_id = d.pop("org_id")

        name = d.pop("name")

        care_setting = check_care_setting(d.pop("care_setting"))

        description = d.pop("description")

        status = check_team_status(d.pop("status"))

        review_cadence_days = d.pop("review_cadence_days")

        def _parse_next_review_due(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return datetime.date.fromisoformat(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        next_review_due = _parse_next_review_due(d.pop("next_review_due"))

        member_count = d.pop("member_count")

        charter_revision = d.pop("charter_revision")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_archived_at(data: object) -> datetime.datetime | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return datetime.datetime.fromisoformat(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | Unset | None, data)

        archived_at = _parse_archived_at(d.pop("archived_at", UNSET))

        team_out = cls(
            id=id,
            org_id=org_id,
            name=name,
            care_setting=care_setting,
            description=description,
            status=status,
            review_cadence_days=review_cadence_days,
            next_review_due=next_review_due,
            member_count=member_count,
            charter_revision=charter_revision,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            archived_at=archived_at,
        )

        team_out.additional_properties = d
        return team_out

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
