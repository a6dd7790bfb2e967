from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.instrument_kind import InstrumentKind, check_instrument_kind
from ..models.scoring_rule import ScoringRule, check_scoring_rule
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.band import Band
    from ..models.item import Item
    from ..models.scale import Scale
    from ..models.subscale import Subscale


T = TypeVar("T", bound="InstrumentDefinition")


@_attrs_define
class InstrumentDefinition:
    """An instrument version as data; once published it never changes.

    Attributes:
        key (str):
        title (str):
        kind (InstrumentKind):
        scale (Scale):
        items (list[Item]):
        scoring (ScoringRule):
        description (str | Unset):  Default: ''.
        subscales (list[Subscale] | Unset):
        threshold (int | None | Unset): For the threshold rule
        bands (list[Band] | Unset):
        license_ (str | Unset):  Default: 'huddle-original'.
    """

    key: str
    title: str
    kind: InstrumentKind
    scale: Scale
    items: list[Item]
    scoring: ScoringRule
    description: str | Unset = ""
    subscales: list[Subscale] | Unset = UNSET
    threshold: int | Unset | None = UNSET
    bands: list[Band] | Unset = UNSET
    license_: str | Unset = "huddle-original"

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        title = self.title

        kind: str = self.kind

        scale = self.scale.to_dict()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        scoring: str = self.scoring

        description = self.description

        subscales: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.subscales, Unset):
            subscales = []
            for subscales_item_data in self.subscales:
                subscales_item = subscales_item_data.to_dict()
                subscales.append(subscales_item)

        threshold: int | Unset | None
        threshold = UNSET if isinstance(self.threshold, Unset) else self.threshold

        bands: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.bands, Unset):
            bands = []
            for bands_item_data in self.bands:
                bands_item = bands_item_data.to_dict()
                bands.append(bands_item)

        license_ = self.license_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key": key,
                "title": title,
                "kind": kind,
                "scale": scale,
                "items": items,
                "scoring": scoring,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if subscales is not UNSET:
            field_dict["subscales"] = subscales
        if threshold is not UNSET:
            field_dict["threshold"] = threshold
        if bands is not UNSET:
            field_dict["bands"] = bands
        if license_ is not UNSET:
            field_dict["license"] = license_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.band import Band
        from ..models.item import Item
        from ..models.scale import Scale
        from ..models.subscale import Subscale

        d = dict(src_dict)
        key = d.pop("key")

        title = d.pop("title")

        kind = check_instrument_kind(d.pop("kind"))

        scale = Scale.from_dict(d.pop("scale"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Item.from_dict(items_item_data)

            items.append(items_item)

        scoring = check_scoring_rule(d.pop("scoring"))

        description = d.pop("description", UNSET)

        _subscales = d.pop("subscales", UNSET)
        subscales: list[Subscale] | Unset = UNSET
        if _subscales is not UNSET:
            subscales = []
            for subscales_item_data in _subscales:
                subscales_item = Subscale.from_dict(subscales_item_data)

                subscales.append(subscales_item)

        def _parse_threshold(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | Unset | None, data)

        threshold = _parse_threshold(d.pop("threshold", UNSET))

        _bands = d.pop("bands", UNSET)
        bands: list[Band] | Unset = UNSET
        if _bands is not UNSET:
            bands = []
            for bands_item_data in _bands:
                bands_item = Band.from_dict(bands_item_data)

                bands.append(bands_item)

        license_ = d.pop("license", UNSET)

        return cls(
            key=key,
            title=title,
            kind=kind,
            scale=scale,
            items=items,
            scoring=scoring,
            description=description,
            subscales=subscales,
            threshold=threshold,
            bands=bands,
            license_=license_,
        )
