"""What a person's record of contribution shows: the data only, for the PDF to lay out.

A record of contribution is for the person to show an employer or a college:
the workshops they took part in, what the series worked on, the time they
gave and the actions they completed, in plain English. It names only that
person, and it can only be made once their agreement is recorded
(``recompense.set_record_agreement``). Every text from the series goes
through the name guard, so no one else's name is in it; nothing about money,
rewards or roles is in it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from coprodesk.core.errors import InvalidInput, NotFound
from coprodesk.core.models import (
    AgendaItem,
    AttendanceStatus,
    Participant,
    PersonRecompense,
    Workshop,
)
from coprodesk.core.nameguard import NameGuard
from coprodesk.core.recognition import done_actions, plain_duration, series_recognition
from coprodesk.core.series import get_series

HOW_WORDS = {
    AttendanceStatus.PRESENT: "took part in the room",
    AttendanceStatus.IN_WRITING: "took part in writing",
}


@dataclass(frozen=True)
class RecordWorkshop:
    title: str
    on: date | None
    how: str
    time_given: str
    written: int


@dataclass(frozen=True)
class RecordAction:
    text: str
    outcome: str


@dataclass(frozen=True)
class ContributionRecord:
    """Everything a record of contribution shows, already in plain words."""

    person_name: str
    series_title: str
    series_purpose: str
    workshops: tuple[RecordWorkshop, ...]
    topics: tuple[str, ...]
    actions_completed: tuple[RecordAction, ...]
    total_time: str
    total_minutes: int
    written_contributions: int
    agreed_on: date
    made_on: date

    @property
    def summary(self) -> str:
        count = len(self.workshops)
        workshops = "1 workshop" if count == 1 else f"{count} workshops"
        actions = len(self.actions_completed)
        done = "1 action" if actions == 1 else f"{actions} actions"
        sentence = (
            f"{self.person_name} took part in {workshops} of “{self.series_title}”, "
            f"giving {self.total_time} of their time"
        )
        if self.written_contributions:
            sentence += f" and sending {self.written_contributions} written contribution" + (
                "" if self.written_contributions == 1 else "s"
            )
        sentence += f", and completed {done} for the group." if actions else "."
        return sentence


NOT_AGREED = (
    "A record of contribution names the person, so it can only be made once they have "
    "agreed. Ask them, and tick “Agreed to a record of contribution” on the coordinator's desk."
)


def record_of_contribution(
    session: Session, participant_id: uuid.UUID, today: date
) -> ContributionRecord:
    """The record for one person; refused plainly when their agreement is not recorded."""
    person = session.get(Participant, participant_id)
    if person is None:
        raise NotFound("That person is no longer in this series.")
    agreed_at = session.scalar(
        select(PersonRecompense.record_agreed_at).where(
            PersonRecompense.participant_id == participant_id
        )
    )
    if agreed_at is None:
        raise InvalidInput(NOT_AGREED)
    series = get_series(session, person.series_id)
    guard = NameGuard.for_series(session, series.id)
    recognition = series_recognition(session, series.id, only=participant_id)[0]
    taken = [part for part in recognition.parts if part.took_part]
    topics: list[str] = []
    if taken:
        titles = session.scalars(
            select(AgendaItem.title)
            .join(Workshop, Workshop.id == AgendaItem.workshop_id)
            .where(
                AgendaItem.workshop_id.in_([part.workshop_id for part in taken]),
                AgendaItem.is_break.is_(False),
            )
            .order_by(Workshop.starts_at.is_(None), Workshop.starts_at, AgendaItem.position)
        )
        topics = list(dict.fromkeys(guard.export_text(title) for title in titles))
    actions = done_actions(session, series.id, guard).get(participant_id, [])
    minutes = sum(part.minutes_given for part in taken)
    return ContributionRecord(
        person_name=person.name,
        series_title=guard.export_text(series.title),
        series_purpose=guard.export_text(series.purpose),
        workshops=tuple(
            RecordWorkshop(
                title=guard.export_text(part.title),
                on=part.on,
                how=HOW_WORDS.get(part.attendance, "took part"),
                time_given=plain_duration(part.minutes_given),
                written=part.written,
            )
            for part in taken
            if part.attendance is not None
        ),
        topics=tuple(topics),
        actions_completed=tuple(RecordAction(a.text, a.outcome) for a in actions),
        total_time=plain_duration(minutes),
        total_minutes=minutes,
        written_contributions=sum(part.written for part in taken),
        agreed_on=agreed_at.date(),
        made_on=today,
    )
