from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.participation import Participation
    from ..models.results_published_scores import ResultsPublishedScores


T = TypeVar("T", bound="ResultsPublished")


@_attrs_define
class ResultsPublished:
    """A closed campaign's team scores, under the dashboards' privacy rules.

    Below the minimum group every score is null and ``suppressed`` says so. Aggregates only:
    no breakdown, no individual answer, no comment, no respondent reference.

        Attributes:
            org_id (str): The organisation (tenant); also the CloudEvent tenantid
            team_id (str): The team the event is about; also the CloudEvent subject
            campaign_id (str):
            instrument_kind (str):
            closed_at (datetime.datetime):
            participation (Participation):
            min_group_size (int):
            suppressed (bool):
            reason (None | str | Unset): Why the scores are withheld
            scores (ResultsPublishedScores | Unset): Team-level scores by name (e.g. morale, psychological_safety, teamwork,
                burnout_share, and the four competencies); null when withheld
            morale_level (None | str | Unset): For a team pulse with a morale score: low, fair or good
    """

    org_id: str
    team_id: str
    campaign_id: str
    instrument_kind: str
    closed_at: datetime.datetime
    participation: Participation
    min_group_size: int
    suppressed: bool
    reason: str | Unset | None = UNSET
    scores: ResultsPublishedScores | Unset = UNSET
    morale_level: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        org_id = self.org_id

        team_id = self.team_id

        campaign_id = self.campaign_id

        instrument_kind = self.instrument_kind

        closed_at = self.closed_at.isoformat()

        participation = self.participation.to_dict()

        min_group_size = self.min_group_size

        suppressed = self.suppressed

        reason: str | Unset | None
        reason = UNSET if isinstance(self.reason, Unset) else self.reason

        scores: dict[str, Any] | Unset = UNSET
        if not isinstance(self.scores, Unset):
            scores = self.scores.to_dict()

        morale_level: str | Unset | None
        morale_level = UNSET if isinstance(self.morale_level, Unset) else self.morale_level

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "org_id": org_id,
                "team_id": team_id,
                "campaign_id": campaign_id,
                "instrument_kind": instrument_kind,
                "closed_at": closed_at,
                "participation": participation,
                "min_group_size": min_group_size,
                "suppressed": suppressed,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if scores is not UNSET:
            field_dict["scores"] = scores
        if morale_level is not UNSET:
            field_dict["morale_level"] = morale_level

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.participation import Participation
        from ..models.results_published_scores import ResultsPublishedScores

        d = dict(src_dict)
        org_id = d.pop("org_id")

        team_id = d.pop("team_id")

        campaign_id = d.pop("campaign_id")

        instrument_kind = d.pop("instrument_kind")

        closed_at = datetime.datetime.fromisoformat(d.pop("closed_at"))

        participation = Participation.from_dict(d.pop("participation"))

        min_group_size = d.pop("min_group_size")

        suppressed = d.pop("suppressed")

        def _parse_reason(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        _scores = d.pop("scores", UNSET)
        scores: ResultsPublishedScores | Unset
        scores = UNSET if isinstance(_scores, Unset) else ResultsPublishedScores.from_dict(_scores)

        def _parse_morale_level(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(str | Unset | None, data)

        morale_level = _parse_morale_level(d.pop("morale_level", UNSET))

        return cls(
            org_id=org_id,
            team_id=team_id,
            campaign_id=campaign_id,
            instrument_kind=instrument_kind,
            closed_at=closed_at,
            participation=participation,
            min_group_size=min_group_size,
            suppressed=suppressed,
            reason=reason,
            scores=scores,
            morale_level=morale_level,
        )
