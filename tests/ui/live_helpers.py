"""Helpers for the live window tests: a series to run, and a live window on a fixed clock.

Everyone here is invented. Roles are deliberately ones that must never reach the
projector, so that the tests can look for them there.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import TracebackType

from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from coprodesk.core import roster, series, workshop
from coprodesk.core.db import Database
from coprodesk.core.models import AgreementStatement, AgreementVersion
from coprodesk.ui.live import open_live_window
from coprodesk.ui.live.clock import FixedClock
from coprodesk.ui.live.window import LiveWindow
from coprodesk.ui.tasks import DbRunner, TaskKeeper

T0 = datetime(2026, 5, 4, 18, 30)

# (name, private role, agreed to share the role at the end)
PEOPLE = (
    ("Bashir Haddad", "Probation officer", True),
    ("Chloé Martin", "Drug and alcohol worker", False),
    ("Dorota Wiśniewska", "Lived experience of prison", True),
    ("Efe Adeyemi", "Housing officer", True),
    ("Fionn Byrne", "", False),
)
ROLES = tuple(role for _name, role, _share in PEOPLE if role)
AGREEMENT = ("We speak one at a time.", "Anyone can pass.")
SUPPORT = "Talk to Efe after the workshop, or call 0800 000 111."
ITEMS = (("Bus times", 10, False, ""), ("Tea", 5, True, ""), ("Stops", 20, False, "Hard stories"))


@dataclass
class Built:
    series_id: uuid.UUID
    workshop_id: uuid.UUID
    people: dict[str, uuid.UUID] = field(default_factory=dict)
    items: list[uuid.UUID] = field(default_factory=list)


def build(db: Database, *, with_agreement: bool = True, with_agenda: bool = True) -> Built:
    with db.transaction() as session:
        return _build(session, with_agreement=with_agreement, with_agenda=with_agenda)


def _build(session: Session, *, with_agreement: bool, with_agenda: bool) -> Built:
    series_id = series.create_series(session, "Bus routes review", "Better buses for all.")
    workshop.update_series(session, series_id, support_text=SUPPORT)
    workshop_id = series.create_workshop(
        session,
        series_id,
        "Routes that work",
        starts_at=T0,
        venue="Oak Hall",
        purpose="Choose two routes to try.",
    )
    built = Built(series_id, workshop_id)
    for name, role, share in PEOPLE:
        built.people[name] = roster.add_person(
            session, series_id, name, private_role=role, reveal_role_consent=share
        )
    if with_agenda:
        for title, minutes, is_break, note in ITEMS:
            built.items.append(
                workshop.add_agenda_item(
                    session, workshop_id, title, minutes, is_break=is_break, content_note=note
                )
            )
    if with_agreement:
        version = AgreementVersion(series_id=series_id, number=1)
        version.statements = [
            AgreementStatement(position=position, text=text)
            for position, text in enumerate(AGREEMENT, start=1)
        ]
        session.add(version)
    return built


class LiveOpener:
    """Opens live windows on one database worker and a clock the test moves."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.clock = FixedClock(T0)
        # Not given to qtbot: pytest-qt deletes its widgets before fixtures end, and the
        # host must outlive the work still in flight when the test finishes.
        self.host = QWidget()
        self.tasks = TaskKeeper(self.host)
        self.runner = DbRunner()
        self.tasks.start(self.runner.open(), "open")
        qtbot.waitUntil(lambda: self.runner.database_path is not None, timeout=10_000)
        self.windows: list[LiveWindow] = []

    def __enter__(self) -> LiveOpener:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def open(self, workshop_id: uuid.UUID) -> LiveWindow:
        window = open_live_window(self.host, self.runner, self.tasks, workshop_id, clock=self.clock)
        self.windows.append(window)
        self.qtbot.waitUntil(lambda: window.live.view is not None, timeout=10_000)
        self.wait_idle()  # The prompts and the agreement read after the first view, too.
        return window

    def wait_idle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.tasks.busy, timeout=10_000)

    def later(self, window: LiveWindow, minutes: float) -> None:
        """Move the clock on and let the window's timers catch up."""
        self.clock.moment += timedelta(minutes=minutes)
        window.tick()

    def close_window(self, window: LiveWindow) -> None:
        self.wait_idle()
        window.close()
        self.windows.remove(window)

    def close(self) -> None:
        self.wait_idle()
        for window in self.windows:
            window.close()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.close()
        self.runner.close()
        self.host.deleteLater()
