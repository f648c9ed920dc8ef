"""A recorded example workshop for the prompt rules: people, an agenda, minutes at set times.

Everyone is invented. ``T0`` is when the workshop goes live; tests pass ``now``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from coprodesk.core import actions, attendance, closing, live, minutes, roster, series, workshop
from coprodesk.core.live import Step
from coprodesk.core.models import AttendanceStatus

T0 = datetime(2026, 6, 1, 18, 0)
NAMES = ("Ada Nwosu", "Ben Tan", "Cara Doyle", "Dev Patel", "Eve Rossi")
AGENDA = (
    ("Where the hostel rules came from", 20, False, ""),
    ("Tea", 10, True, ""),
    ("Decide which two rules to change", 30, False, ""),
)


@dataclass
class Room:
    workshop_id: uuid.UUID
    people: dict[str, uuid.UUID] = field(default_factory=dict)  # initials -> id
    items: list[uuid.UUID] = field(default_factory=list)

    def say(self, session: Session, minute: float, initials: str, text: str) -> None:
        """An entry by ``initials``, ``minute`` minutes after T0, in the running item."""
        current = series.get_workshop(session, self.workshop_id).current_agenda_item_id
        minutes.add_entry(
            session,
            self.workshop_id,
            text,
            speakers=[self.people[each] for each in initials.split()],
            agenda_item_id=current,
            recorded_at=at(minute),
        )


def at(minute: float) -> datetime:
    return T0 + timedelta(minutes=minute)


def build_room(session: Session, *, apologies: int = 1) -> Room:
    series_id = series.create_series(session, "Hostel rules review", "Fairer rules together.")
    workshop_id = series.create_workshop(session, series_id, "Rules that make sense", starts_at=T0)
    room = Room(workshop_id)
    for number, name in enumerate(NAMES):
        person = roster.add_person(session, series_id, name)
        initials = "".join(part[0] for part in name.split())
        room.people[initials] = person
        status = (
            AttendanceStatus.APOLOGIES
            if number >= len(NAMES) - apologies
            else (AttendanceStatus.PRESENT)
        )
        attendance.set_status(session, workshop_id, person, status, T0 - timedelta(minutes=5))
    for title, planned, is_break, note in AGENDA:
        room.items.append(
            workshop.add_agenda_item(
                session, workshop_id, title, planned, is_break=is_break, content_note=note
            )
        )
    live.go_to_step(session, workshop_id, Step.WELCOME, T0)
    session.flush()
    return room


def close_room(session: Session, room: Room, minute: float) -> None:
    """Close the workshop through the gate: everyone without an action passes this time."""
    for person in closing.people_without_action(session, room.workshop_id):
        actions.set_not_this_time(session, room.workshop_id, person.participant_id, "Not this time")
    live.close_workshop(session, room.workshop_id, at(minute))
