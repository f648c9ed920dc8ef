"""Recompense: how each person would like to be thanked, and the money owed or given.

Amounts are whole pence (integers) everywhere; pounds appear only when shown or
written out, always with two decimals. The finance export is a CSV file with one
row per person per workshop, safe to open in a spreadsheet: a cell that starts
with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) is prefixed with
a quote, so it is shown as text and never run as a formula.

These records hold names and money: they appear only on the coordinator's desk
and in the coordinator's own exports, never in minutes, on the projector, in a
workshop bundle or in anything made about someone else.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from coprodesk.core.errors import InvalidInput, NotFound, UserFacingError
from coprodesk.core.models import (
    TITLE_MAX,
    Expense,
    ExpenseKind,
    ExpenseStatus,
    Participant,
    PersonRecompense,
    RecompenseChoice,
    Workshop,
    utcnow,
)
from coprodesk.core.recognition import PersonRecognition, series_recognition
from coprodesk.core.series import get_series, get_workshop
from coprodesk.core.text import clean_line

BENEFITS_NOTE = (
    "Payment can affect welfare benefits. A voucher, training or nothing at all may suit "
    "someone better. The choice is theirs: ask them, and record what they say."
)

CHOICE_LABELS: dict[RecompenseChoice, str] = {
    RecompenseChoice.NOT_ASKED: "Not asked yet",
    RecompenseChoice.VOUCHER: "Voucher",
    RecompenseChoice.PAYMENT: "Payment",
    RecompenseChoice.TRAINING: "Training or a course",
    RecompenseChoice.NOTHING: "Nothing, thank you",
    RecompenseChoice.OTHER: "Something else",
}
KIND_LABELS: dict[ExpenseKind, str] = {
    ExpenseKind.TRAVEL: "Travel",
    ExpenseKind.CHILDCARE: "Childcare",
    ExpenseKind.SUBSISTENCE: "Food and drink",
    ExpenseKind.REWARD: "Reward for time",
    ExpenseKind.OTHER: "Other",
}
STATUS_LABELS: dict[ExpenseStatus, str] = {
    ExpenseStatus.OWED: "Owed",
    ExpenseStatus.GIVEN: "Given",
}
# A single amount above this is almost certainly a typing slip (a missing point).
MAX_PENCE = 1_000_000
_POUNDS = re.compile(r"^(\d{1,7})(?:\.(\d{1,2}))?$")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# --- amounts ---------------------------------------------------------------------


def parse_pounds(text: str) -> int:
    """``"12.5"``, ``"£12.50"`` or ``"12"`` as whole pence; anything else is refused plainly."""
    cleaned = text.strip().removeprefix("£").strip().replace(",", "")
    found = _POUNDS.match(cleaned)
    if found is None:
        raise InvalidInput(
            "Please give the amount in pounds and pence, like 4.50 (no minus sign, "
            "at most two figures after the point)."
        )
    try:
        pence = int(Decimal(cleaned) * 100)
    except InvalidOperation as error:  # pragma: no cover - the pattern rules it out
        raise InvalidInput("Please give the amount in pounds and pence, like 4.50.") from error
    return _checked_pence(pence)


def _checked_pence(pence: int) -> int:
    if isinstance(pence, bool) or not isinstance(pence, int):
        raise InvalidInput("An amount must be a whole number of pence.")
    if pence < 0:
        raise InvalidInput("An amount cannot be below nothing. Please give it without a minus.")
    if pence > MAX_PENCE:
        raise InvalidInput(
            f"An amount can be at most £{format_pounds(MAX_PENCE)}. Please check the amount."
        )
    return pence


def format_pounds(pence: int) -> str:
    """Whole pence as pounds with two decimals: ``1250`` gives ``"12.50"``."""
    sign = "-" if pence < 0 else ""
    pounds, rest = divmod(abs(pence), 100)
    return f"{sign}{pounds}.{rest:02d}"


def parse_day(text: str, what: str = "date") -> date:
    """A date written as 2026-03-14; anything else is refused plainly."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError as error:
        raise InvalidInput(
            f"The {what} date '{text}' is not a date CoproDesk can read. "
            "Please write it as year-month-day, like 2026-03-14."
        ) from error


# --- preferences and agreement ---------------------------------------------------


def _person(session: Session, participant_id: uuid.UUID) -> Participant:
    person = session.get(Participant, participant_id)
    if person is None:
        raise NotFound("That person is no longer in this series.")
    return person


def _preference_row(session: Session, participant_id: uuid.UUID) -> PersonRecompense:
    _person(session, participant_id)
    row = session.scalar(
        select(PersonRecompense).where(PersonRecompense.participant_id == participant_id)
    )
    if row is None:
        row = PersonRecompense(id=uuid.uuid4(), participant_id=participant_id)
        session.add(row)
    return row


def set_choice(
    session: Session, participant_id: uuid.UUID, choice: RecompenseChoice, note: str = ""
) -> None:
    """Record how the person would like to be thanked (their own choice), with a note."""
    row = _preference_row(session, participant_id)
    row.choice = RecompenseChoice(choice)
    row.note = clean_line(note, "note", TITLE_MAX, required=False)


def set_record_agreement(
    session: Session, participant_id: uuid.UUID, agreed: bool, now: datetime | None = None
) -> None:
    """Record (or withdraw) the person's agreement to a record of contribution naming them."""
    row = _preference_row(session, participant_id)
    if not agreed:
        row.record_agreed_at = None
    elif row.record_agreed_at is None:
        row.record_agreed_at = now or utcnow()


@dataclass(frozen=True)
class Preference:
    choice: RecompenseChoice
    note: str
    record_agreed_at: datetime | None

    @property
    def label(self) -> str:
        return CHOICE_LABELS[self.choice]


NO_PREFERENCE = Preference(RecompenseChoice.NOT_ASKED, "", None)


def preferences(
    session: Session, participant_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, Preference]:
    rows = session.scalars(
        select(PersonRecompense).where(PersonRecompense.participant_id.in_(list(participant_ids)))
    )
    return {
        row.participant_id: Preference(row.choice, row.note, row.record_agreed_at) for row in rows
    }


def preference(session: Session, participant_id: uuid.UUID) -> Preference:
    _person(session, participant_id)
    return preferences(session, [participant_id]).get(participant_id, NO_PREFERENCE)


# --- expenses ----------------------------------------------------------------------


@dataclass(frozen=True)
class ExpenseView:
    id: uuid.UUID
    workshop_id: uuid.UUID
    participant_id: uuid.UUID
    kind: ExpenseKind
    amount_pence: int
    note: str
    status: ExpenseStatus

    @property
    def pounds(self) -> str:
        return format_pounds(self.amount_pence)


def add_expense(
    session: Session,
    workshop_id: uuid.UUID,
    participant_id: uuid.UUID,
    kind: ExpenseKind,
    amount_pence: int,
    *,
    note: str = "",
    status: ExpenseStatus = ExpenseStatus.OWED,
) -> uuid.UUID:
    workshop = get_workshop(session, workshop_id)
    person = _person(session, participant_id)
    if person.series_id != workshop.series_id:
        raise NotFound("That person is not in this workshop's series.")
    expense = Expense(
        id=uuid.uuid4(),
        workshop_id=workshop_id,
        participant_id=participant_id,
        kind=ExpenseKind(kind),
        amount_pence=_checked_pence(amount_pence),
        note=clean_line(note, "note", TITLE_MAX, required=False),
        status=ExpenseStatus(status),
    )
    session.add(expense)
    session.flush()
    return expense.id


def _expense(session: Session, expense_id: uuid.UUID) -> Expense:
    expense = session.get(Expense, expense_id)
    if expense is None:
        raise NotFound("That expense is no longer recorded. It may have been removed.")
    return expense


def update_expense(
    session: Session,
    expense_id: uuid.UUID,
    *,
    kind: ExpenseKind | None = None,
    amount_pence: int | None = None,
    note: str | None = None,
    status: ExpenseStatus | None = None,
) -> None:
    expense = _expense(session, expense_id)
    if kind is not None:
        expense.kind = ExpenseKind(kind)
    if amount_pence is not None:
        expense.amount_pence = _checked_pence(amount_pence)
    if note is not None:
        expense.note = clean_line(note, "note", TITLE_MAX, required=False)
    if status is not None:
        expense.status = ExpenseStatus(status)


def remove_expense(session: Session, expense_id: uuid.UUID) -> ExpenseView:
    """Remove an expense; the returned view puts it back with ``restore_expense``."""
    expense = _expense(session, expense_id)
    view = _view(expense)
    session.delete(expense)
    return view


def restore_expense(session: Session, view: ExpenseView) -> None:
    get_workshop(session, view.workshop_id)
    _person(session, view.participant_id)
    session.add(
        Expense(
            id=view.id,
            workshop_id=view.workshop_id,
            participant_id=view.participant_id,
            kind=view.kind,
            amount_pence=view.amount_pence,
            note=view.note,
            status=view.status,
        )
    )


def _view(row: Expense) -> ExpenseView:
    return ExpenseView(
        row.id,
        row.workshop_id,
        row.participant_id,
        row.kind,
        row.amount_pence,
        row.note,
        row.status,
    )


def _in_range(on: date | None, start: date | None, end: date | None) -> bool:
    if start is None and end is None:
        return True
    if on is None:
        return False
    return (start is None or on >= start) and (end is None or on <= end)


def _check_range(start: date | None, end: date | None) -> None:
    if start is not None and end is not None and end < start:
        raise InvalidInput("The end date is before the start date. Please swap them round.")


def series_expenses(
    session: Session, series_id: uuid.UUID, start: date | None = None, end: date | None = None
) -> list[ExpenseView]:
    """The series' expenses (in workshops dated within the range, when one is given)."""
    _check_range(start, end)
    get_series(session, series_id)
    rows = session.execute(
        select(Expense, Workshop.starts_at)
        .join(Workshop, Workshop.id == Expense.workshop_id)
        .where(Workshop.series_id == series_id)
        .order_by(Workshop.starts_at, Expense.created_at, Expense.id)
    ).all()
    return [
        _view(row)
        for row, starts_at in rows
        if _in_range(starts_at.date() if starts_at else None, start, end)
    ]


# --- totals ------------------------------------------------------------------------


@dataclass(frozen=True)
class Totals:
    """Money for a series (or part of one), in pence."""

    by_kind: tuple[tuple[ExpenseKind, int], ...]
    owed: int
    given: int
    people: int
    workshops: int

    @property
    def total(self) -> int:
        return self.owed + self.given


def totals_of(expenses: Sequence[ExpenseView]) -> Totals:
    by_kind = dict.fromkeys(ExpenseKind, 0)
    owed = given = 0
    for expense in expenses:
        by_kind[expense.kind] += expense.amount_pence
        if expense.status is ExpenseStatus.OWED:
            owed += expense.amount_pence
        else:
            given += expense.amount_pence
    return Totals(
        by_kind=tuple(by_kind.items()),
        owed=owed,
        given=given,
        people=len({expense.participant_id for expense in expenses}),
        workshops=len({expense.workshop_id for expense in expenses}),
    )


def totals(
    session: Session, series_id: uuid.UUID, start: date | None = None, end: date | None = None
) -> Totals:
    """Totals for the series, or for its workshops dated from ``start`` to ``end`` (inclusive)."""
    return totals_of(series_expenses(session, series_id, start, end))


# --- the desk: everything about each person ------------------------------------------


@dataclass(frozen=True)
class PersonDesk:
    """One person as the coordinator's desk shows them."""

    recognition: PersonRecognition
    preference: Preference
    expenses: tuple[ExpenseView, ...]

    @property
    def participant_id(self) -> uuid.UUID:
        return self.recognition.participant_id

    @property
    def name(self) -> str:
        return self.recognition.name

    @property
    def owed(self) -> int:
        return sum(e.amount_pence for e in self.expenses if e.status is ExpenseStatus.OWED)

    @property
    def given(self) -> int:
        return sum(e.amount_pence for e in self.expenses if e.status is ExpenseStatus.GIVEN)


@dataclass(frozen=True)
class SeriesDesk:
    series_id: uuid.UUID
    title: str
    people: tuple[PersonDesk, ...]
    totals: Totals


def series_desk(session: Session, series_id: uuid.UUID) -> SeriesDesk:
    """Everything the coordinator's desk shows for a series, in one read."""
    series = get_series(session, series_id)
    people = series_recognition(session, series_id)
    chosen = preferences(session, [person.participant_id for person in people])
    expenses = series_expenses(session, series_id)
    by_person: dict[uuid.UUID, list[ExpenseView]] = {}
    for expense in expenses:
        by_person.setdefault(expense.participant_id, []).append(expense)
    return SeriesDesk(
        series_id=series_id,
        title=series.title,
        people=tuple(
            PersonDesk(
                recognition=person,
                preference=chosen.get(person.participant_id, NO_PREFERENCE),
                expenses=tuple(by_person.get(person.participant_id, ())),
            )
            for person in people
        ),
        totals=totals_of(expenses),
    )


# --- the finance export ----------------------------------------------------------------

FINANCE_HEADERS = (
    "Series",
    "Workshop",
    "Workshop date",
    "Name",
    "Took part",
    "Time given (minutes)",
    "Reward preference",
    "Preference note",
    *(f"{KIND_LABELS[kind]} (£)" for kind in ExpenseKind),
    "Total (£)",
    "Owed (£)",
    "Given (£)",
    "Notes",
)
TOOK_PART_WORDS = {
    None: "Not recorded",
    "present": "In the room",
    "in_writing": "In writing",
    "apologies": "Sent apologies",
}


@dataclass(frozen=True)
class FinanceRow:
    series: str
    workshop: str
    on: date | None
    name: str
    took_part: str
    minutes_given: int
    preference: str
    preference_note: str
    by_kind: tuple[int, ...]
    owed: int
    given: int
    notes: str

    @property
    def total(self) -> int:
        return self.owed + self.given

    def cells(self) -> list[str]:
        return [
            self.series,
            self.workshop,
            self.on.isoformat() if self.on else "",
            self.name,
            self.took_part,
            str(self.minutes_given),
            self.preference,
            self.preference_note,
            *(format_pounds(amount) for amount in self.by_kind),
            format_pounds(self.total),
            format_pounds(self.owed),
            format_pounds(self.given),
            self.notes,
        ]


def finance_rows(
    session: Session, series_id: uuid.UUID, start: date | None = None, end: date | None = None
) -> list[FinanceRow]:
    """One row per person per workshop (in the range) where they took part or are owed money."""
    _check_range(start, end)
    desk = series_desk(session, series_id)
    rows = []
    for person in desk.people:
        for part in person.recognition.parts:
            if not _in_range(part.on, start, end):
                continue
            spent = [e for e in person.expenses if e.workshop_id == part.workshop_id]
            if not spent and not part.took_part:
                continue
            by_kind = dict.fromkeys(ExpenseKind, 0)
            for expense in spent:
                by_kind[expense.kind] += expense.amount_pence
            rows.append(
                FinanceRow(
                    series=desk.title,
                    workshop=part.title,
                    on=part.on,
                    name=person.name,
                    took_part=TOOK_PART_WORDS[part.attendance.value if part.attendance else None],
                    minutes_given=part.minutes_given,
                    preference=person.preference.label,
                    preference_note=person.preference.note,
                    by_kind=tuple(by_kind.values()),
                    owed=sum(e.amount_pence for e in spent if e.status is ExpenseStatus.OWED),
                    given=sum(e.amount_pence for e in spent if e.status is ExpenseStatus.GIVEN),
                    notes="; ".join(e.note for e in spent if e.note),
                )
            )
    rows.sort(key=lambda row: (row.on or date.max, row.workshop, row.name))
    return rows


def safe_cell(value: str) -> str:
    """A cell a spreadsheet shows as text: formula-like starts get a leading quote."""
    return f"'{value}" if value.startswith(_FORMULA_START) else value


def finance_csv(rows: Sequence[FinanceRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(FINANCE_HEADERS)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row.cells()])
    return out.getvalue()


def write_finance_csv(
    session: Session,
    series_id: uuid.UUID,
    path: Path,
    start: date | None = None,
    end: date | None = None,
) -> int:
    """Write the finance CSV to ``path`` (complete or not at all); returns the number of rows."""
    rows = finance_rows(session, series_id, start, end)
    text = finance_csv(rows)
    write_text_safely(path, text, encoding="utf-8-sig")
    return len(rows)


def write_text_safely(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write a whole file next to its place, then move it there; plain message on failure."""
    temporary = path.with_name(f".{path.name}.partial")
    try:
        with temporary.open("w", encoding=encoding, newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        reason = error.strerror or "the folder cannot be written to"
        raise UserFacingError(
            f"CoproDesk could not write {path} ({reason}). Nothing was written. "
            "Choose a folder you can save to, such as your Documents folder."
        ) from error
