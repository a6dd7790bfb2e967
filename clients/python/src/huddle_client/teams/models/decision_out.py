from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.decision_outcome import DecisionOutcome, check_decision_outcome

T = TypeVar("T", bound="DecisionOut")


@_attrs_define
class DecisionOut:
    """
    Attributes:
        id (str):
        text (str):
        outcome (DecisionOutcome): What follows from a meeting's decision in Huddle.
        action_id (None | str): The action it agreed, if any
    """

    id: str
    text: str
    outcome: DecisionOutcome
    action_id: str | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        text = self.text

        outcome: str = self.outcome

        action_id: str | None
        action_id = self.action_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "text": text,
                "outcome": outcome,
                "action_id": action_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        text = d.pop("text")

        outcome = check_decision_outcome(d.pop("outcome"))

        def _parse_action_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        action_id = _parse_action_id(d.pop("action_id"))

        decision_out = cls(
            id=id,
            text=text,
            outcome=outcome,
            action_id=action_id,
        )

        decision_out.additional_properties = d
        return decision_out

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
