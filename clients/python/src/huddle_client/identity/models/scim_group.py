from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scim_group_members_item import ScimGroupMembersItem
    from ..models.scim_group_meta import ScimGroupMeta


T = TypeVar("T", bound="ScimGroup")


@_attrs_define
class ScimGroup:
    """
    Attributes:
        schemas (list[str] | Unset): Schema URIs
        id (str | Unset):
        external_id (str | Unset):
        meta (ScimGroupMeta | Unset): Set by the service: the resource type, times, location and version
        display_name (str | Unset): A human-readable name for the Group.
        members (list[ScimGroupMembersItem] | Unset): A list of members of the Group.
    """

    schemas: list[str] | Unset = UNSET
    id: str | Unset = UNSET
    external_id: str | Unset = UNSET
    meta: ScimGroupMeta | Unset = UNSET
    display_name: str | Unset = UNSET
    members: list[ScimGroupMembersItem] | Unset = UNSET
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

        display_name = self.display_name

        members: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.members, Unset):
            members = []
            for members_item_data in self.members:
                members_item = members_item_data.to_dict()
                members.append(members_item)

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
        if display_name is not UNSET:
            field_dict["displayName"] = display_name
        if members is not UNSET:
            field_dict["members"] = members

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scim_group_members_item import ScimGroupMembersItem
        from ..models.scim_group_meta import ScimGroupMeta

        d = dict(src_dict)
        schemas = cast(list[str], d.pop("schemas", UNSET))

        id = d.pop("id", UNSET)

        external_id = d.pop("externalId", UNSET)

        _meta = d.pop("meta", UNSET)
        meta: ScimGroupMeta | Unset
        meta = UNSET if isinstance(_meta, Unset) else ScimGroupMeta.from_dict(_meta)

        display_name = d.pop("displayName", UNSET)

        _members = d.pop("members", UNSET)
        members: list[ScimGroupMembersItem] | Unset = UNSET
        if _members is not UNSET:
            members = []
            for members_item_data in _members:
                members_item = ScimGroupMembersItem.from_dict(members_item_data)

                members.append(members_item)

        scim_group = cls(
            schemas=schemas,
            id=id,
            external_id=external_id,
            meta=meta,
            display_name=display_name,
            members=members,
        )

        scim_group.additional_properties = d
        return scim_group

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
