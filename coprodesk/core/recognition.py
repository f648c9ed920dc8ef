"""Recognition: the time each person gave, what they sent in writing, what they got done.

The coordinator's own record, worked out from what CoproDesk already knows and
editable where it is wrong:

- time given in a workshop: for someone present, the length of the workshop as
  held (from its start, or from when they arrived if later, to its close), or
  the agenda's planned length when it was not run in CoproDesk; nothing for
  someone who sent apologies or took part in writing (the coordinator can enter it);
- contributions sent in writing: minute entries marked "sent in writing" that
  they are a speaker of;
- actions completed: actions of the series they own whose status is done.

A figure the coordinator types replaces the worked-out one (``None`` goes back).
These records hold names: they appear only on the coordinator's desk.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coprodesk.core.errors import InvalidInput, NotFound
from coprodesk.core.models import (
    Action,
    ActionOwner,
    ActionStatus,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Contribution,
    EntrySpeaker,
    MinuteEntry,
    Participant,
    Workshop,
)
from coprodesk.core.nameguard import NameGuard
from coprodesk.core.series import get_series, get_workshop

MAX_MINUTES = 24 * 60
MAX_WRITTEN = 999

TOOK_PART = frozenset({AttendanceStatus.PRESENT, AttendanceStatus.IN_WRITING})


@dataclass(frozen=True)
class WorkshopPart:
    """One person's part in one workshop."""

    workshop_id: uuid.UUID
    title: str
    on: date | None
    attendance: AttendanceStatus | None
    minutes_given: int
    minutes_worked_out: int
    minutes_typed: bool
    written: int
    written_worked_out: int
    written_typed: bool
    asked: bool

    @property
    def took_part(self) -> bool:
        return self.attendance in TOOK_PART


@dataclass(frozen=True)
class DoneAction:
    action_id: uuid.UUID
    text: str
    outcome: str
    raised_in: str


@dataclass(frozen=True)
class PersonRecognition:
    participant_id: uuid.UUID
    name: str
    initials: str
    parts: tuple[WorkshopPart, ...]
    actions_done: tuple[DoneAction, ...]

    @property
    def total_minutes(self) -> int:
        return sum(part.minutes_given for part in self.parts)

    @property
    def total_written(self) -> int:
        return sum(part.written for part in self.parts)

    @property
    def workshops_taken_part(self) -> int:
        return sum(1 for part in self.parts if part.took_part)


def held_minutes(workshop: Workshop, planned: int, arrived_at: datetime | None = None) -> int:
    """How long the workshop ran, from ``arrived_at`` if later than its start."""
    if workshop.started_at is None or workshop.closed_at is None:
        return planned
    start = workshop.started_at
    if arrived_at is not None and arrived_at > start:
        start = arrived_at
    seconds = (workshop.closed_at - start).total_seconds()
    return max(0, min(MAX_MINUTES, round(seconds / 60)))


def _planned_minutes(session: Session, workshop_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, int]:
    rows = session.execute(
        select(AgendaItem.workshop_id, func.sum(AgendaItem.planned_minutes))
        .where(AgendaItem.workshop_id.in_(list(workshop_ids)))
        .group_by(AgendaItem.workshop_id)
    )
    return {workshop_id: int(total or 0) for workshop_id, total in rows}


def _written_counts(
    session: Session, workshop_ids: Iterable[uuid.UUID]
) -> dict[tuple[uuid.UUID, uuid.UUID], int]:
    rows = session.execute(
        select(MinuteEntry.workshop_id, EntrySpeaker.participant_id, func.count())
        .join(EntrySpeaker, EntrySpeaker.entry_id == MinuteEntry.id)
        .where(MinuteEntry.workshop_id.in_(list(workshop_ids)), MinuteEntry.sent_in_writing)
        .group_by(MinuteEntry.workshop_id, EntrySpeaker.participant_id)
    )
    return {(workshop_id, person_id): count for workshop_id, person_id, count in rows}


def done_actions(
    session: Session, series_id: uuid.UUID, guard: NameGuard | None = None
) -> dict[uuid.UUID, list[DoneAction]]:
    """Completed actions of the series by owner, oldest first, text through the name guard."""
    guard = guard or NameGuard.for_series(session, series_id)
    rows = session.execute(
        select(
            ActionOwner.participant_id, Action.id, Action.text, Action.outcome_note, Workshop.title
        )
        .join(Action, Action.id == ActionOwner.action_id)
        .join(Workshop, Workshop.id == Action.raised_in_id)
        .where(Workshop.series_id == series_id, Action.status == ActionStatus.DONE)
        .order_by(Action.created_at, Action.id)
    )
    result: dict[uuid.UUID, list[DoneAction]] = defaultdict(list)
    for person_id, action_id, text, outcome, raised_in in rows:
        result[person_id].append(
            DoneAction(action_id, guard.export_text(text), guard.export_text(outcome), raised_in)
        )
    return result


def series_recognition(
    session: Session, series_id: uuid.UUID, *, only: uuid.UUID | None = None
) -> list[PersonRecognition]:
    """Everyone in the series (or ``only`` that person), by name, with every workshop."""
    get_series(session, series_id)
    workshops = list(
        session.scalars(
            select(Workshop)
            .where(Workshop.series_id == series_id)
            .order_by(Workshop.starts_at.is_(None), Workshop.starts_at, Workshop.title)
        )
    )
    ids = [workshop.id for workshop in workshops]
    planned = _planned_minutes(session, ids)
    written = _written_counts(session, ids)
    attendance = {
        (row.workshop_id, row.participant_id): row
        for row in session.scalars(select(Attendance).where(Attendance.workshop_id.in_(ids)))
    }
    typed = {
        (row.workshop_id, row.participant_id): row
        for row in session.scalars(select(Contribution).where(Contribution.workshop_id.in_(ids)))
    }
    query = select(Participant).where(Participant.series_id == series_id)
    if only is not None:
        query = query.where(Participant.id == only)
    people = list(session.scalars(query.order_by(Participant.name, Participant.initials)))
    actions = done_actions(session, series_id)
    result = []
    for person in people:
        parts = []
        for workshop in workshops:
            key = (workshop.id, person.id)
            seen = attendance.get(key)
            status = seen.status if seen else None
            worked_out = (
                held_minutes(workshop, planned.get(workshop.id, 0), seen.arrived_at)
                if seen is not None and status is AttendanceStatus.PRESENT
                else 0
            )
            own = typed.get(key)
            minutes_typed = own is not None and own.minutes_given is not None
            written_typed = own is not None and own.written is not None
            written_worked_out = written.get(key, 0)
            parts.append(
                WorkshopPart(
                    workshop_id=workshop.id,
                    title=workshop.title,
                    on=workshop.starts_at.date() if workshop.starts_at else None,
                    attendance=status,
                    minutes_given=own.minutes_given
                    if own is not None and own.minutes_given is not None
                    else worked_out,
                    minutes_worked_out=worked_out,
                    minutes_typed=minutes_typed,
                    written=own.written
                    if own is not None and own.written is not None
                    else written_worked_out,
                    written_worked_out=written_worked_out,
                    written_typed=written_typed,
                    asked=own is not None and own.asked,
                )
            )
        result.append(
            PersonRecognition(
                participant_id=person.id,
                name=person.name,
                initials=person.initials,
                parts=tuple(parts),
                actions_done=tuple(actions.get(person.id, ())),
            )
        )
    return result


def person_recognition(session: Session, participant_id: uuid.UUID) -> PersonRecognition:
    person = session.get(Participant, participant_id)
    if person is None:
        raise NotFound("That person is no longer in this series.")
    return series_recognition(session, person.series_id, only=participant_id)[0]


def _contribution(
    session: Session, workshop_id: uuid.UUID, participant_id: uuid.UUID
) -> Contribution:
    workshop = get_workshop(session, workshop_id)
    person = session.get(Participant, participant_id)
    if person is None or person.series_id != workshop.series_id:
        raise NotFound("That person is not in this series any more.")
    row = session.scalar(
        select(Contribution).where(
            Contribution.workshop_id == workshop_id, Contribution.participant_id == participant_id
        )
    )
    if row is None:
        row = Contribution(id=uuid.uuid4(), workshop_id=workshop_id, participant_id=participant_id)
        session.add(row)
    return row


def _checked_count(value: int | None, what: str, most: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0 or value > most:
        raise InvalidInput(f"Please give the {what} as a whole number from 0 to {most}.")
    return value


def set_minutes_given(
    session: Session, workshop_id: uuid.UUID, participant_id: uuid.UUID, minutes: int | None
) -> None:
    """Type the time someone gave, in minutes; ``None`` goes back to the worked-out time."""
    checked = _checked_count(minutes, "time given in minutes", MAX_MINUTES)
    _contribution(session, workshop_id, participant_id).minutes_given = checked


def set_written(
    session: Session, workshop_id: uuid.UUID, participant_id: uuid.UUID, count: int | None
) -> None:
    """Type how many contributions someone sent in writing; ``None`` goes back to the minutes."""
    checked = _checked_count(count, "number of written contributions", MAX_WRITTEN)
    _contribution(session, workshop_id, participant_id).written = checked


def set_asked(
    session: Session, workshop_id: uuid.UUID, participant_id: uuid.UUID, asked: bool
) -> None:
    """Record that someone was asked to take part in a workshop (for fair load)."""
    _contribution(session, workshop_id, participant_id).asked = asked


def plain_duration(minutes: int) -> str:
    """``135`` gives "2 hours 15 minutes"; ``0`` gives "no time recorded"."""
    if minutes <= 0:
        return "no time recorded"
    hours, rest = divmod(minutes, 60)
    pieces = []
    if hours:
        pieces.append(f"{hours} hour" + ("" if hours == 1 else "s"))
    if rest:
        pieces.append(f"{rest} minute" + ("" if rest == 1 else "s"))
    return " ".join(pieces)
