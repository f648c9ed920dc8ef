"""The balance of voices: who has been recorded as contributing, and optional speaking times.

Contributions come from the minutes (each entry a person is a speaker on).
Speaking turns are timed only if the facilitator taps a person's initials as
they start to speak: ``SpeakingTimer`` keeps them for the live session (they
are not stored). The per-person figures are for the facilitator alone; the
room may only ever see ``room_summary``, which names no one and gives no one's
figures.
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
)


@dataclass(frozen=True)
class Turn:
    participant_id: uuid.UUID
    started_at: datetime
    ended_at: datetime | None
    agenda_item_id: uuid.UUID | None = None

    def length(self, now: datetime) -> timedelta:
        return max(timedelta(0), (self.ended_at or now) - self.started_at)


class SpeakingTimer:
    """Tap-to-time speaking: one person speaks at a time; tapping again stops them."""

    def __init__(self) -> None:
        self.turns: list[Turn] = []

    @property
    def speaking(self) -> uuid.UUID | None:
        last = self.turns[-1] if self.turns else None
        return last.participant_id if last is not None and last.ended_at is None else None

    def tap(
        self, participant_id: uuid.UUID, now: datetime, agenda_item_id: uuid.UUID | None = None
    ) -> None:
        """Start timing this person (stopping whoever was speaking), or stop them if it is them."""
        was = self.speaking
        self.stop(now)
        if was != participant_id:
            self.turns.append(Turn(participant_id, now, None, agenda_item_id))

    def stop(self, now: datetime) -> None:
        if self.turns and self.turns[-1].ended_at is None:
            last = self.turns[-1]
            self.turns[-1] = Turn(last.participant_id, last.started_at, now, last.agenda_item_id)


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
    turns: Sequence[Turn] = (),
    now: datetime | None = None,
) -> Balance:
    """Everyone present, by initials, with their recorded contributions and timed turns."""
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
    moment = now or datetime.min
    people = []
    for participant_id, initials in present:
        mine = [turn for turn in turns if turn.participant_id == participant_id]
        people.append(
            PersonBalance(
                participant_id=participant_id,
                initials=initials,
                contributions=int(counts.get(participant_id, 0)),
                turns=len(mine),
                speaking=sum((turn.length(moment) for turn in mine), timedelta(0)),
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
