"""Prompts and the balance of voices in the live window: private, quiet, logged."""

from __future__ import annotations

import dataclasses
import inspect
import json
import re
from collections.abc import Iterator

import pytest
from live_helpers import LiveOpener, build
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from test_accessibility import unnamed_focusable
from test_live_accessibility import unlabelled

from coprodesk import paths
from coprodesk.core import attendance, minutes
from coprodesk.core.db import Database
from coprodesk.core.live import RoomSummary, Step
from coprodesk.core.models import AttendanceStatus, PromptLogEntry, PromptOutcome
from coprodesk.core.prompt_library import CUSTOM_FILE
from coprodesk.ui.live.projector import ProjectorWindow
from coprodesk.ui.live.prompts_controller import REFRESH_MS as PROMPTS_REFRESH_MS
from coprodesk.ui.live.window import LiveWindow
from coprodesk.ui.prompt_library_window import PromptLibraryWindow
from coprodesk.ui.prompt_log_window import PromptLogWindow


@pytest.fixture
def opener(qtbot: QtBot, event_loop: object) -> Iterator[LiveOpener]:
    with LiveOpener(qtbot) as opened:
        yield opened


def _everyone_here(db: Database, opener: LiveOpener) -> tuple[LiveWindow, dict[str, str]]:
    built = build(db)
    initials: dict[str, str] = {}
    with db.transaction() as session:
        for person in built.people.values():
            attendance.set_status(session, built.workshop_id, person, AttendanceStatus.PRESENT)
        for view in attendance.attendance(session, built.workshop_id):
            initials[view.name] = view.initials
    window = opener.open(built.workshop_id)
    window.projector_controls.full_screen.setChecked(False)
    return window, initials


def _click(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click once the side panel has laid the new card out."""
    qtbot.waitUntil(lambda: button.height() > 0)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _outcomes(db: Database) -> dict[str, PromptOutcome]:
    with db.reading() as session:
        return {
            entry.prompt_key: entry.outcome for entry in session.scalars(select(PromptLogEntry))
        }


def test_opening_prompts_appear_as_cards_in_the_private_panel(
    db: Database, opener: LiveOpener
) -> None:
    window, _initials = _everyone_here(db, opener)
    cards = window.prompts.cards
    texts = cards.texts()
    assert any("where power sits" in text for text in texts)
    assert any("what can change" in text for text in texts)
    assert window.side_panel.area.isAncestorOf(cards)
    assert set(_outcomes(db).values()) == {PromptOutcome.SHOWN}


def test_cards_never_take_the_keyboard(qtbot: QtBot, db: Database, opener: LiveOpener) -> None:
    window, _initials = _everyone_here(db, opener)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    target = window.step_buttons.forward_button
    target.setFocus()
    window.live.go_to(Step.AGENDA)  # New cards arrive...
    opener.wait_idle()
    window.live.go_to(Step.ACTIONS)
    opener.wait_idle()
    assert window.prompts.cards.views
    assert QApplication.focusWidget() is target
    assert QApplication.activeWindow() is window
    view = next(iter(window.prompts.cards.views.values()))
    for button in (view.acted, view.dismiss):
        assert button.focusPolicy() == Qt.FocusPolicy.TabFocus  # A click leaves focus be.


def test_acting_on_and_dismissing_are_logged(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    window, _initials = _everyone_here(db, opener)
    views = {view.card.key: view for view in window.prompts.cards.views.values()}
    _click(qtbot, views["name_the_power"].acted)
    _click(qtbot, views["shared_purpose"].dismiss)
    opener.wait_idle()
    outcomes = _outcomes(db)
    assert outcomes["name_the_power"] is PromptOutcome.ACTED_ON
    assert outcomes["shared_purpose"] is PromptOutcome.DISMISSED
    keys = {view.card.key for view in window.prompts.cards.views.values()}
    assert "name_the_power" not in keys
    assert "shared_purpose" not in keys
    assert "what_can_change" in keys

    log = PromptLogWindow(window, opener.runner, opener.tasks, window.live.workshop_id)
    qtbot.addWidget(log)
    qtbot.waitUntil(lambda: log.table.rowCount() == len(outcomes))
    assert "1 acted on, 1 dismissed" in log.summary.text()
    assert unnamed_focusable(log) == []
    assert unlabelled(log) == []


def test_jargon_in_the_minutes_brings_a_plain_words_card(db: Database, opener: LiveOpener) -> None:
    window, _initials = _everyone_here(db, opener)
    with db.transaction() as session:
        minutes.add_entry(session, window.live.workshop_id, "The MDT will review the KPIs.")
    window.prompts.controller.refresh()
    opener.wait_idle()
    details = [view.card.detail for view in window.prompts.cards.views.values()]
    assert any("“MDT”" in detail and "team of different workers" in detail for detail in details)


def test_the_balance_panel_times_turns_and_the_room_sees_only_a_summary(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    window, initials = _everyone_here(db, opener)
    with db.transaction() as session:
        people = {
            view.initials: view.participant_id
            for view in attendance.attendance(session, window.live.workshop_id)
        }
        for _ in range(3):
            minutes.add_entry(
                session,
                window.live.workshop_id,
                "Buses at night.",
                speakers=[people[initials["Bashir Haddad"]]],
            )
    window.live.go_to(Step.AGENDA)
    opener.wait_idle()
    panel = window.prompts.balance
    first = initials["Chloé Martin"]
    _click(qtbot, panel.buttons[first])
    opener.wait_idle()
    opener.clock.advance(seconds=75)
    _click(qtbot, panel.buttons[first])
    opener.wait_idle()
    assert panel.labels[first].text() == "0 in the minutes · 1 turn, 1:15"
    assert panel.labels[initials["Bashir Haddad"]].text().startswith("3 in the minutes")
    assert window.side_panel.area.isAncestorOf(panel)

    window.projector_controls.set_showing(True)
    shown = window.projector
    qtbot.waitUntil(shown.isVisible)
    before = "\n".join(shown.texts())
    assert "heard" not in before  # Hidden until the facilitator chooses.
    panel.show_room.setChecked(True)
    opener.wait_idle()
    text = "\n".join(shown.texts())
    assert "2 of the 5 people here have been heard so far." in text
    for each in initials.values():
        assert re.search(rf"(?<!\w){re.escape(each)}(?!\w)", text) is None
    assert "1:15" not in text
    assert "turn" not in text
    assert "in the minutes" not in text
    panel.show_room.setChecked(False)
    assert "heard" not in "\n".join(shown.texts())
    assert unnamed_focusable(window) == []


def test_the_library_window_keeps_changes(qtbot: QtBot, db: Database, opener: LiveOpener) -> None:
    window, _initials = _everyone_here(db, opener)
    window.prompts.open_library()
    library = window.prompts.library_window
    assert isinstance(library, PromptLibraryWindow)
    qtbot.waitUntil(lambda: library.prompt_list.count() > 0)
    assert unnamed_focusable(library) == []
    assert unlabelled(library) == []
    first = library.prompt_list.item(0)
    assert first is not None
    first.setCheckState(Qt.CheckState.Unchecked)
    opener.wait_idle()
    library.term_edit.setText("PBR")
    library.plain_edit.setText("payment by results")
    _click(qtbot, library.add_term_button)
    opener.wait_idle()
    library.spins["quiet_minutes"].setValue(30)
    library.spins["quiet_minutes"].editingFinished.emit()
    opener.wait_idle()
    stored = json.loads((paths.data_dir() / CUSTOM_FILE).read_text(encoding="utf-8"))
    assert stored["off"] == ["name_the_power"]
    assert stored["glossary_added"] == [{"term": "PBR", "plain": "payment by results"}]
    assert stored["thresholds"] == {"quiet_minutes": 30}
    # The live window read the library again: the switched-off prompt is gone from the panel.
    qtbot.waitUntil(
        lambda: not any("where power sits" in text for text in window.prompts.cards.texts())
    )
    library.term_edit.setText("")
    library.plain_edit.setText("something")
    _click(qtbot, library.add_term_button)
    opener.wait_idle()
    assert "Please write the word or acronym." in library.problem.text()
    assert library.plain_edit.text() == "something"  # Nothing typed is lost.


def test_the_projector_takes_only_the_group_summary() -> None:
    """The one way balance reaches the projector holds lines of words and nothing per person."""
    assert inspect.get_annotations(ProjectorWindow.show_room_summary, eval_str=True) == {
        "summary": RoomSummary | None,
        "return": None,
    }
    assert [field.name for field in dataclasses.fields(RoomSummary)] == ["lines"]


def test_a_damaged_changes_file_is_reported_and_the_shipped_prompts_still_come(
    db: Database, opener: LiveOpener
) -> None:
    paths.data_dir().mkdir(parents=True, exist_ok=True)
    (paths.data_dir() / CUSTOM_FILE).write_text("{not json", encoding="utf-8")
    window, _initials = _everyone_here(db, opener)
    assert any("where power sits" in text for text in window.prompts.cards.texts())
    assert "damaged" in window.statusBar().currentMessage()


def test_a_line_typed_in_the_minutes_window_reaches_the_prompts_at_once(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    window, _initials = _everyone_here(db, opener)
    opener.wait_idle()
    window.open_minutes()
    panel = window.minutes_window.panel if window.minutes_window is not None else None
    assert panel is not None
    qtbot.waitUntil(lambda: panel.is_loaded, timeout=10_000)
    qtbot.keyClicks(panel.entry_line, "The MDT will review the KPIs.")
    qtbot.keyClick(panel.entry_line, Qt.Key.Key_Return)

    def plain_words_card() -> bool:
        details = [view.card.detail for view in window.prompts.cards.views.values()]
        return any("“MDT”" in detail for detail in details)

    # Well before the prompts' own timer would have read the minutes again.
    qtbot.waitUntil(plain_words_card, timeout=PROMPTS_REFRESH_MS // 3)


def test_prompts_come_first_in_the_side_panel_under_the_people(
    db: Database, opener: LiveOpener
) -> None:
    window, _initials = _everyone_here(db, opener)
    contents = window.side_panel.area.contents
    order = [
        contents.indexOf(widget)
        for widget in (
            window.side_panel.late_button,
            window.prompts.cards,
            window.coverage_note,
            window.point_raised,
        )
    ]
    assert order == sorted(order)
    assert -1 not in order


def _tab_from(widget: QWidget) -> list[QWidget]:
    """The controls Tab reaches after ``widget``, once round Qt's focus chain."""
    reached: list[QWidget] = []
    current = widget.nextInFocusChain()
    while current is not widget:
        tabbable = current.focusPolicy() & Qt.FocusPolicy.TabFocus
        if tabbable and current.isVisible() and current.isEnabled() and not current.focusProxy():
            reached.append(current)
        current = current.nextInFocusChain()
    return reached


def test_tab_goes_through_the_side_panel_in_the_order_it_is_shown(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    window, _initials = _everyone_here(db, opener)
    cards = window.prompts.cards
    qtbot.waitUntil(lambda: bool(cards.views))
    opener.wait_idle()
    qtbot.wait(20)  # the side panel is arranged just after new cards show
    reached = _tab_from(window.side_panel.late_button)
    first_card = next(iter(cards.views.values()))
    in_cards = [n for n, w in enumerate(reached) if first_card.isAncestorOf(w)]
    point = reached.index(window.point_raised.record_button)
    assert in_cards
    assert in_cards[0] == 0  # straight from the people to the first prompt
    assert in_cards[-1] < reached.index(cards.log_button) < point
