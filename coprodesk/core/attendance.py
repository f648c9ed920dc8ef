"""Who takes part in a workshop, the introductions round, and the optional role reveal.

People take part in one of three ways: present in the room, contributing in
writing, or sending apologies. Everyone in the series is listed; anyone whose
attendance is not yet recorded simply has no status.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from coprodesk.core import roster
from coprodesk.core.errors import NotFound
from coprodesk.core.models import Attendance, AttendanceStatus, Participant, utcnow
from coprodesk.core.series import get_workshop


@dataclass(frozen=True)
class PersonAttendance:
    participant_id: uuid.UUID
    name: str
    initials: str
    status: AttendanceStatus | None
    arrived_at: datetime | None


def attendance(session: Session, workshop_id: uuid.UUID) -> list[PersonAttendance]:
    """Everyone in the workshop's series, by name, with how they take part."""
    workshop = get_workshop(session, workshop_id)
    recorded = {
        row.participant_id: row
        for row in session.scalars(select(Attendance).where(Attendance.workshop_id == workshop_id))
    }
    people = session.scalars(
        select(Participant)
        .where(Participant.series_id == workshop.series_id)
        .order_by(Participant.name)
    )
    result = []
    for person in people:
        row = recorded.get(person.id)
        result.append(
            PersonAttendance(
                participant_id=person.id,
                name=person.name,
                initials=person.initials,
                status=row.status if row else None,
                arrived_at=row.arrived_at if row else None,
            )
        )
    return result


def set_status(
    session: Session,
    workshop_id: uuid.UUID,
    participant_id: uuid.UUID,
    status: AttendanceStatus | None,
    now: datetime | None = None,
) -> None:
    """Record how someone takes part (``None`` clears it)."""
    workshop = get_workshop(session, workshop_id)
    person = session.get(Participant, participant_id)
    if person is None or person.series_id != workshop.series_id:
        raise NotFound("That person is not in this series any more.")
    row = session.scalar(
        select(Attendance).where(
            Attendance.workshop_id == workshop_id, Attendance.participant_id == participant_id
        )
    )
    if status is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        row = Attendance(
            id=uuid.uuid4(), workshop_id=workshop_id, participant_id=participant_id, status=status
        )
        session.add(row)
    row.status = status
    if status is AttendanceStatus.PRESENT and row.arrived_at is None:
        row.arrived_at = now or utcnow()
    elif status is not AttendanceStatus.PRESENT:
        row.arrived_at = None


def add_late_arrival(
    session: Session, workshop_id: uuid.UUID, name: str, now: datetime | None = None
) -> uuid.UUID:
    """Someone new walks in: add them to the series by name and mark them present."""
    workshop = get_workshop(session, workshop_id)
    participant_id = roster.add_person(session, workshop.series_id, name)
    set_status(session, workshop_id, participant_id, AttendanceStatus.PRESENT, now)
    return participant_id


def introduction_order(
    people: Sequence[PersonAttendance], *, shuffle: bool, seed: int | None = None
) -> list[PersonAttendance]:
    """The round: everyone not sending apologies, in list order or shuffled."""
    order = [person for person in people if person.status is not AttendanceStatus.APOLOGIES]
    if shuffle:
        random.Random(seed).shuffle(order)
    return order


@dataclass(frozen=True)
class RoleReveal:
    name: str
    role: str


def revealable_roles(session: Session, workshop_id: uuid.UUID) -> list[RoleReveal]:
    """Roles that may be shown at the end: people present, with a role, who agreed."""
    rows = session.execute(
        select(Participant.name, Participant.private_role)
        .join(Attendance, Attendance.participant_id == Participant.id)
        .where(
            Attendance.workshop_id == workshop_id,
            Attendance.status == AttendanceStatus.PRESENT,
            Participant.reveal_role_consent.is_(True),
            Participant.private_role != "",
        )
        .order_by(Participant.name)
    ).all()
    return [RoleReveal(name, role) for name, role in rows]
