"""Starting the app as the command line does: show first, then open and list."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from coprodesk import paths
from coprodesk.core import series as core
from coprodesk.core.db import Database
from coprodesk.ui.app import LaunchOptions, run
from coprodesk.ui.main_window import DEMO_TITLE, MainWindow
from coprodesk.ui.palette import STYLE_SHEET


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


class Watcher:
    """Notes what the window did, then closes it once the series are listed."""

    def __init__(self) -> None:
        self.events: list[str] = []
        self.series: list[str] = []
        self.title = ""
        self.data_dir: Path | None = None
        self.style_at_paint = ""
        self.sheet_when_loaded = ""

    def __call__(self, window: MainWindow) -> None:
        window.first_painted.connect(self.painted)
        window.series_loaded.connect(lambda: self.loaded(window))

    def painted(self) -> None:
        self.events.append("painted")
        self.style_at_paint = _app().style().name().lower()

    def loaded(self, window: MainWindow) -> None:
        self.events.append("loaded")
        assert window.series_page is not None
        model = window.series_page.series_model
        self.series = [model.index(row).data() for row in range(model.rowCount())]
        self.title = window.windowTitle()
        self.data_dir = paths.data_dir()
        self.sheet_when_loaded = _app().styleSheet()
        QTimer.singleShot(0, window.close)


def test_run_paints_first_then_lists_the_series(db: Database) -> None:
    with db.transaction() as session:
        core.create_series(session, "Library opening hours")
    db.close()
    watcher = Watcher()
    assert run(LaunchOptions(), on_window=watcher) == 0
    assert watcher.events == ["painted", "loaded"]
    assert watcher.series == ["Library opening hours"]
    assert watcher.title == "CoproDesk"
    # Fusion from the start, and the style sheet once the window is up.
    assert watcher.style_at_paint == "fusion"
    assert watcher.sheet_when_loaded == STYLE_SHEET


def test_demo_uses_a_throwaway_folder(data_dir: Path) -> None:
    watcher = Watcher()
    assert run(LaunchOptions(demo=True), on_window=watcher) == 0
    assert watcher.events == ["painted", "loaded"]
    # The demo series, and the small panel that shares two of its people (for fair load).
    assert len(watcher.series) == 2
    assert watcher.title == DEMO_TITLE
    assert watcher.data_dir is not None
    assert watcher.data_dir != data_dir
    assert not watcher.data_dir.exists()
    assert paths.data_dir() == data_dir
    assert not paths.database_path().exists()


def test_window_module_loads_no_database_code() -> None:
    code = (
        "import sys, coprodesk.ui.app, coprodesk.ui.main_window;"
        "heavy = [m for m in ('sqlalchemy', 'asyncio', 'qasync', 'coprodesk.core.db')"
        " if m in sys.modules];"
        "print(','.join(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    assert result.stdout.strip() == ""
