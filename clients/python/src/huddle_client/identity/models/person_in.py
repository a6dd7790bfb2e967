from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.profession import Profession, check_profession

T = TypeVar("T", bound="PersonIn")


@_attrs_define
class PersonIn:
    """
    Attributes:
        email (str): The sign-in name; unique across Huddle
        password (str): 12 to 128 characters; not a common password, nor one holding the email's local part or the
            person's name
        display_name (str):
        profession (Profession):
    """

    email: str
    password: str
    display_name: str
    profession: Profession

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        password = self.password

        display_name = self.display_name

        profession: str = self.profession

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "password": password,
                "display_name": display_name,
                "profession": profession,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        password = d.pop("password")

        display_name = d.pop("display_name")

        profession = check_profession(d.pop("profession"))

        return cls(
            email=email,
            password=password,
            display_name=display_name,
            profession=profession,
        )
