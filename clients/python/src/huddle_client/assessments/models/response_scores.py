from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.response_scores_flags import ResponseScoresFlags
    from ..models.response_scores_subscales import ResponseScoresSubscales


T = TypeVar("T", bound="ResponseScores")


@_attrs_define
class ResponseScores:
    """One respondent's scores: overall, per subscale, and flags (e.g. burnout symptoms).

    Attributes:
        overall (float | None | Unset):
        index (float | None | Unset): 0-100, for the index rule
        subscales (ResponseScoresSubscales | Unset):
        flags (ResponseScoresFlags | Unset):
    """

    overall: float | Unset | None = UNSET
    index: float | Unset | None = UNSET
    subscales: ResponseScoresSubscales | Unset = UNSET
    flags: ResponseScoresFlags | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        overall: float | Unset | None
        overall = UNSET if isinstance(self.overall, Unset) else self.overall

        index: float | Unset | None
        index = UNSET if isinstance(self.index, Unset) else self.index

        subscales: dict[str, Any] | Unset = UNSET
        if not isinstance(self.subscales, Unset):
            subscales = self.subscales.to_dict()

        flags: dict[str, Any] | Unset = UNSET
        if not isinstance(self.flags, Unset):
            flags = self.flags.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if overall is not UNSET:
            field_dict["overall"] = overall
        if index is not UNSET:
            field_dict["index"] = index
        if subscales is not UNSET:
            field_dict["subscales"] = subscales
        if flags is not UNSET:
            field_dict["flags"] = flags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.response_scores_flags import ResponseScoresFlags
        from ..models.response_scores_subscales import ResponseScoresSubscales

        d = dict(src_dict)

        def _parse_overall(data: object) -> float | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | Unset | None, data)

        overall = _parse_overall(d.pop("overall", UNSET))

        def _parse_index(data: object) -> float | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | Unset | None, data)

        index = _parse_index(d.pop("index", UNSET))

        _subscales = d.pop("subscales", UNSET)
        subscales: ResponseScoresSubscales | Unset
        if isinstance(_subscales, Unset):
            subscales = UNSET
        else:
            subscales = ResponseScoresSubscales.from_dict(_subscales)

        _flags = d.pop("flags", UNSET)
        flags: ResponseScoresFlags | Unset
        flags = UNSET if isinstance(_flags, Unset) else ResponseScoresFlags.from_dict(_flags)

        return cls(
            overall=overall,
            index=index,
            subscales=subscales,
            flags=flags,
        )
