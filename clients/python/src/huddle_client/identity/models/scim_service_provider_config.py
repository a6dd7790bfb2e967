from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scim_service_provider_config_authentication_schemes_item import (
        ScimServiceProviderConfigAuthenticationSchemesItem,
    )
    from ..models.scim_service_provider_config_bulk import ScimServiceProviderConfigBulk
    from ..models.scim_service_provider_config_change_password import (
        ScimServiceProviderConfigChangePassword,
    )
    from ..models.scim_service_provider_config_etag import ScimServiceProviderConfigEtag
    from ..models.scim_service_provider_config_filter import ScimServiceProviderConfigFilter
    from ..models.scim_service_provider_config_meta import ScimServiceProviderConfigMeta
    from ..models.scim_service_provider_config_pagination import ScimServiceProviderConfigPagination
    from ..models.scim_service_provider_config_patch import ScimServiceProviderConfigPatch
    from ..models.scim_service_provider_config_sort import ScimServiceProviderConfigSort


T = TypeVar("T", bound="ScimServiceProviderConfig")


@_attrs_define
class ScimServiceProviderConfig:
    """
    Attributes:
        schemas (list[str] | Unset): Schema URIs
        meta (ScimServiceProviderConfigMeta | Unset): Set by the service: the resource type, times, location and version
        id (str | Unset): A unique identifier for a SCIM resource as defined by the service provider.
        documentation_uri (str | Unset): An HTTP-addressable URL pointing to the service provider's human- consumable
            help documentation.
        patch (ScimServiceProviderConfigPatch | Unset): A complex type that specifies PATCH configuration options.
        bulk (ScimServiceProviderConfigBulk | Unset): A complex type that specifies bulk configuration options.
        filter_ (ScimServiceProviderConfigFilter | Unset): A complex type that specifies FILTER options.
        change_password (ScimServiceProviderConfigChangePassword | Unset): A complex type that specifies configuration
            options related to changing a password.
        sort (ScimServiceProviderConfigSort | Unset): A complex type that specifies sort result options.
        etag (ScimServiceProviderConfigEtag | Unset): A complex type that specifies ETag configuration options.
        authentication_schemes (list[ScimServiceProviderConfigAuthenticationSchemesItem] | Unset): A complex type that
            specifies supported authentication scheme properties.
        pagination (ScimServiceProviderConfigPagination | Unset): A complex type that specifies pagination configuration
            options.
    """

    schemas: list[str] | Unset = UNSET
    meta: ScimServiceProviderConfigMeta | Unset = UNSET
    id: str | Unset = UNSET
    documentation_uri: str | Unset = UNSET
    patch: ScimServiceProviderConfigPatch | Unset = UNSET
    bulk: ScimServiceProviderConfigBulk | Unset = UNSET
    filter_: ScimServiceProviderConfigFilter | Unset = UNSET
    change_password: ScimServiceProviderConfigChangePassword | Unset = UNSET
    sort: ScimServiceProviderConfigSort | Unset = UNSET
    etag: ScimServiceProviderConfigEtag | Unset = UNSET
    authentication_schemes: list[ScimServiceProviderConfigAuthenticationSchemesItem] | Unset = UNSET
    pagination: ScimServiceProviderConfigPagination | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        schemas: list[str] | Unset = UNSET
        if not isinstance(self.schemas, Unset):
            schemas = self.schemas

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        id = self.id

        documentation_uri = self.documentation_uri

        patch: dict[str, Any] | Unset = UNSET
        if not isinstance(self.patch, Unset):
            patch = self.patch.to_dict()

        bulk: dict[str, Any] | Unset = UNSET
        if not isinstance(self.bulk, Unset):
            bulk = self.bulk.to_dict()

        filter_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.filter_, Unset):
            filter_ = self.filter_.to_dict()

        change_password: dict[str, Any] | Unset = UNSET
        if not isinstance(self.change_password, Unset):
            change_password = self.change_password.to_dict()

        sort: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sort, Unset):
            sort = self.sort.to_dict()

        etag: dict[str, Any] | Unset = UNSET
        if not isinstance(self.etag, Unset):
            etag = self.etag.to_dict()

        authentication_schemes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.authentication_schemes, Unset):
            authentication_schemes = []
            for authentication_schemes_item_data in self.authentication_schemes:
                authentication_schemes_item = authentication_schemes_item_data.to_dict()
                authentication_schemes.append(authentication_schemes_item)

        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if schemas is not UNSET:
            field_dict["schemas"] = schemas
        if meta is not UNSET:
            field_dict["meta"] = meta
        if id is not UNSET:
            field_dict["id"] = id
        if documentation_uri is not UNSET:
            field_dict["documentationUri"] = documentation_uri
        if patch is not UNSET:
            field_dict["patch"] = patch
        if bulk is not UNSET:
            field_dict["bulk"] = bulk
        if filter_ is not UNSET:
            field_dict["filter"] = filter_
        if change_password is not UNSET:
            field_dict["changePassword"] = change_password
        if sort is not UNSET:
            field_dict["sort"] = sort
        if etag is not UNSET:
            field_dict["etag"] = etag
        if authentication_schemes is not UNSET:
            field_dict["authenticationSchemes"] = authentication_schemes
        if pagination is not UNSET:
            field_dict["pagination"] = pagination

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scim_service_provider_config_authentication_schemes_item import (
            ScimServiceProviderConfigAuthenticationSchemesItem,
        )
        from ..models.scim_service_provider_config_bulk import ScimServiceProviderConfigBulk
        from ..models.scim_service_provider_config_change_password import (
            ScimServiceProviderConfigChangePassword,
        )
        from ..models.scim_service_provider_config_etag import ScimServiceProviderConfigEtag
        from ..models.scim_service_provider_config_filter import ScimServiceProviderConfigFilter
        from ..models.scim_service_provider_config_meta import ScimServiceProviderConfigMeta
        from ..models.scim_service_provider_config_pagination import (
            ScimServiceProviderConfigPagination,
        )
        from ..models.scim_service_provider_config_patch import ScimServiceProviderConfigPatch
        from ..models.scim_service_provider_config_sort import ScimServiceProviderConfigSort

        d = dict(src_dict)
        schemas = cast(list[str], d.pop("schemas", UNSET))

        _meta = d.pop("meta", UNSET)
        meta: ScimServiceProviderConfigMeta | Unset
        meta = UNSET if isinstance(_meta, Unset) else ScimServiceProviderConfigMeta.from_dict(_meta)

        id = d.pop("id", UNSET)

        documentation_uri = d.pop("documentationUri", UNSET)

        _patch = d.pop("patch", UNSET)
        patch: ScimServiceProviderConfigPatch | Unset
        if isinstance(_patch, Unset):
            patch = UNSET
        else:
            patch = ScimServiceProviderConfigPatch.from_dict(_patch)

        _bulk = d.pop("bulk", UNSET)
        bulk: ScimServiceProviderConfigBulk | Unset
        bulk = UNSET if isinstance(_bulk, Unset) else ScimServiceProviderConfigBulk.from_dict(_bulk)

        _filter_ = d.pop("filter", UNSET)
        filter_: ScimServiceProviderConfigFilter | Unset
        if isinstance(_filter_, Unset):
            filter_ = UNSET
        else:
            filter_ = ScimServiceProviderConfigFilter.from_dict(_filter_)

        _change_password = d.pop("changePassword", UNSET)
        change_password: ScimServiceProviderConfigChangePassword | Unset
        if isinstance(_change_password, Unset):
            change_password = UNSET
        else:
            change_password = ScimServiceProviderConfigChangePassword.from_dict(_change_password)

        _sort = d.pop("sort", UNSET)
        sort: ScimServiceProviderConfigSort | Unset
        sort = UNSET if isinstance(_sort, Unset) else ScimServiceProviderConfigSort.from_dict(_sort)

        _etag = d.pop("etag", UNSET)
        etag: ScimServiceProviderConfigEtag | Unset
        etag = UNSET if isinstance(_etag, Unset) else ScimServiceProviderConfigEtag.from_dict(_etag)

        _authentication_schemes = d.pop("authenticationSchemes", UNSET)
        authentication_schemes: list[ScimServiceProviderConfigAuthenticationSchemesItem] | Unset = (
            UNSET
        )
        if _authentication_schemes is not UNSET:
            authentication_schemes = []
            for authentication_schemes_item_data in _authentication_schemes:
                authentication_schemes_item = (
                    ScimServiceProviderConfigAuthenticationSchemesItem.from_dict(
                        authentication_schemes_item_data
                    )
                )

                authentication_schemes.append(authentication_schemes_item)

        _pagination = d.pop("pagination", UNSET)
        pagination: ScimServiceProviderConfigPagination | Unset
        if isinstance(_pagination, Unset):
            pagination = UNSET
        else:
            pagination = ScimServiceProviderConfigPagination.from_dict(_pagination)

        scim_service_provider_config = cls(
            schemas=schemas,
            meta=meta,
            id=id,
            documentation_uri=documentation_uri,
            patch=patch,
            bulk=bulk,
            filter_=filter_,
            change_password=change_password,
            sort=sort,
            etag=etag,
            authentication_schemes=authentication_schemes,
            pagination=pagination,
        )

        scim_service_provider_config.additional_properties = d
        return scim_service_provider_config

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
