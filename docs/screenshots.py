"""Render CoproDesk's screens offscreen to docs/images/*.png, on the demo series.

    python docs/screenshots.py [--out docs/images]

Writes main-window.png (text at 100 %), main-window-200.png (text at 200 %) and
new-series-dialog.png; then the set-up screens, each at 100 % and (with "-200")
at 200 %: series-setup, people, people-private ("Show private details" ticked),
workshop-setup and workshop-agenda. Look at every image before using it in the guide.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Coroutine, Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSize, Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from screenshots_live import run_script, stored, throwaway_app  # noqa: E402

from coprodesk.ui.main_window import MainWindow  # noqa: E402
from coprodesk.ui.palette import GRID, apply_look  # noqa: E402
from coprodesk.ui.tasks import DbRunner, TaskKeeper  # noqa: E402

# Logical window sizes: a small laptop screen at 100 %, and room for doubled text.
SIZE_100 = QSize(GRID * 125, GRID * 80)
SIZE_200 = QSize(GRID * 200, GRID * 125)


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def _save(widget: QWidget, target: Path) -> None:
    # 256 colours without dithering keep text crisp and the files small.
    image = (
        widget.grab()
        .toImage()
        .convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither)
    )
    if not image.save(str(target), "PNG", 9):
        raise OSError(f"could not write {target}")
    print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")


def _run(loop: Any, work: Coroutine[Any, Any, object]) -> None:
    loop.run_until_complete(work)


def _open_window(app: QApplication, loop: Any, size: QSize) -> tuple[MainWindow, DbRunner]:
    window = MainWindow()
    runner = DbRunner()
    window.attach(runner, TaskKeeper(window))
    window.resize(size)
    window.show()
    _run(loop, window.open_data())
    page = window.series_page
    assert page is not None
    series = page.current_series()
    if series is not None and series.workshops:
        page.select_workshop(series.workshops[0].id)
    page.series_view.setFocus()
    _settle(app)
    return window, runner


def render(out: Path) -> None:
    from coprodesk.core.demo import create_demo_series

    with throwaway_app(out) as (app, loop):
        stored(create_demo_series)
        for scale, size, name in (
            (1.0, SIZE_100, "main-window"),
            (2.0, SIZE_200, "main-window-200"),
        ):
            apply_look(app, scale)
            window, runner = _open_window(app, loop, size)
            _save(window, out / f"{name}.png")
            if scale == 1.0:
                page = window.series_page
                assert page is not None
                window.new_series_action.trigger()
                dialog = page.active_dialog
                assert dialog is not None
                _settle(app)
                _save(dialog, out / "new-series-dialog.png")
                dialog.close()
            window.close()
            runner.close()
        _render_setup_screens(app, loop, out)


# The set-up screens --------------------------------------------------------------------------


def _wait_for(loop: Any, done: Callable[[], bool], seconds: float = 10) -> None:
    """Run the event loop until ``done()`` (the set-up screens load in the background)."""
    import asyncio

    async def waiting() -> None:
        while not done():
            await asyncio.sleep(0.01)

    loop.run_until_complete(asyncio.wait_for(waiting(), seconds))


def _settle_setup(app: QApplication) -> None:
    """Let the lists fit their rows: wrapped rows settle over a few layout passes."""
    import time

    for _ in range(30):
        app.processEvents()
        time.sleep(0.005)


def _render_setup_screens(app: QApplication, loop: Any, out: Path) -> None:
    """The series set-up (about, people, people with private details) and the workshop set-up."""
    from PySide6.QtWidgets import QScrollArea

    from coprodesk.ui.setup.series_setup import SeriesSetupPage
    from coprodesk.ui.setup.workshop_setup import WorkshopSetupPage

    for scale, size, suffix in ((1.0, SIZE_100, ""), (2.0, SIZE_200, "-200")):
        apply_look(app, scale)
        window, runner = _open_window(app, loop, size)
        page = window.series_page
        assert page is not None
        host = window.setup_host()
        opened = lambda host=host: host.page is not None  # noqa: E731
        closed = lambda host=host: host.page is None  # noqa: E731

        page.open_series_setup()
        _wait_for(loop, opened)
        _settle_setup(app)
        _save(window, out / f"series-setup{suffix}.png")
        series_setup = host.page
        assert isinstance(series_setup, SeriesSetupPage)
        series_setup.tabs.setCurrentIndex(1)
        series_setup.focus_first()
        _settle_setup(app)
        _save(window, out / f"people{suffix}.png")
        series_setup.roster.set_show_private(True)
        series_setup.roster.table.setFocus()
        _settle_setup(app)
        _save(window, out / f"people-private{suffix}.png")
        host.go_back()
        _wait_for(loop, closed)

        series = page.current_series()
        assert series is not None
        coming = [w for w in series.workshops if w.status == "planned"]
        page.select_workshop(coming[0].id)
        page.open_workshop_setup()
        _wait_for(loop, opened)
        _settle_setup(app)
        _save(window, out / f"workshop-setup{suffix}.png")
        workshop_setup = host.page
        assert isinstance(workshop_setup, WorkshopSetupPage)
        agenda = workshop_setup.agenda
        agenda.table.setFocus()
        scroll = workshop_setup.findChild(QScrollArea)
        assert scroll is not None
        scroll.ensureWidgetVisible(agenda.form, 0, 0)
        scroll.ensureWidgetVisible(agenda.heading, 0, 0)
        _settle_setup(app)
        _save(window, out / f"workshop-agenda{suffix}.png")
        host.go_back()
        _wait_for(loop, closed)
        window.close()
        runner.close()


def main(argv: Sequence[str] | None = None) -> int:
    return run_script(render, "Render CoproDesk's screens to PNG files.", argv)


if __name__ == "__main__":
    raise SystemExit(main())
