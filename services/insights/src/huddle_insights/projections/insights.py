"""The insights projection: every event of identity, teams and assessments into read models.

Events from different topics arrive in any order (a response before the campaign, a member
before the person's identity event): every table is keyed so that each fact lands on its own
and queries join them, which makes the result independent of arrival order.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import delete, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_insights.adapters.tables import (
    campaigns,
    charter_events,
    goals,
    people,
    responses,
    roster,
    team_changes,
    teams,
)
from huddle_insights.application.alerts import AlertPublisher
from huddle_shared.consumer import ReceivedEvent
from huddle_shared.contracts.assessments import (
    CampaignClosed,
    CampaignOpened,
    CampaignSettingsChanged,
    ResponseRecorded,
)
from huddle_shared.contracts.identity import (
    UserDeactivated,
    UserErased,
    UserProfileUpdated,
    UserRegistered,
)
from huddle_shared.contracts.teams import (
    CharterReviewed,
    CharterRevised,
    GoalStatusChanged,
    MemberAdded,
    MemberRemoved,
    MemberRoleChanged,
    ReviewCadenceChanged,
    TeamArchived,
    TeamCreated,
    TeamRenamed,
)

DEFAULT_CADENCE_DAYS = 90


class InsightsProjection:
    def __init__(self, *, alerts: AlertPublisher | None = None) -> None:
        # None while rebuilding: history replayed into a new generation must not alert again.
        self.alerts = alerts

    async def apply(self, conn: AsyncConnection, event: ReceivedEvent) -> None:
        p, env = event.payload, event.envelope
        version = env.stream_version
        match p:
            # ---- identity ----------------------------------------------------------------
            case UserRegistered():
                stmt = insert(people).values(
                    user_id=p.user_id,
                    org_id=p.org_id,
                    profession=p.profession.value,
                    status="active",
                )
                await conn.execute(stmt.on_conflict_do_nothing())
            case UserProfileUpdated() if p.profession is not None:
                await conn.execute(
                    update(people)
                    .where(people.c.user_id == p.user_id, people.c.status != "erased")
                    .values(profession=p.profession.value)
                )
            case UserDeactivated():
                await conn.execute(
                    update(people)
                    .where(people.c.user_id == p.user_id, people.c.status != "erased")
                    .values(status="deactivated")
                )
            case UserErased():
                stmt = insert(people).values(
                    user_id=p.user_id, org_id=p.org_id, profession=None, status="erased"
                )
                await conn.execute(
                    stmt.on_conflict_do_update(
                        index_elements=[people.c.user_id],
                        set_={"profession": None, "status": "erased"},
                    )
                )
            # ---- teams -------------------------------------------------------------------
            case TeamCreated():
                stmt = insert(teams).values(
                    team_id=p.team_id,
                    org_id=p.org_id,
                    name=p.name,
                    care_setting=p.care_setting.value,
                    created_at=env.time,
                    archived=False,
                    review_cadence_days=DEFAULT_CADENCE_DAYS,
                )
                await conn.execute(stmt.on_conflict_do_nothing())
            case TeamRenamed():
                await conn.execute(
                    update(teams).where(teams.c.team_id == p.team_id).values(name=p.name)
                )
            case TeamArchived():
                await conn.execute(
                    update(teams).where(teams.c.team_id == p.team_id).values(archived=True)
                )
            case ReviewCadenceChanged():
                await conn.execute(
                    update(teams)
                    .where(teams.c.team_id == p.team_id)
                    .values(review_cadence_days=p.review_cadence_days)
                )
            case MemberAdded():
                stmt = insert(roster).values(
                    team_id=p.team_id, user_id=p.user_id, role=p.role.value, since=p.effective_date
                )
                await conn.execute(
                    stmt.on_conflict_do_update(
                        index_elements=[roster.c.team_id, roster.c.user_id],
                        set_={"role": stmt.excluded.role, "since": stmt.excluded.since},
                    )
                )
                await self._change(
                    conn,
                    p.team_id,
                    version,
                    p.user_id,
                    "joined",
                    None,
                    p.role.value,
                    p.effective_date,
                    None,
                )
            case MemberRoleChanged():
                await conn.execute(
                    update(roster)
                    .where(roster.c.team_id == p.team_id, roster.c.user_id == p.user_id)
                    .values(role=p.to_role.value)
                )
                await self._change(
                    conn,
                    p.team_id,
                    version,
                    p.user_id,
                    "role_changed",
                    p.from_role.value,
                    p.to_role.value,
                    p.effective_date,
                    p.reason,
                )
            case MemberRemoved():
                await conn.execute(
                    delete(roster).where(
                        roster.c.team_id == p.team_id, roster.c.user_id == p.user_id
                    )
                )
                await self._change(
                    conn,
                    p.team_id,
                    version,
                    p.user_id,
                    "left",
                    p.role.value,
                    None,
                    p.effective_date,
                    None,
                )
            case CharterRevised():
                await conn.execute(
                    insert(charter_events)
                    .values(
                        team_id=p.team_id,
                        version=version,
                        kind="revised",
                        on_date=env.time.date(),
                        revision=p.revision,
                        has_vision=bool(p.vision.strip()),
                        goals=len(p.goals),
                        norms=len(p.norms),
                        roles=len(p.roles),
                        next_review_due=p.next_review_due,
                    )
                    .on_conflict_do_nothing()
                )
                await conn.execute(delete(goals).where(goals.c.team_id == p.team_id))
                if p.goals:
                    await conn.execute(
                        insert(goals),
                        [
                            {"team_id": p.team_id, "goal_id": g.goal_id, "status": g.status.value}
                            for g in p.goals
                        ],
                    )
            case CharterReviewed():
                await conn.execute(
                    insert(charter_events)
                    .values(
                        team_id=p.team_id,
                        version=version,
                        kind="reviewed",
                        on_date=p.reviewed_on,
                        revision=p.revision,
                        next_review_due=p.next_review_due,
                    )
                    .on_conflict_do_nothing()
                )
            case GoalStatusChanged():
                await conn.execute(
                    update(goals)
                    .where(goals.c.team_id == p.team_id, goals.c.goal_id == p.goal_id)
                    .values(status=p.to_status.value)
                )
            # ---- assessments -------------------------------------------------------------
            case CampaignOpened():
                stmt = insert(campaigns).values(
                    campaign_id=p.campaign_id,
                    org_id=p.org_id,
                    team_id=p.team_id,
                    kind=p.instrument_kind.value,
                    title=p.title,
                    opens_at=p.opens_at,
                    closes_at=p.closes_at,
                    min_group_size=p.min_group_size,
                    eligible_count=p.eligible_count,
                )
                await conn.execute(stmt.on_conflict_do_nothing())
            case CampaignSettingsChanged():
                await conn.execute(
                    update(campaigns)
                    .where(campaigns.c.campaign_id == p.campaign_id)
                    .values(min_group_size=p.min_group_size)
                )
            case CampaignClosed():
                await conn.execute(
                    update(campaigns)
                    .where(campaigns.c.campaign_id == p.campaign_id)
                    .values(closed_at=p.closed_at)
                )
            case ResponseRecorded():
                stmt = insert(responses).values(
                    response_id=p.response_id,
                    campaign_id=p.campaign_id,
                    team_id=p.team_id,
                    org_id=p.org_id,
                    kind=p.instrument_kind.value,
                    respondent_group=p.respondent_group,
                    overall=p.scores.overall,
                    score_index=p.scores.index,
                    subscales=p.scores.subscales,
                    flags=p.scores.flags,
                )
                await conn.execute(stmt.on_conflict_do_nothing())

    @staticmethod
    async def _change(
        conn: AsyncConnection,
        team_id: str,
        version: int,
        user_id: str,
        kind: str,
        from_role: str | None,
        to_role: str | None,
        effective: date,
        reason: str | None,
    ) -> None:
        await conn.execute(
            insert(team_changes)
            .values(
                team_id=team_id,
                version=version,
                user_id=user_id,
                kind=kind,
                from_role=from_role,
                to_role=to_role,
                effective_date=effective,
                reason=reason,
            )
            .on_conflict_do_nothing()
        )

    async def after_batch(self, conn: AsyncConnection, events: Sequence[ReceivedEvent]) -> None:
        if self.alerts is None:
            return
        latest: dict[str, date] = {}
        for event in events:
            team_id = getattr(event.payload, "team_id", None)
            if isinstance(team_id, str):
                when = event.envelope.time.date()
                latest[team_id] = max(latest.get(team_id, when), when)
        for team_id, as_of in sorted(latest.items()):
            await self.alerts.evaluate(conn, team_id=team_id, as_of=as_of)
