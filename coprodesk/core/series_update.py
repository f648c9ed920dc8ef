"""What a "you said, we did" update for a series shows: the data only, for the PDF to lay out.

For everyone who took part: what was raised, what was decided and by whom,
what happened to each action, and what could not change and why. People are
named by first name or by initials only, as the coordinator chooses; every
text from the minutes goes through the name guard. Nothing about money,
rewards, roles, contacts or private notes is in it.
"""

from __future__ import annotations

import enum
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from coprodesk.core.models import (
    Action,
    ActionOwner,
    ActionStatus,
    EntryKind,
    MinuteEntry,
    Participant,
    Workshop,
)
from coprodesk.core.nameguard import NameGuard
from coprodesk.core.series import get_series


class Naming(enum.StrEnum):
    FIRST_NAMES = "first_names"
    INITIALS = "initials"


STATUS_WORDS = {
    ActionStatus.OPEN: "Not started yet",
    ActionStatus.IN_PROGRESS: "Under way",
    ActionStatus.DONE: "Done",
    ActionStatus.DROPPED: "Could not go ahead",
}
WHOLE_GROUP = "the whole group"
NO_REASON = "No reason was written down. Ask the coordinator if you would like to know."


@dataclass(frozen=True)
class UpdateWorkshop:
    title: str
    on: date | None


@dataclass(frozen=True)
class UpdatePoint:
    """Something raised or decided: its words, who by, and in which workshop."""

    text: str
    by: str
    workshop: str


@dataclass(frozen=True)
class UpdateAction:
    text: str
    owners: str
    status: str
    outcome: str


@dataclass(frozen=True)
class NotChanged:
    text: str
    why: str


@dataclass(frozen=True)
class SeriesUpdate:
    series_title: str
    naming: Naming
    workshops: tuple[UpdateWorkshop, ...]
    raised: tuple[UpdatePoint, ...]
    decided: tuple[UpdatePoint, ...]
    actions: tuple[UpdateAction, ...]
    could_not_change: tuple[NotChanged, ...]
    still_to_come_back_to: tuple[UpdatePoint, ...]
    made_on: date


def display_names(people: list[Participant], naming: Naming) -> dict[uuid.UUID, str]:
    """Each person's first name, or initials; a first name two people share becomes initials."""
    if naming is Naming.INITIALS:
        return {person.id: person.initials for person in people}
    firsts = {person.id: _first_name(person) for person in people}
    shared = Counter(name.casefold() for name in firsts.values())
    return {
        person.id: firsts[person.id]
        if shared[firsts[person.id].casefold()] == 1
        else person.initials
        for person in people
    }


def _first_name(person: Participant) -> str:
    """The first word of the name that has a letter in it ("Mary-Jane" stays whole)."""
    words = [word.strip('.,;:()"') for word in person.name.split()]
    return next((word for word in words if any(char.isalpha() for char in word)), person.initials)


def _join(names: list[str]) -> str:
    names = sorted(names, key=str.casefold)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def series_update(
    session: Session, series_id: uuid.UUID, naming: Naming, today: date
) -> SeriesUpdate:
    series = get_series(session, series_id)
    guard = NameGuard.for_series(session, series_id)
    people = list(session.scalars(select(Participant).where(Participant.series_id == series_id)))
    shown = display_names(people, Naming(naming))
    workshops = list(
        session.scalars(
            select(Workshop)
            .where(Workshop.series_id == series_id)
            .order_by(Workshop.starts_at.is_(None), Workshop.starts_at, Workshop.title)
        )
    )
    titles = {workshop.id: guard.export_text(workshop.title) for workshop in workshops}
    entries = session.scalars(
        select(MinuteEntry)
        .join(Workshop, Workshop.id == MinuteEntry.workshop_id)
        .where(Workshop.series_id == series_id)
        .options(selectinload(MinuteEntry.speakers))
        .order_by(Workshop.starts_at.is_(None), Workshop.starts_at, MinuteEntry.position)
    )
    raised: list[UpdatePoint] = []
    decided: list[UpdatePoint] = []
    parked: list[UpdatePoint] = []
    for entry in entries:
        speakers = _join(
            [shown[s.participant_id] for s in entry.speakers if s.participant_id in shown]
        )
        point = UpdatePoint(guard.export_text(entry.text), speakers, titles[entry.workshop_id])
        if entry.kind is EntryKind.DECISION:
            by = WHOLE_GROUP if entry.decided_by_group or not speakers else speakers
            decided.append(UpdatePoint(point.text, by, point.workshop))
        elif entry.kind is EntryKind.PARKED:
            parked.append(point)
        else:
            raised.append(point)
    actions = session.scalars(
        select(Action)
        .join(Workshop, Workshop.id == Action.raised_in_id)
        .where(Workshop.series_id == series_id)
        .options(selectinload(Action.owners).selectinload(ActionOwner.participant))
        .order_by(Workshop.starts_at.is_(None), Workshop.starts_at, Action.created_at, Action.id)
    )
    updates: list[UpdateAction] = []
    not_changed: list[NotChanged] = []
    for action in actions:
        text = guard.export_text(action.text)
        outcome = guard.export_text(action.outcome_note)
        updates.append(
            UpdateAction(
                text=text,
                owners=_join([shown[o.participant_id] for o in action.owners]),
                status=STATUS_WORDS[action.status],
                outcome=outcome,
            )
        )
        if action.status is ActionStatus.DROPPED:
            not_changed.append(NotChanged(text, outcome or NO_REASON))
    return SeriesUpdate(
        series_title=guard.export_text(series.title),
        naming=Naming(naming),
        workshops=tuple(
            UpdateWorkshop(titles[w.id], w.starts_at.date() if w.starts_at else None)
            for w in workshops
        ),
        raised=tuple(raised),
        decided=tuple(decided),
        actions=tuple(updates),
        could_not_change=tuple(not_changed),
        still_to_come_back_to=tuple(parked),
        made_on=today,
    )
