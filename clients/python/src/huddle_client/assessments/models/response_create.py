from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.response_create_answers import ResponseCreateAnswers


T = TypeVar("T", bound="ResponseCreate")


@_attrs_define
class ResponseCreate:
    """
    Attributes:
        answers (ResponseCreateAnswers): Item id to value
        comment (None | str | Unset):
    """

    answers: ResponseCreateAnswers
    comment: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        answers = self.answers.to_dict()

        comment: str | Unset | None
        comment = UNSET if isinstance(self.comment, Unset) else self.comment

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "answers": answers,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.response_create_answers import ResponseCreateAnswers

        d = dict(src_dict)
        answers = ResponseCreateAnswers.from_dict(d.pop("answers"))

        def _parse_comment(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        return cls(
            answers=answers,
            comment=comment,
        )
