"""The helpers every service's skeleton stands on, against a real PostgreSQL: keyset pages,
the literal "contains" filter, and the one checked order of an aggregate change."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Column, DateTime, MetaData, Table, Text, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from huddle_devtools.testing.databases import DatabaseFactory
from huddle_shared.aggregates import Aggregate, Caller
from huddle_shared.auth import Principal
from huddle_shared.config import to_asyncpg_url
from huddle_shared.contracts import REGISTRY
from huddle_shared.contracts.teams import CareSetting, TeamCreated, TeamRenamed
from huddle_shared.errors import Forbidden, NotFound, PreconditionFailed
from huddle_shared.events import DomainEvent
from huddle_shared.eventstore import EventContext, EventStore
from huddle_shared.pagination import contains, fetch_page
from huddle_teams.bootstrap import MIGRATIONS

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

metadata = MetaData()
people = Table(
    "skeleton_people",
    metadata,
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("id", Text, primary_key=True),
    Column("name", Text, nullable=False),
)


@pytest.fixture
async def engine(databases: DatabaseFactory) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(to_asyncpg_url(databases.create("teams", MIGRATIONS)))
    async with engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    yield engine
    await engine.dispose()


async def test_keyset_pages_visit_every_row_once_in_order_even_with_equal_times(
    engine: AsyncEngine,
) -> None:
    # Three rows share each timestamp, so a page boundary falls inside a tie.
    rows = [
        {"created_at": NOW + timedelta(seconds=i // 3), "id": f"p{i:02d}", "name": f"n{i}"}
        for i in range(11)
    ]
    async with engine.begin() as conn:
        await conn.execute(insert(people), rows)
    seen: list[str] = []
    after_keys: list[object] | None = None
    pages = 0
    async with engine.connect() as conn:
        while True:
            page = await fetch_page(
                conn,
                select(people),
                order_by=[people.c.created_at, people.c.id],
                after_keys=after_keys,
                limit=4,
            )
            pages += 1
            seen += [r["id"] for r in page.rows]
            if not page.has_more:
                assert page.next_cursor(lambda r: [r["id"]]) is None
                break
            last = page.rows[-1]
            after_keys = [last["created_at"], last["id"]]
    assert seen == [r["id"] for r in rows]
    assert pages == 3


async def test_contains_matches_percent_underscore_and_backslash_literally(
    engine: AsyncEngine,
) -> None:
    names = ["100% on time", "1000 on time", "a_b", "axb", "back\\slash", "backslash"]
    async with engine.begin() as conn:
        await conn.execute(
            insert(people),
            [{"created_at": NOW, "id": str(i), "name": n} for i, n in enumerate(names)],
        )

    async def matching(fragment: str) -> list[str]:
        async with engine.connect() as conn:
            query = select(people.c.name).where(contains(people.c.name, fragment))
            return sorted((await conn.execute(query)).scalars())

    assert await matching("0%") == ["100% on time"]
    assert await matching("A_B") == ["a_b"]
    assert await matching("k\\s") == ["back\\slash"]


# ---- Aggregate.change: 404, then 403, then 412, then the rules -----------------------------


@dataclass(frozen=True)
class Named:
    id: str
    name: str
    version: int


def _evolve(state: Named | None, event: DomainEvent, _at: datetime, version: int) -> Named:
    if isinstance(event, TeamCreated):
        return Named(id=event.team_id, name=event.name, version=version)
    assert state is not None and isinstance(event, TeamRenamed)
    return replace(state, name=event.name, version=version)


NAMED = Aggregate[Named](stream_type="team", evolve=_evolve, not_found=lambda: NotFound("No"))


def _caller(org: str, *, if_match: str | None = None) -> Caller:
    principal = Principal(
        subject="u1", org_id=org, kind="user", roles=frozenset(), scopes=frozenset()
    )
    return Caller(
        principal=principal,
        context=EventContext(tenant_id=org, actor="u1"),
        now=NOW,
        if_match=if_match,
    )


async def test_an_aggregate_change_checks_tenant_then_access_then_version(
    engine: AsyncEngine,
) -> None:
    store = EventStore(registry=REGISTRY, source="huddle/teams", physical_topic=lambda t: t)
    team_id = str(uuid.uuid4())
    created = TeamCreated(
        team_id=team_id,
        org_id="org-a",
        name="North",
        care_setting=CareSetting.PRIMARY_CARE_CLINIC,
        description="",
        created_by="u1",
    )
    async with engine.begin() as conn:
        state, recorded = await NAMED.create(
            conn,
            store=store,
            stream_id=team_id,
            events=[created],
            context=EventContext(tenant_id="org-a", actor="u1"),
            now=NOW,
        )
    assert (state.version, len(recorded)) == (1, 1)

    def rename(_: Named) -> list[DomainEvent]:
        return [TeamRenamed(team_id=team_id, name="South", renamed_by="u1")]

    def refuse(_: Named) -> None:
        raise Forbidden("no")

    async with engine.connect() as conn:
        # Another tenant with a stale version and no rights still learns only "not found".
        with pytest.raises(NotFound):
            await NAMED.change(
                conn,
                store=store,
                stream_id=team_id,
                caller=_caller("org-b", if_match='"9"'),
                decide=rename,
                authorise=refuse,
            )
        # A caller without rights learns nothing about versions.
        with pytest.raises(Forbidden):
            await NAMED.change(
                conn,
                store=store,
                stream_id=team_id,
                caller=_caller("org-a", if_match='"9"'),
                decide=rename,
                authorise=refuse,
            )
        with pytest.raises(PreconditionFailed):
            await NAMED.change(
                conn,
                store=store,
                stream_id=team_id,
                caller=_caller("org-a", if_match='"9"'),
                decide=rename,
            )
    async with engine.begin() as conn:
        renamed = await NAMED.change(
            conn,
            store=store,
            stream_id=team_id,
            caller=_caller("org-a", if_match='"1"'),
            decide=rename,
        )
    assert (renamed.name, renamed.version) == ("South", 2)
    async with engine.connect() as conn:
        loaded = await NAMED.load(conn, store=store, stream_id=team_id, tenant_id="org-a")
    assert loaded == renamed
