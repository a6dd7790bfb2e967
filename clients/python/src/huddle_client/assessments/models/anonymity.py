from typing import Literal

Anonymity = Literal["anonymous", "confidential"]

ANONYMITY_VALUES: set[Anonymity] = {
    "anonymous",
    "confidential",
}


def check_anonymity(value: str) -> Anonymity:
    if value in ANONYMITY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ANONYMITY_VALUES!r}")
