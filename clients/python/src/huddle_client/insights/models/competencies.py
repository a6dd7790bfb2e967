from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.measured import Measured


T = TypeVar("T", bound="Competencies")


@_attrs_define
class Competencies:
    """Relational Leadership competency means (1-5) from the latest closed self-check; each
    withheld with "no campaign yet" before the first one.

        Attributes:
            managing_self (Measured): A mean over respondents, or the reason it is withheld.
            fostering_teamwork (Measured): A mean over respondents, or the reason it is withheld.
            coaching_mentoring (Measured): A mean over respondents, or the reason it is withheld.
            advocacy (Measured): A mean over respondents, or the reason it is withheld.
    """

    managing_self: Measured
    fostering_teamwork: Measured
    coaching_mentoring: Measured
    advocacy: Measured

    def to_dict(self) -> dict[str, Any]:
        managing_self = self.managing_self.to_dict()

        fostering_teamwork = self.fostering_teamwork.to_dict()

        coaching_mentoring = self.coaching_mentoring.to_dict()

        advocacy = self.advocacy.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "managing_self": managing_self,
                "fostering_teamwork": fostering_teamwork,
                "coaching_mentoring": coaching_mentoring,
                "advocacy": advocacy,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.measured import Measured

        d = dict(src_dict)
        managing_self = Measured.from_dict(d.pop("managing_self"))

        fostering_teamwork = Measured.from_dict(d.pop("fostering_teamwork"))

        coaching_mentoring = Measured.from_dict(d.pop("coaching_mentoring"))

        advocacy = Measured.from_dict(d.pop("advocacy"))

        return cls(
            managing_self=managing_self,
            fostering_teamwork=fostering_teamwork,
            coaching_mentoring=coaching_mentoring,
            advocacy=advocacy,
        )
