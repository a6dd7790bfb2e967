from typing import Literal

BurnoutRiskSummaryLevel = Literal["high", "low", "moderate"]

BURNOUT_RISK_SUMMARY_LEVEL_VALUES: set[BurnoutRiskSummaryLevel] = {
    "high",
    "low",
    "moderate",
}


def check_burnout_risk_summary_level(value: str) -> BurnoutRiskSummaryLevel:
    if value in BURNOUT_RISK_SUMMARY_LEVEL_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BURNOUT_RISK_SUMMARY_LEVEL_VALUES!r}"
    )
