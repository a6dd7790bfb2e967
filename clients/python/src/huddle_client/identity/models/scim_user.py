from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scim_enterprise_user import ScimEnterpriseUser
    from ..models.scim_huddle_user import ScimHuddleUser
    from ..models.scim_user_emails_item import ScimUserEmailsItem
    from ..models.scim_user_groups_item import ScimUserGroupsItem
    from ..models.scim_user_meta import ScimUserMeta
    from ..models.scim_user_name import ScimUserName


T = TypeVar("T", bound="ScimUser")


@_attrs_define
class ScimUser:
    """
    Attributes:
        schemas (list[str] | Unset): Schema URIs
        id (str | Unset):
        external_id (str | Unset):
        meta (ScimUserMeta | Unset): Set by the service: the resource type, times, location and version
        user_name (str | Unset): The person's user name at the identity provider, unique across Huddle whatever its
            case. An address if the person has no emails entry.
        name (ScimUserName | Unset): The components of the user's real name.
        display_name (str | Unset): The name of the User, suitable for display to end-users.
        active (bool | Unset): False deactivates the person: no sign-in, every refresh token revoked at once.
        password (str | Unset): The User's cleartext password.
        emails (list[ScimUserEmailsItem] | Unset): One address: the person's sign-in name and where Huddle mails them
            (of those sent, the primary entry, else the work one, else the first).
        groups (list[ScimUserGroupsItem] | Unset): The org roles the person holds, as the organisation's groups.
        urnietfparamsscimschemasextensionenterprise_2_0_user (ScimEnterpriseUser | Unset): EnterpriseUser
        urnietfparamsscimschemasextensionhuddle_2_0_user (ScimHuddleUser | Unset): Huddle's own attributes of a person.
    """

    schemas: list[str] | Unset = UNSET
    id: str | Unset = UNSET
    external_id: str | Unset = UNSET
    meta: ScimUserMeta | Unset = UNSET
    user_name: str | Unset = UNSET
    name: ScimUserName | Unset = UNSET
    display_name: str | Unset = UNSET
    active: bool | Unset = UNSET
    password: str | Unset = UNSET
    emails: list[ScimUserEmailsItem] | Unset = UNSET
    groups: list[ScimUserGroupsItem] | Unset = UNSET
    urnietfparamsscimschemasextensionenterprise_2_0_user: ScimEnterpriseUser | Unset = UNSET
    urnietfparamsscimschemasextensionhuddle_2_0_user: ScimHuddleUser | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        schemas: list[str] | Unset = UNSET
        if not isinstance(self.schemas, Unset):
            schemas = self.schemas

        id = self.id

        external_id = self.external_id

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        user_name = self.user_name

        name: dict[str, Any] | Unset = UNSET
        if not isinstance(self.name, Unset):
            name = self.name.to_dict()

        display_name = self.display_name

        active = self.active

        password = self.password

        emails: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.emails, Unset):
            emails = []
            for emails_item_data in self.emails:
                emails_item = emails_item_data.to_dict()
                emails.append(emails_item)

        groups: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.groups, Unset):
            groups = []
            for groups_item_data in self.groups:
                groups_item = groups_item_data.to_dict()
                groups.append(groups_item)

        urnietfparamsscimschemasextensionenterprise_2_0_user: dict[str, Any] | Unset = UNSET
        if not isinstance(self.urnietfparamsscimschemasextensionenterprise_2_0_user, Unset):
            urnietfparamsscimschemasextensionenterprise_2_0_user = (
                self.urnietfparamsscimschemasextensionenterprise_2_0_user.to_dict()
            )

        urnietfparamsscimschemasextensionhuddle_2_0_user: dict[str, Any] | Unset = UNSET
        if not isinstance(self.urnietfparamsscimschemasextensionhuddle_2_0_user, Unset):
            urnietfparamsscimschemasextensionhuddle_2_0_user = (
                self.urnietfparamsscimschemasextensionhuddle_2_0_user.to_dict()
            )

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if schemas is not UNSET:
            field_dict["schemas"] = schemas
        if id is not UNSET:
            field_dict["id"] = id
        if external_id is not UNSET:
            field_dict["externalId"] = external_id
        if meta is not UNSET:
            field_dict["meta"] = meta
        if user_name is not UNSET:
            field_dict["userName"] = user_name
        if name is not UNSET:
            field_dict["name"] = name
        if display_name is not UNSET:
            field_dict["displayName"] = display_name
        if active is not UNSET:
            field_dict["active"] = active
        if password is not UNSET:
            field_dict["password"] = password
        if emails is not UNSET:
            field_dict["emails"] = emails
        if groups is not UNSET:
            field_dict["groups"] = groups
        if urnietfparamsscimschemasextensionenterprise_2_0_user is not UNSET:
            field_dict["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"] = (
                urnietfparamsscimschemasextensionenterprise_2_0_user
            )
        if urnietfparamsscimschemasextensionhuddle_2_0_user is not UNSET:
            field_dict["urn:ietf:params:scim:schemas:extension:huddle:2.0:User"] = (
                urnietfparamsscimschemasextensionhuddle_2_0_user
            )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scim_enterprise_user import ScimEnterpriseUser
        from ..models.scim_huddle_user import ScimHuddleUser
        from ..models.scim_user_emails_item import ScimUserEmailsItem
        from ..models.scim_user_groups_item import ScimUserGroupsItem
        from ..models.scim_user_meta import ScimUserMeta
        from ..models.scim_user_name import ScimUserName

        d = dict(src_dict)
        schemas = cast(list[str], d.pop("schemas", UNSET))

        id = d.pop("id", UNSET)

        external_id = d.pop("externalId", UNSET)

        _meta = d.pop("meta", UNSET)
        meta: ScimUserMeta | Unset
        meta = UNSET if isinstance(_meta, Unset) else ScimUserMeta.from_dict(_meta)

        user_name = d.pop("userName", UNSET)

        _name = d.pop("name", UNSET)
        name: ScimUserName | Unset
        name = UNSET if isinstance(_name, Unset) else ScimUserName.from_dict(_name)

        display_name = d.pop("displayName", UNSET)

        active = d.pop("active", UNSET)

        password = d.pop("password", UNSET)

        _emails = d.pop("emails", UNSET)
        emails: list[ScimUserEmailsItem] | Unset = UNSET
        if _emails is not UNSET:
            emails = []
            for emails_item_data in _emails:
                emails_item = ScimUserEmailsItem.from_dict(emails_item_data)

                emails.append(emails_item)

        _groups = d.pop("groups", UNSET)
        groups: list[ScimUserGroupsItem] | Unset = UNSET
        if _groups is not UNSET:
            groups = []
            for groups_item_data in _groups:
                groups_item = ScimUserGroupsItem.from_dict(groups_item_data)

                groups.append(groups_item)

        _urnietfparamsscimschemasextensionenterprise_2_0_user = d.pop(
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", UNSET
        )
        urnietfparamsscimschemasextensionenterprise_2_0_user: ScimEnterpriseUser | Unset
        if isinstance(_urnietfparamsscimschemasextensionenterprise_2_0_user, Unset):
            urnietfparamsscimschemasextensionenterprise_2_0_user = UNSET
        else:
            urnietfparamsscimschemasextensionenterprise_2_0_user = ScimEnterpriseUser.from_dict(
                _urnietfparamsscimschemasextensionenterprise_2_0_user
            )

        _urnietfparamsscimschemasextensionhuddle_2_0_user = d.pop(
            "urn:ietf:params:scim:schemas:extension:huddle:2.0:User", UNSET
        )
        urnietfparamsscimschemasextensionhuddle_2_0_user: ScimHuddleUser | Unset
        if isinstance(_urnietfparamsscimschemasextensionhuddle_2_0_user, Unset):
            urnietfparamsscimschemasextensionhuddle_2_0_user = UNSET
        else:
            urnietfparamsscimschemasextensionhuddle_2_0_user = ScimHuddleUser.from_dict(
                _urnietfparamsscimschemasextensionhuddle_2_0_user
            )

        scim_user = cls(
            schemas=schemas,
            id=id,
            external_id=external_id,
            meta=meta,
            user_name=user_name,
            name=name,
            display_name=display_name,
            active=active,
            password=password,
            emails=emails,
            groups=groups,
            urnietfparamsscimschemasextensionenterprise_2_0_user=urnietfparamsscimschemasextensionenterprise_2_0_user,
            urnietfparamsscimschemasextensionhuddle_2_0_user=urnietfparamsscimschemasextensionhuddle_2_0_user,
        )

        scim_user.additional_properties = d
        return scim_user

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
