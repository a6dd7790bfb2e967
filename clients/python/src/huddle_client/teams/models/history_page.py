from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.charter_reviewed_entry import CharterReviewedEntry
    from ..models.charter_revised_entry import CharterRevisedEntry
    from ..models.goal_owners_changed_entry import GoalOwnersChangedEntry
    from ..models.goal_status_changed_entry import GoalStatusChangedEntry
    from ..models.member_added_entry import MemberAddedEntry
    from ..models.member_removed_entry import MemberRemovedEntry
    from ..models.member_role_changed_entry import MemberRoleChangedEntry
    from ..models.review_cadence_changed_entry import ReviewCadenceChangedEntry
    from ..models.team_archived_entry import TeamArchivedEntry
    from ..models.team_created_entry import TeamCreatedEntry
    from ..models.team_renamed_entry import TeamRenamedEntry


T = TypeVar("T", bound="HistoryPage")


@_attrs_define
class HistoryPage:
    """
    Attributes:
        items (list[CharterReviewedEntry | CharterRevisedEntry | GoalOwnersChangedEntry | GoalStatusChangedEntry |
            MemberAddedEntry | MemberRemovedEntry | MemberRoleChangedEntry | ReviewCadenceChangedEntry | TeamArchivedEntry |
            TeamCreatedEntry | TeamRenamedEntry]):
        next_cursor (None | str): Pass as `cursor` for the next page
    """

    items: list[
        CharterReviewedEntry
        | CharterRevisedEntry
        | GoalOwnersChangedEntry
        | GoalStatusChangedEntry
        | MemberAddedEntry
        | MemberRemovedEntry
        | MemberRoleChangedEntry
        | ReviewCadenceChangedEntry
        | TeamArchivedEntry
        | TeamCreatedEntry
        | TeamRenamedEntry
    ]
    next_cursor: str | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.charter_reviewed_entry import CharterReviewedEntry
        from ..models.charter_revised_entry import CharterRevisedEntry
        from ..models.goal_status_changed_entry import GoalStatusChangedEntry
        from ..models.member_added_entry import MemberAddedEntry
        from ..models.member_removed_entry import MemberRemovedEntry
        from ..models.member_role_changed_entry import MemberRoleChangedEntry
        from ..models.review_cadence_changed_entry import ReviewCadenceChangedEntry
        from ..models.team_archived_entry import TeamArchivedEntry
        from ..models.team_created_entry import TeamCreatedEntry
        from ..models.team_renamed_entry import TeamRenamedEntry

        items = []
        for items_item_data in self.items:
            items_item: dict[str, Any]
            if isinstance(
                items_item_data,
                (
                    TeamCreatedEntry,
                    TeamRenamedEntry,
                    ReviewCadenceChangedEntry,
                    TeamArchivedEntry,
                    MemberAddedEntry,
                    MemberRoleChangedEntry,
                    MemberRemovedEntry,
                    CharterRevisedEntry,
                    CharterReviewedEntry,
                    GoalStatusChangedEntry,
                ),
            ):
                items_item = items_item_data.to_dict()
            else:
                items_item = items_item_data.to_dict()

            items.append(items_item)

        next_cursor: str | None
        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.charter_reviewed_entry import CharterReviewedEntry
        from ..models.charter_revised_entry import CharterRevisedEntry
        from ..models.goal_owners_changed_entry import GoalOwnersChangedEntry
        from ..models.goal_status_changed_entry import GoalStatusChangedEntry
        from ..models.member_added_entry import MemberAddedEntry
        from ..models.member_removed_entry import MemberRemovedEntry
        from ..models.member_role_changed_entry import MemberRoleChangedEntry
        from ..models.review_cadence_changed_entry import ReviewCadenceChangedEntry
        from ..models.team_archived_entry import TeamArchivedEntry
        from ..models.team_created_entry import TeamCreatedEntry
        from ..models.team_renamed_entry import TeamRenamedEntry

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:

            def _parse_items_item(
                data: object,
            ) -> (
                CharterReviewedEntry
                | CharterRevisedEntry
                | GoalOwnersChangedEntry
                | GoalStatusChangedEntry
                | MemberAddedEntry
                | MemberRemovedEntry
                | MemberRoleChangedEntry
                | ReviewCadenceChangedEntry
                | TeamArchivedEntry
                | TeamCreatedEntry
                | TeamRenamedEntry
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    return TeamCreatedEntry.from_dict(data)

                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    return TeamRenamedEntry.from_dict(data)

                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    return ReviewCadenceChangedEntry.from_dict(data)

                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    return TeamArchivedEntry.from_dict(data)

                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    return MemberAddedEntry.from_dict(data)

                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    return MemberRoleChangedEntry.from_dict(data)

                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    return MemberRemovedEntry.from_dict(data)

                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    return CharterRevisedEntry.from_dict(data)

                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    return CharterReviewedEntry.from_dict(data)

                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    return GoalStatusChangedEntry.from_dict(data)

                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                return GoalOwnersChangedEntry.from_dict(data)

            items_item = _parse_items_item(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        history_page = cls(
            items=items,
            next_cursor=next_cursor,
        )

        history_page.additional_properties = d
        return history_page

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
