from typing import Literal

OrgHeatmapCompetenciesItem = Literal[
    "advocacy", "coaching_mentoring", "fostering_teamwork", "managing_self"
]

ORG_HEATMAP_COMPETENCIES_ITEM_VALUES: set[OrgHeatmapCompetenciesItem] = {
    "advocacy",
    "coaching_mentoring",
    "fostering_teamwork",
    "managing_self",
}


def check_org_heatmap_competencies_item(value: str) -> OrgHeatmapCompetenciesItem:
    if value in ORG_HEATMAP_COMPETENCIES_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ORG_HEATMAP_COMPETENCIES_ITEM_VALUES!r}"
    )
