from typing import Literal

BurnoutRiskSummaryConfidence = Literal["high", "low", "moderate", "none"]

BURNOUT_RISK_SUMMARY_CONFIDENCE_VALUES: set[BurnoutRiskSummaryConfidence] = {
    "high",
    "low",
    "moderate",
    "none",
}


def check_burnout_risk_summary_confidence(value: str) -> BurnoutRiskSummaryConfidence:
    if value in BURNOUT_RISK_SUMMARY_CONFIDENCE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BURNOUT_RISK_SUMMARY_CONFIDENCE_VALUES!r}"
    )
