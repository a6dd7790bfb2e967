from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.own_response_answers import OwnResponseAnswers
    from ..models.response_scores import ResponseScores


T = TypeVar("T", bound="OwnResponse")


@_attrs_define
class OwnResponse:
    """
    Attributes:
        response_id (str):
        answers (OwnResponseAnswers): Item id to the value given (null for an optional item left unanswered)
        scores (ResponseScores): One respondent's scores: overall, per subscale, and flags (e.g. burnout symptoms).
        comment (None | str):
        recorded_at (datetime.datetime): Coarsened to the day in anonymous campaigns
    """

    response_id: str
    answers: OwnResponseAnswers
    scores: ResponseScores
    comment: str | None
    recorded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        response_id = self.response_id

        answers = self.answers.to_dict()

        scores = self.scores.to_dict()

        comment: str | None
        comment = self.comment

        recorded_at = self.recorded_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "response_id": response_id,
                "answers": answers,
                "scores": scores,
                "comment": comment,
                "recorded_at": recorded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.own_response_answers import OwnResponseAnswers
        from ..models.response_scores import ResponseScores

        d = dict(src_dict)
        response_id = d.pop("response_id")

        answers = OwnResponseAnswers.from_dict(d.pop("answers"))

        scores = ResponseScores.from_dict(d.pop("scores"))

        def _parse_comment(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        comment = _parse_comment(d.pop("comment"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        own_response = cls(
            response_id=response_id,
            answers=answers,
            scores=scores,
            comment=comment,
            recorded_at=recorded_at,
        )

        own_response.additional_properties = d
        return own_response

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
