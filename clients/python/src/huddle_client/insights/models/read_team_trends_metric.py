from typing import Literal

ReadTeamTrendsMetric = Literal["burnout_risk", "collaboration", "morale"]

READ_TEAM_TRENDS_METRIC_VALUES: set[ReadTeamTrendsMetric] = {
    "burnout_risk",
    "collaboration",
    "morale",
}


def check_read_team_trends_metric(value: str) -> ReadTeamTrendsMetric:
    if value in READ_TEAM_TRENDS_METRIC_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {READ_TEAM_TRENDS_METRIC_VALUES!r}"
    )
