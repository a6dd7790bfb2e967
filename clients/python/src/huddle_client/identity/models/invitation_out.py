from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.invitation_out_status import InvitationOutStatus, check_invitation_out_status
from ..models.org_role import OrgRole, check_org_role
from ..models.profession import Profession, check_profession

T = TypeVar("T", bound="InvitationOut")


@_attrs_define
class InvitationOut:
    """
    Attributes:
        id (str):
        org_id (str):
        email (None | str): Cleared once the invitation is accepted or revoked
        display_name (None | str): Cleared once accepted or revoked
        profession (Profession):
        org_roles (list[OrgRole]):
        status (InvitationOutStatus):
        invited_by (str): The user id of the org admin who invited
        created_at (datetime.datetime):
        expires_at (datetime.datetime): The current link's end (renewed on resend)
        sent_count (int): How many times the invitation was sent
        accepted_at (datetime.datetime | None):
        user_id (None | str): The person the invitee became, once accepted
        revoked_at (datetime.datetime | None):
    """

    id: str
    org_id: str
    email: str | None
    display_name: str | None
    profession: Profession
    org_roles: list[OrgRole]
    status: InvitationOutStatus
    invited_by: str
    created_at: datetime.datetime
    expires_at: datetime.datetime
    sent_count: int
    accepted_at: datetime.datetime | None
    user_id: str | None
    revoked_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        org_id = self.org_id

        email: str | None
        email = self.email

        display_name: str | None
        display_name = self.display_name

        profession: str = self.profession

        org_roles = []
        for org_roles_item_data in self.org_roles:
            org_roles_item: str = org_roles_item_data
            org_roles.append(org_roles_item)

        status: str = self.status

        invited_by = self.invited_by

        created_at = self.created_at.isoformat()

        expires_at = self.expires_at.isoformat()

        sent_count = self.sent_count

        accepted_at: str | None
        if isinstance(self.accepted_at, datetime.datetime):
            accepted_at = self.accepted_at.isoformat()
        else:
            accepted_at = self.accepted_at

        user_id: str | None
        user_id = self.user_id

        revoked_at: str | None
        if isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "org_id": org_id,
                "email": email,
                "display_name": display_name,
                "profession": profession,
                "org_roles": org_roles,
                "status": status,
                "invited_by": invited_by,
                "created_at": created_at,
                "expires_at": expires_at,
                "sent_count": sent_count,
                "accepted_at": accepted_at,
                "user_id": user_id,
                "revoked_at": revoked_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        org_id = d.pop("org_id")

        def _parse_email(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        email = _parse_email(d.pop("email"))

        def _parse_display_name(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        display_name = _parse_display_name(d.pop("display_name"))

        profession = check_profession(d.pop("profession"))

        org_roles = []
        _org_roles = d.pop("org_roles")
        for org_roles_item_data in _org_roles:
            org_roles_item = check_org_role(org_roles_item_data)

            org_roles.append(org_roles_item)

        status = check_invitation_out_status(d.pop("status"))

        invited_by = d.pop("invited_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        sent_count = d.pop("sent_count")

        def _parse_accepted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return datetime.datetime.fromisoformat(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        accepted_at = _parse_accepted_at(d.pop("accepted_at"))

        def _parse_user_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        user_id = _parse_user_id(d.pop("user_id"))

        def _parse_revoked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                return datetime.datetime.fromisoformat(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))

        invitation_out = cls(
            id=id,
            org_id=org_id,
            email=email,
            display_name=display_name,
            profession=profession,
            org_roles=org_roles,
            status=status,
            invited_by=invited_by,
            created_at=created_at,
            expires_at=expires_at,
            sent_count=sent_count,
            accepted_at=accepted_at,
            user_id=user_id,
            revoked_at=revoked_at,
        )

        invitation_out.additional_properties = d
        return invitation_out

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
