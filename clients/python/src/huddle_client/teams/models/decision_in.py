from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.decision_action_in import DecisionActionIn


T = TypeVar("T", bound="DecisionIn")


@_attrs_define
class DecisionIn:
    """
    Attributes:
        text (str):
        action (DecisionActionIn | None | Unset): The action this decision agrees, if any
        proposes_charter_revision (bool | Unset): The team proposes to revise its charter (not with an action) Default:
            False.
    """

    text: str
    action: DecisionActionIn | Unset | None = UNSET
    proposes_charter_revision: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        from ..models.decision_action_in import DecisionActionIn

        text = self.text

        action: dict[str, Any] | Unset | None
        if isinstance(self.action, Unset):
            action = UNSET
        elif isinstance(self.action, DecisionActionIn):
            action = self.action.to_dict()
        else:
            action = self.action

        proposes_charter_revision = self.proposes_charter_revision

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "text": text,
            }
        )
        if action is not UNSET:
            field_dict["action"] = action
        if proposes_charter_revision is not UNSET:
            field_dict["proposes_charter_revision"] = proposes_charter_revision

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.decision_action_in import DecisionActionIn

        d = dict(src_dict)
        text = d.pop("text")

        def _parse_action(data: object) -> DecisionActionIn | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                return DecisionActionIn.from_dict(data)

            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DecisionActionIn | Unset | None, data)

        action = _parse_action(d.pop("action", UNSET))

        proposes_charter_revision = d.pop("proposes_charter_revision", UNSET)

        return cls(
            text=text,
            action=action,
            proposes_charter_revision=proposes_charter_revision,
        )
