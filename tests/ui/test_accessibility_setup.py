"""The set-up screens: every control named, labels as buddies, reading-order tabbing, and
nothing cut off at 200 % text."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot
from setup_helpers import make_series, open_series_setup, open_workshop_setup
from test_accessibility import unnamed_focusable
from ui_helpers import OpenWindow

from coprodesk.core.db import Database
from coprodesk.ui.palette import set_text_scale
from coprodesk.ui.setup.fields import Field
from coprodesk.ui.setup.page import SetupPage
from coprodesk.ui.shortcuts_sheet import show_shortcuts_sheet

PEOPLE = ("Aisha Rahman", "Mary-Jane O'Neil", "Łukasz Żółć")


@pytest.fixture
def app_text() -> Iterator[QApplication]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    yield app
    set_text_scale(app, 1.0)


def focus_chain(page: SetupPage) -> list[QWidget]:
    """The widgets Tab visits on ``page``, in order, starting from its first."""
    chain: list[QWidget] = []
    widget: QWidget = page
    for _ in range(500):
        widget = widget.nextInFocusChain()
        if widget is page:
            break
        if (
            page.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            chain.append(widget)
    return chain


def top_left(widget: QWidget, page: QWidget) -> QPoint:
    return widget.mapTo(page, QPoint(0, 0))


def out_of_reading_order(page: SetupPage) -> list[str]:
    """Widgets Tab reaches above the one before (rows of buttons may go left to right)."""
    chain = focus_chain(page)
    problems = []
    for before, after in itertools.pairwise(chain):
        a, b = top_left(before, page), top_left(after, page)
        if b.y() < a.y() - 2 or (abs(b.y() - a.y()) <= 2 and b.x() < a.x()):
            problems.append(f"{before.accessibleName()!r} then {after.accessibleName()!r}")
    return problems


def clipped(top: QWidget) -> list[str]:
    """Visible labels and buttons given less room than their text needs."""
    found = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, (QLabel, QAbstractButton)):
            continue
        name = widget.text() if isinstance(widget, (QLabel, QAbstractButton)) else ""
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if widget.height() < needed:
                found.append(f"{name!r}: {widget.height()} high, needs {needed}")
        elif widget.width() < widget.minimumSizeHint().width():
            found.append(f"{name!r}: {widget.width()} wide, needs {widget.minimumSizeHint()}")
    for area in top.findChildren(QScrollArea):
        inner = area.widget()
        if area.isVisible() and inner is not None and inner.width() > area.viewport().width():
            wide = [
                f"{type(w).__name__} {w.accessibleName()!r} {w.minimumSizeHint().width()}"
                for w in inner.findChildren(QWidget)
                if w.isVisible() and w.minimumSizeHint().width() > area.viewport().width() - 40
            ]
            found.append(f"a screen wider than its window: {wide}")
    return found


def test_every_control_on_the_series_setup_has_a_name(
    db: Database, open_window: OpenWindow
) -> None:
    series_id, _ = make_series(db, people=PEOPLE)
    open_window.open()
    setup = open_series_setup(open_window, series_id)
    assert unnamed_focusable(open_window.window) == []
    setup.tabs.setCurrentIndex(1)
    setup.roster.set_show_private(True)
    setup.show_problem("Someone in this series already has the initials AR.")
    assert unnamed_focusable(open_window.window) == []


def test_every_control_on_the_workshop_setup_has_a_name(
    qtbot: QtBot, db: Database, open_window: OpenWindow
) -> None:
    series_id, workshop_id = make_series(db)
    open_window.open()
    setup = open_workshop_setup(open_window, series_id, workshop_id)
    agenda = setup.agenda
    agenda.table.setFocus()
    qtbot.keyClick(agenda.table, Qt.Key.Key_Delete)
    open_window.wait_idle()
    assert setup.undo_bar.isVisible()
    assert unnamed_focusable(open_window.window) == []
    sheet = show_shortcuts_sheet(open_window.window)
    assert unnamed_focusable(sheet) == []
    sheet.close()


def test_labels_are_the_buddies_of_their_fields(
    qtbot: QtBot, db: Database, open_window: OpenWindow
) -> None:
    series_id, workshop_id = make_series(db)
    open_window.open()
    window = open_window.window

    def check(page: SetupPage, least: int) -> None:
        fields = page.findChildren(Field)
        assert len(fields) >= least
        for field in fields:
            assert field.label.buddy() is field.control
            assert field.control.accessibleName() == field.label.text().replace("&", "")

    check(open_series_setup(open_window, series_id), 7)
    window.back_action.trigger()
    qtbot.waitUntil(lambda: window.setup is not None and window.setup.page is None)
    check(open_workshop_setup(open_window, series_id, workshop_id), 7)


def test_tab_follows_the_reading_order(qtbot: QtBot, db: Database, open_window: OpenWindow) -> None:
    series_id, workshop_id = make_series(db, people=PEOPLE)
    open_window.open()
    window = open_window.window
    window.resize(1000, 3000)  # Everything in view at once, so positions compare.
    series_setup = open_series_setup(open_window, series_id)
    assert out_of_reading_order(series_setup) == []
    series_setup.tabs.setCurrentIndex(1)
    series_setup.roster.set_show_private(True)
    assert out_of_reading_order(series_setup) == []
    window.back_action.trigger()
    qtbot.waitUntil(lambda: window.setup is not None and window.setup.page is None)
    workshop_setup = open_workshop_setup(open_window, series_id, workshop_id)
    chain = focus_chain(workshop_setup)
    assert isinstance(chain[1], QLineEdit)  # After Back to series: the title.
    assert out_of_reading_order(workshop_setup) == []


@pytest.mark.parametrize("size", [(1000, 640), (720, 640)])
def test_nothing_is_cut_off_at_200_percent(
    qtbot: QtBot,
    db: Database,
    open_window: OpenWindow,
    app_text: QApplication,
    size: tuple[int, int],
) -> None:
    series_id, workshop_id = make_series(db, people=PEOPLE)
    open_window.open()
    window = open_window.window
    window.resize(*size)
    set_text_scale(app_text, 2.0)
    series_setup = open_series_setup(open_window, series_id)
    qtbot.wait(50)
    assert clipped(window) == []
    series_setup.tabs.setCurrentIndex(1)
    series_setup.roster.set_show_private(True)
    qtbot.wait(50)
    assert clipped(window) == []
    window.back_action.trigger()
    qtbot.waitUntil(lambda: window.setup is not None and window.setup.page is None)
    open_workshop_setup(open_window, series_id, workshop_id)
    qtbot.wait(50)
    assert clipped(window) == []
