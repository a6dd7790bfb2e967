"""Publishing identity's and teams' events the way those services do, for consumer tests.

Services that consume another's events are tested against real Kafka with the producer's own
contract models and envelope; this module plays the producer.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from huddle_devtools.testing.kafka import produce_raw
from huddle_shared.contracts.assessments import (
    Anonymity,
    CampaignClosed,
    CampaignOpened,
    InstrumentKind,
    ResponseRecorded,
    ResponseScores,
)
from huddle_shared.contracts.identity import (
    OrgRole,
    Profession,
    UserErased,
    UserRegistered,
)
from huddle_shared.contracts.teams import (
    CareSetting,
    CharterGoal,
    CharterRevised,
    CharterRole,
    MemberAdded,
    MemberRoleChanged,
    RoleChangeCategory,
    TeamArchived,
    TeamCreated,
    TeamRole,
)
from huddle_shared.envelope import to_kafka
from huddle_shared.events import DomainEvent
from huddle_shared.personal import new_person_key, seal


class Upstream:
    def __init__(
        self,
        bootstrap: str,
        topic_prefix: str,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.bootstrap = bootstrap
        self.prefix = topic_prefix
        self.versions: dict[str, int] = defaultdict(int)
        # Every time and date the events carry: a test that compares them with a date of its
        # own passes a fixed clock, so a run across midnight sees the same day throughout.
        self.clock = clock

    def today(self) -> date:
        return self.clock().date()

    async def publish(self, stream_id: str, org_id: str, event: DomainEvent, source: str) -> None:
        data = event.model_dump(mode="json")
        await self.publish_data(stream_id, org_id, event.topic, event.event_type, data, source)

    async def publish_data(
        self,
        stream_id: str,
        org_id: str,
        topic: str,
        event_type: str,
        data: dict[str, Any],
        source: str,
    ) -> None:
        """Any type and data, even one no current model writes (a retired version's)."""
        self.versions[stream_id] += 1
        key, value, headers = to_kafka(
            event_id=uuid.uuid4(),
            event_type=event_type,
            source=f"huddle/{source}",
            subject=stream_id,
            time=self.clock(),
            tenant_id=org_id,
            stream_version=self.versions[stream_id],
            data=data,
        )
        await produce_raw(self.bootstrap, self.prefix + topic, value, key=key, headers=headers)

    async def user(self, org_id: str, profession: Profession, user_id: str | None = None) -> str:
        user_id = user_id or str(uuid.uuid4())
        key = new_person_key()
        await self.publish(
            user_id,
            org_id,
            UserRegistered(
                user_id=user_id,
                org_id=org_id,
                email=seal(key, user_id, f"{user_id}@example.org", context="email"),
                display_name=seal(key, user_id, "Someone", context="name"),
                profession=profession,
                org_roles=[OrgRole.MEMBER],
            ),
            "identity",
        )
        return user_id

    async def erase(self, org_id: str, user_id: str) -> None:
        await self.publish(
            user_id,
            org_id,
            UserErased(user_id=user_id, org_id=org_id, erased_by="admin"),
            "identity",
        )

    async def team(
        self, org_id: str, name: str = "Riverside Team A", team_id: str | None = None
    ) -> str:
        team_id = team_id or str(uuid.uuid4())
        await self.publish(
            team_id,
            org_id,
            TeamCreated(
                team_id=team_id,
                org_id=org_id,
                name=name,
                care_setting=CareSetting.PRIMARY_CARE_CLINIC,
                created_by="admin",
            ),
            "teams",
        )
        return team_id

    async def archive(self, org_id: str, team_id: str) -> None:
        await self.publish(
            team_id, org_id, TeamArchived(team_id=team_id, archived_by="admin"), "teams"
        )

    async def member(self, org_id: str, team_id: str, user_id: str, role: TeamRole) -> None:
        await self.publish(
            team_id,
            org_id,
            MemberAdded(
                team_id=team_id,
                user_id=user_id,
                role=role,
                effective_date=self.today(),
                added_by="admin",
            ),
            "teams",
        )

    async def role_changed(
        self,
        org_id: str,
        team_id: str,
        user_id: str,
        when: date,
        to_role: TeamRole,
        category: RoleChangeCategory = RoleChangeCategory.OTHER,
    ) -> None:
        await self.publish(
            team_id,
            org_id,
            MemberRoleChanged(
                team_id=team_id,
                user_id=user_id,
                from_role=TeamRole.NURSE,
                to_role=to_role,
                reason="covering for a colleague",
                effective_date=when,
                changed_by="lead",
                category=category,
            ),
            "teams",
        )

    async def charter(self, org_id: str, team_id: str, revision: int = 1) -> None:
        await self.publish(
            team_id,
            org_id,
            CharterRevised(
                team_id=team_id,
                revision=revision,
                vision="Every patient knows who to call, and every colleague feels heard.",
                goals=[
                    CharterGoal(
                        goal_id=f"g{i}",
                        title=f"Goal {i}",
                        measure="a measure",
                        due_date=self.today() + timedelta(days=90),
                    )
                    for i in (1, 2)
                ],
                norms=["Start huddles on time", "Speak up early", "Assume good intent"],
                roles=[
                    CharterRole(role=TeamRole.CLINICAL_LEAD, responsibilities=["run huddles"]),
                    CharterRole(role=TeamRole.NURSE, responsibilities=["triage"]),
                ],
                next_review_due=self.today() + timedelta(days=90),
                revised_by="lead",
            ),
            "teams",
        )

    async def campaign(
        self,
        org_id: str,
        team_id: str,
        kind: InstrumentKind,
        results: list[ResponseScores],
        *,
        eligible: int = 8,
        groups: list[str] | None = None,
        responses_first: bool = False,
        close: bool = True,
    ) -> str:
        """A whole campaign: opened, answered, closed (responses may come first, as on Kafka)."""
        campaign_id = str(uuid.uuid4())
        now = self.clock()
        opened = CampaignOpened(
            campaign_id=campaign_id,
            org_id=org_id,
            team_id=team_id,
            instrument_id=f"huddle-{kind.value}-v1",
            instrument_kind=kind,
            title=kind.value,
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=1),
            anonymity=Anonymity.ANONYMOUS,
            min_group_size=5,
            eligible_count=eligible,
        )
        if not responses_first:
            await self.publish(campaign_id, org_id, opened, "assessments")
        for i, scores in enumerate(results):
            response_id = str(uuid.uuid4())
            await self.publish(
                response_id,
                org_id,
                ResponseRecorded(
                    response_id=response_id,
                    campaign_id=campaign_id,
                    team_id=team_id,
                    org_id=org_id,
                    instrument_id=opened.instrument_id,
                    instrument_kind=kind,
                    respondent_ref=str(uuid.uuid4()),
                    respondent_group=(groups or [])[i] if groups else "other",
                    scores=scores,
                    recorded_at=now,
                ),
                "assessments",
            )
        if responses_first:
            await self.publish(campaign_id, org_id, opened, "assessments")
        if close:
            await self.close(org_id, team_id, campaign_id, eligible, len(results))
        return campaign_id

    async def close(
        self, org_id: str, team_id: str, campaign_id: str, eligible: int, responded: int
    ) -> None:
        now = self.clock()
        await self.publish(
            campaign_id,
            org_id,
            CampaignClosed(
                campaign_id=campaign_id,
                team_id=team_id,
                closed_at=now + timedelta(seconds=len(self.versions)),
                reason="closed_early",
                eligible_count=eligible,
                responded_count=responded,
            ),
            "assessments",
        )

    async def open_campaign(
        self,
        org_id: str,
        team_id: str,
        kind: InstrumentKind,
        *,
        eligible: int = 8,
        min_group_size: int = 5,
    ) -> str:
        """Only the opening of a campaign; its responses and close are for the test to send."""
        campaign_id = str(uuid.uuid4())
        now = self.clock()
        await self.publish(
            campaign_id,
            org_id,
            CampaignOpened(
                campaign_id=campaign_id,
                org_id=org_id,
                team_id=team_id,
                instrument_id=f"huddle-{kind.value}-v1",
                instrument_kind=kind,
                title=kind.value,
                opens_at=now - timedelta(days=1),
                closes_at=now + timedelta(days=1),
                anonymity=Anonymity.ANONYMOUS,
                min_group_size=min_group_size,
                eligible_count=eligible,
            ),
            "assessments",
        )
        return campaign_id

    async def respond(
        self,
        org_id: str,
        team_id: str,
        campaign_id: str,
        kind: InstrumentKind,
        results: list[ResponseScores],
        *,
        groups: list[str] | None = None,
    ) -> None:
        """One response event per scores, for a campaign opened with :meth:`open_campaign`."""
        for i, scores in enumerate(results):
            response_id = str(uuid.uuid4())
            await self.publish(
                response_id,
                org_id,
                ResponseRecorded(
                    response_id=response_id,
                    campaign_id=campaign_id,
                    team_id=team_id,
                    org_id=org_id,
                    instrument_id=f"huddle-{kind.value}-v1",
                    instrument_kind=kind,
                    respondent_ref=str(uuid.uuid4()),
                    respondent_group=groups[i] if groups else "other",
                    scores=scores,
                    recorded_at=self.clock(),
                ),
                "assessments",
            )
