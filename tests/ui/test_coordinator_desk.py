"""The coordinator's desk: reached from the series page, private, keyboard-named, saved at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from builders import BuiltSeries, build_series
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from setup_helpers import current_page, leave
from test_accessibility import unnamed_focusable
from test_accessibility_setup import clipped
from ui_helpers import OpenWindow

from coprodesk.core import recompense
from coprodesk.core.db import Database
from coprodesk.core.models import ExpenseStatus, RecompenseChoice
from coprodesk.ui.coordinator.desk import CoordinatorDesk
from coprodesk.ui.palette import set_text_scale
from coprodesk.ui.private import PRIVATE_MARKER_TEXT


def open_desk(open_window: OpenWindow, db: Database) -> tuple[CoordinatorDesk, BuiltSeries]:
    with db.transaction() as session:
        built = build_series(session)
    open_window.open()
    open_window.page.select_series(built.series_id)
    assert open_window.window.coordinator_action.isEnabled()
    open_window.page.coordinator_button.click()
    desk = current_page(open_window, CoordinatorDesk)
    open_window.wait_idle()
    return desk, built


def choose(desk: CoordinatorDesk, name: str) -> None:
    for row in range(desk.people_list.count()):
        if desk.people_list.item(row).text().startswith(name):
            desk.people_list.setCurrentRow(row)
            return
    raise AssertionError(name)


def test_the_desk_is_private_named_and_shows_each_person(
    db: Database, open_window: OpenWindow
) -> None:
    desk, _built = open_desk(open_window, db)
    assert desk.marker.text().startswith(PRIVATE_MARKER_TEXT)
    assert unnamed_focusable(desk) == [], unnamed_focusable(desk)
    assert desk.heading.text() == "Coordinator's desk: Riverside Community Garden"
    choose(desk, "Mary-Jane O'Neil")
    assert "3 hours 58 minutes" in desk.recognition_text.text()
    assert "Ask the council about water." in desk.recognition_text.text()
    assert recompense.BENEFITS_NOTE in desk.choice_field.hint.text()
    leave(open_window)
    assert open_window.window.new_series_action.isEnabled()


def test_changes_are_saved_at_once(
    qtbot: QtBot, db: Database, open_window: OpenWindow, tmp_path: Path
) -> None:
    desk, built = open_desk(open_window, db)
    choose(desk, "Amara Okafor")
    person = built.person("AO")
    desk.choice.setCurrentIndex(desk.choice.findData(RecompenseChoice.TRAINING.value))
    desk.choice.activated.emit(desk.choice.currentIndex())
    open_window.wait_idle()
    desk.agreed.setChecked(True)
    open_window.wait_idle()
    desk.amount.setText("£7.20")
    desk.add_expense_button.click()
    open_window.wait_idle()
    with db.reading() as session:
        chosen = recompense.preference(session, person)
        spent = recompense.series_expenses(session, built.series_id)
    assert chosen.choice is RecompenseChoice.TRAINING
    assert chosen.record_agreed_at is not None
    assert [(e.amount_pence, e.status) for e in spent] == [(720, ExpenseStatus.OWED)]
    assert desk.expenses.item(0, 1).text() == "£7.20"

    desk.toggle_status_button.click()
    open_window.wait_idle()
    with db.reading() as session:
        assert recompense.series_expenses(session, built.series_id)[0].status is ExpenseStatus.GIVEN

    desk.expenses.setFocus()
    qtbot.keyClick(desk.expenses, Qt.Key.Key_Delete)
    open_window.wait_idle()
    with db.reading() as session:
        assert recompense.series_expenses(session, built.series_id) == []
    assert desk.undo_bar.isVisible()
    open_window.window.undo_removal_action.trigger()
    open_window.wait_idle()
    with db.reading() as session:
        assert len(recompense.series_expenses(session, built.series_id)) == 1

    # A bad amount is refused beside the field, and nothing is added.
    desk.amount.setText("-3")
    desk.add_expense_button.click()
    open_window.wait_idle()
    assert "minus" in desk.amount_field.problem_text()

    out = tmp_path / "finance.csv"
    desk.choose_path = lambda _parent, _name: out
    desk.tabs.setCurrentIndex(2)
    desk.export_button.click()
    open_window.wait_idle()
    assert out.exists()
    assert "Amara Okafor" in out.read_text(encoding="utf-8-sig")
    assert str(out) in desk.export_result.text()


def test_fair_load_and_the_time_override(db: Database, open_window: OpenWindow) -> None:
    desk, _built = open_desk(open_window, db)
    assert desk.load_table.rowCount() == 5
    choose(desk, "Αλέξης Παππάς")
    desk.minutes.setValue(40)
    desk.minutes.editingFinished.emit()
    open_window.wait_idle()
    assert "40 minutes" in desk.recognition_text.text()
    assert desk.worked_out_button.isEnabled()
    desk.worked_out_button.click()
    open_window.wait_idle()
    assert desk.minutes.value() == 0
    assert not desk.worked_out_button.isEnabled()


def test_the_desk_has_a_key_and_a_menu_item(db: Database, open_window: OpenWindow) -> None:
    with db.transaction() as session:
        build_series(session)
    open_window.open()
    action = open_window.window.coordinator_action
    assert action.shortcut().toString() == "Ctrl+Shift+D"
    menus = [menu.title() for menu in action.associatedObjects() if hasattr(menu, "title")]
    assert "&Series" in menus


@pytest.fixture
def app_text() -> Iterator[QApplication]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    yield app
    set_text_scale(app, 1.0)


def test_nothing_on_the_desk_is_cut_off_at_200_percent(
    qtbot: QtBot, db: Database, open_window: OpenWindow, app_text: QApplication
) -> None:
    open_window.window.resize(1000, 640)
    set_text_scale(app_text, 2.0)
    desk, _built = open_desk(open_window, db)
    for tab in range(desk.tabs.count()):
        desk.tabs.setCurrentIndex(tab)
        qtbot.wait(50)
        assert clipped(open_window.window) == [], desk.tabs.tabText(tab)
