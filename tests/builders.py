"""Test data: fill a database with a realistic CoproDesk series.

``build_series`` makes a series of three workshops with people whose names
use several alphabets, attendance, agendas, minutes with speakers, a decision,
two versions of a group agreement with answers, and actions with owners (some
raised in one workshop and reviewed in the next). All names are invented.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from coprodesk.core.db import Database
from coprodesk.core.models import (
    Action,
    ActionOwner,
    ActionStatus,
    AgendaItem,
    AgreementStatement,
    AgreementVersion,
    Attendance,
    AttendanceStatus,
    Base,
    Consent,
    ConsentStatus,
    EntryKind,
    EntrySpeaker,
    MinuteEntry,
    Participant,
    PlannedSession,
    PromptLogEntry,
    PromptOutcome,
    Series,
    SpeakingTurn,
    Workshop,
    WorkshopStatus,
)

# (name, initials, private role, may the role be shown, contact)
PEOPLE = (
    ("Mary-Jane O'Neil", "MJO", "Tenants' association chair", True, "mj.oneil@example.org"),
    ("Łukasz Żółć", "ŁŻ", "Carer for his father", False, "07700 900123"),
    ("Αλέξης Παππάς", "ΑΠ", "Youth worker", True, ""),
    ("Zoë Ødegaard", "ZØ", "Council parks officer", False, "zoe@example.org"),
    ("Amara Okafor", "AO", "", False, "Text only, after 6pm"),
)


@dataclass
class BuiltSeries:
    series_id: uuid.UUID
    workshop_ids: list[uuid.UUID] = field(default_factory=list)
    people: dict[str, uuid.UUID] = field(default_factory=dict)  # initials -> id

    def person(self, initials: str) -> uuid.UUID:
        return self.people[initials]


def _utc(day: int, hour: int, minute: int = 0) -> datetime:
    """A UTC stamp in March 2026 (minutes past 59 roll over)."""
    return datetime(2026, 3, day, hour, 0, 7, 123456) + timedelta(minutes=minute)


def build_series(session: Session, title: str = "Riverside Community Garden") -> BuiltSeries:
    """A series of three workshops: two held (closed) and one still planned."""
    series = Series(
        title=title,
        purpose="Plan the garden together.\nEveryone's idea counts.\tAll ages welcome. 🌱",
        support_text="Quiet room upstairs. Travel costs paid back on the day.",
    )
    session.add(series)
    session.flush()
    built = BuiltSeries(series.id)
    for offset, label in enumerate(("Getting started", "Planning the beds", "Harvest plans")):
        session.add(
            PlannedSession(
                series_id=series.id,
                planned_on=date(2026, 3, 14) + timedelta(weeks=4 * offset),
                label=label,
            )
        )
    for name, initials, role, reveal, contact in PEOPLE:
        person = Participant(
            series_id=series.id,
            name=name,
            initials=initials,
            private_role=role,
            reveal_role_consent=reveal,
            contact=contact,
        )
        session.add(person)
        session.flush()
        built.people[initials] = person.id

    # Closed workshops keep the closing gate: who had no accepted action said "not this time".
    first = _workshop(session, built, "Getting started", day=14, not_this_time=("ŁŻ",))
    second = _workshop(session, built, "Planning the beds", day=28, not_this_time=("MJO", "AO"))
    third = Workshop(
        series_id=series.id,
        title="Harvest plans",
        starts_at=datetime(2026, 4, 11, 18, 30),
        venue="Church hall",
        status=WorkshopStatus.PLANNED,
    )
    session.add(third)
    session.flush()
    built.workshop_ids += [first, second, third.id]

    _agreement(session, built, number=1, workshop_id=first, change_asked_by="ŁŻ")
    _agreement(session, built, number=2, workshop_id=second, change_asked_by=None)
    _actions(session, built, first, second, third.id)
    session.flush()
    return built


def _workshop(
    session: Session, built: BuiltSeries, title: str, day: int, not_this_time: tuple[str, ...]
) -> uuid.UUID:
    workshop = Workshop(
        series_id=built.series_id,
        title=title,
        starts_at=datetime(2026, 3, day, 10, 0),
        venue="Library back room, 2nd floor",
        purpose="Agree what to grow — and who helps.",
        status=WorkshopStatus.CLOSED,
        current_step="close",
        started_at=_utc(day, 10, 2),
        closed_at=_utc(day, 12, 1),
    )
    session.add(workshop)
    session.flush()
    statuses = {
        "MJO": AttendanceStatus.PRESENT,
        "ŁŻ": AttendanceStatus.PRESENT,
        "ΑΠ": AttendanceStatus.IN_WRITING,
        "ZØ": AttendanceStatus.APOLOGIES,
        "AO": AttendanceStatus.PRESENT,
    }
    for initials, status in statuses.items():
        session.add(
            Attendance(
                workshop_id=workshop.id,
                participant_id=built.person(initials),
                status=status,
                arrived_at=_utc(day, 9, 55) if status is AttendanceStatus.PRESENT else None,
                no_action_reason="Away for a month"
                if initials == "ZØ"
                else ("Will take one on next time" if initials in not_this_time else ""),
            )
        )
    items = []
    for position, (item_title, minutes, is_break) in enumerate(
        (("Welcome and names", 15, False), ("Tea", 10, True), ("Ideas for the beds", 45, False))
    ):
        item = AgendaItem(
            workshop_id=workshop.id,
            position=position,
            title=item_title,
            planned_minutes=minutes,
            is_break=is_break,
            content_note="Mentions a bereavement" if position == 2 else "",
            started_at=_utc(day, 10, 5 + 20 * position),
            ended_at=_utc(day, 10, 20 + 20 * position),
        )
        session.add(item)
        items.append(item)
    session.flush()
    entries = (
        (EntryKind.NOTE, "MJO: the raised beds need to be wheelchair height.", ["MJO"], items[0]),
        (
            EntryKind.QUESTION,
            "Who holds the shed key?\nŁŻ asked; AO will find out.",
            ["ŁŻ", "AO"],
            items[2],
        ),
        (EntryKind.DECISION, "Grow herbs by the gate. (حديقة — garden; 花园)", [], items[2]),
        (EntryKind.DECISION, "Compost bins go behind the shed.", ["MJO", "AO"], items[2]),
        (EntryKind.PARKED, "Funding bid — come back in April.", ["ΑΠ"], None),
    )
    for position, (kind, text, speakers, item) in enumerate(entries):
        entry = MinuteEntry(
            workshop_id=workshop.id,
            agenda_item_id=item.id if item else None,
            position=position,
            kind=kind,
            text=text,
            recorded_at=_utc(day, 10, 30 + position),
            decided_by_group=kind is EntryKind.DECISION and not speakers,
            sent_in_writing="ΑΠ" in speakers,
            read_back="agreed" if position < 3 else "",
            agreement_point=2 if kind is EntryKind.PARKED else None,
        )
        session.add(entry)
        session.flush()
        for initials in speakers:
            session.add(EntrySpeaker(entry_id=entry.id, participant_id=built.person(initials)))
    for minute, (key, outcome) in enumerate(
        (("quiet_voices", PromptOutcome.ACTED_ON), ("time_check", PromptOutcome.DISMISSED))
    ):
        session.add(
            PromptLogEntry(
                workshop_id=workshop.id,
                prompt_key=key,
                shown_at=_utc(day, 11, minute),
                outcome=outcome,
                note="Asked ΑΠ's written view first." if minute == 0 else "",
            )
        )
    for minute, (initials, item) in enumerate((("MJO", items[0]), ("AO", items[2]), ("ŁŻ", None))):
        session.add(
            SpeakingTurn(
                workshop_id=workshop.id,
                participant_id=built.person(initials),
                agenda_item_id=item.id if item else None,
                started_at=_utc(day, 10, 40 + 2 * minute),
                ended_at=_utc(day, 10, 41 + 2 * minute),
            )
        )
    session.flush()
    return workshop.id


def _agreement(
    session: Session,
    built: BuiltSeries,
    number: int,
    workshop_id: uuid.UUID,
    change_asked_by: str | None,
) -> None:
    version = AgreementVersion(
        series_id=built.series_id,
        number=number,
        workshop_id=workshop_id,
        note="First agreement." if number == 1 else "Statement 3 reworded after ŁŻ's request.",
    )
    session.add(version)
    session.flush()
    texts = (
        "We listen without interrupting.",
        "What is said here stays here;\nwhat is learned here leaves here.",
        "Anyone can pause the meeting."
        if number == 1
        else "Anyone can pause the meeting, any time.",
    )
    for position, text in enumerate(texts):
        statement = AgreementStatement(version_id=version.id, position=position, text=text)
        session.add(statement)
        session.flush()
        for initials in ("MJO", "ŁŻ", "AO"):
            asked = initials == change_asked_by and position == 2
            session.add(
                Consent(
                    statement_id=statement.id,
                    participant_id=built.person(initials),
                    status=ConsentStatus.CHANGE_ASKED if asked else ConsentStatus.AGREED,
                    note="Could it say 'any time'?" if asked else "",
                )
            )


def _first_decision(session: Session, workshop_id: uuid.UUID) -> uuid.UUID:
    return session.scalars(
        sa.select(MinuteEntry.id)
        .where(MinuteEntry.workshop_id == workshop_id, MinuteEntry.kind == EntryKind.DECISION)
        .order_by(MinuteEntry.position)
    ).first()  # type: ignore[return-value]


def _actions(
    session: Session, built: BuiltSeries, first: uuid.UUID, second: uuid.UUID, third: uuid.UUID
) -> None:
    plans: list[dict[str, Any]] = [
        {
            "raised_in_id": first,
            "reviewed_in_id": second,
            "source": first,
            "text": "Ask the council about water.",
            "status": ActionStatus.DONE,
            "outcome_note": "Tap fitted on 20 March.",
            "owners": {"MJO": True, "ŁŻ": False},
            "buddy": "AO",
            "target": date(2026, 3, 27),
        },
        {
            "raised_in_id": first,
            "reviewed_in_id": second,
            "source": None,
            "text": "Find out who holds the shed key.",
            "status": ActionStatus.IN_PROGRESS,
            "outcome_note": "",
            "owners": {"AO": True},
            "buddy": None,
            "target": None,
        },
        {
            "raised_in_id": second,
            "reviewed_in_id": third,
            "source": second,
            "text": "Price three compost bins.",
            "status": ActionStatus.OPEN,
            "outcome_note": "",
            "owners": {"ΑΠ": True, "ZØ": False},
            "buddy": "MJO",
            "target": date(2026, 4, 10),
        },
        {
            "raised_in_id": second,
            "reviewed_in_id": None,
            "source": None,
            "text": "Draw a map of the beds.",
            "status": ActionStatus.DROPPED,
            "outcome_note": "Not needed: the council sent one.",
            "owners": {"ŁŻ": True},
            "buddy": None,
            "target": None,
        },
    ]
    for plan in plans:
        action = Action(
            raised_in_id=plan["raised_in_id"],
            reviewed_in_id=plan["reviewed_in_id"],
            source_entry_id=_first_decision(session, plan["source"]) if plan["source"] else None,
            text=plan["text"],
            target_date=plan["target"],
            support_buddy_id=built.person(plan["buddy"]) if plan["buddy"] else None,
            status=plan["status"],
            outcome_note=plan["outcome_note"],
        )
        session.add(action)
        session.flush()
        for initials, accepted in plan["owners"].items():
            session.add(
                ActionOwner(
                    action_id=action.id, participant_id=built.person(initials), accepted=accepted
                )
            )


def add_minute_entries(
    session: Session, workshop_id: uuid.UUID, count: int, speakers: list[uuid.UUID]
) -> None:
    """Many minute entries (each with one or two speakers), for timing tests."""
    start = session.scalar(
        sa.select(sa.func.coalesce(sa.func.max(MinuteEntry.position), -1)).where(
            MinuteEntry.workshop_id == workshop_id
        )
    )
    assert start is not None
    for number in range(count):
        entry = MinuteEntry(
            workshop_id=workshop_id,
            position=start + 1 + number,
            kind=EntryKind.NOTE,
            text=f"Point {number}: ideas about paths, seats and shade.\nAgreed to look again.",
        )
        entry.speakers = [
            EntrySpeaker(participant_id=speakers[(number + offset) % len(speakers)])
            for offset in range(1 + number % 2)
        ]
        session.add(entry)
    session.flush()


def dump_tables(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order, to compare a database before and after."""
    with database.engine.connect() as connection:
        return {
            table.name: sorted(
                (tuple(row) for row in connection.execute(sa.select(table))), key=repr
            )
            for table in Base.metadata.sorted_tables
        }


FIXTURE_BUNDLES = Path(__file__).parent / "fixtures" / "bundles"
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def fixture_bundle(name: str = "good-small.json") -> dict[str, Any]:
    """A bundle from tests/fixtures/bundles, as plain JSON values."""
    data: dict[str, Any] = json.loads((FIXTURE_BUNDLES / name).read_text(encoding="utf-8"))
    return data


def with_new_ids(data: dict[str, Any]) -> dict[str, Any]:
    """The same bundle with every id replaced by a fresh one, keeping links and their order."""
    text = json.dumps(data)
    old = sorted(set(_UUID.findall(text)))
    fresh = dict(zip(old, sorted(str(uuid.uuid4()) for _ in old), strict=True))
    result: dict[str, Any] = json.loads(_UUID.sub(lambda found: fresh[found[0]], text))
    return result
