"""Render the minutes offscreen to docs/images/minutes-*.png, on the demo series.

    python docs/screenshots_minutes.py [--out docs/images]

Opens the minutes of the demo's second workshop, "Opening hours", in their own
window and writes, at 100 % text and (with "-200") at 200 %:

- minutes.png: the entries under their agenda items, with attendance above;
- minutes-name-guard.png: a line typed with a name in it, and the notice that
  offers to keep an ordinary word as typed;
- minutes-read-back.png: read-back mode, two entries in;
- minutes-point-raised.png (100 % only): the bar for an agreement point raised.

Look at every image before using it in the guide.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The demo's times are shown as they were recorded, whatever this computer's time zone.
os.environ["TZ"] = "UTC"
time.tzset()

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSize, Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from screenshots_live import run_script, stored, throwaway_app  # noqa: E402

from coprodesk.ui.palette import GRID, apply_look  # noqa: E402

WORKSHOP_TITLE = "Opening hours"
# The screenshots' clock: the new entry is typed during the demo workshop, not today.
TYPED_AT = datetime(2026, 10, 12, 11, 34)
# A line with a full name and an ordinary word that is also a name on the list.
TYPED = "AC: we will ask Aisha Rahman about the evening budget"
SIZE_100 = QSize(GRID * 110, GRID * 85)
SIZE_200 = QSize(GRID * 180, GRID * 125)


def _save(widget: QWidget, target: Path) -> None:
    # Full colour: 256 colours would lose the pale band that marks a decision.
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    if not image.save(str(target), "PNG", 9):
        raise OSError(f"could not write {target}")
    print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")


def _wait_for(loop: Any, done: Callable[[], bool], seconds: float = 10) -> None:
    async def waiting() -> None:
        while not done():
            await asyncio.sleep(0.01)

    loop.run_until_complete(asyncio.wait_for(waiting(), seconds))


def _settle(app: QApplication) -> None:
    """Let the list lay out its wrapped rows and the notice its buttons."""
    for _ in range(20):
        app.processEvents()
        time.sleep(0.005)


def _workshop_id() -> uuid.UUID:
    from coprodesk.core import series
    from coprodesk.core.db import open_database

    database = open_database()
    try:
        with database.reading() as session:
            demo = series.list_series(session)[0]
            (found,) = [w.id for w in demo.workshops if w.title == WORKSHOP_TITLE]
            return found
    finally:
        database.close()


def render(out: Path) -> None:
    import coprodesk.core.minutes
    from coprodesk.core.demo import create_demo_series
    from coprodesk.ui.minutes import open_minutes_window
    from coprodesk.ui.tasks import DbRunner, TaskKeeper

    coprodesk.core.minutes.utcnow = lambda: TYPED_AT  # type: ignore[attr-defined]
    with throwaway_app(out) as (app, loop):
        stored(create_demo_series)
        workshop_id = _workshop_id()
        host = QWidget()
        tasks = TaskKeeper(host)

        for scale, size, suffix in ((1.0, SIZE_100, ""), (2.0, SIZE_200, "-200")):
            apply_look(app, scale)
            runner = DbRunner()
            loop.run_until_complete(runner.open())
            window = open_minutes_window(None, runner, tasks, workshop_id)
            window.resize(size)
            panel = window.panel
            _wait_for(loop, lambda panel=panel: panel.is_loaded)
            panel.focus_entry_line()
            _settle(app)
            _save(window, out / f"minutes{suffix}.png")

            count = panel.model.rowCount()
            # As the live window would: new entries go under the current agenda item.
            panel.set_agenda_item(panel.model.entries()[-1].agenda_item_id)
            QTest.keyClicks(panel.entry_line, TYPED)
            QTest.keyClick(panel.entry_line, Qt.Key.Key_Return)
            _wait_for(loop, lambda panel=panel, count=count: panel.model.rowCount() > count)
            _settle(app)
            _save(window, out / f"minutes-name-guard{suffix}.png")

            if not suffix:  # The point bar (Ctrl+G), open with the agreement's points.
                assert panel.point_raised_action is not None
                panel.point_raised_action.trigger()
                _wait_for(loop, panel.point_bar.isVisible)
                panel.point_bar.point.setCurrentIndex(2)
                _settle(app)
                _save(window, out / "minutes-point-raised.png")
                panel.point_bar.close_bar()

            panel.start_read_back()
            for _ in range(2):
                QTest.keyClick(panel.read_back.card, Qt.Key.Key_A)
            _wait_for(loop, lambda panel=panel: panel.model.read_back_count() >= 2)
            _settle(app)
            _save(window, out / f"minutes-read-back{suffix}.png")

            _wait_for(loop, lambda: not tasks.busy)
            window.close()
            runner.close()
            # Start the next size from the demo as it was.
            _reset_demo(workshop_id)


def _reset_demo(workshop_id: uuid.UUID) -> None:
    """Take back the entry and the read-back marks the screenshots added."""
    from coprodesk.core import minutes
    from coprodesk.core.db import open_database

    database = open_database()
    try:
        with database.transaction() as session:
            shown = minutes.entries(session, workshop_id)
            minutes.delete_entry(session, shown[-1].id)
            for entry in shown[:-1]:
                minutes.set_read_back(session, entry.id, "")
    finally:
        database.close()


def main(argv: Sequence[str] | None = None) -> int:
    return run_script(render, "Render the minutes screens to PNG files.", argv)


if __name__ == "__main__":
    raise SystemExit(main())
