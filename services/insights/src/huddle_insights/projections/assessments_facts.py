"""Assessments' campaign and response events folded into ``campaigns`` and ``responses``.

- ``campaigns`` is insert-if-absent followed by column updates: every update is sent in batch
  order *before* the inserts, so it reaches only rows from before the batch, and the first
  opening of a campaign in the batch carries the updates that follow it.
- ``responses`` are facts keyed by response id, sent in batch order with insert-if-absent.

A response may arrive before its campaign (they are different topics): the tables are keyed so
that each fact lands on its own and the dashboards' queries join them.
"""

from __future__ import annotations

from sqlalchemy import bindparam, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_insights.adapters.tables import campaigns, responses
from huddle_insights.projections.batch import (
    Handlers,
    Row,
    insert_unnest,
    overwrite,
    send_rows,
    send_unnest,
)
from huddle_shared.contracts.assessments import (
    CampaignClosed,
    CampaignOpened,
    CampaignSettingsChanged,
    ResponseRecorded,
)
from huddle_shared.envelope import Envelope

_SETTINGS = (
    update(campaigns)
    .where(campaigns.c.campaign_id == bindparam("k_campaign"))
    .values(min_group_size=bindparam("v_min_group_size"))
)
_CLOSE = (
    update(campaigns)
    .where(campaigns.c.campaign_id == bindparam("k_campaign"))
    .values(closed_at=bindparam("v_closed_at"))
)
_INSERT = insert(campaigns).on_conflict_do_nothing()
_RESPONSES_INSERT = insert_unnest(responses)


class CampaignsPlan:
    """The net effect of a batch's assessment events."""

    def __init__(self) -> None:
        self.settings: list[Row] = []
        self.closings: list[Row] = []
        self.campaigns_opened: list[Row] = []
        self._first_row: dict[str, Row] = {}  # the row a campaign's first opening inserts
        self.responses: list[Row] = []

    def handlers(self) -> Handlers:
        return {
            CampaignOpened: self._opened,
            CampaignSettingsChanged: self._settings_changed,
            CampaignClosed: self._closed,
            ResponseRecorded: self._response_recorded,
        }

    def _opened(self, p: CampaignOpened, _: Envelope) -> None:
        row = {
            "campaign_id": p.campaign_id,
            "org_id": p.org_id,
            "team_id": p.team_id,
            "kind": p.instrument_kind.value,
            "title": p.title,
            "opens_at": p.opens_at,
            "closes_at": p.closes_at,
            "min_group_size": p.min_group_size,
            "eligible_count": p.eligible_count,
            "closed_at": None,
        }
        self._first_row.setdefault(p.campaign_id, row)
        self.campaigns_opened.append(row)

    def _settings_changed(self, p: CampaignSettingsChanged, _: Envelope) -> None:
        self.settings.append({"k_campaign": p.campaign_id, "v_min_group_size": p.min_group_size})
        if (campaign := self._first_row.get(p.campaign_id)) is not None:
            overwrite(campaign, "min_group_size", p.min_group_size)

    def _closed(self, p: CampaignClosed, _: Envelope) -> None:
        self.closings.append({"k_campaign": p.campaign_id, "v_closed_at": p.closed_at})
        if (campaign := self._first_row.get(p.campaign_id)) is not None:
            campaign["closed_at"] = p.closed_at

    def _response_recorded(self, p: ResponseRecorded, _: Envelope) -> None:
        self.responses.append(
            {
                "response_id": p.response_id,
                "campaign_id": p.campaign_id,
                "team_id": p.team_id,
                "org_id": p.org_id,
                "kind": p.instrument_kind.value,
                "respondent_group": p.respondent_group,
                "overall": p.scores.overall,
                "score_index": p.scores.index,
                "subscales": p.scores.subscales,
                "flags": p.scores.flags,
            }
        )

    async def write(self, conn: AsyncConnection) -> None:
        # Updates before inserts: they reach only rows from before the batch (see above).
        await send_rows(conn, _SETTINGS, self.settings)
        await send_rows(conn, _CLOSE, self.closings)
        await send_rows(conn, _INSERT, self.campaigns_opened)
        await send_unnest(conn, _RESPONSES_INSERT, responses, self.responses)
