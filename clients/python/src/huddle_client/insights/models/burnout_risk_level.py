from typing import Literal

BurnoutRiskLevel = Literal["high", "low", "moderate"]

BURNOUT_RISK_LEVEL_VALUES: set[BurnoutRiskLevel] = {
    "high",
    "low",
    "moderate",
}


def check_burnout_risk_level(value: str) -> BurnoutRiskLevel:
    if value in BURNOUT_RISK_LEVEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BURNOUT_RISK_LEVEL_VALUES!r}")
