"""Removing a person, an agenda item or a planned date in a way that can be undone.

Set-up screens offer Undo instead of asking "are you sure?". Before a row is
deleted, ``_snapshot`` keeps it and every row the database would delete with it
(``ON DELETE CASCADE``) or unlink from it (``ON DELETE SET NULL``); putting it
back restores all of them with their old ids, so a person's attendance, answers
and part in the minutes return too.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Table, insert, select, update
from sqlalchemy.orm import Session

from coprodesk.core.models import AgendaItem, Base, Participant, PlannedSession
from coprodesk.core.roster import remove_person, unique_initials
from coprodesk.core.workshop import delete_agenda_item, remove_planned_session


@dataclass(frozen=True)
class Removed:
    """A deleted row and what went with it; ``label`` names it for an Undo message."""

    label: str
    table: str
    values: dict[str, Any]
    # (table, rows) deleted with it, parents before children.
    cascaded: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]
    # (table, column, primary keys) whose link to it was cleared.
    unlinked: tuple[tuple[str, str, tuple[Any, ...]], ...]

    @property
    def id(self) -> uuid.UUID:
        value = self.values["id"]
        assert isinstance(value, uuid.UUID)
        return value


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _snapshot(session: Session, table: Table, row_id: uuid.UUID, label: str) -> Removed:
    values = dict(session.execute(select(table).where(table.c.id == row_id)).mappings().one())
    cascaded: list[tuple[str, tuple[dict[str, Any], ...]]] = []
    unlinked: list[tuple[str, str, tuple[Any, ...]]] = []
    for other in Base.metadata.sorted_tables:
        for key in other.foreign_keys:
            if key.column.table is not table:
                continue
            column = key.parent
            if key.ondelete == "CASCADE":
                rows = session.execute(select(other).where(column == row_id)).mappings().all()
                if rows:
                    cascaded.append((other.name, tuple(dict(row) for row in rows)))
            elif key.ondelete == "SET NULL":
                (primary,) = other.primary_key.columns
                found = tuple(session.scalars(select(primary).where(column == row_id)))
                if found:
                    unlinked.append((other.name, column.name, found))
    return Removed(label, table.name, values, tuple(cascaded), tuple(unlinked))


def _put_back(session: Session, removed: Removed) -> None:
    session.execute(insert(_table(removed.table)), [removed.values])
    for name, rows in removed.cascaded:
        session.execute(insert(_table(name)), list(rows))
    for name, column, keys in removed.unlinked:
        table = _table(name)
        (primary,) = table.primary_key.columns
        session.execute(update(table).where(primary.in_(keys)).values({column: removed.id}))
    session.expire_all()


def remove_person_undoably(session: Session, participant_id: uuid.UUID) -> Removed:
    """Remove someone from their series; ``restore_person`` undoes it."""
    person = session.get(Participant, participant_id)
    if person is None:
        remove_person(session, participant_id)  # Raises the plain "no longer here".
    assert person is not None
    removed = _snapshot(session, _table("participant"), participant_id, person.name)
    remove_person(session, participant_id)
    return removed


def restore_person(session: Session, removed: Removed) -> uuid.UUID:
    """Put a removed person back (with new initials if someone has taken theirs meanwhile)."""
    values = dict(removed.values)
    taken = set(
        session.scalars(
            select(Participant.initials).where(Participant.series_id == values["series_id"])
        )
    )
    if values["initials"].casefold() in {initials.casefold() for initials in taken}:
        values["initials"] = unique_initials(values["name"], taken)
    _put_back(session, replace(removed, values=values))
    return removed.id


def delete_agenda_item_undoably(session: Session, item_id: uuid.UUID) -> Removed:
    item = session.get(AgendaItem, item_id)
    if item is None:
        delete_agenda_item(session, item_id)  # Raises the plain "no longer there".
    assert item is not None
    removed = _snapshot(session, _table("agenda_item"), item_id, item.title)
    delete_agenda_item(session, item_id)
    return removed


def restore_agenda_item(session: Session, removed: Removed) -> uuid.UUID:
    """Put a deleted agenda item back at its old place; the items after it move down."""
    values = removed.values
    session.execute(
        update(AgendaItem)
        .where(
            AgendaItem.workshop_id == values["workshop_id"],
            AgendaItem.position >= values["position"],
        )
        .values(position=AgendaItem.position + 1)
    )
    _put_back(session, removed)
    return removed.id


def remove_planned_session_undoably(session: Session, planned_id: uuid.UUID) -> Removed | None:
    row = session.get(PlannedSession, planned_id)
    if row is None:
        return None
    removed = _snapshot(session, _table("planned_session"), planned_id, row.label)
    remove_planned_session(session, planned_id)
    return removed


def restore_planned_session(session: Session, removed: Removed) -> uuid.UUID:
    _put_back(session, removed)
    return removed.id
