"""The summary for finance: the data, and the PDF read back with pypdf."""

from __future__ import annotations

import io
from datetime import date

import pytest
from builders import BuiltSeries, build_series
from pypdf import PdfReader

from coprodesk.core import recompense, roster
from coprodesk.core.db import Database
from coprodesk.core.errors import InvalidInput
from coprodesk.core.models import ExpenseKind, ExpenseStatus, RecompenseChoice
from coprodesk.core.recompense_summary import recompense_summary
from coprodesk.export.documents import (
    KIND_WORDS,
    ExportCancelled,
    ExportRequest,
    read_document,
    write_document,
)

TODAY = date(2026, 4, 20)
ODD_NAME = "Sam <3 & co"


@pytest.fixture
def built(db: Database) -> BuiltSeries:
    """The builders' series with money in the first two workshops (14 and 28 March)."""
    with db.transaction() as session:
        built = build_series(session)
        first, second, _third = built.workshop_ids
        mjo, ao = built.person("MJO"), built.person("AO")
        recompense.set_choice(session, mjo, RecompenseChoice.VOUCHER, "Corner shop voucher")
        recompense.add_expense(session, first, mjo, ExpenseKind.TRAVEL, 450, note="Bus fare")
        recompense.add_expense(
            session, second, mjo, ExpenseKind.REWARD, 2000, status=ExpenseStatus.GIVEN
        )
        recompense.add_expense(session, second, ao, ExpenseKind.CHILDCARE, 1875)
        sam = roster.add_person(session, built.series_id, ODD_NAME)
        recompense.set_choice(session, sam, RecompenseChoice.PAYMENT)
        recompense.add_expense(session, first, sam, ExpenseKind.SUBSISTENCE, 325)
        return built


def export(db: Database, request: ExportRequest, **options: object) -> bytes:
    with db.reading() as session:
        data = read_document(session, request)
    out = io.BytesIO()
    write_document(request, data, out, invariant=True, **options)  # type: ignore[arg-type]
    return out.getvalue()


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def bookmarks(outline: object) -> list[str]:
    if isinstance(outline, list):
        return [title for item in outline for title in bookmarks(item)]
    return [str(getattr(outline, "title", ""))]


def request(built: BuiltSeries, **options: object) -> ExportRequest:
    return ExportRequest("recompense", built.series_id, today=TODAY, **options)  # type: ignore[arg-type]


def test_the_data_per_person_and_for_the_series(db: Database, built: BuiltSeries) -> None:
    with db.reading() as session:
        summary = recompense_summary(session, built.series_id, TODAY)
    assert summary.range_words == "All workshops"
    names = [person.name for person in summary.people]
    assert set(names) == {"Mary-Jane O'Neil", "Amara Okafor", ODD_NAME}  # only those with money
    mary = next(person for person in summary.people if person.name == "Mary-Jane O'Neil")
    assert mary.preference == "Voucher"
    assert mary.preference_note == "Corner shop voucher"
    assert [(line.workshop, line.kind, line.amount_pence, line.status) for line in mary.lines] == [
        ("Getting started", "Travel", 450, "Owed"),
        ("Planning the beds", "Reward for time", 2000, "Given"),
    ]
    assert (mary.owed, mary.given, mary.total) == (450, 2000, 2450)
    assert summary.totals.owed == 450 + 1875 + 325
    assert summary.totals.given == 2000
    assert dict(summary.by_kind)["Childcare"] == 1875
    assert summary.totals.people == 3


def test_the_pdf_shows_people_amounts_and_totals(db: Database, built: BuiltSeries) -> None:
    pdf = export(db, request(built))
    text = text_of(pdf)
    assert "Summary for finance: Riverside Community Garden" in text
    assert "holds people's names and money. Keep it safe" in text
    assert "All workshops. Made on Monday 20 April 2026." in text
    for words in (
        "Mary-Jane O'Neil",
        "Reward preference: Voucher (Corner shop voucher)",
        "Travel: Bus fare £4.50 Owed",
        "Reward for time £20.00 Given",
        "Total (owed £4.50, given £20.00) £24.50",
        "Amara Okafor",
        "Childcare £18.75",
        "Owed £26.50",
        "Given £20.00",
        "Total £46.50",
        "For 3 people across 2 workshops.",
    ):
        assert words in text, words
    assert "Łukasz" not in text  # no money, not in it
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata is not None
    assert reader.metadata.title == "Summary for finance: Riverside Community Garden"
    assert "Page 1 of" in text
    titles = bookmarks(reader.outline)
    assert titles[:3] == [
        "Summary for finance: Riverside Community Garden",
        "Totals for the series",
        "Person by person",
    ]
    assert "Mary-Jane O'Neil" in titles
    assert KIND_WORDS["recompense"] == "Summary for finance"


def test_a_name_with_markup_characters_is_printed_as_written(
    db: Database, built: BuiltSeries
) -> None:
    text = text_of(export(db, request(built)))
    assert ODD_NAME in text
    assert "Food and drink £3.25 Owed" in text


def test_the_date_range_keeps_to_its_workshops(db: Database, built: BuiltSeries) -> None:
    text = text_of(
        export(db, request(built, date_from=date(2026, 3, 20), date_to=date(2026, 4, 30)))
    )
    assert "Workshops from 20 March 2026 to 30 April 2026." in text
    assert "Planning the beds" in text
    assert "Getting started" not in text
    assert ODD_NAME not in text  # Sam's only expense was on 14 March
    assert "Total £38.75" in text
    assert "For 2 people across 1 workshop." in text

    empty = text_of(export(db, request(built, date_from=date(2026, 6, 1))))
    assert "Workshops from 1 June 2026." in empty
    assert "No money is recorded for these workshops." in empty
    assert "Mary-Jane" not in empty


def test_an_end_before_the_start_is_refused_plainly(db: Database, built: BuiltSeries) -> None:
    with db.reading() as session, pytest.raises(InvalidInput, match="before the start"):
        read_document(session, request(built, date_from=TODAY, date_to=date(2026, 1, 1)))


def test_large_print_and_cancel(db: Database, built: BuiltSeries) -> None:
    large = export(db, request(built, large_print=True))
    assert "Total £46.50" in text_of(large)
    with pytest.raises(ExportCancelled):
        export(db, request(built), cancelled=lambda: True)
