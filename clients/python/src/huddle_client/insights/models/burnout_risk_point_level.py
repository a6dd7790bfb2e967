from typing import Literal

BurnoutRiskPointLevel = Literal["high", "low", "moderate"]

BURNOUT_RISK_POINT_LEVEL_VALUES: set[BurnoutRiskPointLevel] = {
    "high",
    "low",
    "moderate",
}


def check_burnout_risk_point_level(value: str) -> BurnoutRiskPointLevel:
    if value in BURNOUT_RISK_POINT_LEVEL_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BURNOUT_RISK_POINT_LEVEL_VALUES!r}"
    )
