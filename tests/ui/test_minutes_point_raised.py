"""Recording "agreement point N raised" from the minutes window: by number, never a name."""

from __future__ import annotations

import asyncio

from minutes_helpers import PanelOpener, build, stored
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coprodesk.core import agreements
from coprodesk.core.db import Database

AGREEMENT = (
    "One person speaks at a time.",
    "We use plain words, and anyone can ask what a word means.",
    "What people share about their own lives stays in this room.",
)


def test_ctrl_g_records_a_point_raised_by_number_with_no_name(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db)
    with db.transaction() as session:
        agreements.start_agreement(session, built.workshop_id, AGREEMENT)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        bar = panel.point_bar
        qtbot.keyClick(panel.entry_line, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(bar.isVisible, timeout=10_000)
        assert [bar.point.itemText(row) for row in range(bar.point.count())] == [
            f"{number}. {text}" for number, text in enumerate(AGREEMENT, start=1)
        ]
        assert bar.point.hasFocus()
        qtbot.keyClick(bar.point, Qt.Key.Key_Down)  # the second point
        qtbot.keyClick(bar.point, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
        (entry,) = stored(db, built.workshop_id)
        assert entry.text == f"Agreement point 2 raised: {AGREEMENT[1]}"
        assert entry.agreement_point == 2
        assert entry.speakers == ()
        assert not bar.isVisible()
        assert panel.entry_line.hasFocus()
        assert "Point 2 raised" in panel.notice.text()


def test_with_no_agreement_the_bar_says_so_and_records_nothing(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        bar = panel.point_bar
        assert panel.point_raised_action is not None
        panel.point_raised_action.trigger()
        qtbot.waitUntil(bar.isVisible, timeout=10_000)
        assert not bar.go_button.isEnabled()
        assert "no group agreement yet" in bar.problem.text()
        assert bar.cancel_button.hasFocus()
        bar.submit()  # as Enter would: nothing to record
        qtbot.keyClick(bar.cancel_button, Qt.Key.Key_Escape)
        assert not bar.isVisible()
        opener.wait_idle()
        assert stored(db, built.workshop_id) == []
