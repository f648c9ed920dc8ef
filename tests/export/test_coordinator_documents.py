"""The record of contribution and the "you said, we did" update, read back from the PDF."""

from __future__ import annotations

import io
import re
import uuid
from datetime import date, datetime
from pathlib import Path

import pytest
from builders import PEOPLE, BuiltSeries, build_series
from pypdf import PdfReader
from sqlalchemy import select

from coprodesk.core import recompense, roster, series
from coprodesk.core.db import Database
from coprodesk.core.errors import InvalidInput
from coprodesk.core.models import (
    Action,
    ActionOwner,
    ActionStatus,
    AgendaItem,
    EntryKind,
    ExpenseKind,
    MinuteEntry,
    RecompenseChoice,
)
from coprodesk.export.documents import (
    KIND_WORDS,
    ExportCancelled,
    ExportRequest,
    read_document,
    save_document,
    write_document,
)

TODAY = date(2026, 4, 20)
ROLES = tuple(role for _name, _initials, role, *_ in PEOPLE if role)
CONTACTS = tuple(contact for *_, contact in PEOPLE if contact)


@pytest.fixture
def built(db: Database) -> BuiltSeries:
    """The builders' series, with money and rewards on the desk and MJO's agreement."""
    with db.transaction() as session:
        built = build_series(session)
        for initials in ("MJO", "AO"):
            person = built.person(initials)
            recompense.set_choice(session, person, RecompenseChoice.VOUCHER, "Corner shop voucher")
            recompense.add_expense(
                session, built.workshop_ids[0], person, ExpenseKind.TRAVEL, 98765, note="Bus fare"
            )
        recompense.set_record_agreement(
            session, built.person("MJO"), True, now=datetime(2026, 4, 2, 9)
        )
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


def has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None


def name_words(name: str) -> list[str]:
    """A full name and each word of it that is a name (not "de" or "la")."""
    return [name, *(word for word in name.replace("-", " ").split() if len(word) > 2)]


def outline(pdf: bytes) -> list[str]:
    titles: list[str] = []

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item["/Title"])  # type: ignore[index]

    walk(PdfReader(io.BytesIO(pdf)).outline)  # type: ignore[arg-type]
    return titles


def record(built: BuiltSeries, initials: str = "MJO", **options: object) -> ExportRequest:
    return ExportRequest("record", built.person(initials), today=TODAY, **options)  # type: ignore[arg-type]


def update(built: BuiltSeries, naming: str = "initials", **options: object) -> ExportRequest:
    return ExportRequest("update", built.series_id, naming=naming, today=TODAY, **options)  # type: ignore[arg-type]


def test_the_record_says_what_they_did_in_plain_english(db: Database, built: BuiltSeries) -> None:
    pdf = export(db, record(built))
    text = text_of(pdf)
    assert "Record of contribution" in text
    assert "Mary-Jane O'Neil took part in 2 workshops of “Riverside Community Garden”" in text
    assert "Plan the garden together." in text  # what the series is for
    assert "Getting started" in text
    assert "Planning the beds" in text
    assert "Took part in the room" in text
    assert "Altogether: 3 hours 58 minutes of their time." in text
    assert "Welcome and names" in text
    assert "Ideas for the beds" in text
    assert "Ask the council about water." in text
    assert "What happened: Tap fitted on 20 March." in text
    assert "Monday 20 April 2026" in text
    assert "Thursday 2 April 2026" in text
    assert "Page 1 of" in text
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata is not None
    assert reader.metadata.title == "Record of contribution: Mary-Jane O'Neil"
    assert outline(pdf)[0] == "Record of contribution"
    assert "Actions they completed" in outline(pdf)


def test_the_record_names_only_that_person(db: Database, built: BuiltSeries) -> None:
    text = text_of(export(db, record(built)))
    assert text.count("Mary-Jane O'Neil") >= 3
    for name, initials, *_ in PEOPLE:
        if initials == "MJO":
            continue
        for word in name_words(name):
            assert not has_word(text, word), word
    assert not has_word(text, "MJO")  # no key from initials to the name
    for secret in (*ROLES, *CONTACTS):
        assert secret not in text
    for money in ("£", "987", "voucher", "Bus fare", "reward", "payment"):
        assert money.casefold() not in text.casefold(), money


def test_no_record_without_their_agreement(db: Database, built: BuiltSeries) -> None:
    with db.reading() as session, pytest.raises(InvalidInput, match="agreed"):
        read_document(session, record(built, "AO"))
    with db.transaction() as session:
        recompense.set_record_agreement(session, built.person("MJO"), False)
    with db.reading() as session, pytest.raises(InvalidInput, match="agreed"):
        read_document(session, record(built))


def test_names_written_straight_into_the_records_never_reach_either_document(
    db: Database, built: BuiltSeries
) -> None:
    with db.transaction() as session:
        first = built.workshop_ids[0]
        item = session.scalars(select(AgendaItem).where(AgendaItem.workshop_id == first)).first()
        assert item is not None
        item.title = "Welcome from Zoë Ødegaard and amara"
        session.add(
            MinuteEntry(
                workshop_id=first,
                position=999,
                kind=EntryKind.DECISION,
                text="Łukasz Żółć and Αλέξης Παππάς will paint the shed.",
            )
        )
        action = Action(
            raised_in_id=first,
            text="Ring Amara Okafor about the hose.",
            status=ActionStatus.DONE,
            outcome_note="Zoe Odegaard lent hers.",
        )
        dropped = Action(
            raised_in_id=first,
            text="Ask Lukasz for a second shed.",
            status=ActionStatus.DROPPED,
            outcome_note="Αλέξης says there is no room.",
        )
        session.add_all([action, dropped])
        session.flush()
        session.add(ActionOwner(action_id=action.id, participant_id=built.person("MJO")))
    record_text = text_of(export(db, record(built)))
    assert "Ring AO about the hose." in record_text
    assert "ZØ lent hers." in record_text
    assert "Welcome from ZØ and AO" in record_text
    update_texts = [
        text_of(export(db, update(built, naming))) for naming in ("initials", "first_names")
    ]
    assert "ŁŻ and ΑΠ will paint the shed." in update_texts[0]
    assert "Ask ŁŻ for a second shed." in update_texts[1]
    assert "ΑΠ says there is no room." in update_texts[1]  # what could not change, and why
    for name, initials, *_ in PEOPLE:
        if initials != "MJO":
            for word in name_words(name):
                assert not has_word(record_text, word), word
        for text in update_texts:
            assert name not in text
            assert name.split()[-1] not in text  # no family name


def test_the_update_says_what_came_of_it(db: Database, built: BuiltSeries) -> None:
    pdf = export(db, update(built))
    text = text_of(pdf)
    assert "You said, we did: Riverside Community Garden" in text
    assert "People are shown by their initials only." in text
    assert "MJO: the raised beds need to be wheelchair height." in text  # raised
    assert "Grow herbs by the gate." in text
    assert "the whole group" in text
    assert "Compost bins go behind the shed. AO and MJO" in text
    assert "Done: Tap fitted on 20 March." in text  # what happened to each action
    assert "Draw a map of the beds. Not needed: the council sent one." in text  # could not
    assert "Funding bid — come back in April." in text
    assert outline(pdf) == [
        "You said, we did: Riverside Community Garden",
        "The workshops",
        "You said",
        "We decided",
        "We did",
        "What could not change, and why",
        "Still to come back to",
    ]
    for secret in (*ROLES, *CONTACTS, "£", "987", "Corner shop voucher", "Bus fare"):
        assert secret not in text, secret


def test_the_update_shows_first_names_or_initials_as_chosen(
    db: Database, built: BuiltSeries
) -> None:
    initials = text_of(export(db, update(built)))
    first = text_of(export(db, update(built, "first_names")))
    assert "Compost bins go behind the shed. AO and MJO" in initials
    assert "Compost bins go behind the shed. Amara and Mary-Jane" in first
    assert "People are named by their first name only." in first
    assert "first names only" in first  # the footer says so too
    for name, *_ in PEOPLE:
        assert name not in initials
        assert name not in first
        family = name.split()[-1]
        assert not has_word(first, family)
        assert not has_word(initials, family)
    for given in ("Amara", "Mary-Jane", "Łukasz"):
        assert not has_word(initials, given)


def test_large_print_progress_and_cancel(db: Database, built: BuiltSeries, tmp_path: Path) -> None:
    for request in (record(built), update(built)):
        small = PdfReader(io.BytesIO(export(db, request))).pages
        large_request = ExportRequest(
            request.kind,
            request.target_id,
            large_print=True,
            naming=request.naming,
            today=TODAY,
        )
        steps: list[tuple[int, int]] = []
        report = steps.append
        large = PdfReader(
            io.BytesIO(export(db, large_request, progress=lambda d, t, r=report: r((d, t))))
        ).pages
        assert len(large) >= len(small)
        # Larger text: far fewer words fit on the first page.
        assert len(large[0].extract_text()) < 0.8 * len(small[0].extract_text())
        assert steps
        assert steps[-1][0] == steps[-1][1]
        with db.reading() as session:
            data = read_document(session, request)
        folder = tmp_path / request.kind
        folder.mkdir()
        with pytest.raises(ExportCancelled):
            save_document(request, data, folder / "out.pdf", cancelled=lambda: True)
        assert list(folder.iterdir()) == []
    assert KIND_WORDS["record"] == "Record of contribution"


def test_user_text_prints_as_typed(db: Database, built: BuiltSeries) -> None:
    with db.transaction() as session:
        action = Action(
            raised_in_id=built.workshop_ids[0],
            text="Buy <b>tea</b> & biscuits",
            status=ActionStatus.DONE,
        )
        session.add(action)
        session.flush()
        session.add(ActionOwner(action_id=action.id, participant_id=built.person("MJO")))
    assert "Buy <b>tea</b> & biscuits" in text_of(export(db, record(built)))
    assert "Buy <b>tea</b> & biscuits" in text_of(export(db, update(built)))


def test_an_unknown_naming_is_refused() -> None:
    with pytest.raises(ValueError, match="naming"):
        ExportRequest("update", uuid.uuid4(), naming="full_names")


def test_a_new_series_and_a_new_person_still_get_plain_documents(db: Database) -> None:
    with db.transaction() as session:
        series_id = series.create_series(session, "Brand new", "")
        person = roster.add_person(session, series_id, "Nia Brown")
        recompense.set_record_agreement(session, person, True)
    record_text = text_of(export(db, ExportRequest("record", person, today=TODAY)))
    assert "Nia Brown took part in 0 workshops of “Brand new”" in record_text
    assert "No workshops are recorded yet." in record_text
    assert "No completed actions are recorded yet." in record_text
    update_text = text_of(export(db, ExportRequest("update", series_id, today=TODAY)))
    assert "There are no workshops in this series yet." in update_text
    assert "No decisions were written down yet." in update_text
    assert "Still to come back to" not in update_text
