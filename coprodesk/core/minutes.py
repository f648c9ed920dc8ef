"""Minute entries: who said what, by initials, committed one by one.

Every path that stores entry text (``record_line``, ``edit_entry``) runs it
through the name guard first, so no roster name is ever stored unless a word was
explicitly kept as "not a name".
"""

from __future__ import annotations

import functools
import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from coprodesk.core.db import Database
from coprodesk.core.entry_line import parse_line
from coprodesk.core.errors import InvalidInput, NotFound
from coprodesk.core.models import (
    TEXT_MAX,
    Attendance,
    AttendanceStatus,
    EntryKind,
    EntrySpeaker,
    MinuteEntry,
    Participant,
    Workshop,
    utcnow,
)
from coprodesk.core.nameguard import GuardResult, NameGuard, Replacement, mark_not_a_name
from coprodesk.core.prepared import PreparedInsert
from coprodesk.core.text import clean_text

_ENTRIES = cast(Table, MinuteEntry.__table__)
_SPEAKERS = cast(Table, EntrySpeaker.__table__)
_INSERT_ENTRY = insert(_ENTRIES).values(
    position=select(func.coalesce(func.max(_ENTRIES.c.position), 0) + 1)
    .where(_ENTRIES.c.workshop_id == bindparam("of_workshop"))
    .scalar_subquery()
)
# The same, under whichever agenda item is running (read in the one statement).
_INSERT_UNDER_RUNNING_ITEM = _INSERT_ENTRY.values(
    agenda_item_id=select(Workshop.current_agenda_item_id)
    .where(Workshop.id == bindparam("of_workshop"))
    .scalar_subquery()
)
_INSERT_SPEAKER = insert(_SPEAKERS)


def add_entry(
    session: Session,
    workshop_id: uuid.UUID,
    text: str,
    *,
    speakers: Sequence[uuid.UUID] = (),
    kind: EntryKind = EntryKind.NOTE,
    agenda_item_id: uuid.UUID | None = None,
    decided_by_group: bool = False,
    sent_in_writing: bool = False,
    recorded_at: datetime | None = None,
    agreement_point: int | None = None,
) -> uuid.UUID:
    """Add an entry at the end of a workshop's minutes and return its id."""
    entry_id = uuid.uuid4()
    values: dict[str, object] = {
        "id": entry_id,
        "workshop_id": workshop_id,
        "of_workshop": workshop_id,
        "kind": kind,
        "text": clean_text(text, "note", TEXT_MAX, required=True),
        "decided_by_group": decided_by_group,
        "sent_in_writing": sent_in_writing,
        "recorded_at": recorded_at or utcnow(),
        "agreement_point": agreement_point,
        "agenda_item_id": agenda_item_id,
    }
    session.execute(_INSERT_ENTRY, values)
    unique_speakers = list(dict.fromkeys(speakers))
    if unique_speakers:
        session.execute(
            _INSERT_SPEAKER,
            [{"entry_id": entry_id, "participant_id": speaker} for speaker in unique_speakers],
        )
    return entry_id


# Recording, editing and reviewing -------------------------------------------------------


READ_BACK_STATES = ("", "agreed", "corrected")


@dataclass(frozen=True)
class EntryView:
    id: uuid.UUID
    position: int
    kind: EntryKind
    text: str
    speakers: tuple[str, ...]
    agenda_item_id: uuid.UUID | None
    recorded_at: datetime
    decided_by_group: bool
    sent_in_writing: bool
    read_back: str
    agreement_point: int | None


@dataclass(frozen=True)
class Recorded:
    """What ``record_line`` stored, and what the guard replaced (for the notice and undo)."""

    entry_id: uuid.UUID
    guard: GuardResult
    speakers: tuple[str, ...]
    kind: EntryKind


def entries(session: Session, workshop_id: uuid.UUID) -> list[EntryView]:
    """The workshop's minutes in order, speakers by initials."""
    speakers: dict[uuid.UUID, list[str]] = {}
    for entry_id, initials in session.execute(
        select(EntrySpeaker.entry_id, Participant.initials)
        .join(Participant, Participant.id == EntrySpeaker.participant_id)
        .join(MinuteEntry, MinuteEntry.id == EntrySpeaker.entry_id)
        .where(MinuteEntry.workshop_id == workshop_id)
        .order_by(Participant.initials)
    ):
        speakers.setdefault(entry_id, []).append(initials)
    rows = session.scalars(
        select(MinuteEntry)
        .where(MinuteEntry.workshop_id == workshop_id)
        .order_by(MinuteEntry.position)
    )
    return [
        EntryView(
            id=row.id,
            position=row.position,
            kind=row.kind,
            text=row.text,
            speakers=tuple(speakers.get(row.id, ())),
            agenda_item_id=row.agenda_item_id,
            recorded_at=row.recorded_at,
            decided_by_group=row.decided_by_group,
            sent_in_writing=row.sent_in_writing,
            read_back=row.read_back,
            agreement_point=row.agreement_point,
        )
        for row in rows
    ]


def _initials_to_ids(session: Session, workshop_id: uuid.UUID) -> dict[str, uuid.UUID]:
    series_id = select(Workshop.series_id).where(Workshop.id == workshop_id).scalar_subquery()
    return dict(
        session.execute(
            select(Participant.initials, Participant.id).where(Participant.series_id == series_id)
        ).all()
    )


GONE_WHILE_TYPING = "The workshop, its agenda item or someone named in the line was just removed."

# What ``record_line`` writes, prepared on first use: the hot path of live minute-taking.
_RECORD_KEYS = (
    "id",
    "workshop_id",
    "of_workshop",
    "kind",
    "text",
    "decided_by_group",
    "sent_in_writing",
    "recorded_at",
)


@functools.cache
def _prepared_record() -> tuple[PreparedInsert, PreparedInsert, PreparedInsert]:
    return (
        PreparedInsert(_INSERT_UNDER_RUNNING_ITEM, _RECORD_KEYS),
        PreparedInsert(_INSERT_ENTRY, (*_RECORD_KEYS, "agenda_item_id")),
        PreparedInsert(_INSERT_SPEAKER, ("entry_id", "participant_id")),
    )


def record_line(
    database: Database,
    workshop_id: uuid.UUID,
    line: str,
    guard: NameGuard,
    *,
    kind: EntryKind = EntryKind.NOTE,
    agenda_item_id: uuid.UUID | None = None,
    sent_in_writing: bool = False,
) -> Recorded:
    """Store and commit one typed line: speakers and kind read from it, names as initials.

    ``guard`` is built for the workshop's series (and again when its people change).
    With no ``agenda_item_id`` the entry goes under the agenda item running now, if any.
    A kind word in the line ("decision: ...") wins over ``kind``. A decision with no
    named speakers is recorded as made by the whole group. The line is its own
    transaction, written straight to SQLite, so Enter waits for little but the disk.
    """
    people = guard.people
    parsed = parse_line(line, people)
    guarded = guard.apply(parsed.text)
    chosen = parsed.kind or kind
    entry_id = uuid.uuid4()
    values = {
        "id": entry_id,
        "workshop_id": workshop_id,
        "of_workshop": workshop_id,
        "kind": chosen,
        "text": clean_text(guarded.text, "note", TEXT_MAX, required=True),
        "decided_by_group": chosen is EntryKind.DECISION and not parsed.speakers,
        "sent_in_writing": sent_in_writing,
        "recorded_at": utcnow(),
        # The entry belongs to the item running as it is typed, unless one is named.
        "agenda_item_id": agenda_item_id,
    }
    under_running_item, under_item, speaker = _prepared_record()
    try:
        with database.direct() as connection:
            (under_running_item if agenda_item_id is None else under_item).run(connection, values)
            if parsed.speakers:
                speaker.run_many(
                    connection,
                    [
                        {"entry_id": entry_id, "participant_id": people[initials]}
                        for initials in dict.fromkeys(parsed.speakers)
                    ],
                )
    except sqlite3.IntegrityError as error:  # the workshop, item or a speaker was just removed
        raise NotFound(GONE_WHILE_TYPING) from error
    return Recorded(entry_id, guarded, parsed.speakers, chosen)


def _entry(session: Session, entry_id: uuid.UUID) -> MinuteEntry:
    entry = session.get(MinuteEntry, entry_id)
    if entry is None:
        raise NotFound("That note is no longer in the minutes. It may have been deleted.")
    return entry


def edit_entry(
    session: Session,
    entry_id: uuid.UUID,
    guard: NameGuard,
    *,
    text: str | None = None,
    speakers: Sequence[str] | None = None,
    kind: EntryKind | None = None,
    decided_by_group: bool | None = None,
    sent_in_writing: bool | None = None,
) -> GuardResult | None:
    """Change an entry; new text passes the name guard. Returns the guard's result."""
    entry = _entry(session, entry_id)
    result = None
    if text is not None:
        result = guard.apply(clean_text(text, "note", TEXT_MAX, required=True))
        entry.text = result.text
    if speakers is not None:
        people = _initials_to_ids(session, entry.workshop_id)
        unknown = [initials for initials in speakers if initials not in people]
        if unknown:
            raise InvalidInput(f"No one in this series has the initials {', '.join(unknown)}.")
        entry.speakers = [
            EntrySpeaker(participant_id=people[initials]) for initials in dict.fromkeys(speakers)
        ]
    if kind is not None:
        entry.kind = kind
    if decided_by_group is not None:
        entry.decided_by_group = decided_by_group
    if sent_in_writing is not None:
        entry.sent_in_writing = sent_in_writing
    entry.updated_at = utcnow()  # speakers alone do not touch the row; merges need to know
    return result


def keep_as_typed(session: Session, entry_id: uuid.UUID, replacement: Replacement) -> None:
    """The one-step undo of a name replacement: that word was not a name."""
    entry = _entry(session, entry_id)
    entry.text = mark_not_a_name(entry.text, replacement)
    entry.updated_at = utcnow()


@dataclass(frozen=True)
class DeletedEntry:
    """Everything needed to put a deleted entry back exactly where it was."""

    values: dict[str, Any]
    speaker_ids: tuple[uuid.UUID, ...]


def delete_entry(session: Session, entry_id: uuid.UUID) -> DeletedEntry:
    entry = _entry(session, entry_id)
    values = {column.key: getattr(entry, column.key) for column in _ENTRIES.columns}
    speaker_ids = tuple(speaker.participant_id for speaker in entry.speakers)
    workshop_id, position = entry.workshop_id, entry.position
    session.delete(entry)
    session.flush()
    session.execute(
        update(MinuteEntry)
        .where(MinuteEntry.workshop_id == workshop_id, MinuteEntry.position > position)
        .values(position=MinuteEntry.position - 1)
    )
    return DeletedEntry(values, speaker_ids)


def restore_entry(session: Session, deleted: DeletedEntry) -> uuid.UUID:
    """Undo ``delete_entry``: the entry returns at its old place with its speakers."""
    values = deleted.values
    session.execute(
        update(MinuteEntry)
        .where(
            MinuteEntry.workshop_id == values["workshop_id"],
            MinuteEntry.position >= values["position"],
        )
        .values(position=MinuteEntry.position + 1)
    )
    session.execute(insert(_ENTRIES), [values])
    if deleted.speaker_ids:
        session.execute(
            insert(_SPEAKERS),
            [{"entry_id": values["id"], "participant_id": pid} for pid in deleted.speaker_ids],
        )
    return cast(uuid.UUID, values["id"])


def move_entry(session: Session, entry_id: uuid.UUID, new_position: int) -> None:
    """Move an entry to ``new_position`` (1-based, clamped); the others close up."""
    entry = _entry(session, entry_id)
    ordered = list(
        session.scalars(
            select(MinuteEntry)
            .where(MinuteEntry.workshop_id == entry.workshop_id, MinuteEntry.id != entry.id)
            .order_by(MinuteEntry.position)
        )
    )
    ordered.insert(max(0, min(new_position - 1, len(ordered))), entry)
    for position, each in enumerate(ordered, start=1):
        if each.position != position:
            each.position = position


def set_read_back(session: Session, entry_id: uuid.UUID, state: str) -> None:
    """Mark an entry as agreed or corrected when the minutes are read back to the room."""
    if state not in READ_BACK_STATES:
        raise InvalidInput(f"Read-back can only be agreed or corrected, not {state!r}.")
    _entry(session, entry_id).read_back = state


@dataclass(frozen=True)
class AttendanceByInitials:
    """Attendance as the minutes show it: initials only, with counts."""

    present: tuple[str, ...]
    apologies: tuple[str, ...]
    in_writing: tuple[str, ...]


def attendance_by_initials(session: Session, workshop_id: uuid.UUID) -> AttendanceByInitials:
    rows = session.execute(
        select(Participant.initials, Attendance.status)
        .join(Attendance, Attendance.participant_id == Participant.id)
        .where(Attendance.workshop_id == workshop_id)
        .order_by(Participant.initials)
    ).all()
    by_status: dict[AttendanceStatus, list[str]] = {status: [] for status in AttendanceStatus}
    for initials, status in rows:
        by_status[status].append(initials)
    return AttendanceByInitials(
        present=tuple(by_status[AttendanceStatus.PRESENT]),
        apologies=tuple(by_status[AttendanceStatus.APOLOGIES]),
        in_writing=tuple(by_status[AttendanceStatus.IN_WRITING]),
    )
