"""The actions board, the closing gate on the Close step, the action review, and making a
minute entry into an action: as a facilitator uses them, by keyboard, with no dialogs."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from live_helpers import LiveOpener, build
from minutes_helpers import PanelOpener, choose_row
from minutes_helpers import build as build_minutes
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from test_accessibility import unnamed_focusable
from test_live_accessibility import unlabelled

from coprodesk.core import actions, attendance, minutes, series
from coprodesk.core.db import Database
from coprodesk.core.live import Step
from coprodesk.core.models import ActionStatus, AttendanceStatus, WorkshopStatus
from coprodesk.ui.live.action_words import parse_target_date
from coprodesk.ui.live.projector_content import STILL_TO_CHOOSE, projector_content

CONTROL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def opener(qtbot: QtBot, event_loop: object) -> Iterator[LiveOpener]:
    with LiveOpener(qtbot) as opened:
        yield opened


def _present(db: Database, built: object, names: tuple[str, ...]) -> None:
    with db.transaction() as session:
        for name in names:
            attendance.set_status(
                session,
                built.workshop_id,  # type: ignore[attr-defined]
                built.people[name],  # type: ignore[attr-defined]
                AttendanceStatus.PRESENT,
            )


def _board(db: Database, workshop_id: object) -> list[actions.ActionDetail]:
    with db.reading() as session:
        return actions.board(session, workshop_id)  # type: ignore[arg-type]


def no_dialogs() -> bool:
    return not any(
        isinstance(widget, QMessageBox) and widget.isVisible()
        for widget in QApplication.topLevelWidgets()
    )


def test_adding_accepting_and_coverage_by_keyboard(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    built = build(db)
    _present(db, built, ("Bashir Haddad", "Chloé Martin"))
    window = opener.open(built.workshop_id)
    window.projector_controls.full_screen.setChecked(False)
    window.projector_controls.set_showing(True)
    window.live.go_to(Step.ACTIONS)
    opener.wait_idle()
    page = window.actions_page
    assert "Still without an accepted action: Bashir Haddad, Chloé Martin." in (
        window.coverage_note.text.text()
    )
    assert window.side_panel.area.isAncestorOf(window.coverage_note)  # private: by name
    projected = "\n".join(window.projector.texts())
    assert STILL_TO_CHOOSE in projected
    assert "BH · CM" in projected
    assert "Bashir" not in projected  # names stay private on this step; initials only

    page.text.setText("Ask Chloé Martin about late buses")  # keyClicks types ASCII only
    qtbot.keyClicks(page.owners, "bh cm")
    qtbot.keyClicks(page.buddy, "EA")
    qtbot.keyClicks(page.target, "14/12/2026")
    qtbot.keyClick(page.target, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(_board(db, built.workshop_id)) == 1)
    opener.wait_idle()
    (stored,) = _board(db, built.workshop_id)
    assert stored.text == "Ask CM about late buses"  # the name guard, as in the minutes
    assert stored.owner_initials == ("BH", "CM")
    assert (stored.buddy_initials, stored.target_date) == ("EA", date(2026, 12, 14))
    assert page.text.text() == ""  # ready for the next one
    assert page.model.rowCount() == 1

    page.table.setCurrentIndex(page.model.index(0, 0))
    assert [tick.text() for tick in page.ticks] == ["BH has accepted", "CM has accepted"]
    page.ticks[0].click()
    qtbot.waitUntil(lambda: _board(db, built.workshop_id)[0].owners[0].accepted)
    opener.wait_idle()
    assert "Still without an accepted action: Chloé Martin." in window.coverage_note.text.text()
    window.tick()
    projected = window.projector.texts()
    assert projected[projected.index(STILL_TO_CHOOSE) + 1] == "CM"
    assert no_dialogs()


def test_refusals_show_in_place_and_lose_nothing(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    built = build(db)
    window = opener.open(built.workshop_id)
    window.live.go_to(Step.ACTIONS)
    opener.wait_idle()
    page = window.actions_page
    page.text.setText("Bring a bus timetable")
    page.owners.setText("ZZ")
    page.submit()
    qtbot.waitUntil(page.notice.isVisible)
    opener.wait_idle()
    assert "No one in this series has the initials ZZ" in page.notice.text()
    assert page.text.text() == "Bring a bus timetable"  # nothing typed is lost
    page.owners.setText("DW")
    page.target.setText("next week")
    page.submit()
    assert "is not a date" in page.notice.text()
    assert no_dialogs()
    assert _board(db, built.workshop_id) == []


def test_edit_remove_undo_and_pass_on(qtbot: QtBot, db: Database, opener: LiveOpener) -> None:
    built = build(db)
    with db.transaction() as session:
        actions.add_action(session, built.workshop_id, "Poster", ["BH"], accepted=["BH"])
    window = opener.open(built.workshop_id)
    window.live.go_to(Step.ACTIONS)
    opener.wait_idle()
    page = window.actions_page
    page.table.setCurrentIndex(page.model.index(0, 0))
    page.edit_button.click()
    assert page.text.text() == "Poster"
    assert page.text.hasFocus() or not window.isActiveWindow()
    page.text.setText("Poster for the stops")
    page.target.setText("2026-06-01")
    page.submit()
    qtbot.waitUntil(lambda: _board(db, built.workshop_id)[0].text == "Poster for the stops")
    opener.wait_idle()
    assert _board(db, built.workshop_id)[0].target_date == date(2026, 6, 1)
    assert _board(db, built.workshop_id)[0].owners[0].accepted  # kept owner keeps the tick

    page.table.setCurrentIndex(page.model.index(0, 0))
    page.pass_to.setText("dw")
    page.pass_button.click()  # without their agreement: refused, said in place
    qtbot.waitUntil(lambda: "agrees to take it on" in page.notice.text())
    opener.wait_idle()
    page.pass_agrees.setChecked(True)
    page.pass_button.click()
    qtbot.waitUntil(lambda: _board(db, built.workshop_id)[0].owner_initials == ("DW",))
    opener.wait_idle()
    assert _board(db, built.workshop_id)[0].owners[0].accepted

    page.table.setCurrentIndex(page.model.index(0, 0))
    page.remove_button.click()
    qtbot.waitUntil(lambda: _board(db, built.workshop_id) == [])
    opener.wait_idle()
    assert page.undo_button.isVisible()
    assert page.notice.text() == "Removed “Poster for the stops”."
    page.undo_button.click()
    qtbot.waitUntil(lambda: len(_board(db, built.workshop_id)) == 1)
    opener.wait_idle()
    assert page.model.rowCount() == 1
    assert not page.undo_button.isVisible()


def test_suggestion_not_this_time_and_the_close_gate(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    built = build(db)
    _present(db, built, ("Bashir Haddad", "Chloé Martin"))
    window = opener.open(built.workshop_id)
    window.live.go_to(Step.CLOSE)
    opener.wait_idle()
    close = window.close_page
    assert close.gate.isVisible()
    assert close.gate.text().startswith("Not yet: BH, CM have no accepted action.")
    assert not close.close_button.isEnabled()
    window.live.close_workshop()  # even asked directly, the core refuses; said in place
    qtbot.waitUntil(close.refusal.isVisible)
    opener.wait_idle()
    assert "BH, CM have no accepted action yet" in close.refusal.text()
    assert no_dialogs()

    close.to_actions.click()
    opener.wait_idle()
    assert window.current_page() is window.actions_page
    page = window.actions_page
    assert page.person.currentText() == "Bashir Haddad"
    page.suggestion.setCurrentIndex(0)
    page.use_suggestion.click()
    assert page.text.text() == actions.suggestions().actions[0]
    assert page.owners.text() == "BH"
    page.accepted_now.setChecked(True)
    page.submit()
    qtbot.waitUntil(lambda: len(_board(db, built.workshop_id)) == 1)
    opener.wait_idle()
    assert page.person.currentText() == "Chloé Martin"
    page.reason.setCurrentText("Would rather listen this time")
    page.not_this_time.click()
    qtbot.waitUntil(lambda: "Not this time: Chloé Martin" in window.coverage_note.text.text())
    opener.wait_idle()

    window.live.go_to(Step.CLOSE)
    opener.wait_idle()
    assert not close.gate.isVisible()
    assert close.close_button.isEnabled()
    close.close_button.click()
    qtbot.waitUntil(lambda: window.live.view is not None and window.live.view.closed)
    with db.reading() as session:
        assert series.get_workshop(session, built.workshop_id).status is WorkshopStatus.CLOSED


def test_the_next_workshop_reviews_earlier_actions(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    built = build(db)
    with db.transaction() as session:
        first = actions.add_action(session, built.workshop_id, "Ask about buses", ["BH"])
        second = actions.add_action(session, built.workshop_id, "Count the stops", ["CM"])
        workshop = series.get_workshop(session, built.workshop_id)
        assert workshop.starts_at is not None
        later = series.create_workshop(
            session, built.series_id, "Next time", starts_at=workshop.starts_at + timedelta(7)
        )
    window = opener.open(later)
    window.live.go_to(Step.REVIEW)
    opener.wait_idle()
    page = window.review_page
    assert page.model.rowCount() == 2
    assert page.progress.text() == "0 of 2 reviewed."
    assert page.chosen_item() is not None
    page.update_choice.setCurrentIndex(page.update_choice.findData(ActionStatus.DONE))
    qtbot.keyClicks(page.note, "Two new buses from June")
    qtbot.keyClick(page.note, Qt.Key.Key_Return)
    opener.wait_idle()
    with db.reading() as session:
        reviewed = actions.to_review(session, later)
    done = next(item for item in reviewed if item.id == first.action_id)
    assert (done.status, done.outcome_note, done.reviewed_here) == (
        ActionStatus.DONE,
        "Two new buses from June",
        True,
    )
    assert page.progress.text() == "1 of 2 reviewed."
    chosen = page.chosen_item()
    assert chosen is not None
    assert chosen.id == second.action_id  # on to the next one
    window.projector_controls.full_screen.setChecked(False)
    window.projector_controls.set_showing(True)
    window.tick()
    shown = "\n".join(window.projector.texts())
    assert "What came of our actions" in shown
    assert "Ask about buses (BH) — Done: Two new buses from June" in shown


def test_the_board_and_review_have_names_and_labels(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    built = build(db)
    _present(db, built, ("Bashir Haddad",))
    with db.transaction() as session:
        actions.add_action(session, built.workshop_id, "Poster", ["BH", "CM"])
        workshop = series.get_workshop(session, built.workshop_id)
        assert workshop.starts_at is not None
        later = series.create_workshop(
            session, built.series_id, "Next", starts_at=workshop.starts_at + timedelta(7)
        )
    window = opener.open(built.workshop_id)
    window.live.go_to(Step.ACTIONS)
    opener.wait_idle()
    window.actions_page.table.setCurrentIndex(window.actions_page.model.index(0, 0))
    assert unnamed_focusable(window) == []
    assert unlabelled(window) == []
    opener.close_window(window)
    window = opener.open(later)
    window.live.go_to(Step.REVIEW)
    opener.wait_idle()
    assert unnamed_focusable(window) == []
    assert unlabelled(window) == []


def test_projector_words_for_the_new_steps() -> None:
    from coprodesk.core.live import PublicSnapshot

    public = PublicSnapshot(
        workshop_title="W",
        step=Step.ACTIONS,
        item=None,
        timing=None,
        agreement=(),
        names_present=("Ann Bee",),
        support_text="",
        initials_without_action=("AB", "ŁŻ"),
    )
    content = projector_content(public)
    assert (content.names_caption, content.names) == (STILL_TO_CHOOSE, "AB · ŁŻ")
    everyone = projector_content(
        PublicSnapshot(**{**public.__dict__, "initials_without_action": ()})
    )
    assert (everyone.names_caption, everyone.names) == ("", "")
    review = projector_content(PublicSnapshot(**{**public.__dict__, "step": Step.REVIEW}))
    assert review.lines == ("No actions from earlier workshops to look back on.",)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", None),
        ("14/12/2026", date(2026, 12, 14)),
        ("14/12", date(2026, 12, 14)),
        ("1.2.27", date(2027, 2, 1)),
        ("2026-12-14", date(2026, 12, 14)),
        ("14 December 2026", date(2026, 12, 14)),
        ("3 jan", date(2026, 1, 3)),
    ],
)
def test_typed_target_dates(typed: str, expected: date | None) -> None:
    assert parse_target_date(typed, date(2026, 5, 1)) == expected


@pytest.mark.parametrize("typed", ["31/2/2026", "soon", "14/13"])
def test_unreadable_dates_are_refused(typed: str) -> None:
    with pytest.raises(Exception, match="not a date"):
        parse_target_date(typed, date(2026, 5, 1))


def test_a_minute_entry_becomes_an_action(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build_minutes(db)
    with db.reading() as session:
        guard = minutes.NameGuard.for_series(session, built.series_id)
    minutes.record_line(db, built.workshop_id, "AR: find out who holds the shed key", guard)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        choose_row(panel, 0)
        qtbot.keyClick(panel.view, Qt.Key.Key_A, CONTROL_SHIFT)
        bar = panel.action_bar
        assert bar.isVisible()
        assert bar.text.text() == "find out who holds the shed key"
        assert bar.owners.text() == "AR"
        assert unnamed_focusable(bar) == []
        bar.owners.setText("AR, wm")
        qtbot.keyClick(bar.text, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not bar.isVisible())
        opener.wait_idle()
        assert "Action added for AR, WM" in panel.notice.text()
        with db.reading() as session:
            (action,) = actions.board(session, built.workshop_id)
            entry = minutes.entries(session, built.workshop_id)[0]
        assert action.source_entry_id == entry.id
        assert action.owner_initials == ("AR", "WM")
        assert panel.entry_line.hasFocus() or not panel.isActiveWindow()

        choose_row(panel, 0)
        qtbot.keyClick(panel.view, Qt.Key.Key_A, CONTROL_SHIFT)
        bar.owners.setText("QQ")
        bar.submit()
        qtbot.waitUntil(bar.problem.isVisible)
        assert "initials QQ" in bar.problem.text()
        qtbot.keyClick(bar.owners, Qt.Key.Key_Escape)
        assert not bar.isVisible()
