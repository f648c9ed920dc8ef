"""The PDF exports, read back with pypdf: what they say, and what they never say."""

from __future__ import annotations

import io
import re
import uuid
from pathlib import Path

import pytest
from builders import PEOPLE, BuiltSeries, add_minute_entries, build_series
from pypdf import PdfReader
from sqlalchemy import select

from coprodesk.core.db import Database
from coprodesk.core.errors import InvalidInput, NotFound, UserFacingError
from coprodesk.core.models import (
    Action,
    ActionOwner,
    AgendaItem,
    AgreementStatement,
    MinuteEntry,
    Participant,
    Series,
    Workshop,
)
from coprodesk.core.report_data import minutes_data, series_report_data
from coprodesk.export.documents import ExportCancelled, ExportRequest, read_document, write_document
from coprodesk.export.pdf_common import save_pdf

WORKSHOP_KINDS = ("minutes", "slips", "agreement", "briefing")
CYRILLIC = ("Ольга Смирнова", "ОС")  # noqa: RUF001 (Cyrillic on purpose)


@pytest.fixture
def built(db: Database) -> BuiltSeries:
    with db.transaction() as session:
        built = build_series(session)
        person = Participant(
            series_id=built.series_id, name=CYRILLIC[0], initials=CYRILLIC[1], contact="secret"
        )
        session.add(person)
        session.flush()
        built.people[CYRILLIC[1]] = person.id
        return built


def export(db: Database, request: ExportRequest, **options: object) -> bytes:
    with db.reading() as session:
        data = read_document(session, request)
    out = io.BytesIO()
    write_document(request, data, out, invariant=True, **options)  # type: ignore[arg-type]
    return out.getvalue()


def pages(pdf: bytes) -> list[str]:
    """Each page's text with runs of white space made one space."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def text_of(pdf: bytes) -> str:
    return " ".join(pages(pdf))


def has_word(text: str, word: str) -> bool:
    """``word`` stands as a whole word in ``text``, in any case."""
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None


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


def test_minutes_say_what_the_issue_asks(db: Database, built: BuiltSeries) -> None:
    pdf = export(db, ExportRequest("minutes", built.workshop_ids[1]))
    text = text_of(pdf)
    for expected in (
        "Planning the beds",
        "Riverside Community Garden",
        "Saturday 28 March 2026, 10:00 — Library back room, 2nd floor",
        "Present (3): AO, MJO, ŁŻ",
        "Sent views in writing (1): ΑΠ",
        "Apologies (1): ZØ",
        "As it stood: version 2.",
        "3. Anyone can pause the meeting, any time.",
        "Decision (made by the whole group): Grow herbs by the gate.",
        "Decision (made by AO, MJO): Compost bins go behind the shed.",
        "Content note: Mentions a bereavement",
        "Parked (ΑΠ; sent in writing; about agreement point 2): Funding bid",
        "Price three compost bins.",
        "Support buddy: MJO",
        "10 Apr 2026",
        "Not started",
        "Ask the council about water.",
        "Tap fitted on 20 March.",
    ):
        assert expected in text
    # The agreement as it stood then: version 1's wording is gone.
    assert "Anyone can pause the meeting. " not in text
    assert outline(pdf) == [
        "Planning the beds",
        "Who took part",
        "The group agreement",
        "Agenda and minutes",
        "Welcome and names",
        "Tea (break)",
        "Ideas for the beds",
        "Other business",
        "Points raised about the agreement",
        "Actions",
        "Review of earlier actions",
    ]


def test_no_export_holds_a_name_a_role_or_a_contact(db: Database, built: BuiltSeries) -> None:
    """Names written straight into the stored text (past the write-time guard) never print."""
    people = [*((name, initials) for name, initials, *_ in PEOPLE), CYRILLIC]
    names = [name for name, _ in people]
    with db.transaction() as session:
        for workshop_id in built.workshop_ids:
            workshop = session.get_one(Workshop, workshop_id)
            workshop.title += f" with {names[0]}"
            workshop.venue = f"{names[1]}'s flat"
            workshop.purpose = f"Hear from {names[2]} and {names[3]}."
            workshop.bring_text = f"Ask {names[4]} for the key."
            workshop.practical_notes = f"{names[5]} brings tea."
            for item in session.scalars(
                select(AgendaItem).where(AgendaItem.workshop_id == workshop_id)
            ):
                item.title += f" ({names[5]})"
                item.content_note = f"{names[0].upper()} tells a story"
        for entry in session.scalars(select(MinuteEntry)):
            entry.text += f" {' and '.join(names)} agreed."
        for action in session.scalars(select(Action)):
            action.text = f"{names[1]} and {names[5]} to {action.text}"
            action.outcome_note = f"{names[2]} helped {names[3].lower()}."
        for statement in session.scalars(select(AgreementStatement)):
            statement.text += f" (asked for by {names[4]})"
        session.get_one(Series, built.series_id).title += f" — {names[3]}"
        planned = built.workshop_ids[2]
        session.add(Action(raised_in_id=planned, text=f"{names[0]} asks {names[5]}", owners=[]))
        roles = [
            value
            for person in session.scalars(select(Participant))
            for value in (person.private_role, person.contact)
            if value
        ]

    requests = [
        ExportRequest(kind, workshop_id)
        for kind in WORKSHOP_KINDS
        for workshop_id in built.workshop_ids
    ]
    requests.append(ExportRequest("series", built.series_id))
    words = {word for name in names for word in re.split(r"[\s-]+", name) if len(word) >= 3} | set(
        names
    )
    for request in requests:
        text = text_of(export(db, request))
        if request.kind == "briefing":
            # Who is coming: first names only, once each, and nothing else.
            for name in names:
                first = name.split()[0]
                found = re.findall(rf"(?<!\w){re.escape(first)}(?!\w)", text, re.IGNORECASE)
                assert len(found) <= 1, (request.kind, first)
                assert not has_word(text, name)
            family = {
                word for name in names for part in name.split()[1:] for word in part.split("-")
            }
            leaked = {word for word in family if len(word) >= 3 and has_word(text, word)}
            assert leaked == set(), request
        else:
            assert {word for word in words if has_word(text, word)} == set(), request
        for role in roles:
            assert role.casefold() not in text.casefold(), (request.kind, role)


def test_user_text_prints_exactly_as_typed(db: Database, built: BuiltSeries) -> None:
    typed = "Sam <3 & co"
    markup = "<b>not bold</b> & <font size=40>big</font> &amp; 5 > 3"
    with db.transaction() as session:
        session.get_one(Workshop, built.workshop_ids[1]).title = typed
        entry = session.scalars(
            select(MinuteEntry).where(MinuteEntry.workshop_id == built.workshop_ids[1])
        ).first()
        assert entry is not None
        entry.text = markup
    pdf = export(db, ExportRequest("minutes", built.workshop_ids[1]))
    text = text_of(pdf)
    assert typed in text
    assert markup in text
    assert PdfReader(io.BytesIO(pdf)).metadata.title == f"Minutes: {typed}"  # type: ignore[union-attr]
    assert outline(pdf)[0] == typed


def test_every_page_says_page_x_of_y_and_large_print_takes_more_pages(
    db: Database, built: BuiltSeries
) -> None:
    with db.transaction() as session:
        add_minute_entries(session, built.workshop_ids[0], 150, list(built.people.values()))
    request = ExportRequest("minutes", built.workshop_ids[0])
    normal = pages(export(db, request))
    large = pages(export(db, ExportRequest("minutes", built.workshop_ids[0], large_print=True)))
    assert len(normal) >= 3
    assert len(large) > len(normal) * 1.5
    for texts in (normal, large):
        for number, page in enumerate(texts, start=1):
            assert f"Page {number} of {len(texts)}" in page


def test_fonts_are_embedded_and_names_in_several_alphabets_print(
    db: Database, built: BuiltSeries
) -> None:
    pdf = export(db, ExportRequest("slips", built.workshop_ids[1], show_names=True))
    reader = PdfReader(io.BytesIO(pdf))
    fonts = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():  # type: ignore[index]
            font = font.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            fonts.append(str(font["/BaseFont"]))
            assert "/FontFile2" in descriptor  # the TrueType font travels inside the PDF
    assert {font.split("+")[-1] for font in fonts} == {"DejaVuSans", "DejaVuSans-Bold"}
    text = text_of(pdf)
    assert "Actions for Zoë Ødegaard" in text
    assert "Actions for Αλέξης Παππάς" in text


def test_slips_are_one_page_per_person_with_their_own_actions(
    db: Database, built: BuiltSeries
) -> None:
    by_initials = pages(export(db, ExportRequest("slips", built.workshop_ids[1])))
    with_names = pages(export(db, ExportRequest("slips", built.workshop_ids[1], show_names=True)))
    assert len(by_initials) == len(with_names) == 3  # ZØ, ŁŻ, ΑΠ (a shared action)
    assert [page.split(" Planning")[0] for page in by_initials] == [
        "Actions for ZØ",
        "Actions for ŁŻ",
        "Actions for ΑΠ",
    ]
    zoe = with_names[0]
    assert "Price three compost bins." in zoe
    assert "By when: Friday 10 April 2026" in zoe
    assert "Your support buddy: Mary-Jane" in zoe
    assert "Shared with: ΑΠ" in zoe
    assert "Draw a map" not in zoe
    assert "Your support buddy: MJO" in by_initials[0]
    assert all(name not in " ".join(by_initials) for name, *_ in PEOPLE)


def test_agreement_poster_and_briefing(db: Database, built: BuiltSeries) -> None:
    poster = pages(export(db, ExportRequest("agreement", built.workshop_ids[2])))
    assert len(poster) == 1
    assert "Our group agreement" in poster[0]
    assert "3. Anyone can pause the meeting, any time." in poster[0]

    from coprodesk.core.workshop import update_workshop

    with db.transaction() as session:
        update_workshop(
            session,
            built.workshop_ids[2],
            bring="A seed packet you like.",
            practical="Step-free entrance on Mill Lane. Bus fares paid back.",
            purpose="Plan the harvest.",
        )
        item = AgendaItem(
            workshop_id=built.workshop_ids[2],
            position=0,
            title="What grew well",
            planned_minutes=40,
            content_note="Talks about loss",
        )
        session.add(item)
        session.add(
            AgendaItem(
                workshop_id=built.workshop_ids[2],
                position=1,
                title="Tea",
                planned_minutes=20,
                is_break=True,
            )
        )
    text = text_of(export(db, ExportRequest("briefing", built.workshop_ids[2])))
    for expected in (
        "What it is for Plan the harvest.",
        "When: Saturday 11 April 2026, 18:30",
        "Where: Church hall",
        "How long: 1 hour, finishing about 19:30",
        "What grew well Content note: Talks about loss 40 minutes",
        "Tea (a break) 20 minutes",
        "A seed packet you like.",
        "Step-free entrance on Mill Lane. Bus fares paid back.",
        "Quiet room upstairs. Travel costs paid back on the day.",
        "Amara, Mary-Jane, Zoë, Łukasz, Αλέξης, Ольга",
    ):
        assert expected in text

    from coprodesk.core.attendance import set_status
    from coprodesk.core.models import AttendanceStatus

    with db.transaction() as session:
        set_status(session, built.workshop_ids[2], built.person("ZØ"), AttendanceStatus.APOLOGIES)
    text = text_of(export(db, ExportRequest("briefing", built.workshop_ids[2])))
    assert "Who is coming Amara, Mary-Jane, Łukasz, Αλέξης, Ольга What" in text


def test_series_report_covers_a_date_range_with_actions_and_outcomes(
    db: Database, built: BuiltSeries
) -> None:
    from datetime import date

    pdf = export(db, ExportRequest("series", built.series_id))
    text = text_of(pdf)
    assert "3 workshops, 5 actions (1 done)." in text or "3 workshops" in text
    assert "Tap fitted on 20 March." in text
    titles = outline(pdf)
    assert titles[:3] == [
        "Series report: Riverside Community Garden",
        "Summary",
        "Actions and what happened",
    ]
    assert {"Getting started", "Planning the beds", "Harvest plans"} <= set(titles)

    ranged = ExportRequest(
        "series", built.series_id, date_from=date(2026, 3, 20), date_to=date(2026, 4, 30)
    )
    titles = outline(export(db, ranged))
    assert "Getting started" not in titles
    assert {"Planning the beds", "Harvest plans"} <= set(titles)
    with db.reading() as session, pytest.raises(InvalidInput):
        series_report_data(
            session, built.series_id, date_from=date(2026, 5, 1), date_to=date(2026, 4, 1)
        )


def test_exports_are_reproducible_with_invariant(db: Database, built: BuiltSeries) -> None:
    request = ExportRequest("minutes", built.workshop_ids[1])
    assert export(db, request) == export(db, request)


def test_progress_rises_and_cancel_stops_with_nothing_written(
    db: Database, built: BuiltSeries, tmp_path: Path
) -> None:
    request = ExportRequest("series", built.series_id)
    seen: list[tuple[int, int]] = []
    export(db, request, progress=lambda done, total: seen.append((done, total)))
    assert seen
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert seen[-1][0] == seen[-1][1]

    with db.reading() as session:
        data = read_document(session, request)
    target = tmp_path / "report.pdf"
    calls = 0

    def cancel_soon() -> bool:
        nonlocal calls
        calls += 1
        return calls > 5

    with pytest.raises(ExportCancelled):
        save_pdf(target, lambda out: write_document(request, data, out, cancelled=cancel_soon))
    assert list(tmp_path.iterdir()) == [tmp_path / "data"] or not target.exists()
    assert not [path for path in tmp_path.iterdir() if path.suffix == ".pdf"]


def test_saving_replaces_a_file_only_with_a_whole_pdf(tmp_path: Path) -> None:
    target = tmp_path / "minutes.pdf"
    target.write_bytes(b"old")

    def broken(out: object) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(UserFacingError, match="No space left"):
        save_pdf(target, broken)  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir() if path.is_file()] == ["minutes.pdf"]
    with pytest.raises(UserFacingError, match="does not exist"):
        save_pdf(tmp_path / "missing" / "x.pdf", lambda out: None)
    with pytest.raises(UserFacingError, match="is a folder"):
        save_pdf(tmp_path, lambda out: None)


def test_unknown_ids_are_plain_messages(db: Database) -> None:
    with db.reading() as session:
        with pytest.raises(NotFound, match="workshop no longer exists"):
            minutes_data(session, uuid.uuid4())
        with pytest.raises(NotFound, match="series no longer exists"):
            series_report_data(session, uuid.uuid4())


def test_an_action_owner_left_out_of_attendance_still_gets_a_slip(
    db: Database, built: BuiltSeries
) -> None:
    with db.transaction() as session:
        session.add(
            Action(
                raised_in_id=built.workshop_ids[0],
                text="Bring the watering can.",
                owners=[ActionOwner(participant_id=built.person(CYRILLIC[1]))],
            )
        )
    text = text_of(export(db, ExportRequest("slips", built.workshop_ids[0], show_names=True)))
    assert "Actions for Ольга Смирнова Getting started" in text
    assert "Bring the watering can." in text


def test_text_longer_than_a_page_splits_across_pages(db: Database, built: BuiltSeries) -> None:
    """A long action, outcome or entry (up to the 20,000 characters allowed) never fails."""
    with db.transaction() as session:
        actions = session.scalars(select(Action).order_by(Action.created_at)).all()
        actions[0].text = "Z" * 3000  # one word wider than the column
        actions[1].outcome_note = ("We tried again. " * 1300)[:20_000]
        entry = session.scalars(select(MinuteEntry)).first()
        assert entry is not None
        entry.text = "https://example.org/" + "averylongwordwithoutspaces" * 700
    for request in (
        ExportRequest("minutes", built.workshop_ids[0]),
        ExportRequest("minutes", built.workshop_ids[1]),
        ExportRequest("series", built.series_id),
        ExportRequest("slips", built.workshop_ids[0], large_print=True),
    ):
        texts = pages(export(db, request))
        assert len(texts) >= 2
        assert f"Page {len(texts)} of {len(texts)}" in texts[-1]
