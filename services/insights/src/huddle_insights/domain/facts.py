"""What the indices are computed from: a team's facts as of a moment (pure data)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class Score:
    """One respondent's scores in one campaign (no identity, by construction)."""

    overall: float | None
    index: float | None
    subscales: dict[str, float]
    flags: dict[str, bool]
    group: str


@dataclass(frozen=True)
class CampaignResult:
    campaign_id: str
    kind: str
    title: str
    closed_at: datetime
    min_group_size: int
    eligible: int
    scores: tuple[Score, ...]

    @property
    def responded(self) -> int:
        return len(self.scores)

    @property
    def participation(self) -> float | None:
        return self.responded / self.eligible if self.eligible else None


@dataclass(frozen=True)
class Charter:
    has_vision: bool
    goals: int
    norms: int
    roles: int
    last_touched: date  # the last revision or review
    cadence_days: int
    goals_by_status: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class TeamFacts:
    team_id: str
    name: str
    members: int
    professions: tuple[str | None, ...]
    churn_dates: tuple[date, ...]  # role changes and departures
    charter: Charter | None
    campaigns: tuple[CampaignResult, ...]  # closed, oldest first

    def of_kind(self, kind: str) -> list[CampaignResult]:
        return [c for c in self.campaigns if c.kind == kind]
