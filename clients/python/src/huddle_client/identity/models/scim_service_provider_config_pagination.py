from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ScimServiceProviderConfigPagination")


@_attrs_define
class ScimServiceProviderConfigPagination:
    """A complex type that specifies pagination configuration options.

    Attributes:
        cursor (bool | Unset): A Boolean value specifying support of cursor-based pagination.
        index (bool | Unset): A Boolean value specifying support of index-based pagination.
        default_pagination_method (str | Unset): A string value specifying the type of pagination that the service
            provider defaults to when the client has not specified which method it wishes to use. Possible values are
            "cursor" and "index".
        default_page_size (int | Unset): Positive integer value specifying the default number of results returned in a
            page when a count is not specified in the query.
        max_page_size (int | Unset): Positive integer specifying the maximum number of results returned in a page
            regardless of what is specified for the count in a query. The maximum number of results returned may be further
            restricted by other criteria.
        cursor_timeout (int | Unset): Positive integer specifying the minimum number of seconds that a cursor is valid
            between page requests. Clients waiting too long between cursor pagination requests may receive an invalid cursor
            error response. No value being specified may mean that there is no cursor timeout or that the cursor timeout is
            not a static duration.
    """

    cursor: bool | Unset = UNSET
    index: bool | Unset = UNSET
    default_pagination_method: str | Unset = UNSET
    default_page_size: int | Unset = UNSET
    max_page_size: int | Unset = UNSET
    cursor_timeout: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cursor = self.cursor

        index = self.index

        default_pagination_method = self.default_pagination_method

        default_page_size = self.default_page_size

        max_page_size = self.max_page_size

        cursor_timeout = self.cursor_timeout

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if cursor is not UNSET:
            field_dict["cursor"] = cursor
        if index is not UNSET:
            field_dict["index"] = index
        if default_pagination_method is not UNSET:
            field_dict["defaultPaginationMethod"] = default_pagination_method
        if default_page_size is not UNSET:
            field_dict["defaultPageSize"] = default_page_size
        if max_page_size is not UNSET:
            field_dict["maxPageSize"] = max_page_size
        if cursor_timeout is not UNSET:
            field_dict["cursorTimeout"] = cursor_timeout

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cursor = d.pop("cursor", UNSET)

        index = d.pop("index", UNSET)

        default_pagination_method = d.pop("defaultPaginationMethod", UNSET)

        default_page_size = d.pop("defaultPageSize", UNSET)

        max_page_size = d.pop("maxPageSize", UNSET)

        cursor_timeout = d.pop("cursorTimeout", UNSET)

        scim_service_provider_config_pagination = cls(
            cursor=cursor,
            index=index,
            default_pagination_method=default_pagination_method,
            default_page_size=default_page_size,
            max_page_size=max_page_size,
            cursor_timeout=cursor_timeout,
        )

        scim_service_provider_config_pagination.additional_properties = d
        return scim_service_provider_config_pagination

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
