"""A batch applied at once leaves exactly what its events applied one by one leave.

Seeded random histories over a few teams, people and campaigns, so that keys collide inside a
batch: members added, removed and added again, role changes of present and absent members,
charters revised and then goals changed, users erased and then updated or registered again,
campaign settings changed twice, updates that arrive before the row they update, and replayed
events. Each history is applied twice, on two fresh insights databases:

- one by one: every event in its own transaction through a reference copy of the per-event
  statements the projection used before batching, then after each batch the burnout-risk alerts
  evaluated team by team;
- batched: every batch in one transaction through ``apply_batch`` and ``after_batch``.

Every read-model table, the alert levels, the alert ledger and the alert events must be equal.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from aiokafka.structs import ConsumerRecord
from sqlalchemy import delete, select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from huddle_devtools.testing.databases import DatabaseFactory
from huddle_insights.adapters.tables import (
    READ_SCHEMA,
    alert_ledger,
    alert_levels,
    campaigns,
    charter_events,
    goals,
    people,
    read_models,
    responses,
    roster,
    team_changes,
    teams,
)
from huddle_insights.application.alerts import AlertPublisher
from huddle_insights.application.facts import load_facts
from huddle_insights.bootstrap import MIGRATIONS
from huddle_insights.projections.insights import InsightsProjection
from huddle_insights.projections.teams_facts import DEFAULT_CADENCE_DAYS
from huddle_shared.config import to_asyncpg_url
from huddle_shared.consumer import ConsumerRuntime, ReceivedEvent
from huddle_shared.contracts import REGISTRY
from huddle_shared.contracts.assessments import (
    Anonymity,
    CampaignClosed,
    CampaignOpened,
    CampaignSettingsChanged,
    InstrumentKind,
    ResponseRecorded,
    ResponseScores,
)
from huddle_shared.contracts.identity import (
    OrgRole,
    Profession,
    UserDeactivated,
    UserErased,
    UserProfileUpdated,
    UserReactivated,
    UserRegistered,
)
from huddle_shared.contracts.teams import (
    CareSetting,
    CharterGoal,
    CharterReviewed,
    CharterRevised,
    GoalStatus,
    GoalStatusChanged,
    MemberAdded,
    MemberRemoved,
    MemberRoleChanged,
    ReviewCadenceChanged,
    ReviewOutcome,
    RoleChangeCategory,
    TeamArchived,
    TeamCreated,
    TeamRenamed,
    TeamRole,
)
from huddle_shared.envelope import Envelope, to_kafka
from huddle_shared.events import DomainEvent
from huddle_shared.eventstore import EventStore
from huddle_shared.personal import new_person_key, seal

ORG = "org-batching"
HANDLED = {
    UserRegistered, UserProfileUpdated, UserDeactivated, UserReactivated, UserErased, TeamCreated,
    TeamRenamed,
    TeamArchived, ReviewCadenceChanged, MemberAdded, MemberRoleChanged, MemberRemoved,
    CharterRevised, CharterReviewed, GoalStatusChanged, CampaignOpened, CampaignSettingsChanged,
    CampaignClosed, ResponseRecorded,
}  # fmt: skip
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


# ---- seeded histories -------------------------------------------------------------------------


class History:
    """Events over a small world, so that a batch often touches one key several times."""

    def __init__(self, seed: int) -> None:
        self.rnd = random.Random(seed)
        self.teams = [f"team-{i}" for i in range(4)]
        self.users = [f"user-{i}" for i in range(8)]
        self.campaigns: list[tuple[str, str]] = []  # (campaign, team)
        self.responses: list[str] = []
        self.versions: dict[str, int] = {}
        self.events: list[ReceivedEvent] = []
        self.now = START
        self.sealing_key = new_person_key()

    def emit(self, payload: DomainEvent, subject: str, *, version: int | None = None) -> None:
        if version is None:
            version = self.versions.get(subject, 0) + 1
            self.versions[subject] = version
        self.now += timedelta(hours=self.rnd.randint(1, 40))
        envelope = Envelope(
            id=str(uuid.uuid4()),
            type=payload.event_type,
            source="huddle/test",
            subject=subject,
            time=self.now,
            tenant_id=ORG,
            stream_version=version,
            data=payload.model_dump(mode="json"),
        )
        self.events.append(ReceivedEvent(envelope, payload, "test", 0, len(self.events)))

    # identity
    def register(self, user: str) -> None:
        profession = self.rnd.choice(list(Profession))
        self.emit(
            UserRegistered(
                user_id=user,
                org_id=self.rnd.choice([ORG, "org-other"]),
                email=seal(self.sealing_key, user, f"{user}@example.org", context="email"),
                display_name=seal(self.sealing_key, user, "Someone", context="name"),
                profession=profession,
                org_roles=[OrgRole.MEMBER],
            ),
            user,
        )

    def profile(self, user: str) -> None:
        profession = self.rnd.choice([*Profession, None])
        self.emit(
            UserProfileUpdated(user_id=user, org_id=ORG, profession=profession, updated_by="a"),
            user,
        )

    def deactivate(self, user: str) -> None:
        self.emit(UserDeactivated(user_id=user, org_id=ORG, deactivated_by="a"), user)

    def reactivate(self, user: str) -> None:
        self.emit(UserReactivated(user_id=user, org_id=ORG, reactivated_by="a"), user)

    def erase(self, user: str) -> None:
        self.emit(UserErased(user_id=user, org_id=ORG, erased_by="a"), user)

    # teams
    def create(self, team: str) -> None:
        self.emit(
            TeamCreated(
                team_id=team,
                org_id=ORG,
                name=f"{team} v{self.rnd.randint(1, 99)}",
                care_setting=self.rnd.choice(list(CareSetting)),
                created_by="a",
            ),
            team,
        )

    def rename(self, team: str) -> None:
        name = f"renamed {self.rnd.randint(1, 999)}"
        self.emit(TeamRenamed(team_id=team, name=name, renamed_by="a"), team)

    def archive(self, team: str) -> None:
        self.emit(TeamArchived(team_id=team, archived_by="a"), team)

    def cadence(self, team: str) -> None:
        days = self.rnd.choice([30, 60, 180, 365])
        self.emit(
            ReviewCadenceChanged(team_id=team, review_cadence_days=days, changed_by="a"), team
        )

    def add(self, team: str, user: str) -> None:
        self.emit(
            MemberAdded(
                team_id=team,
                user_id=user,
                role=self.rnd.choice(list(TeamRole)),
                effective_date=self.now.date() - timedelta(days=self.rnd.randint(0, 30)),
                added_by="a",
            ),
            team,
        )

    def role(self, team: str, user: str) -> None:
        self.emit(
            MemberRoleChanged(
                team_id=team,
                user_id=user,
                from_role=self.rnd.choice(list(TeamRole)),
                to_role=self.rnd.choice(list(TeamRole)),
                reason="rota",
                effective_date=self.now.date() - timedelta(days=self.rnd.randint(0, 60)),
                changed_by="a",
                category=RoleChangeCategory.OTHER,
            ),
            team,
        )

    def remove(self, team: str, user: str) -> None:
        self.emit(
            MemberRemoved(
                team_id=team,
                user_id=user,
                role=self.rnd.choice(list(TeamRole)),
                effective_date=self.now.date(),
                removed_by="a",
            ),
            team,
        )

    def revise(self, team: str) -> None:
        goal_ids = self.rnd.sample(["g1", "g2", "g3", "g4", "g5"], self.rnd.randint(0, 4))
        self.emit(
            CharterRevised(
                team_id=team,
                revision=self.rnd.randint(1, 9),
                vision=self.rnd.choice(["", "  ", "Safe care"]),
                goals=[
                    CharterGoal(
                        goal_id=g,
                        title="Goal",
                        measure="Measure",
                        due_date=date(2027, 1, 1),
                        status=self.rnd.choice(list(GoalStatus)),
                    )
                    for g in goal_ids
                ],
                norms=["n"] * self.rnd.randint(0, 3),
                roles=[],
                next_review_due=self.now.date() + timedelta(days=90),
                revised_by="a",
            ),
            team,
        )

    def review(self, team: str) -> None:
        self.emit(
            CharterReviewed(
                team_id=team,
                revision=self.rnd.randint(1, 9),
                outcome=self.rnd.choice(list(ReviewOutcome)),
                reviewed_on=self.now.date(),
                next_review_due=self.now.date() + timedelta(days=90),
                reviewed_by="a",
            ),
            team,
        )

    def goal(self, team: str) -> None:
        self.emit(
            GoalStatusChanged(
                team_id=team,
                goal_id=self.rnd.choice(["g1", "g2", "g3", "g4", "g5"]),
                from_status=self.rnd.choice(list(GoalStatus)),
                to_status=self.rnd.choice(list(GoalStatus)),
                changed_by="a",
            ),
            team,
        )

    # assessments
    def open_campaign(self, team: str) -> str:
        campaign = f"campaign-{len(self.campaigns)}"
        self.campaigns.append((campaign, team))
        self.emit(
            CampaignOpened(
                campaign_id=campaign,
                org_id=ORG,
                team_id=team,
                instrument_id="instrument",
                instrument_kind=self.rnd.choice(
                    [InstrumentKind.BURNOUT_SINGLE_ITEM, InstrumentKind.TEAM_PULSE]
                ),
                title="Survey",
                opens_at=self.now,
                closes_at=self.now + timedelta(days=14),
                anonymity=Anonymity.ANONYMOUS,
                min_group_size=self.rnd.randint(3, 5),
                eligible_count=self.rnd.randint(5, 12),
            ),
            campaign,
        )
        return campaign

    def settings(self, campaign: str) -> None:
        self.emit(
            CampaignSettingsChanged(
                campaign_id=campaign,
                anonymity=Anonymity.CONFIDENTIAL,
                min_group_size=self.rnd.randint(3, 6),
            ),
            campaign,
        )

    def close(self, campaign: str, team: str) -> None:
        self.emit(
            CampaignClosed(
                campaign_id=campaign,
                team_id=team,
                closed_at=self.now,
                reason="window_ended",
                eligible_count=10,
                responded_count=5,
            ),
            campaign,
        )

    def respond(self, campaign: str, team: str, *, response_id: str | None = None) -> None:
        response_id = response_id or f"response-{len(self.responses)}"
        self.responses.append(response_id)
        index = self.rnd.choice([10.0, 25.0, 40.0, 80.0])
        flagged = self.rnd.random() < 0.7
        self.emit(
            ResponseRecorded(
                response_id=response_id,
                campaign_id=campaign,
                team_id=team,
                org_id=ORG,
                instrument_id="instrument",
                instrument_kind=InstrumentKind.BURNOUT_SINGLE_ITEM,
                respondent_ref=str(uuid.uuid4()),
                respondent_group=self.rnd.choice(["nurse", "other"]),
                scores=ResponseScores(
                    overall=1 + index / 25,
                    index=index,
                    flags={"at_or_above_threshold": flagged},
                    subscales={"managing_self": index / 20},
                ),
                recorded_at=self.now,
            ),
            response_id,
        )

    # order-sensitive sequences, back to back so that they share a batch
    def churn(self, team: str, user: str) -> None:
        self.add(team, user)
        self.role(team, user)
        self.remove(team, user)
        self.role(team, user)
        self.add(team, user)
        self.role(team, user)

    def revise_then_change_goals(self, team: str) -> None:
        self.goal(team)
        self.revise(team)
        self.goal(team)
        self.goal(team)
        self.revise(team)
        self.goal(team)

    def erase_then_update(self, user: str) -> None:
        self.profile(user)
        self.erase(user)
        self.profile(user)
        self.deactivate(user)
        self.register(user)

    def register_then_update(self, user: str) -> None:
        self.profile(user)
        self.deactivate(user)
        self.reactivate(user)
        self.deactivate(user)
        self.register(user)
        self.profile(user)
        self.register(user)

    def campaign_round(self, team: str) -> None:
        campaign = self.open_campaign(team)
        self.settings(campaign)
        self.settings(campaign)
        for _ in range(self.rnd.randint(3, 8)):
            self.respond(campaign, team)
        self.close(campaign, team)

    def replay(self) -> None:
        """An earlier team event again at its own version, or a response seen before."""
        earlier = [e for e in self.events if e.envelope.subject in self.teams]
        if earlier and self.rnd.random() < 0.5:
            again = self.rnd.choice(earlier)
            self.emit(again.payload, again.envelope.subject, version=again.envelope.stream_version)
        elif self.responses and self.campaigns:
            campaign, team = self.rnd.choice(self.campaigns)
            self.respond(campaign, team, response_id=self.rnd.choice(self.responses))

    def generate(self, steps: int) -> list[ReceivedEvent]:
        actions: list[tuple[int, Callable[[], None]]] = [
            (6, lambda: self.register(self.user())),
            (3, lambda: self.profile(self.user())),
            (1, lambda: self.deactivate(self.user())),
            (1, lambda: self.reactivate(self.user())),
            (1, lambda: self.erase(self.user())),
            (4, lambda: self.create(self.team())),
            (2, lambda: self.rename(self.team())),
            (1, lambda: self.archive(self.team())),
            (1, lambda: self.cadence(self.team())),
            (6, lambda: self.add(self.team(), self.user())),
            (3, lambda: self.role(self.team(), self.user())),
            (3, lambda: self.remove(self.team(), self.user())),
            (2, lambda: self.revise(self.team())),
            (1, lambda: self.review(self.team())),
            (2, lambda: self.goal(self.team())),
            (2, lambda: self.churn(self.team(), self.user())),
            (1, lambda: self.revise_then_change_goals(self.team())),
            (1, lambda: self.erase_then_update(self.user())),
            (1, lambda: self.register_then_update(self.user())),
            (3, lambda: self.campaign_round(self.team())),
            (2, self.respond_somewhere),
            (1, self.settings_somewhere),
            (1, self.replay),
        ]
        weights = [w for w, _ in actions]
        for _ in range(steps):
            self.rnd.choices(actions, weights)[0][1]()
        return self.events

    def team(self) -> str:
        return self.rnd.choice(self.teams)

    def user(self) -> str:
        return self.rnd.choice(self.users)

    def respond_somewhere(self) -> None:
        # Sometimes for a campaign nobody opened: responses may arrive first.
        if self.campaigns and self.rnd.random() < 0.8:
            campaign, team = self.rnd.choice(self.campaigns)
        else:
            campaign, team = f"campaign-early-{self.rnd.randint(0, 3)}", self.team()
        self.respond(campaign, team)

    def settings_somewhere(self) -> None:
        if self.campaigns:
            campaign, team = self.rnd.choice(self.campaigns)
            self.settings(campaign)
            self.close(campaign, team)


# ---- the reference: the per-event statements from before batching ----------------------------


async def reference_apply(conn: AsyncConnection, event: ReceivedEvent) -> None:
    p, env = event.payload, event.envelope
    version = env.stream_version

    async def change(
        team_id: str, user_id: str, kind: str, from_role: str | None, to_role: str | None,
        effective: date, reason: str | None,
    ) -> None:  # fmt: skip
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

    match p:
        case UserRegistered():
            await conn.execute(
                insert(people)
                .values(
                    user_id=p.user_id,
                    org_id=p.org_id,
                    profession=p.profession.value,
                    status="active",
                )
                .on_conflict_do_nothing()
            )
        case UserProfileUpdated() if p.profession is not None:
            await conn.execute(
                update(people)
                .where(people.c.user_id == p.user_id, people.c.status != "erased")
                .values(profession=p.profession.value)
            )
        case UserDeactivated() | UserReactivated():
            await conn.execute(
                update(people)
                .where(people.c.user_id == p.user_id, people.c.status != "erased")
                .values(status="deactivated" if isinstance(p, UserDeactivated) else "active")
            )
        case UserErased():
            await conn.execute(
                insert(people)
                .values(user_id=p.user_id, org_id=p.org_id, profession=None, status="erased")
                .on_conflict_do_update(
                    index_elements=[people.c.user_id],
                    set_={"profession": None, "status": "erased"},
                )
            )
        case TeamCreated():
            await conn.execute(
                insert(teams)
                .values(
                    team_id=p.team_id,
                    org_id=p.org_id,
                    name=p.name,
                    care_setting=p.care_setting.value,
                    created_at=env.time,
                    archived=False,
                    review_cadence_days=DEFAULT_CADENCE_DAYS,
                )
                .on_conflict_do_nothing()
            )
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
            await change(p.team_id, p.user_id, "joined", None, p.role.value, p.effective_date, None)
        case MemberRoleChanged():
            await conn.execute(
                update(roster)
                .where(roster.c.team_id == p.team_id, roster.c.user_id == p.user_id)
                .values(role=p.to_role.value)
            )
            await change(
                p.team_id,
                p.user_id,
                "role_changed",
                p.from_role.value,
                p.to_role.value,
                p.effective_date,
                p.reason,
            )
        case MemberRemoved():
            await conn.execute(
                delete(roster).where(roster.c.team_id == p.team_id, roster.c.user_id == p.user_id)
            )
            await change(p.team_id, p.user_id, "left", p.role.value, None, p.effective_date, None)
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
        case CampaignOpened():
            await conn.execute(
                insert(campaigns)
                .values(
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
                .on_conflict_do_nothing()
            )
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
            await conn.execute(
                insert(responses)
                .values(
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
                .on_conflict_do_nothing()
            )


# ---- databases and comparison -----------------------------------------------------------------


@pytest.fixture
async def engines(databases: DatabaseFactory) -> AsyncIterator[tuple[AsyncEngine, AsyncEngine]]:
    bases = [
        create_async_engine(to_asyncpg_url(databases.create("insights", MIGRATIONS)))
        for _ in range(2)
    ]
    engines = [
        e.execution_options(schema_translate_map={READ_SCHEMA: "insights_g1"}) for e in bases
    ]
    for engine in engines:
        async with engine.begin() as conn:
            await conn.execute(text("CREATE SCHEMA insights_g1"))
            await conn.run_sync(read_models.create_all)
    yield engines[0], engines[1]
    for base in bases:
        await base.dispose()


def publisher() -> AlertPublisher:
    return AlertPublisher(
        store=EventStore(registry=REGISTRY, source="huddle/insights", physical_topic=lambda t: t)
    )


def latest_day_per_team(events: Sequence[ReceivedEvent]) -> dict[str, date]:
    latest: dict[str, date] = {}
    for event in events:
        team_id = getattr(event.payload, "team_id", None)
        if isinstance(team_id, str):
            day = event.envelope.time.date()
            latest[team_id] = max(latest.get(team_id, day), day)
    return latest


async def one_by_one(engine: AsyncEngine, batches: list[list[ReceivedEvent]]) -> AlertPublisher:
    alerts = publisher()
    for batch in batches:
        for event in batch:
            async with engine.begin() as conn:
                await reference_apply(conn, event)
        async with engine.begin() as conn:
            for team_id, day in sorted(latest_day_per_team(batch).items()):
                await alerts.evaluate(conn, team_id=team_id, as_of=day)
    return alerts


async def batched(engine: AsyncEngine, batches: list[list[ReceivedEvent]]) -> AlertPublisher:
    alerts = publisher()
    projection = InsightsProjection(alerts=alerts)
    for batch in batches:
        async with engine.begin() as conn:
            await projection.apply_batch(conn, batch)
            await projection.after_batch(conn, batch)
    return alerts


def in_batches(events: list[ReceivedEvent], size: int) -> list[list[ReceivedEvent]]:
    return [events[i : i + size] for i in range(0, len(events), size)]


async def snapshot(engine: AsyncEngine) -> dict[str, list[tuple[Any, ...]]]:
    """Every read-model table and what the alerts left, as sorted rows."""
    tables: dict[str, list[tuple[Any, ...]]] = {}
    async with engine.connect() as conn:
        for table in read_models.sorted_tables:
            rows = (await conn.execute(select(table))).all()
            tables[table.name] = sorted((tuple(r) for r in rows), key=repr)
        levels = (await conn.execute(select(alert_levels))).all()
        tables["alert_levels"] = sorted((tuple(r) for r in levels), key=repr)
        ledger = await conn.execute(
            select(alert_ledger.c.team_id, alert_ledger.c.trigger, alert_ledger.c.level)
        )
        tables["alert_ledger"] = sorted((tuple(r) for r in ledger), key=repr)
        events = await conn.execute(
            text("SELECT stream_id, version, type, data::text FROM events ORDER BY 1, 2")
        )
        tables["alert_events"] = [tuple(r) for r in events]
    return tables


# ---- the tests ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("seed", "size"), [(1, 1), (1, 7), (2, 40), (3, 120), (4, 500)])
async def test_a_batch_leaves_the_same_tables_and_alerts_as_its_events_one_by_one(
    engines: tuple[AsyncEngine, AsyncEngine], seed: int, size: int
) -> None:
    # Long enough for teams to gather both survey kinds: alerts need two survey-based drivers.
    events = History(seed).generate(300)
    batches = in_batches(events, size)
    reference, candidate = engines
    expected_alerts = await one_by_one(reference, batches)
    actual_alerts = await batched(candidate, batches)

    expected, actual = await snapshot(reference), await snapshot(candidate)
    for name in expected:
        assert actual[name] == expected[name], f"{name} differs (seed {seed}, batches of {size})"
    assert actual_alerts.published == expected_alerts.published
    # The history is rich enough to be worth comparing: every table has rows, and alerts rose.
    assert all(expected[t.name] for t in read_models.sorted_tables), "a table stayed empty"
    assert expected["alert_ledger"], "no alert rose: the alert comparison would prove nothing"
    assert {type(e.payload) for e in events} == HANDLED


async def test_order_sensitive_keys_in_one_batch_fold_like_one_by_one(
    engines: tuple[AsyncEngine, AsyncEngine],
) -> None:
    history = History(99)
    # A first batch leaves rows for the second one to meet.
    history.create("team-0")
    for user in ("user-0", "user-1", "user-3", "user-4"):
        history.register(user)
    history.add("team-0", "user-0")
    history.revise("team-0")
    campaign = history.open_campaign("team-0")
    first = len(history.events)
    history.rename("team-0")
    history.rename("team-1")  # a team that does not exist yet: nothing
    history.create("team-1")
    history.rename("team-1")  # carried by the team's insert
    history.rename("team-1")
    history.archive("team-1")
    history.cadence("team-1")
    history.rename("team-2")  # before the team's creation in the same batch: nothing
    history.cadence("team-2")
    history.create("team-2")
    history.role("team-0", "user-0")  # a member before the batch: changed, then re-added
    history.churn("team-0", "user-0")
    history.churn("team-1", "user-1")  # a member only within the batch
    history.add("team-0", "user-2")
    history.remove("team-0", "user-2")
    history.role("team-0", "user-3")  # never a member: nothing
    history.revise_then_change_goals("team-0")
    history.goal("team-1")
    history.register_then_update("user-3")
    history.register_then_update("user-6")
    history.erase_then_update("user-4")
    history.erase("user-5")  # erased before ever registered: keeps the erasure's organisation
    history.register("user-5")
    history.settings(campaign)
    history.settings(campaign)
    history.campaign_round("team-1")
    events = history.events
    batches = [events[:first], events[first:]]
    reference, candidate = engines
    await one_by_one(reference, batches)
    await batched(candidate, batches)
    expected, actual = await snapshot(reference), await snapshot(candidate)
    for name in expected:
        assert actual[name] == expected[name], name
    seats = {(r[0], r[1]) for r in actual["roster"]}
    assert {("team-0", "user-0"), ("team-1", "user-1")} <= seats
    assert ("team-0", "user-2") not in seats
    people_now = {r[0]: r for r in actual["people"]}
    assert people_now["user-4"][2:] == (None, "erased")
    assert people_now["user-5"][1:] == (ORG, None, "erased")


async def test_facts_as_of_a_date_per_team_match_each_team_loaded_on_its_own(
    engines: tuple[AsyncEngine, AsyncEngine],
) -> None:
    history = History(5)
    events = history.generate(150)
    engine, _ = engines
    await batched(engine, in_batches(events, 500))
    rnd = random.Random(5)
    span_days = (history.now - START).days
    differing = 0
    async with engine.connect() as conn:
        for _ in range(6):
            days = {
                team: START.date() + timedelta(days=rnd.randint(0, span_days + 5))
                for team in [*history.teams, "team-unknown"]
            }
            together = await load_facts(conn, team_ids=sorted(days), as_of=days)
            alone = {}
            for team, day in days.items():
                alone.update(await load_facts(conn, team_ids=[team], as_of=day))
            assert together == alone
            latest = max(days.values())
            at_latest = await load_facts(conn, team_ids=sorted(days), as_of=latest)
            differing += sum(at_latest[t] != together[t] for t in together)
    assert "team-unknown" not in together
    assert differing, "the dates never mattered: the comparison would prove nothing"


def record(event: ReceivedEvent, offset: int) -> ConsumerRecord[bytes, bytes]:
    env = event.envelope
    key, value, headers = to_kafka(
        event_id=env.id,
        event_type=env.type,
        source=env.source,
        subject=env.subject,
        time=env.time,
        tenant_id=env.tenant_id,
        stream_version=env.stream_version,
        data=env.data,
    )
    return ConsumerRecord(
        topic="teams.team.v1",
        partition=0,
        offset=offset,
        timestamp=0,
        timestamp_type=0,
        key=key,
        value=value,
        checksum=None,
        serialized_key_size=len(key or b""),
        serialized_value_size=len(value),
        headers=tuple(headers),
    )


async def test_a_batch_with_a_poison_event_is_applied_one_by_one_and_only_it_is_set_aside(
    engines: tuple[AsyncEngine, AsyncEngine],
) -> None:
    history = History(11)
    history.create("team-1")
    # PostgreSQL refuses a NUL character: one by one this creation fails and is dead-lettered
    # (and the rename after it finds no team), although in the batch the rename overwrites the
    # refused name before anything is written.
    poison = TeamCreated(team_id="team-0", org_id=ORG, name="bad\x00name",
                         care_setting=CareSetting.OTHER, created_by="a")  # fmt: skip
    history.emit(poison, "team-0")
    history.emit(TeamRenamed(team_id="team-0", name="Final", renamed_by="a"), "team-0")
    history.add("team-1", "user-0")
    first = len(history.events)
    # A second batch whose poison event is not overwritten: the batch statement itself fails.
    history.emit(TeamRenamed(team_id="team-1", name="also\x00bad", renamed_by="a"), "team-1")
    history.remove("team-1", "user-0")
    engine, _ = engines
    consumer = ConsumerRuntime(
        engine=engine,
        registry=REGISTRY,
        projection=InsightsProjection(),
        group_id="batching-test",
        topics=["teams.team.v1"],
        bootstrap="127.0.0.1:9",  # never contacted: the batches are handed over directly
        dead_letter_topic="insights.deadletter.v1",
    )
    records = [record(e, i) for i, e in enumerate(history.events)]

    async def state() -> tuple[dict[str, str], list[int], list[Any]]:
        async with engine.connect() as conn:
            names = dict((await conn.execute(select(teams.c.team_id, teams.c.name))).all())
            dead = await conn.execute(text('SELECT "offset" FROM dead_letters ORDER BY 1'))
            seats = (await conn.execute(select(roster.c.team_id, roster.c.user_id))).all()
        return names, list(dead.scalars()), [tuple(s) for s in seats]

    assert await consumer.process(records[:first]) == first - 1
    names, dead, seats = await state()
    assert "team-0" not in names
    assert dead == [1]
    assert seats == [("team-1", "user-0")]

    assert await consumer.process(records[first:]) == len(records) - first - 1
    names, dead, seats = await state()
    assert dead == [1, first]
    assert seats == []
