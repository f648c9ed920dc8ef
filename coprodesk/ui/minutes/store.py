"""The minutes panel's work on the database worker. No Qt here.

Each method runs inside one ``DbRunner`` transaction (``runner.run(store.x)``),
except ``record``, which commits the typed line on its own (``runner.use``); all
write through ``coprodesk.core.minutes`` and return plain frozen values for the
UI thread, so every change is committed before the screen shows it.

The store keeps the series' name guard. Before every write it checks whether
the series' people have changed (a late arrival, a renamed person) and builds
the guard again if so, so a newly added name is caught from the next Enter on
even if no one tells the panel.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coprodesk.core import minutes, series
from coprodesk.core.db import Database
from coprodesk.core.entry_line import parse_line
from coprodesk.core.enums import EntryKind
from coprodesk.core.errors import InvalidInput, NotFound
from coprodesk.core.minutes import AttendanceByInitials, DeletedEntry, EntryView
from coprodesk.core.models import EntrySpeaker, MinuteEntry, Participant
from coprodesk.core.nameguard import GuardResult, NameGuard, Replacement
from coprodesk.core.workshop import agenda

CHANGED_SINCE = (
    "That entry has changed since the name was replaced, so it was left as it is. "
    "Edit the entry (F2) to change the word."
)


@dataclass(frozen=True)
class Loaded:
    """Everything the panel shows, read in one go."""

    title: str
    series_id: uuid.UUID
    entries: tuple[EntryView, ...]
    agenda_titles: dict[uuid.UUID, str]
    attendance: AttendanceByInitials
    initials: tuple[str, ...]


@dataclass(frozen=True)
class Saved:
    """One entry as stored after a change, and what the name guard replaced in it."""

    entry: EntryView
    guard: GuardResult | None = None
    # The series' initials, when its people changed since the last write.
    initials: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Snapshot:
    """An entry's editable fields, to put them back when an edit is undone."""

    text: str
    speakers: tuple[str, ...]
    kind: EntryKind
    decided_by_group: bool

    @classmethod
    def of(cls, entry: EntryView) -> Snapshot:
        return cls(entry.text, entry.speakers, entry.kind, entry.decided_by_group)


def entry_view(session: Session, entry_id: uuid.UUID) -> EntryView:
    """One entry as ``minutes.entries`` shows it (speakers by initials, in order)."""
    entry = session.get(MinuteEntry, entry_id)
    if entry is None:
        raise NotFound("That note is no longer in the minutes. It may have been deleted.")
    speakers = session.scalars(
        select(Participant.initials)
        .join(EntrySpeaker, EntrySpeaker.participant_id == Participant.id)
        .where(EntrySpeaker.entry_id == entry_id)
        .order_by(Participant.initials)
    )
    return EntryView(
        id=entry.id,
        position=entry.position,
        kind=entry.kind,
        text=entry.text,
        speakers=tuple(speakers),
        agenda_item_id=entry.agenda_item_id,
        recorded_at=entry.recorded_at,
        decided_by_group=entry.decided_by_group,
        sent_in_writing=entry.sent_in_writing,
        read_back=entry.read_back,
        agreement_point=entry.agreement_point,
    )


class MinutesStore:
    """One workshop's minutes, as the worker thread reads and writes them."""

    def __init__(self, workshop_id: uuid.UUID, series_id: uuid.UUID | None = None) -> None:
        self.workshop_id = workshop_id
        self.series_id = series_id
        self._guard: NameGuard | None = None
        self._people_stamp: tuple[int, datetime | None] | None = None

    # The name guard ---------------------------------------------------------------------

    def _series_id(self, session: Session) -> uuid.UUID:
        if self.series_id is None:
            self.series_id = series.get_workshop(session, self.workshop_id).series_id
        return self.series_id

    def guard(self, session: Session) -> tuple[NameGuard, bool]:
        """The series' name guard, and whether it was built again just now."""
        series_id = self._series_id(session)
        count, latest = session.execute(
            select(func.count(Participant.id), func.max(Participant.updated_at)).where(
                Participant.series_id == series_id
            )
        ).one()
        stamp = (count, latest)
        if self._guard is not None and stamp == self._people_stamp:
            return self._guard, False
        self._guard = NameGuard.for_series(session, series_id)
        self._people_stamp = stamp
        return self._guard, True

    def _initials_if(self, guard: NameGuard, rebuilt: bool) -> tuple[str, ...] | None:
        return tuple(sorted(guard.people)) if rebuilt else None

    # Reading ------------------------------------------------------------------------------

    def load(self, session: Session) -> Loaded:
        workshop = series.get_workshop(session, self.workshop_id)
        self.series_id = workshop.series_id
        guard, _ = self.guard(session)
        return Loaded(
            title=workshop.title,
            series_id=workshop.series_id,
            entries=tuple(minutes.entries(session, self.workshop_id)),
            agenda_titles=self.agenda_titles(session),
            attendance=self.attendance(session),
            initials=tuple(sorted(guard.people)),
        )

    def agenda_titles(self, session: Session) -> dict[uuid.UUID, str]:
        return {item.id: item.title for item in agenda(session, self.workshop_id)}

    def attendance(self, session: Session) -> AttendanceByInitials:
        return minutes.attendance_by_initials(session, self.workshop_id)

    # Writing ------------------------------------------------------------------------------

    def record(
        self,
        database: Database,
        line: str,
        kind: EntryKind,
        agenda_item_id: uuid.UUID | None,
        sent_in_writing: bool,
    ) -> Saved:
        """Enter: the line is committed on its own, then read back as stored."""
        with database.reading() as session:
            guard, rebuilt = self.guard(session)
        recorded = minutes.record_line(
            database,
            self.workshop_id,
            line,
            guard,
            kind=kind,
            agenda_item_id=agenda_item_id,
            sent_in_writing=sent_in_writing,
        )
        with database.reading() as session:
            entry = entry_view(session, recorded.entry_id)
        return Saved(entry, recorded.guard, self._initials_if(guard, rebuilt))

    def edit_line(self, session: Session, entry_id: uuid.UUID, line: str) -> Saved:
        """Change an entry to what ``line`` says (speakers, kind and text, as typed)."""
        guard, rebuilt = self.guard(session)
        before = entry_view(session, entry_id)
        parsed = parse_line(line, guard.people)
        kind = parsed.kind or before.kind
        result = minutes.edit_entry(
            session,
            entry_id,
            guard,
            text=parsed.text,
            speakers=parsed.speakers,
            kind=kind,
            decided_by_group=kind is EntryKind.DECISION and not parsed.speakers,
        )
        return Saved(entry_view(session, entry_id), result, self._initials_if(guard, rebuilt))

    def put_back(self, session: Session, entry_id: uuid.UUID, snapshot: Snapshot) -> Saved:
        """Undo or redo an edit: the entry's fields as they were."""
        guard, rebuilt = self.guard(session)
        result = minutes.edit_entry(
            session,
            entry_id,
            guard,
            text=snapshot.text,
            speakers=snapshot.speakers,
            kind=snapshot.kind,
            decided_by_group=snapshot.decided_by_group,
        )
        return Saved(entry_view(session, entry_id), result, self._initials_if(guard, rebuilt))

    def keep(self, session: Session, entry_id: uuid.UUID, replacement: Replacement) -> Saved:
        """Keep one replaced word as typed (it was not a name)."""
        try:
            minutes.keep_as_typed(session, entry_id, replacement)
        except ValueError as error:
            raise InvalidInput(CHANGED_SINCE) from error
        return Saved(entry_view(session, entry_id))

    def choose(
        self, session: Session, entry_id: uuid.UUID, replacement: Replacement, initials: str
    ) -> Saved:
        """Write the initials of the person meant where an ambiguous name stood."""
        if initials not in replacement.initials.split("/"):
            raise InvalidInput(f"{initials} is not one of {replacement.initials}.")
        text = entry_view(session, entry_id).text
        if text[replacement.start : replacement.end] != replacement.initials:
            raise InvalidInput(CHANGED_SINCE)
        guard, rebuilt = self.guard(session)
        changed = text[: replacement.start] + initials + text[replacement.end :]
        result = minutes.edit_entry(session, entry_id, guard, text=changed)
        return Saved(entry_view(session, entry_id), result, self._initials_if(guard, rebuilt))

    def delete(self, session: Session, entry_id: uuid.UUID) -> DeletedEntry:
        return minutes.delete_entry(session, entry_id)

    def restore(self, session: Session, deleted: DeletedEntry) -> EntryView:
        return entry_view(session, minutes.restore_entry(session, deleted))

    def move(self, session: Session, entry_id: uuid.UUID, position: int) -> None:
        minutes.move_entry(session, entry_id, position)

    def mark(self, session: Session, entry_id: uuid.UUID, state: str) -> EntryView:
        minutes.set_read_back(session, entry_id, state)
        return entry_view(session, entry_id)

    def correct(self, session: Session, entry_id: uuid.UUID, line: str) -> Saved:
        """A correction at read-back: the edit and the "corrected" mark, together."""
        saved = self.edit_line(session, entry_id, line)
        return Saved(self.mark(session, entry_id, "corrected"), saved.guard, saved.initials)
