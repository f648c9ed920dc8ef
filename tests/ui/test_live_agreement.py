"""What we agreed, live: writing the agreement with the room, the consent round by keyboard,
undo, revisiting it in the next workshop, points raised, and the projector toggle."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from live_helpers import LiveOpener, build
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_accessibility import unnamed_focusable
from test_live_accessibility import clashing_mnemonics, mnemonics_without_buddies, unlabelled

from coprodesk.core import agreements, attendance, minutes, series
from coprodesk.core.db import Database
from coprodesk.core.live import STEPS, Step
from coprodesk.core.models import AttendanceStatus, EntryKind
from coprodesk.ui.live.window import LiveWindow


@pytest.fixture
def opener(qtbot: QtBot, event_loop: object) -> Iterator[LiveOpener]:
    with LiveOpener(qtbot) as opened:
        yield opened


def present(db: Database, workshop_id: uuid.UUID, people: list[uuid.UUID]) -> None:
    with db.transaction() as session:
        for person in people:
            attendance.set_status(session, workshop_id, person, AttendanceStatus.PRESENT)


def stored(db: Database, workshop_id: uuid.UUID) -> agreements.AgreementView:
    with db.reading() as session:
        return agreements.agreement_view(session, workshop_id)


def rows(window: LiveWindow) -> list[str]:
    model = window.agreement_page.model
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def open_agreement(
    db: Database, opener: LiveOpener, *, with_agreement: bool, people: int = 2
) -> tuple[LiveWindow, uuid.UUID, list[uuid.UUID]]:
    built = build(db, with_agreement=with_agreement)
    ids = list(built.people.values())[:people]
    present(db, built.workshop_id, ids)
    window = opener.open(built.workshop_id)
    window.live.go_to(Step.AGREEMENT)
    opener.wait_idle()
    return window, built.workshop_id, ids


def test_starting_from_the_starter_set_shows_it_here_and_on_the_projector(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    window, workshop_id, _ = open_agreement(db, opener, with_agreement=False)
    page = window.agreement_page
    assert page.start_box.isVisible()
    assert not page.statements.isVisible()
    assert unnamed_focusable(window) == []
    qtbot.mouseClick(page.starter_button, Qt.MouseButton.LeftButton)
    opener.wait_idle()
    starters = agreements.starter_statements()
    assert [s.text for s in stored(db, workshop_id).statements] == [s.text for s in starters]
    assert rows(window)[0].startswith(f"1. {starters[0].text}\n")
    assert "still to answer: BH, CM" in rows(window)[0]
    assert page.statements.isVisible()
    assert not page.start_box.isVisible()
    assert page.starter_choice.count() == 0  # All of the starter set is in use.
    assert window.live.view is not None
    assert window.live.view.snapshot.public.agreement == tuple(s.text for s in starters)
    assert unnamed_focusable(window) == []


def test_the_consent_round_by_keyboard(qtbot: QtBot, db: Database, opener: LiveOpener) -> None:
    window, workshop_id, people = open_agreement(db, opener, with_agreement=True)
    page = window.agreement_page
    assert page.person_choice.currentText().startswith("Bashir Haddad (BH), 0 of 2 agreed")
    page.statements.setFocus()
    qtbot.keyClick(page.statements, Qt.Key.Key_A)
    opener.wait_idle()
    # BH agreed to 1 and the round moved on to statement 2.
    assert stored(db, workshop_id).statements[0].agreed_by == ("BH",)
    assert page.statements.currentIndex().row() == 1
    qtbot.keyClick(page.statements, Qt.Key.Key_C)
    assert page.change_note.hasFocus()
    qtbot.keyClicks(page.change_note, "Say how")
    qtbot.keyClick(page.change_note, Qt.Key.Key_Return)
    opener.wait_idle()
    second = stored(db, workshop_id).statements[1]
    assert [(a.initials, a.note) for a in second.change_asked] == [("BH", "Say how")]
    assert "Not yet agreed · BH asked for a change: “Say how”" in rows(window)[1]
    # BH has answered everything: the round goes on to CM.
    assert page.person_choice.currentData() == str(people[1])
    qtbot.mouseClick(page.all_button, Qt.MouseButton.LeftButton)
    opener.wait_idle()
    view = stored(db, workshop_id)
    assert view.statements[0].agreed
    assert not view.statements[1].agreed
    assert page.summary.text().endswith("1 of 2 statements agreed; 1 person still to ask.")
    assert "Bashir Haddad (BH)" in page.to_ask.text()


def test_writing_changing_moving_and_removing_with_undo(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    window, workshop_id, _ = open_agreement(db, opener, with_agreement=False)
    page = window.agreement_page
    qtbot.mouseClick(page.blank_button, Qt.MouseButton.LeftButton)
    opener.wait_idle()
    assert page.writer.hasFocus()
    for text in ("We start on time.", "We finish on time."):
        qtbot.keyClicks(page.writer, text)
        qtbot.keyClick(page.writer, Qt.Key.Key_Return)
        opener.wait_idle()
    assert [s.text for s in stored(db, workshop_id).statements] == [
        "We start on time.",
        "We finish on time.",
    ]
    page.starter_choice.setCurrentIndex(0)
    qtbot.mouseClick(page.starter_add, Qt.MouseButton.LeftButton)
    opener.wait_idle()
    assert len(stored(db, workshop_id).statements) == 3

    page.choose_statement(1)
    page.statements.setFocus()
    qtbot.keyClick(page.statements, Qt.Key.Key_F2)
    assert page.writer.hasFocus()
    assert page.writer.text() == "We start on time."
    assert page.add_button.text() == "Save the new words"
    page.writer.setText("We start at ten.")
    qtbot.keyClick(page.writer, Qt.Key.Key_Return)
    opener.wait_idle()
    assert page.add_button.text() == "Add statement"
    page.statements.setFocus()
    qtbot.keyClick(page.statements, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    opener.wait_idle()
    texts = [s.text for s in stored(db, workshop_id).statements]
    assert texts[:2] == ["We finish on time.", "We start at ten."]
    assert page.statements.currentIndex().row() == 1

    qtbot.keyClick(page.statements, Qt.Key.Key_Delete)
    opener.wait_idle()
    assert "We start at ten." not in [s.text for s in stored(db, workshop_id).statements]
    assert page.undo_bar.isVisible()
    assert "We start at ten." in page.undo_words.text()
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    opener.wait_idle()
    assert [s.text for s in stored(db, workshop_id).statements] == texts
    assert not page.undo_bar.isVisible()
    assert stored(db, workshop_id).number == 1

    # Undo is for the latest removal only, until the next change.
    qtbot.keyClick(page.statements, Qt.Key.Key_Delete)
    opener.wait_idle()
    assert page.undo_bar.isVisible()
    page.writer.setText("We finish by five.")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    opener.wait_idle()
    assert not page.undo_bar.isVisible()
    page.undo_action.trigger()
    opener.wait_idle()
    assert len(stored(db, workshop_id).statements) == 3


def test_a_refused_statement_is_explained_beside_it_and_nothing_is_lost(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    window, workshop_id, _ = open_agreement(db, opener, with_agreement=True)
    page = window.agreement_page
    page.writer.setText("Anyone can pass.")  # Already there.
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    opener.wait_idle()
    assert page.notice.isVisible()
    assert "already in the agreement" in page.notice.text()
    assert page.writer.text() == "Anyone can pass."
    assert len(stored(db, workshop_id).statements) == 2


def test_the_next_workshop_revisits_it_and_asks_new_people(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    built = build(db)
    first, second = list(built.people.values())[:2]
    present(db, built.workshop_id, [first])
    with db.transaction() as session:
        agreements.agree_to_all(session, built.workshop_id, first)
        next_id = series.create_workshop(session, built.series_id, "Trying the routes")
    present(db, next_id, [first, second])
    window = opener.open(next_id)
    window.live.go_to(Step.AGREEMENT)
    opener.wait_idle()
    page = window.agreement_page
    assert page.revisit_box.isVisible()
    assert page.keep_button.isVisible()
    assert page.to_ask.text() == "Still to agree to every statement: Chloé Martin (CM)."
    assert page.person_choice.currentData() == str(second)  # The first person not done yet.
    with qtbot.waitSignal(window.minutes_changed, timeout=10_000):
        qtbot.mouseClick(page.keep_button, Qt.MouseButton.LeftButton)
    opener.wait_idle()
    assert not page.keep_button.isVisible()
    with db.reading() as session:
        (entry,) = minutes.entries(session, next_id)
    assert entry.kind is EntryKind.DECISION
    assert entry.decided_by_group

    page.writer.setText("We start on time.")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    opener.wait_idle()
    assert stored(db, next_id).number == 2
    assert page.summary.text().startswith("Version 2, made in “Trying the routes”.")
    page.history_button.setChecked(True)
    qtbot.waitUntil(lambda: "Version 1" in page.history.toPlainText())
    assert "Version 2" in page.history.toPlainText()


def test_a_point_raised_goes_into_the_minutes_by_number_with_no_name(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    window, workshop_id, _ = open_agreement(db, opener, with_agreement=True)
    window.live.go_to(Step.AGENDA)
    opener.wait_idle()
    point = window.point_raised
    window.point_action.trigger()
    assert point.number.hasFocus()
    assert point.number.maximum() == 2
    point.number.setValue(2)
    with qtbot.waitSignal(window.minutes_changed, timeout=10_000):
        qtbot.mouseClick(point.record_button, Qt.MouseButton.LeftButton)
    opener.wait_idle()
    with db.reading() as session:
        (entry,) = minutes.entries(session, workshop_id)
    assert entry.agreement_point == 2
    assert entry.speakers == ()
    assert entry.text == "Agreement point 2 raised: Anyone can pass."
    assert entry.agenda_item_id is not None  # Under the item that was running.
    assert point.status.text() == "Point 2 raised: in the minutes, with no name."


def test_the_projector_shows_the_agreement_at_any_step_when_asked(
    db: Database, opener: LiveOpener
) -> None:
    window, _, _ = open_agreement(db, opener, with_agreement=True)
    window.projector_controls.full_screen.setChecked(False)
    window.projector_controls.set_showing(True)
    window.live.go_to(Step.AGENDA)
    opener.wait_idle()
    window.tick()
    assert "1. We speak one at a time." not in window.projector.texts()
    window.agreement_shown_action.trigger()
    assert window.projector_controls.agreement_always.isChecked()
    assert "What we agreed" in window.projector.texts()
    assert "1. We speak one at a time.\n2. Anyone can pass." in window.projector.texts()
    agenda_step = f"Step {STEPS.index(Step.AGENDA) + 1} of {len(STEPS)}: Agenda"
    assert agenda_step in window.projector.texts()
    window.agreement_shown_action.trigger()
    assert "What we agreed" not in window.projector.texts()


def test_every_control_is_named_labelled_and_reachable(db: Database, opener: LiveOpener) -> None:
    window, _, _ = open_agreement(db, opener, with_agreement=True)
    page = window.agreement_page
    page.history_button.setChecked(True)
    page.begin_edit()
    opener.wait_idle()
    for shown in (page.round_box, page.edit_box, page.history, page.stop_button):
        assert shown.isVisible()
    assert unnamed_focusable(window) == []
    assert unlabelled(window) == []
    assert mnemonics_without_buddies(window) == []
    assert clashing_mnemonics(window) == {}
    assert page.statements.model().index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "1. We speak one at a time. Not yet agreed · still to answer: BH, CM."
    )


def test_someone_marked_present_later_is_asked_and_answers_stay_off_the_projector(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    window, workshop_id, _ = open_agreement(db, opener, with_agreement=True, people=1)
    page = window.agreement_page
    page.change_note.setText("Not sure about this")
    page.ask_change()
    opener.wait_idle()
    assert [p.initials for p in stored(db, workshop_id).people] == ["BH"]
    late = next(pid for name, pid in build_people(db, workshop_id) if name == "Dorota Wiśniewska")
    window.live.set_status(late, AttendanceStatus.PRESENT)
    opener.wait_idle()
    assert [page.person_choice.itemText(n) for n in range(page.person_choice.count())] == [
        "Bashir Haddad (BH), 0 of 2 agreed",
        "Dorota Wiśniewska (DW), 0 of 2 agreed",
    ]
    assert "Dorota Wiśniewska (DW)" in page.to_ask.text()
    window.projector_controls.full_screen.setChecked(False)
    window.projector_controls.set_showing(True)
    window.tick()
    shown = " ".join(window.projector.texts())
    assert "1. We speak one at a time." in shown
    for private in ("Not sure about this", "asked for a change", "BH", "still to answer"):
        assert private not in shown


def build_people(db: Database, workshop_id: uuid.UUID) -> list[tuple[str, uuid.UUID]]:
    with db.reading() as session:
        return [(p.name, p.participant_id) for p in attendance.attendance(session, workshop_id)]
