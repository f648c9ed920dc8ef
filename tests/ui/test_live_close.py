"""The role reveal: only people present who agreed, only when the facilitator chooses."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from live_helpers import LiveOpener, build
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coprodesk.core import attendance
from coprodesk.core.db import Database
from coprodesk.core.live import Step
from coprodesk.core.models import AttendanceStatus


@pytest.fixture
def opener(qtbot: QtBot, event_loop: object) -> Iterator[LiveOpener]:
    with LiveOpener(qtbot) as opened:
        yield opened


def test_the_reveal_shows_only_consented_people_present(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    built = build(db)
    with db.transaction() as session:
        for name, status in (
            ("Bashir Haddad", AttendanceStatus.PRESENT),  # Agreed: shown.
            ("Chloé Martin", AttendanceStatus.PRESENT),  # Did not agree: never shown.
            ("Dorota Wiśniewska", AttendanceStatus.APOLOGIES),  # Agreed, not here: not shown.
            ("Efe Adeyemi", AttendanceStatus.PRESENT),  # Agreed: shown.
            ("Fionn Byrne", AttendanceStatus.PRESENT),  # No role.
        ):
            attendance.set_status(session, built.workshop_id, built.people[name], status)
    window = opener.open(built.workshop_id)
    window.live.go_to(Step.CLOSE)
    opener.wait_idle()
    page = window.close_page
    assert not page.roles_shown()  # Nothing until the facilitator chooses.
    assert page.roles_model.stringList() == []

    qtbot.mouseClick(page.reveal_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.roles_shown)
    assert page.roles_model.stringList() == [
        "Bashir Haddad: Probation officer",
        "Efe Adeyemi: Housing officer",
    ]
    assert page.reveal_button.text() == "Hide the roles"
    assert page.reveal_area.marker.text().startswith("Only you see this")

    qtbot.mouseClick(page.reveal_button, Qt.MouseButton.LeftButton)
    assert not page.roles_shown()
    assert page.roles_model.stringList() == []

    qtbot.mouseClick(page.reveal_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.roles_shown)
    window.live.go_to(Step.CHECK_OUT)  # Leaving the step hides them again.
    opener.wait_idle()
    assert page.roles_model.stringList() == []
    assert page.reveal_button.text() == "Show the roles people agreed to share"


def test_no_one_to_reveal_says_so(qtbot: QtBot, db: Database, opener: LiveOpener) -> None:
    built = build(db)
    window = opener.open(built.workshop_id)
    window.live.go_to(Step.CLOSE)
    opener.wait_idle()
    page = window.close_page
    qtbot.mouseClick(page.reveal_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.roles_shown)
    assert page.no_roles.isVisible()
    assert not page.roles.isVisible()
