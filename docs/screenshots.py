"""Render CoproDesk's screens offscreen to docs/images/*.png, on the demo series.

    python docs/screenshots.py [--out docs/images]

Writes main-window.png (text at 100 %), main-window-200.png (text at 200 %) and
new-series-dialog.png. Look at every image before using it in the guide.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Coroutine, Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSize, Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from coprodesk import paths  # noqa: E402
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
    import asyncio

    import qasync

    from coprodesk.core.db import open_database
    from coprodesk.core.demo import create_demo_series

    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="coprodesk-shots-"))
    paths.set_data_dir(folder)
    try:
        database = open_database()
        with database.transaction() as session:
            create_demo_series(session)
        database.close()

        app = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(app, QApplication)
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)

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
        loop.close()
    finally:
        paths.set_data_dir(None)
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render CoproDesk's screens to PNG files.")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    args = parser.parse_args(argv)
    render(args.out.resolve())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
