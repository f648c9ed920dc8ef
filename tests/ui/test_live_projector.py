"""The projector: public only (names, never roles), large, high contrast, following live."""

from __future__ import annotations

import ast
import inspect
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from live_helpers import AGREEMENT, PEOPLE, ROLES, SUPPORT, LiveOpener, build
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from coprodesk.core import attendance
from coprodesk.core.db import Database
from coprodesk.core.live import STEPS, PublicSnapshot, Step, item_timing
from coprodesk.core.models import AttendanceStatus
from coprodesk.core.workshop import AgendaItemView
from coprodesk.ui.live import projector, projector_content
from coprodesk.ui.live.projector import PROJECTOR_POINT_SIZE, ProjectorWindow
from coprodesk.ui.live.window import LiveWindow
from coprodesk.ui.palette import apply_look

NAMES = [name for name, _role, _share in PEOPLE]


@pytest.fixture
def opener(qtbot: QtBot, event_loop: object) -> Iterator[LiveOpener]:
    with LiveOpener(qtbot) as opened:
        yield opened


@pytest.fixture
def app_look(qapp: QApplication) -> Iterator[None]:
    """The app's own look at 100 % text, as when CoproDesk runs; put back afterwards."""
    font, palette, sheet = QFont(qapp.font()), QPalette(qapp.palette()), qapp.styleSheet()
    apply_look(qapp, 1.0)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)


def open_with_everyone_present(db: Database, opener: LiveOpener) -> LiveWindow:
    built = build(db)
    with db.transaction() as session:
        for person in built.people.values():
            attendance.set_status(session, built.workshop_id, person, AttendanceStatus.PRESENT)
    window = opener.open(built.workshop_id)
    window.projector_controls.full_screen.setChecked(False)
    return window


def test_the_projector_shows_names_and_never_a_role(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    window = open_with_everyone_present(db, opener)
    qtbot.mouseClick(window.projector_controls.show_button, Qt.MouseButton.LeftButton)
    shown = window.projector
    assert shown.isVisible()
    seen: list[str] = []
    for step in STEPS:
        window.live.go_to(step)
        opener.wait_idle()
        if step is Step.CLOSE:  # The facilitator shows the roles on their own screen.
            qtbot.mouseClick(window.close_page.reveal_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(window.close_page.roles_shown)
            assert "Bashir Haddad: Probation officer" in window.close_page.roles_model.stringList()
        opener.later(window, 1)
        text = "\n".join(shown.texts())
        seen.append(text)
        assert step.label in text
        for role in ROLES:
            assert role not in text, f"{role!r} reached the projector at {step.label}"
        for private in ("Present:", "Apologies", "Only you see this"):
            assert private not in text
    welcome = seen[0]
    for name in NAMES:
        assert name.replace(" ", "\u00a0") in welcome
    assert all(statement in seen[2] for statement in AGREEMENT)
    assert SUPPORT in seen[STEPS.index(Step.CHECK_OUT)]


def test_the_projector_follows_the_window_live(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    window = open_with_everyone_present(db, opener)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    shown = window.projector
    assert shown.isVisible()
    assert window.projector_controls.show_button.text() == "Hide the projector"
    window.live.go_to(Step.AGENDA)
    opener.wait_idle()
    assert shown.step.text() == "Step 5 of 8: Agenda"
    assert shown.heading.text() == "Bus times"
    assert shown.timer.text() == "10 min left"
    opener.later(window, 11)
    assert shown.timer.text() == "1 min over"
    assert shown.timer.palette().color(QPalette.ColorRole.WindowText).name() == "#ffc857"
    window.live.next_item()
    opener.wait_idle()
    assert shown.heading.text() == "Tea"
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert not shown.isVisible()
    assert window.projector_controls.show_button.text() == "Show on projector"


def test_full_screen_and_the_choice_of_screen(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    window = open_with_everyone_present(db, opener)
    controls = window.projector_controls
    assert controls.screen_choice.count() == len(QGuiApplication.screens())
    assert controls.chosen_screen() is QGuiApplication.screens()[-1]
    controls.set_showing(True)
    shown = window.projector
    assert not shown.is_full_screen()
    assert not shown.isActiveWindow()  # Showing it leaves the keyboard with the facilitator.
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    qtbot.keyClick(shown, Qt.Key.Key_F11)
    assert shown.is_full_screen()
    assert controls.full_screen.isChecked()
    qtbot.keyClick(shown, Qt.Key.Key_Escape)
    assert not shown.is_full_screen()
    assert shown.isVisible()  # Escape leaves full screen; it does not hide the projector.
    qtbot.keyClick(shown, Qt.Key.Key_F5)
    assert not shown.isVisible()
    assert not controls.showing()


def test_the_projector_is_built_only_from_the_public_snapshot() -> None:
    show = inspect.signature(ProjectorWindow.show_public)
    assert list(show.parameters) == ["self", "public"]
    assert inspect.get_annotations(ProjectorWindow.show_public, eval_str=True) == {
        "public": PublicSnapshot,
        "return": None,
    }
    assert list(inspect.signature(ProjectorWindow.__init__).parameters) == ["self", "parent"]
    # Nothing from the core but the public snapshot (and shipped words) is even imported.
    for module in (projector, projector_content):
        tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
        core = {
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("coprodesk.core")
        }
        assert core <= {"coprodesk.core.live", "coprodesk.core.rounds"}, module.__name__


def contrast(first: QColor, second: QColor) -> float:
    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.usefixtures("app_look")
def test_the_projector_is_large_and_high_contrast(db: Database, opener: LiveOpener) -> None:
    window = open_with_everyone_present(db, opener)
    window.projector_controls.set_showing(True)
    shown = window.projector
    background = shown.palette().color(QPalette.ColorRole.Window)
    for step in (Step.WELCOME, Step.AGENDA):
        window.live.go_to(step)
        opener.wait_idle()
        opener.later(window, 30)  # Over time: the amber timer too.
        for label in shown.findChildren(QLabel):
            if label.isVisible():
                assert label.font().pointSizeF() >= PROJECTOR_POINT_SIZE, label.text()
                text = label.palette().color(QPalette.ColorRole.WindowText)
                assert contrast(text, background) >= 7, label.text()


LONG_AGREEMENT = tuple(
    f"We give everyone time to speak and we listen without interrupting, number {n}"
    for n in range(1, 14)
)


def agreement_on(window: ProjectorWindow, statements: tuple[str, ...]) -> None:
    window.show_public(
        PublicSnapshot("Bus routes", Step.AGREEMENT, None, None, statements, ("Aisha",), "")
    )
    window.fit_to_window()  # as the window does straight after any change


def shown_statements(window: ProjectorWindow) -> list[str]:
    return window.lines.text().split("\n")


@pytest.fixture
def small_screen(qtbot: QtBot, app_look: None) -> ProjectorWindow:
    """A projector on a 1280 by 720 screen, with the app's own look."""
    window = ProjectorWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    return window


def test_a_long_agreement_shrinks_and_turns_pages_to_fit_the_screen(
    small_screen: ProjectorWindow, qapp: QApplication
) -> None:
    window = small_screen
    agreement_on(window, AGREEMENT)
    assert window.fit == 1.0
    assert window.pages == []

    agreement_on(window, LONG_AGREEMENT)
    assert window.fit < 1.0
    assert window.pages == []
    assert shown_statements(window) == [f"{n}. {s}" for n, s in enumerate(LONG_AGREEMENT, 1)]
    assert window.layout().totalHeightForWidth(window.width()) <= window.height()

    qapp.setFont(QFont(qapp.font().family(), round(qapp.font().pointSizeF() * 1.5)))
    agreement_on(window, LONG_AGREEMENT)
    assert window.fit == projector.FIT_STEPS[-1]
    count = len(window.pages)
    assert count > 1
    seen: list[str] = []
    for page in range(1, count + 1):
        assert window.heading.text() == f"What we agreed ({page} of {count})"
        assert window.layout().totalHeightForWidth(window.width()) <= window.height()
        seen += shown_statements(window)
        window.next_page()
    assert seen == [f"{n}. {s}" for n, s in enumerate(LONG_AGREEMENT, 1)]
    assert window.heading.text() == f"What we agreed (1 of {count})"


def test_the_pages_turn_by_themselves_and_the_clock_does_not_reset_them(
    qtbot: QtBot, small_screen: ProjectorWindow, qapp: QApplication
) -> None:
    window = small_screen
    window.set_agreement_always(True)
    qapp.setFont(QFont(qapp.font().family(), round(qapp.font().pointSizeF() * 2)))
    start = datetime(2026, 7, 6, 12, 32)
    running = AgendaItemView(uuid.uuid4(), 1, "Bus times", 10, False, "", start, None)
    snapshot = PublicSnapshot(
        "Bus routes", Step.AGENDA, running, item_timing(running, start), LONG_AGREEMENT, (), ""
    )
    window.show_public(snapshot)
    qtbot.waitUntil(lambda: len(window.pages) > 1)
    turner = window.findChild(QTimer, "page turner")
    assert turner is not None
    assert turner.isActive()
    assert turner.interval() == projector.PAGE_SECONDS * 1000
    turner.timeout.emit()
    assert window.heading.text().startswith("What we agreed (2 of")
    later = replace(snapshot, timing=item_timing(running, start + timedelta(minutes=1)))
    window.show_public(later)
    qtbot.wait(20)
    assert window.timer.text() != ""
    assert window.heading.text().startswith("What we agreed (2 of")
