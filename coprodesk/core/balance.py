"""The balance of voices: who has been recorded as contributing, and optional speaking times.

Contributions come from the minutes (each entry a person is a speaker on).
Speaking turns are timed only if the facilitator taps a person's initials as
they start to speak; each tap is stored at once (see ``coprodesk.core.speaking``).
The per-person figures are for the facilitator alone; the room may only ever
see ``room_summary``, which names no one and gives no one's figures.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coprodesk.core.live import RoomSummary
from coprodesk.core.models import (
    Attendance,
    AttendanceStatus,
    EntrySpeaker,
    MinuteEntry,
    Participant,
    utcnow,
)
from coprodesk.core.speaking import Turn, workshop_turns

__all__ = ["Balance", "PersonBalance", "Turn", "balance", "room_summary"]


@dataclass(frozen=True)
class PersonBalance:
    participant_id: uuid.UUID
    initials: str
    contributions: int
    turns: int
    speaking: timedelta
    speaking_now: bool


@dataclass(frozen=True)
class Balance:
    """Per person, by initials: for the facilitator only."""

    people: tuple[PersonBalance, ...]
    timed: bool

    @property
    def total_contributions(self) -> int:
        return sum(person.contributions for person in self.people)


def balance(
    session: Session,
    workshop_id: uuid.UUID,
    turns: Sequence[Turn] | None = None,
    now: datetime | None = None,
) -> Balance:
    """Everyone present, by initials, with their recorded contributions and timed turns.

    The turns are the stored ones unless given (as ``workshop_turns`` read them).
    """
    if turns is None:
        turns = workshop_turns(session, workshop_id)
    now = now or utcnow()
    counts = dict(
        session.execute(
            select(EntrySpeaker.participant_id, func.count())
            .join(MinuteEntry, MinuteEntry.id == EntrySpeaker.entry_id)
            .where(MinuteEntry.workshop_id == workshop_id)
            .group_by(EntrySpeaker.participant_id)
        ).all()
    )
    present = session.execute(
        select(Participant.id, Participant.initials)
        .join(Attendance, Attendance.participant_id == Participant.id)
        .where(Attendance.workshop_id == workshop_id, Attendance.status == AttendanceStatus.PRESENT)
        .order_by(Participant.initials)
    ).all()
    people = []
    for participant_id, initials in present:
        mine = [turn for turn in turns if turn.participant_id == participant_id]
        people.append(
            PersonBalance(
                participant_id=participant_id,
                initials=initials,
                contributions=int(counts.get(participant_id, 0)),
                turns=len(mine),
                speaking=sum((turn.length(now) for turn in mine), timedelta(0)),
                speaking_now=any(turn.ended_at is None for turn in mine),
            )
        )
    return Balance(tuple(people), timed=bool(turns))


def room_summary(view: Balance) -> RoomSummary:
    """A summary safe for the projector: how many have been heard, never who."""
    here = len(view.people)
    heard = sum(1 for person in view.people if person.contributions or person.turns)
    total = view.total_contributions
    if here == 0:
        return RoomSummary(("No one is marked present yet.",))
    lines = [
        f"{heard} of the {here} people here have been heard so far."
        if heard < here
        else f"All {here} people here have been heard so far.",
        f"{total} contribution{'' if total == 1 else 's'} recorded.",
    ]
    if heard < here:
        lines.append("There is room for every voice.")
    return RoomSummary(tuple(lines))
