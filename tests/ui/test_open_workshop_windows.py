"""From the main window: run a workshop live, and open its minutes, as a facilitator does."""

from __future__ import annotations

import shiboken6
from pytestqt.qtbot import QtBot
from test_main_window import fill
from ui_helpers import OpenWindow

from coprodesk.core import series as core
from coprodesk.core.db import Database
from coprodesk.core.live import Step
from coprodesk.core.models import WorkshopStatus
from coprodesk.ui.live.window import LiveWindow
from coprodesk.ui.minutes.window import MinutesWindow


def test_run_live_then_minutes_from_the_live_window(
    qtbot: QtBot, db: Database, open_window: OpenWindow
) -> None:
    river, walkabout = fill(db)
    open_window.open()
    page, window = open_window.page, open_window.window
    page.select_series(river)
    page.select_workshop(walkabout)
    assert window.run_live_action.isEnabled()
    assert page.run_live_button.text() == "Run the workshop live"

    window.run_live_action.trigger()
    live = page.open_windows[("live", walkabout)]
    assert isinstance(live, LiveWindow)
    qtbot.waitUntil(lambda: live.live.view is not None, timeout=10_000)
    open_window.wait_idle()
    assert live.live.view is not None
    assert live.live.view.step is Step.WELCOME
    with db.reading() as session:
        assert core.get_workshop(session, walkabout).status is WorkshopStatus.LIVE
    window.run_live_action.trigger()  # a second time: the same window comes forward
    assert page.open_windows[("live", walkabout)] is live

    live.minutes_action.trigger()
    minutes = live.minutes_window
    assert isinstance(minutes, MinutesWindow)
    qtbot.waitUntil(lambda: minutes.panel.is_loaded, timeout=10_000)
    live.minutes_button.click()
    assert live.minutes_window is minutes

    with qtbot.waitSignal(page.loaded, timeout=10_000):  # the list shows the new status
        live.close()
    open_window.wait_idle()
    assert ("live", walkabout) not in page.open_windows
    assert page.workshop_model.index(0, 3).data() == "Running now"
    if shiboken6.isValid(minutes):
        minutes.close()


def test_minutes_open_from_the_main_window(
    qtbot: QtBot, db: Database, open_window: OpenWindow
) -> None:
    river, walkabout = fill(db)
    open_window.open()
    page, window = open_window.page, open_window.window
    page.select_series(river)
    page.select_workshop(walkabout)
    window.minutes_action.trigger()
    minutes = page.open_windows[("minutes", walkabout)]
    assert isinstance(minutes, MinutesWindow)
    qtbot.waitUntil(lambda: minutes.panel.is_loaded, timeout=10_000)
    assert minutes.isVisible()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        minutes.close()
    assert ("minutes", walkabout) not in page.open_windows
