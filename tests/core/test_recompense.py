"""Recompense: preferences, expenses in whole pence, totals and the finance CSV."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import pytest
from builders import BuiltSeries, build_series

from coprodesk.core import recompense
from coprodesk.core.db import Database
from coprodesk.core.errors import InvalidInput, NotFound, UserFacingError
from coprodesk.core.models import Expense, ExpenseKind, ExpenseStatus, RecompenseChoice


@pytest.mark.parametrize(
    ("typed", "pence"),
    [("4.50", 450), ("£12", 1200), (" 0.05 ", 5), ("1,250.5", 125050), ("0", 0), ("3.1", 310)],
)
def test_pounds_become_whole_pence(typed: str, pence: int) -> None:
    assert recompense.parse_pounds(typed) == pence


@pytest.mark.parametrize("typed", ["-4.50", "4.505", "four", "", "4.5.0", "1e3", "10000.01"])
def test_amounts_that_make_no_sense_are_refused_plainly(typed: str) -> None:
    with pytest.raises(InvalidInput):
        recompense.parse_pounds(typed)


def test_pence_show_as_pounds_with_two_decimals() -> None:
    assert recompense.format_pounds(0) == "0.00"
    assert recompense.format_pounds(5) == "0.05"
    assert recompense.format_pounds(123456) == "1234.56"
    # 0.1 + 0.2 in floats is not 0.3; in pence it always is.
    assert recompense.format_pounds(10 + 20) == "0.30"


def _with_expenses(db: Database) -> BuiltSeries:
    with db.transaction() as session:
        built = build_series(session)
        first, second, _third = built.workshop_ids
        recompense.add_expense(
            session, first, built.person("MJO"), ExpenseKind.TRAVEL, 450, note="Bus there and back"
        )
        recompense.add_expense(
            session,
            first,
            built.person("MJO"),
            ExpenseKind.CHILDCARE,
            1500,
            status=ExpenseStatus.GIVEN,
        )
        recompense.add_expense(session, second, built.person("AO"), ExpenseKind.REWARD, 2000)
        recompense.add_expense(session, second, built.person("ZØ"), ExpenseKind.SUBSISTENCE, 325)
        recompense.set_choice(session, built.person("MJO"), RecompenseChoice.VOUCHER, "Tesco")
        recompense.set_choice(session, built.person("AO"), RecompenseChoice.PAYMENT)
    return built


def test_amounts_are_stored_as_integers(db: Database) -> None:
    _with_expenses(db)
    with db.reading() as session:
        amounts = [row.amount_pence for row in session.query(Expense).all()]
    assert sorted(amounts) == [325, 450, 1500, 2000]
    assert all(type(amount) is int for amount in amounts)


def test_totals_for_the_series_and_for_a_date_range(db: Database) -> None:
    built = _with_expenses(db)
    with db.reading() as session:
        whole = recompense.totals(session, built.series_id)
        first_only = recompense.totals(
            session, built.series_id, date(2026, 3, 1), date(2026, 3, 20)
        )
        second_only = recompense.totals(session, built.series_id, start=date(2026, 3, 21))
    assert (whole.owed, whole.given, whole.total, whole.people, whole.workshops) == (
        2775,
        1500,
        4275,
        3,
        2,
    )
    assert dict(whole.by_kind)[ExpenseKind.TRAVEL] == 450
    assert (first_only.total, first_only.people) == (1950, 1)
    assert (second_only.total, second_only.people) == (2325, 2)
    with pytest.raises(InvalidInput, match="before the start"):
        recompense.totals(session, built.series_id, date(2026, 4, 1), date(2026, 3, 1))


def test_an_expense_can_be_changed_marked_given_removed_and_put_back(db: Database) -> None:
    built = _with_expenses(db)
    with db.transaction() as session:
        expense_id = recompense.add_expense(
            session, built.workshop_ids[0], built.person("ŁŻ"), ExpenseKind.OTHER, 100
        )
        recompense.update_expense(
            session, expense_id, amount_pence=250, status=ExpenseStatus.GIVEN, note="Printing"
        )
    with db.transaction() as session:
        removed = recompense.remove_expense(session, expense_id)
    assert (removed.amount_pence, removed.status, removed.note) == (
        250,
        ExpenseStatus.GIVEN,
        "Printing",
    )
    with db.transaction() as session:
        recompense.restore_expense(session, removed)
    with db.reading() as session:
        back = [
            e for e in recompense.series_expenses(session, built.series_id) if e.id == expense_id
        ]
    assert back == [removed]
    with pytest.raises(InvalidInput), db.transaction() as session:
        recompense.update_expense(session, expense_id, amount_pence=-1)
    with pytest.raises(NotFound), db.transaction() as session:
        recompense.add_expense(session, built.workshop_ids[0], expense_id, ExpenseKind.OTHER, 1)


def test_preference_and_agreement_are_kept_and_can_be_withdrawn(db: Database) -> None:
    built = _with_expenses(db)
    person = built.person("ŁŻ")
    with db.reading() as session:
        assert recompense.preference(session, person) == recompense.NO_PREFERENCE
    with db.transaction() as session:
        recompense.set_choice(session, person, RecompenseChoice.OTHER, "  A bus pass  ")
        recompense.set_record_agreement(session, person, True, now=datetime(2026, 4, 1, 9))
        recompense.set_record_agreement(session, person, True, now=datetime(2026, 5, 1, 9))
    with db.reading() as session:
        chosen = recompense.preference(session, person)
    assert (chosen.choice, chosen.note, chosen.label) == (
        RecompenseChoice.OTHER,
        "A bus pass",
        "Something else",
    )
    assert chosen.record_agreed_at == datetime(2026, 4, 1, 9)  # the first agreement stands
    with db.transaction() as session:
        recompense.set_record_agreement(session, person, False)
    with db.reading() as session:
        assert recompense.preference(session, person).record_agreed_at is None


def test_the_benefits_note_says_the_choice_is_theirs() -> None:
    assert "benefits" in recompense.BENEFITS_NOTE
    assert "choice is theirs" in recompense.BENEFITS_NOTE


def _read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_the_finance_csv_has_one_row_per_person_per_workshop(db: Database, tmp_path: Path) -> None:
    built = _with_expenses(db)
    out = tmp_path / "finance.csv"
    with db.reading() as session:
        count = recompense.write_finance_csv(session, built.series_id, out)
    rows = _read_csv(out)
    assert count == len(rows)
    pairs = [(row["Workshop"], row["Name"]) for row in rows]
    assert len(pairs) == len(set(pairs))
    # Four people took part in each held workshop (one in writing), and Zoë, who sent
    # apologies, is owed food money for the second.
    assert len(rows) == 4 + 4 + 1
    mary = next(
        r for r in rows if r["Name"] == "Mary-Jane O'Neil" and r["Workshop"] == "Getting started"
    )
    assert mary["Travel (£)"] == "4.50"
    assert mary["Childcare (£)"] == "15.00"
    assert (mary["Total (£)"], mary["Owed (£)"], mary["Given (£)"]) == ("19.50", "4.50", "15.00")
    assert mary["Reward preference"] == "Voucher"
    assert mary["Preference note"] == "Tesco"
    assert mary["Time given (minutes)"] == "119"
    assert mary["Workshop date"] == "2026-03-14"
    zoe = next(r for r in rows if r["Name"] == "Zoë Ødegaard")
    assert (zoe["Took part"], zoe["Food and drink (£)"]) == ("Sent apologies", "3.25")
    assert list(rows[0]) == list(recompense.FINANCE_HEADERS)
    # The planned workshop has nobody yet, so it has no rows.
    assert "Harvest plans" not in {row["Workshop"] for row in rows}


def test_the_finance_csv_keeps_to_the_date_range(db: Database, tmp_path: Path) -> None:
    built = _with_expenses(db)
    out = tmp_path / "march-start.csv"
    with db.reading() as session:
        recompense.write_finance_csv(
            session, built.series_id, out, start=date(2026, 3, 1), end=date(2026, 3, 14)
        )
    assert {row["Workshop"] for row in _read_csv(out)} == {"Getting started"}


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_that_look_like_formulas_are_made_harmless(
    db: Database, tmp_path: Path, start: str
) -> None:
    built = _with_expenses(db)
    typed = f'{start}HYPERLINK("http://example.org")'
    with db.transaction() as session:
        recompense.set_choice(session, built.person("AO"), RecompenseChoice.OTHER, "x")
        row = session.get(
            Expense,
            recompense.add_expense(
                session, built.workshop_ids[1], built.person("AO"), ExpenseKind.OTHER, 1
            ),
        )
        assert row is not None
        row.note = typed  # as if typed before any cleaning
    out = tmp_path / "safe.csv"
    with db.reading() as session:
        recompense.write_finance_csv(session, built.series_id, out)
    cells = [
        cell
        for row in csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline=""))
        for cell in row
    ]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    assert any(cell.startswith("'" + start) for cell in cells)


def test_safe_cell_leaves_ordinary_text_alone() -> None:
    assert recompense.safe_cell("Bus fare") == "Bus fare"
    assert recompense.safe_cell("4.50") == "4.50"
    assert recompense.safe_cell("-5") == "'-5"
    assert recompense.safe_cell("=1+1") == "'=1+1"


def test_an_unwritable_place_gets_a_plain_message_and_no_file(db: Database, tmp_path: Path) -> None:
    built = _with_expenses(db)
    target = tmp_path / "missing-folder" / "finance.csv"
    with pytest.raises(UserFacingError, match="could not write") as caught, db.reading() as session:
        recompense.write_finance_csv(session, built.series_id, target)
    assert "Nothing was written" in str(caught.value)
    assert not target.exists()
