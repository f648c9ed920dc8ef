"""Timed speaking turns, stored the moment they are tapped.

The facilitator may tap a person's initials as they start to speak. Each tap
is written at once (a crash or power cut loses no turn that was on screen),
and reopening the live window carries on a turn that was running. At most one
turn in a workshop runs at a time: starting one ends any other. Callers pass
``now`` (UTC, without a zone) so that the rules are easy to test. The turns
are for the facilitator only; the room never sees whose they are.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from coprodesk.core.errors import InvalidInput
from coprodesk.core.models import AgendaItem, Participant, SpeakingTurn
from coprodesk.core.series import get_workshop


@dataclass(frozen=True)
class Turn:
    participant_id: uuid.UUID
    started_at: datetime
    ended_at: datetime | None
    agenda_item_id: uuid.UUID | None = None

    def length(self, now: datetime) -> timedelta:
        return max(timedelta(0), (self.ended_at or now) - self.started_at)


def workshop_turns(session: Session, workshop_id: uuid.UUID) -> tuple[Turn, ...]:
    """Every timed turn in the workshop, oldest first."""
    rows = session.scalars(
        select(SpeakingTurn)
        .where(SpeakingTurn.workshop_id == workshop_id)
        .order_by(SpeakingTurn.started_at, SpeakingTurn.created_at, SpeakingTurn.id)
    )
    return tuple(
        Turn(row.participant_id, row.started_at, row.ended_at, row.agenda_item_id) for row in rows
    )


def speaking_now(session: Session, workshop_id: uuid.UUID) -> uuid.UUID | None:
    """Who has a running turn, if anyone."""
    return session.scalar(
        select(SpeakingTurn.participant_id)
        .where(SpeakingTurn.workshop_id == workshop_id, SpeakingTurn.ended_at.is_(None))
        .order_by(SpeakingTurn.started_at.desc())
        .limit(1)
    )


def end_turn(session: Session, workshop_id: uuid.UUID, now: datetime) -> bool:
    """End the running turn, if there is one; say whether one was running."""
    running = session.scalars(
        select(SpeakingTurn).where(
            SpeakingTurn.workshop_id == workshop_id, SpeakingTurn.ended_at.is_(None)
        )
    ).all()
    for turn in running:  # Never more than one, but end every one all the same.
        turn.ended_at = max(now, turn.started_at)
    session.flush()
    return bool(running)


def start_turn(
    session: Session,
    workshop_id: uuid.UUID,
    participant_id: uuid.UUID,
    now: datetime,
    agenda_item_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Start timing this person, ending whoever was speaking; return the new turn's id."""
    workshop = get_workshop(session, workshop_id)
    person = session.get(Participant, participant_id)
    if person is None or person.series_id != workshop.series_id:
        raise InvalidInput("That person is not in this workshop's series, so no turn was timed.")
    if agenda_item_id is not None:
        item = session.get(AgendaItem, agenda_item_id)
        if item is None or item.workshop_id != workshop_id:
            agenda_item_id = None  # The item has gone: keep the turn, without it.
    end_turn(session, workshop_id, now)
    turn = SpeakingTurn(
        workshop_id=workshop_id,
        participant_id=participant_id,
        agenda_item_id=agenda_item_id,
        started_at=now,
    )
    session.add(turn)
    session.flush()
    return turn.id


def tap(
    session: Session,
    workshop_id: uuid.UUID,
    participant_id: uuid.UUID,
    now: datetime,
    agenda_item_id: uuid.UUID | None = None,
) -> None:
    """A tap on someone's initials: start timing them, or stop them if they were speaking."""
    if speaking_now(session, workshop_id) == participant_id:
        end_turn(session, workshop_id, now)
    else:
        start_turn(session, workshop_id, participant_id, now, agenda_item_id)
