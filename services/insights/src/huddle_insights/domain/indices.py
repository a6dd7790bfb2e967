"""Morale, collaboration and burnout risk: explainable formulas (see docs/indices.md).

Everything here is pure and deterministic: the same facts and the same ``as_of`` give the same
numbers, which is what makes a projection rebuild produce byte-identical dashboards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from huddle_insights.domain.facts import CampaignResult, TeamFacts
from huddle_insights.domain.privacy import Measured, measure, threshold, withheld

PULSE, SAFETY, TEAMWORK, BURNOUT, LEADERSHIP = (
    "team_pulse",
    "psychological_safety",
    "teamwork",
    "burnout_single_item",
    "relational_leadership",
)
BURNOUT_FLAG = "at_or_above_threshold"
COMPETENCIES = ("managing_self", "fostering_teamwork", "coaching_mentoring", "advocacy")
# The answer scale of the instruments scored 0-100 from their overall mean.
SCALES = {SAFETY: (1.0, 7.0), TEAMWORK: (1.0, 5.0)}
CHURN_WINDOW = timedelta(days=90)
TREND_EPSILON = 3.0

# Burnout-risk drivers and their weights (points out of 100 when every driver has data).
WEIGHTS = {
    "burnout_share": 30.0,
    "morale_level": 15.0,
    "morale_decline": 10.0,
    "psychological_safety": 15.0,
    "role_churn": 10.0,
    "stale_charter": 10.0,
    "falling_participation": 10.0,
}


def _clamp(x: float, low: float = 0.0, high: float = 1.0) -> float:
    return max(low, min(high, x))


def _rescale(value: float, low: float, high: float) -> float:
    return (value - low) / (high - low) * 100


@dataclass(frozen=True)
class Index:
    measured: Measured
    level: str | None
    trend: float | None
    campaign_id: str | None

    def as_json(self) -> dict[str, object]:
        return {
            **self.measured.as_json(),
            "level": self.level,
            "trend": self.trend,
            "campaign_id": self.campaign_id,
        }


def _measured_campaign(campaign: CampaignResult, pick: str) -> Measured:
    if pick == "index":
        values = [s.index for s in campaign.scores if s.index is not None]
    else:
        values = [s.overall for s in campaign.scores if s.overall is not None]
    return measure(values, campaign.min_group_size)


def _latest_two(
    campaigns: list[CampaignResult], pick: str
) -> tuple[tuple[CampaignResult, Measured] | None, Measured | None]:
    latest = (campaigns[-1], _measured_campaign(campaigns[-1], pick)) if campaigns else None
    previous = _measured_campaign(campaigns[-2], pick) if len(campaigns) > 1 else None
    return latest, previous


def morale_level(value: float | None) -> str | None:
    if value is None:
        return None
    return "low" if value < 40 else ("fair" if value < 70 else "good")


def morale(facts: TeamFacts) -> Index:
    """The team-pulse index of the latest closed pulse campaign, 0-100 (mean of respondents)."""
    latest, previous = _latest_two(facts.of_kind(PULSE), "index")
    if latest is None:
        return Index(Measured(None, 0, True, "no team pulse campaign yet"), None, None, None)
    campaign, current = latest
    trend = None
    if current.value is not None and previous is not None and previous.value is not None:
        trend = round(current.value - previous.value, 1)
    return Index(current, morale_level(current.value), trend, campaign.campaign_id)


def survey_score_0_100(facts: TeamFacts, kind: str, low: float, high: float) -> Measured | None:
    campaigns = facts.of_kind(kind)
    if not campaigns:
        return None
    return campaign_score_0_100(campaigns[-1], low, high)


def campaign_score_0_100(campaign: CampaignResult, low: float, high: float) -> Measured:
    """The mean of respondents' overall scores on a ``low``-``high`` scale, rescaled to 0-100."""
    m = _measured_campaign(campaign, "overall")
    if m.value is None:
        return m
    return Measured(round(_rescale(m.value, low, high), 1), m.respondents, False, None)


def charter_freshness(facts: TeamFacts, as_of: date) -> float:
    """100 within the agreed cadence, falling to 0 at twice the cadence; 0 without a charter."""
    charter = facts.charter
    if charter is None:
        return 0.0
    age = (as_of - charter.last_touched).days
    cadence = max(charter.cadence_days, 1)
    return round(100 * _clamp(1 - (age - cadence) / cadence), 1) if age > cadence else 100.0


def charter_completeness(facts: TeamFacts) -> float:
    charter = facts.charter
    if charter is None:
        return 0.0
    parts = [charter.has_vision, charter.goals > 0, charter.norms > 0, charter.roles > 0]
    return 100.0 * sum(parts) / len(parts)


def interprofessional_mix(facts: TeamFacts) -> float:
    """Four or more professions among the members is full marks."""
    distinct = {p for p in facts.professions if p}
    return round(100 * _clamp(len(distinct) / 4), 1)


def churn_count(facts: TeamFacts, as_of: date) -> int:
    return sum(1 for d in facts.churn_dates if as_of - CHURN_WINDOW < d <= as_of)


def membership_stability(facts: TeamFacts, as_of: date) -> float:
    rate = churn_count(facts, as_of) / max(facts.members, 1)
    return round(100 * (1 - _clamp(rate)), 1)


def structure(facts: TeamFacts, as_of: date) -> dict[str, float]:
    parts = {
        "interprofessional_mix": interprofessional_mix(facts),
        "charter_completeness": charter_completeness(facts),
        "charter_freshness": charter_freshness(facts, as_of),
        "membership_stability": membership_stability(facts, as_of),
    }
    parts["score"] = round(sum(parts.values()) / 4, 1)
    return parts


def collaboration(facts: TeamFacts, as_of: date) -> dict[str, object]:
    """35 % psychological safety, 35 % teamwork, 30 % structure; missing parts re-weighted."""
    safety = survey_score_0_100(facts, SAFETY, *SCALES[SAFETY])
    teamwork = survey_score_0_100(facts, TEAMWORK, *SCALES[TEAMWORK])
    parts = structure(facts, as_of)
    weighted: list[tuple[float, float]] = [(0.30, parts["score"])]
    notes = []
    for name, m in (("psychological_safety", safety), ("teamwork", teamwork)):
        if m is None:
            notes.append(f"{name}: no campaign yet")
        elif m.value is None:
            notes.append(f"{name}: {m.reason}")
        else:
            weighted.append((0.35, m.value))
    total_weight = sum(w for w, _ in weighted)
    value = round(sum(w * v for w, v in weighted) / total_weight, 1)
    return {
        "value": value,
        "level": "low" if value < 40 else ("fair" if value < 70 else "good"),
        "components": {
            "psychological_safety": safety.as_json() if safety else None,
            "teamwork": teamwork.as_json() if teamwork else None,
            "structure": parts,
        },
        "structure_only": len(weighted) == 1,
        "notes": notes,
    }


@dataclass(frozen=True)
class Driver:
    name: str
    weight: float
    value: float | None
    contribution: float | None
    status: str  # "ok", "insufficient_data" or "suppressed"
    detail: str

    def as_json(self) -> dict[str, object]:
        return {
            "driver": self.name,
            "weight": self.weight,
            "value": self.value,
            "contribution": self.contribution,
            "status": self.status,
            "detail": self.detail,
        }


def _survey_driver(name: str, m: Measured | None, *, severity: float | None, detail: str) -> Driver:
    weight = WEIGHTS[name]
    if m is None:
        return Driver(name, weight, None, None, "insufficient_data", "no campaign yet")
    if m.value is None or severity is None:
        status = "suppressed" if m.respondents else "insufficient_data"
        return Driver(name, weight, None, None, status, m.reason or "no data")
    return Driver(name, weight, m.value, round(weight * severity, 1), "ok", detail)


def burnout_drivers(facts: TeamFacts, as_of: date) -> list[Driver]:
    """The seven drivers, in the order the dashboards list them (and ``WEIGHTS`` names them)."""
    return [
        _burnout_share(facts),
        *_morale_drivers(facts),
        _psychological_safety(facts),
        _role_churn(facts, as_of),
        _stale_charter(facts, as_of),
        _falling_participation(facts),
    ]


def _burnout_share(facts: TeamFacts) -> Driver:
    burnout = facts.of_kind(BURNOUT)
    share = burnout_share(burnout[-1]) if burnout else None
    return _survey_driver(
        "burnout_share",
        share,
        severity=_clamp(share.value / 0.5) if share and share.value is not None else None,
        detail="share reporting symptoms of burnout; half or more scores fully",
    )


def burnout_share(campaign: CampaignResult) -> Measured:
    """The share of a single-item burnout campaign's respondents reporting symptoms (0-1)."""
    flags = [1.0 if s.flags.get(BURNOUT_FLAG) else 0.0 for s in campaign.scores]
    return measure(flags, campaign.min_group_size, digits=3)


def _morale_drivers(facts: TeamFacts) -> tuple[Driver, Driver]:
    """The morale level and its decline since the previous pulse."""
    mood = morale(facts)
    level = _survey_driver(
        "morale_level",
        mood.measured if mood.campaign_id else None,
        severity=(1 - mood.measured.value / 100) if mood.measured.value is not None else None,
        detail="100 minus the morale index",
    )
    weight = WEIGHTS["morale_decline"]
    if mood.trend is None:
        decline = Driver(
            "morale_decline",
            weight,
            None,
            None,
            "insufficient_data",
            "needs two pulse campaigns with enough responses",
        )
    else:
        drop = max(-mood.trend, 0.0)
        decline = Driver(
            "morale_decline",
            weight,
            mood.trend,
            round(weight * _clamp(drop / 20), 1),
            "ok",
            "drop since the previous pulse; 20 points or more scores fully",
        )
    return level, decline


def _psychological_safety(facts: TeamFacts) -> Driver:
    safety = survey_score_0_100(facts, SAFETY, *SCALES[SAFETY])
    return _survey_driver(
        "psychological_safety",
        safety,
        severity=(1 - safety.value / 100) if safety and safety.value is not None else None,
        detail="100 minus psychological safety (0-100)",
    )


def _role_churn(facts: TeamFacts, as_of: date) -> Driver:
    churn = churn_count(facts, as_of)
    rate = churn / max(facts.members, 1)
    return Driver(
        "role_churn",
        WEIGHTS["role_churn"],
        round(rate, 3),
        round(WEIGHTS["role_churn"] * _clamp(rate / 0.3), 1),
        "ok",
        f"{churn} role change(s) and departure(s) in 90 days per member; 0.3 scores fully",
    )


def _stale_charter(facts: TeamFacts, as_of: date) -> Driver:
    freshness = charter_freshness(facts, as_of)
    return Driver(
        "stale_charter",
        WEIGHTS["stale_charter"],
        freshness,
        round(WEIGHTS["stale_charter"] * (1 - freshness / 100), 1),
        "ok",
        "charter freshness against the agreed review cadence (no charter scores fully)",
    )


def _falling_participation(facts: TeamFacts) -> Driver:
    """The latest campaign's participation against the previous one of the same instrument.

    Instruments differ in how many people answer them (a short pulse against a longer
    self-check), so only campaigns of the same instrument kind are compared.
    """
    weight = WEIGHTS["falling_participation"]
    rated = [c for c in facts.campaigns if c.participation is not None]
    latest = rated[-1] if rated else None
    same = [c for c in rated if latest is not None and c.kind == latest.kind]
    if latest is None or len(same) < 2:
        return Driver(
            "falling_participation",
            weight,
            None,
            None,
            "insufficient_data",
            "needs two closed campaigns of the same instrument",
        )
    now, before = same[-1].participation or 0.0, same[-2].participation or 0.0
    fall = max(before - now, 0.0)
    return Driver(
        "falling_participation",
        weight,
        round(now - before, 3),
        round(weight * _clamp(fall / 0.25), 1),
        "ok",
        "change in participation since the previous campaign of the same instrument; "
        "a 25-point fall scores fully",
    )


def risk_level(value: float) -> str:
    return "low" if value < 35 else ("moderate" if value < 60 else "high")


@dataclass(frozen=True)
class Risk:
    value: float | None
    level: str | None
    drivers: list[Driver]
    confidence: str
    reason: str | None = None

    def driver(self, name: str) -> Driver:
        return next(d for d in self.drivers if d.name == name)

    @property
    def alertable(self) -> bool:
        """Evidence enough to tell someone: a level resting on at least two survey drivers."""
        return self.level is not None and self.confidence in ("moderate", "high")

    def as_json(self) -> dict[str, object]:
        return {
            "value": self.value,
            "level": self.level,
            "confidence": self.confidence,
            "reason": self.reason,
            "drivers": [d.as_json() for d in self.drivers],
        }


SURVEY_DRIVERS = ("burnout_share", "morale_level", "psychological_safety")
UNAVAILABLE = "unavailable: no survey-based driver has enough responses yet"


def burnout_risk(facts: TeamFacts, as_of: date) -> Risk:
    """0-100: the drivers' points over the weight of the drivers that have data.

    Without a survey-based driver (burnout share, morale level, psychological safety) there is
    no evidence about how people are doing, only about the team's structure: the risk is then
    unavailable (no value, no level) rather than a number made of structure alone. Confidence
    is low with one survey-based driver, moderate with two, high with all three.
    """
    drivers = burnout_drivers(facts, as_of)
    usable = [d for d in drivers if d.contribution is not None]
    surveyed = sum(1 for d in usable if d.name in SURVEY_DRIVERS)
    if surveyed == 0:
        return Risk(None, None, drivers, "none", UNAVAILABLE)
    weight = sum(d.weight for d in usable)
    value = round(100 * sum(d.contribution or 0 for d in usable) / weight, 1)
    confidence = "low" if surveyed == 1 else ("moderate" if surveyed == 2 else "high")
    return Risk(value, risk_level(value), drivers, confidence)


def competencies(facts: TeamFacts) -> dict[str, dict[str, object]]:
    """Relational Leadership competency means (1-5) from the latest closed self-check."""
    campaigns = facts.of_kind(LEADERSHIP)
    if not campaigns:
        return {c: Measured(None, 0, True, "no campaign yet").as_json() for c in COMPETENCIES}
    return {c: m.as_json() for c, m in campaign_competencies(campaigns[-1]).items()}


def campaign_competencies(campaign: CampaignResult) -> dict[str, Measured]:
    """Each Relational Leadership competency's mean (1-5) over one campaign's respondents."""
    return {
        c: measure(
            [s.subscales[c] for s in campaign.scores if c in s.subscales],
            campaign.min_group_size,
            digits=2,
        )
        for c in COMPETENCIES
    }


# ---- one closed campaign's results, for health-system IT -------------------------------------


def campaign_scores(campaign: CampaignResult) -> dict[str, Measured]:
    """The team-level scores the dashboards show for one closed campaign, by name.

    The same computations as the dashboards' (morale, collaboration's survey parts, the burnout
    share driver, the competency heatmap), each applied to this campaign alone. A custom
    instrument has none.
    """
    if campaign.kind == PULSE:
        return {"morale": _measured_campaign(campaign, "index")}
    if campaign.kind in SCALES:
        return {campaign.kind: campaign_score_0_100(campaign, *SCALES[campaign.kind])}
    if campaign.kind == BURNOUT:
        return {"burnout_share": burnout_share(campaign)}
    if campaign.kind == LEADERSHIP:
        return campaign_competencies(campaign)
    return {}


@dataclass(frozen=True)
class CampaignResults:
    """What may be said of a closed campaign: its participation and scores, or why not."""

    respondents: int
    min_group_size: int
    participation: float | None
    suppressed: bool
    reason: str | None
    scores: dict[str, float | None]
    morale_level: str | None


def campaign_results(campaign: CampaignResult) -> CampaignResults:
    """One closed campaign's aggregate results under the dashboards' privacy rules.

    Fewer respondents than the minimum group withholds every score (the same rule as
    ``measure``); otherwise each score is what ``campaign_scores`` gives, itself None when too
    few respondents gave that one a value. No breakdown of any kind.
    """
    rate = campaign.participation
    participation = None if rate is None else round(min(rate, 1.0), 3)
    reason = withheld(campaign.responded, campaign.min_group_size)
    measured = campaign_scores(campaign)
    scores = {name: None if reason else m.value for name, m in measured.items()}
    return CampaignResults(
        respondents=campaign.responded,
        min_group_size=threshold(campaign.min_group_size),
        participation=participation,
        suppressed=reason is not None,
        reason=reason,
        scores=scores,
        morale_level=morale_level(scores.get("morale")),
    )
