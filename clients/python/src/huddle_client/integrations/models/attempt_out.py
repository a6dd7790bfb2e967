from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AttemptOut")


@_attrs_define
class AttemptOut:
    """
    Attributes:
        at (datetime.datetime):
        status_code (int | None):
        error (None | str):
        duration_ms (int):
        response_excerpt (None | str): At most 512 characters of the response
    """

    at: datetime.datetime
    status_code: int | None
    error: str | None
    duration_ms: int
    response_excerpt: str | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        status_code: int | None
        status_code = self.status_code

        error: str | None
        error = self.error

        duration_ms = self.duration_ms

        response_excerpt: str | None
        response_excerpt = self.response_excerpt

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "status_code": status_code,
                "error": error,
                "duration_ms": duration_ms,
                "response_excerpt": response_excerpt,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        status_code = _parse_status_code(d.pop("status_code"))

        def _parse_error(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        error = _parse_error(d.pop("error"))

        duration_ms = d.pop("duration_ms")

        def _parse_response_excerpt(data: object) -> str | None:
            if data is None:
                return data
            return cast(str | None, data)

        response_excerpt = _parse_response_excerpt(d.pop("response_excerpt"))

        attempt_out = cls(
            at=at,
            status_code=status_code,
            error=error,
            duration_ms=duration_ms,
            response_excerpt=response_excerpt,
        )

        attempt_out.additional_properties = d
        return attempt_out

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
