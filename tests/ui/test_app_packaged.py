"""What the packaged app relies on at start-up: its icon, its desktop name, closing itself."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from coprodesk import paths
from coprodesk.core import series as core
from coprodesk.core.db import Database
from coprodesk.ui.app import DESKTOP_FILE_NAME, QUIT_WHEN_READY_ENV, LaunchOptions, run
from coprodesk.ui.main_window import MainWindow


def test_the_window_icon_ships_in_resources() -> None:
    icon = paths.resources_dir() / "icons" / "coprodesk.png"
    assert icon.is_file()
    assert icon.read_bytes().startswith(b"\x89PNG")


def test_quit_when_ready_closes_the_window_once_the_series_are_listed(
    db: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with db.transaction() as session:
        core.create_series(session, "Library opening hours")
    db.close()
    monkeypatch.setenv(QUIT_WHEN_READY_ENV, "1")
    events: list[str] = []

    def watch(window: MainWindow) -> None:
        window.first_painted.connect(lambda: events.append("painted"))
        window.series_loaded.connect(lambda: events.append("loaded"))

    # Nothing here closes the window: only the environment variable does.
    assert run(LaunchOptions(), on_window=watch) == 0
    assert events == ["painted", "loaded"]
    assert "closing it" in capsys.readouterr().out
    assert "data folder opened" in paths.log_path().read_text("utf-8")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.desktopFileName() == DESKTOP_FILE_NAME
    assert not app.windowIcon().isNull()
