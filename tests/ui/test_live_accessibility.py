"""Every control in the live window and the projector has a name, a label, and a keyboard path;
text follows the text-size setting."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from live_helpers import LiveOpener, build
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot
from test_accessibility import unnamed_focusable

from coprodesk.core.db import Database
from coprodesk.core.live import STEPS, Step
from coprodesk.ui.dialogs import TitleDialog
from coprodesk.ui.live.look import LARGE
from coprodesk.ui.live.projector import PROJECTOR_POINT_SIZE
from coprodesk.ui.live.window import LiveWindow
from coprodesk.ui.palette import BASE_POINT_SIZE, apply_look, set_text_scale


@pytest.fixture
def opener(qtbot: QtBot, event_loop: object) -> Iterator[LiveOpener]:
    with LiveOpener(qtbot) as opened:
        yield opened


@pytest.fixture
def app_look(qapp: QApplication) -> Iterator[QApplication]:
    font, palette, sheet = QFont(qapp.font()), QPalette(qapp.palette()), qapp.styleSheet()
    apply_look(qapp, 1.0)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)


def unlabelled(top: QWidget) -> list[str]:
    """Lists, tables and drop-downs that no label names as its buddy."""
    buddies = {label.buddy() for label in top.findChildren(QLabel) if label.buddy() is not None}
    return [
        f"{type(widget).__name__} {widget.accessibleName()!r}"
        for widget in top.findChildren(QWidget)
        if isinstance(widget, QAbstractItemView | QComboBox)
        and not isinstance(widget, QHeaderView)
        and widget not in buddies
        and not in_drop_down(widget)
    ]


def in_drop_down(widget: QWidget) -> bool:
    """Whether ``widget`` is part of a drop-down's own pop-up list."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def clashing_mnemonics(top: QWidget) -> dict[str, list[str]]:
    """Alt+letter keys that more than one visible control answers to."""
    found: dict[str, list[str]] = {}
    for widget in top.findChildren(QAbstractButton) + top.findChildren(QLabel):
        text = widget.text().replace("&&", "")
        if widget.isVisible() and "&" in text:
            letter = text[text.index("&") + 1].casefold()
            found.setdefault(letter, []).append(text)
    return {letter: texts for letter, texts in found.items() if len(texts) > 1}


def mnemonics_without_buddies(top: QWidget) -> list[str]:
    return [
        label.text()
        for label in top.findChildren(QLabel)
        if "&" in label.text().replace("&&", "") and label.buddy() is None
    ]


@pytest.mark.parametrize("with_content", [True, False], ids=["filled", "empty"])
def test_every_step_page_and_the_projector(
    qtbot: QtBot, db: Database, opener: LiveOpener, with_content: bool
) -> None:
    built = build(db, with_agreement=with_content, with_agenda=with_content)
    window = opener.open(built.workshop_id)
    window.projector_controls.full_screen.setChecked(False)
    window.projector_controls.set_showing(True)
    for step in STEPS:
        window.live.go_to(step)
        opener.wait_idle()
        if step is Step.CLOSE:
            window.close_page.reveal_button.click()
            qtbot.waitUntil(window.close_page.roles_shown)
        assert window.current_page() is window.page(step)
        assert unnamed_focusable(window) == [], step.label
        assert unnamed_focusable(window.projector) == [], step.label
        assert unlabelled(window) == [], step.label
        assert mnemonics_without_buddies(window) == [], step.label
        assert clashing_mnemonics(window) == {}, step.label
    window.live.close_workshop()
    opener.wait_idle()
    assert unnamed_focusable(window) == []


def test_the_late_arrival_dialog(db: Database, opener: LiveOpener) -> None:
    built = build(db)
    window = opener.open(built.workshop_id)
    window.ask_late_arrival()
    dialog = window.active_dialog
    assert isinstance(dialog, TitleDialog)
    assert unnamed_focusable(dialog) == []
    dialog.reject()


def test_focus_follows_the_step_by_keyboard(qtbot: QtBot, db: Database, opener: LiveOpener) -> None:
    built = build(db)
    window = opener.open(built.workshop_id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.step_bar.buttons[Step.INTRODUCTIONS].setFocus()
    window.live.go_to(Step.INTRODUCTIONS)
    opener.wait_idle()
    window.introductions_page.round.setFocus()
    window.live.step_forward()
    opener.wait_idle()
    # Focus was on the page that went away; it moves to the new page, not nowhere.
    assert window.agreement_page.isAncestorOf(QApplication.focusWidget())


def test_text_follows_the_text_size(
    db: Database, opener: LiveOpener, app_look: QApplication
) -> None:
    built = build(db)
    window: LiveWindow = opener.open(built.workshop_id)
    window.live.go_to(Step.AGENDA)
    opener.wait_idle()
    window.projector_controls.full_screen.setChecked(False)
    window.projector_controls.set_showing(True)
    assert window.now_bar.line.font().pointSizeF() == pytest.approx(BASE_POINT_SIZE * LARGE)
    assert window.projector.step.font().pointSizeF() == pytest.approx(PROJECTOR_POINT_SIZE)

    set_text_scale(app_look, 2.0)
    assert window.now_bar.line.font().pointSizeF() == pytest.approx(2 * BASE_POINT_SIZE * LARGE)
    assert window.agenda_page.next_button.font().pointSizeF() == pytest.approx(24)
    assert window.step_bar.buttons[Step.AGENDA].font().pointSizeF() == pytest.approx(24)
    assert window.step_bar.buttons[Step.AGENDA].font().bold()
    assert window.projector.step.font().pointSizeF() == pytest.approx(2 * PROJECTOR_POINT_SIZE)
    assert window.agenda_page.table.font().pointSizeF() == pytest.approx(24)
