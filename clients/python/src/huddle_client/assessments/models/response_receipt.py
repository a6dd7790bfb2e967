from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.response_scores import ResponseScores


T = TypeVar("T", bound="ResponseReceipt")


@_attrs_define
class ResponseReceipt:
    """
    Attributes:
        response_id (str):
        scores (ResponseScores): One respondent's scores: overall, per subscale, and flags (e.g. burnout symptoms).
    """

    response_id: str
    scores: ResponseScores
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        response_id = self.response_id

        scores = self.scores.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "response_id": response_id,
                "scores": scores,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.response_scores import ResponseScores

        d = dict(src_dict)
        response_id = d.pop("response_id")

        scores = ResponseScores.from_dict(d.pop("scores"))

        response_receipt = cls(
            response_id=response_id,
            scores=scores,
        )

        response_receipt.additional_properties = d
        return response_receipt

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
