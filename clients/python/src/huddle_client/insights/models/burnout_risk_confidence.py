from typing import Literal

BurnoutRiskConfidence = Literal["high", "low", "moderate", "none"]

BURNOUT_RISK_CONFIDENCE_VALUES: set[BurnoutRiskConfidence] = {
    "high",
    "low",
    "moderate",
    "none",
}


def check_burnout_risk_confidence(value: str) -> BurnoutRiskConfidence:
    if value in BURNOUT_RISK_CONFIDENCE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BURNOUT_RISK_CONFIDENCE_VALUES!r}"
    )
