"""Identity's user events folded into ``people``: each person's organisation, profession, status.

``people`` rows are inserted if absent and then updated by columns, and an update does nothing
to a row that is not there. In a batch every update is sent, in batch order, *before* the
inserts, so it only reaches rows from before the batch; the first registration of a user in
the batch carries the updates that follow it (later registrations conflict and do nothing).

An erasure is an upsert that keeps the organisation, blanks the profession, and wins over the
rest of the batch: the updates skip erased rows, and a registration after a user's first
erasure in the batch is written after the erasure, where it conflicts and does nothing, as it
would one by one.
"""

from __future__ import annotations

from sqlalchemy import bindparam, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from huddle_insights.adapters.tables import people
from huddle_insights.projections.batch import Handlers, Row, overwrite, send_rows
from huddle_shared.contracts.identity import (
    UserDeactivated,
    UserErased,
    UserProfileUpdated,
    UserReactivated,
    UserRegistered,
)
from huddle_shared.envelope import Envelope

_PROFESSION = (
    update(people)
    .where(people.c.user_id == bindparam("k_user"), people.c.status != "erased")
    .values(profession=bindparam("v_profession"))
)
# Deactivations and reactivations share one statement, so that they apply in batch order.
_STATUS = (
    update(people)
    .where(people.c.user_id == bindparam("k_user"), people.c.status != "erased")
    .values(status=bindparam("v_status"))
)
_INSERT = insert(people).on_conflict_do_nothing()
_ERASE = insert(people).on_conflict_do_update(
    index_elements=[people.c.user_id], set_={"profession": None, "status": "erased"}
)


class PeoplePlan:
    """The net effect of a batch's identity events on ``people``."""

    def __init__(self) -> None:
        self.professions: list[Row] = []
        self.statuses: list[Row] = []
        self.registrations: list[Row] = []
        self.erasures: list[Row] = []
        self.late_registrations: list[Row] = []
        self._first_row: dict[str, Row] = {}  # the row a user's first registration inserts
        self._erased: set[str] = set()

    def handlers(self) -> Handlers:
        return {
            UserRegistered: self._registered,
            UserProfileUpdated: self._profile_updated,
            UserDeactivated: self._deactivated,
            UserReactivated: self._reactivated,
            UserErased: self._erased_event,
        }

    def _registered(self, p: UserRegistered, _: Envelope) -> None:
        row = {
            "user_id": p.user_id,
            "org_id": p.org_id,
            "profession": p.profession.value,
            "status": "active",
        }
        if p.user_id in self._erased:
            self.late_registrations.append(row)
            return
        self._first_row.setdefault(p.user_id, row)
        self.registrations.append(row)

    def _profile_updated(self, p: UserProfileUpdated, _: Envelope) -> None:
        if p.profession is None:
            return
        self.professions.append({"k_user": p.user_id, "v_profession": p.profession.value})
        if (person := self._first_row.get(p.user_id)) is not None:
            overwrite(person, "profession", p.profession.value)

    def _deactivated(self, p: UserDeactivated, _: Envelope) -> None:
        self._status(p.user_id, "deactivated")

    def _reactivated(self, p: UserReactivated, _: Envelope) -> None:
        self._status(p.user_id, "active")

    def _status(self, user_id: str, status: str) -> None:
        self.statuses.append({"k_user": user_id, "v_status": status})
        if (person := self._first_row.get(user_id)) is not None:
            person["status"] = status

    def _erased_event(self, p: UserErased, _: Envelope) -> None:
        self._erased.add(p.user_id)
        self.erasures.append(
            {"user_id": p.user_id, "org_id": p.org_id, "profession": None, "status": "erased"}
        )

    async def write(self, conn: AsyncConnection) -> None:
        await send_rows(conn, _PROFESSION, self.professions)
        await send_rows(conn, _STATUS, self.statuses)
        await send_rows(conn, _INSERT, self.registrations)
        await send_rows(conn, _ERASE, self.erasures)
        await send_rows(conn, _INSERT, self.late_registrations)
