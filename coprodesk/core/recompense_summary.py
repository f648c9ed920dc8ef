"""The summary for finance: the money for a series (or part of one), person by person.

The same figures as the finance CSV, gathered for a PDF the coordinator gives to
finance: each person by full name with their reward preference and every expense
line, their own totals, and the series' totals by kind, owed and given. Amounts are
whole pence. It holds names and money, so it is made only from the coordinator's
desk (or the CLI), never for anyone else.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from coprodesk.core.models import ExpenseKind, ExpenseStatus
from coprodesk.core.recompense import (
    KIND_LABELS,
    STATUS_LABELS,
    Totals,
    _check_range,
    series_desk,
    series_expenses,
    totals_of,
)


@dataclass(frozen=True)
class SummaryLine:
    """One expense, in one workshop."""

    workshop: str
    on: date | None
    kind: str
    amount_pence: int
    status: str
    note: str


@dataclass(frozen=True)
class SummaryPerson:
    name: str
    preference: str
    preference_note: str
    lines: tuple[SummaryLine, ...]
    owed: int
    given: int

    @property
    def total(self) -> int:
        return self.owed + self.given


@dataclass(frozen=True)
class RecompenseSummary:
    series_title: str
    start: date | None
    end: date | None
    people: tuple[SummaryPerson, ...]
    totals: Totals
    made_on: date

    @property
    def by_kind(self) -> tuple[tuple[str, int], ...]:
        return tuple((KIND_LABELS[kind], pence) for kind, pence in self.totals.by_kind)

    @property
    def range_words(self) -> str:
        """The dates it covers, in plain words (or "all workshops")."""
        if self.start is None and self.end is None:
            return "All workshops"
        if self.start is None:
            return f"Workshops up to {_day(self.end)}"
        if self.end is None:
            return f"Workshops from {_day(self.start)}"
        return f"Workshops from {_day(self.start)} to {_day(self.end)}"


def _day(on: date | None) -> str:
    return f"{on.day} {on:%B %Y}" if on else "no date"


def recompense_summary(
    session: Session,
    series_id: uuid.UUID,
    made_on: date,
    start: date | None = None,
    end: date | None = None,
) -> RecompenseSummary:
    """Everyone in the series with an expense in a workshop in the range, in one read."""
    _check_range(start, end)
    desk = series_desk(session, series_id)
    in_range = {expense.id for expense in series_expenses(session, series_id, start, end)}
    people = []
    kept = []
    for person in desk.people:
        parts = {part.workshop_id: part for part in person.recognition.parts}
        spent = [expense for expense in person.expenses if expense.id in in_range]
        kept += spent
        if not spent:
            continue
        lines = tuple(
            SummaryLine(
                workshop=parts[e.workshop_id].title if e.workshop_id in parts else "",
                on=parts[e.workshop_id].on if e.workshop_id in parts else None,
                kind=KIND_LABELS[ExpenseKind(e.kind)],
                amount_pence=e.amount_pence,
                status=STATUS_LABELS[ExpenseStatus(e.status)],
                note=e.note,
            )
            for e in spent
        )
        people.append(
            SummaryPerson(
                name=person.name,
                preference=person.preference.label,
                preference_note=person.preference.note,
                lines=lines,
                owed=sum(e.amount_pence for e in spent if e.status is ExpenseStatus.OWED),
                given=sum(e.amount_pence for e in spent if e.status is ExpenseStatus.GIVEN),
            )
        )
    return RecompenseSummary(
        series_title=desk.title,
        start=start,
        end=end,
        people=tuple(people),
        totals=totals_of(kept),
        made_on=made_on,
    )
