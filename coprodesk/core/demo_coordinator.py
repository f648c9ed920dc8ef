"""The demo's coordinator's desk: reward choices, expenses, and someone asked often.

Everyone here is invented. Besides the main demo series, a small second series
(a food bank menu panel, five short workshops since the summer) shares two of
its people, so that the fair load view shows one person asked far more often
than the rest, and others not asked lately.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from coprodesk.core import actions, live, recognition, recompense, roster, series
from coprodesk.core.models import (
    Attendance,
    AttendanceStatus,
    ExpenseKind,
    ExpenseStatus,
    Participant,
    RecompenseChoice,
    WorkshopStatus,
)
from coprodesk.core.workshop import add_agenda_item

PANEL_TITLE = "Riverside food bank: menu panel"
PANEL_PEOPLE = (
    "Mary-Jane O'Neil",
    "Ana de la Cruz",
    "Will Mensah",
    "Femi Adeyemi",
    "Rosa Lindqvist",
)
# Who was asked to each panel meeting: P present, A apologies, - not asked.
PANEL_ACTION = "Try one dish from the new menu and tell the next panel how it went"

PANEL_MEETINGS = (
    (datetime(2026, 7, 6, 14, 0), "Summer menus", "PP-A-"),
    (datetime(2026, 8, 3, 14, 0), "Cooking on a budget", "P--PA"),
    (datetime(2026, 8, 31, 14, 0), "Allergies and labels", "PPP--"),
    (datetime(2026, 9, 28, 14, 0), "Hot meals in winter", "P--P-"),
    (datetime(2026, 11, 9, 14, 0), "Feedback cards", "P----"),
)


def add_coordinator_records(
    session: Session,
    series_id: uuid.UUID,
    people: list[uuid.UUID],
    first_id: uuid.UUID,
    second_id: uuid.UUID,
) -> None:
    aisha, mary_jane, lukasz, _alexis, zoe, ana, will, sam = people
    choices = (
        (mary_jane, RecompenseChoice.VOUCHER, "Supermarket voucher, please"),
        (ana, RecompenseChoice.TRAINING, "Food hygiene course in the new year"),
        (lukasz, RecompenseChoice.NOTHING, "Happy to give his time"),
        (will, RecompenseChoice.PAYMENT, "Has checked with his benefits adviser"),
        (aisha, RecompenseChoice.NOTHING, "Comes in work time"),
        (zoe, RecompenseChoice.NOTHING, "Comes in work time"),
    )
    for person, choice, note in choices:
        recompense.set_choice(session, person, choice, note)
    agreed = datetime(2026, 10, 12, 12, 30)
    for person in (mary_jane, will):
        recompense.set_record_agreement(session, person, True, now=agreed)
    expenses = (
        (first_id, mary_jane, ExpenseKind.TRAVEL, 450, "Bus there and back", ExpenseStatus.GIVEN),
        (first_id, ana, ExpenseKind.CHILDCARE, 1800, "Childminder, 3 hours", ExpenseStatus.GIVEN),
        (first_id, will, ExpenseKind.TRAVEL, 320, "", ExpenseStatus.GIVEN),
        (second_id, mary_jane, ExpenseKind.TRAVEL, 450, "Bus there and back", ExpenseStatus.OWED),
        (second_id, mary_jane, ExpenseKind.REWARD, 2000, "Voucher", ExpenseStatus.OWED),
        (second_id, ana, ExpenseKind.CHILDCARE, 1800, "Childminder, 3 hours", ExpenseStatus.OWED),
        (second_id, will, ExpenseKind.REWARD, 2000, "", ExpenseStatus.OWED),
        (second_id, sam, ExpenseKind.SUBSISTENCE, 675, "Lunch on the way", ExpenseStatus.OWED),
    )
    for workshop_id, person, kind, pence, note, status in expenses:
        recompense.add_expense(session, workshop_id, person, kind, pence, note=note, status=status)
    # Sam sent their views in writing to the first workshop: two pages, recorded by hand.
    recognition.set_written(session, first_id, sam, 2)
    recognition.set_minutes_given(session, first_id, sam, 45)
    _food_panel(session)


def _food_panel(session: Session) -> None:
    panel_id = series.create_series(
        session, PANEL_TITLE, "Choose, with the people who use it, what the food bank cooks."
    )
    people = [roster.add_person(session, panel_id, name) for name in PANEL_PEOPLE]
    for starts_at, title, asked in PANEL_MEETINGS:
        workshop_id = series.create_workshop(
            session, panel_id, title, starts_at=starts_at, venue="Food bank kitchen"
        )
        add_agenda_item(session, workshop_id, title, 75)
        workshop = series.get_workshop(session, workshop_id)
        workshop.status = WorkshopStatus.LIVE
        workshop.started_at = starts_at
        present: list[uuid.UUID] = []
        for person, code in zip(people, asked, strict=True):
            if code == "-":
                continue
            status = AttendanceStatus.PRESENT if code == "P" else AttendanceStatus.APOLOGIES
            session.add(
                Attendance(
                    workshop_id=workshop_id,
                    participant_id=person,
                    status=status,
                    arrived_at=starts_at if code == "P" else None,
                )
            )
            if code == "P":
                present.append(person)
        session.flush()
        # Everyone there leaves with an action, and the workshop closes through the gate.
        initials = [_initials(session, person) for person in present]
        actions.add_action(session, workshop_id, PANEL_ACTION, initials, accepted=initials)
        live.close_workshop(session, workshop_id, starts_at + timedelta(minutes=75))
    session.flush()


def _initials(session: Session, participant_id: uuid.UUID) -> str:
    person = session.get(Participant, participant_id)
    assert person is not None
    return person.initials
