from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.partition_status import PartitionStatus


T = TypeVar("T", bound="ProjectionStatus")


@_attrs_define
class ProjectionStatus:
    """The live generation's consumer, per topic and partition.

    Attributes:
        generation (int | None): The generation the API reads; null at start-up
        consumer_group (None | str): Null until the live consumer runs
        connected (bool):
        partitions (list[PartitionStatus]): By topic, then partition
        dead_letters (int): Records the live consumer set aside, replayed or not
    """

    generation: int | None
    consumer_group: str | None
    connected: bool
    partitions: list[PartitionStatus]
    dead_letters: int

    def to_dict(self) -> dict[str, Any]:
        generation: int | None
        generation = self.generation

        consumer_group: str | None
        consumer_group = self.consumer_group

        connected = self.connected

        partitions = []
        for partitions_item_data in self.partitions:
            partitions_item = partitions_item_data.to_dict()
            partitions.append(partitions_item)

        dead_letters = self.dead_letters

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "generation": generation,
                "consumer_group": consumer_group,
                "connected": connected,
                "partitions": partitions,
                "dead_letters": dead_letters,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.partition_status import PartitionStatus

        d = dict(src_dict)

        def _parse_generation(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        generation = _parse_generation(d.pop("generation"))

        def _parse_consumer_group(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        consumer_group = _parse_consumer_group(d.pop("consumer_group"))

        connected = d.pop("connected")

        partitions = []
        _partitions = d.pop("partitions")
        for partitions_item_data in _partitions:
            partitions_item = PartitionStatus.from_dict(partitions_item_data)

            partitions.append(partitions_item)

        dead_letters = d.pop("dead_letters")

        return cls(
            generation=generation,
            consumer_group=consumer_group,
            connected=connected,
            partitions=partitions,
            dead_letters=dead_letters,
        )
