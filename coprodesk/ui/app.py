"""Starting the desktop app: show the window first, then open the data.

The order matters for how fast CoproDesk feels. The window is built and
painted with nothing but Qt loaded; only then are asyncio, qasync, SQLAlchemy
and the core imported, the data folder locked and opened (on the database
worker thread), and the series listed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QApplication
    from sqlalchemy.orm import Session

    from coprodesk.ui.first_look import FirstLook
    from coprodesk.ui.main_window import MainWindow

# Set by packaging/smoke_test.py: close the window once the data is open and the series
# listed, so a bundled build can be checked end to end with no one there to close it.
QUIT_WHEN_READY_ENV = "COPRODESK_QUIT_WHEN_READY"
# Matches packaging/linux/org.coprodesk.CoproDesk.desktop, so desktops show the right icon.
DESKTOP_FILE_NAME = "org.coprodesk.CoproDesk"

# Longest wait for the first paint before going on regardless (a hidden or
# minimised start may never paint).
FIRST_PAINT_TIMEOUT_MS = 1000


class LaunchOptions(NamedTuple):
    # A NamedTuple rather than a dataclass: importing dataclasses delays the first paint.
    demo: bool = False


def run(options: LaunchOptions, on_window: Callable[[MainWindow], None] | None = None) -> int:
    """Run the app until its window closes; return the exit code.

    ``on_window`` is called with the window before it is shown (the benchmark and
    screenshot scripts connect to its signals there).
    """
    from coprodesk import paths

    # This laptop's settings (the text size), found before the demo moves the data away.
    settings_file = paths.settings_path()
    if not options.demo:
        return _run(options, on_window, settings_file)
    previous = paths.data_dir_override()
    demo_folder = _use_throwaway_data_dir()
    try:
        return _run(options, on_window, settings_file)
    finally:
        _remove_throwaway_data_dir(demo_folder)
        paths.set_data_dir(previous)


def _run(
    options: LaunchOptions, on_window: Callable[[MainWindow], None] | None, settings_file: Path
) -> int:
    from PySide6.QtWidgets import QApplication

    from coprodesk.ui import errors
    from coprodesk.ui.main_window import MainWindow
    from coprodesk.ui.palette import STYLE_NAME, apply_look, apply_style_sheet
    from coprodesk.ui.pyside_guard import keep_python_alive
    from coprodesk.ui.settings import read_text_size

    keep_python_alive()
    app = QApplication.instance() or QApplication([*sys.argv[:1], "-style", STYLE_NAME])
    assert isinstance(app, QApplication)
    app.setApplicationName("CoproDesk")
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    # The stored text size (QSettings reads a small INI file: well under a millisecond).
    apply_look(app, read_text_size(settings_file) / 100, first_paint=True)
    window = MainWindow(demo=options.demo)
    previous_hook = errors.install_exception_hook(lambda: window)
    try:
        if on_window is not None:
            on_window(window)
        window.show()
        wait_for_first_paint(window)
        apply_style_sheet(app)
        _set_window_icon(app)  # Reading the icon file waits until the window is up.
        if not window.isVisible():  # Closed before the loop started.
            return 0
        from coprodesk.ui.first_look import take_first_look

        look = take_first_look(read_list=not options.demo)
        window.show_first_look(look)
        from coprodesk.logs import setup_logging

        setup_logging()
        errors.logger().info("started%s", " (demo)" if options.demo else "")
        if look.problem is not None:
            errors.logger().info("open refused: %s", type(look.problem).__name__)

        import qasync

        return int(qasync.run(_main(app, window, options, look)))
    finally:
        sys.excepthook = previous_hook
        window.deleteLater()


def _set_window_icon(app: QApplication) -> None:
    from PySide6.QtGui import QIcon

    from coprodesk import paths

    icon = paths.resources_dir() / "icons" / "coprodesk.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


async def _close_when_open(opening: Coroutine[Any, Any, None], window: MainWindow) -> None:
    """Let the data open and the series list, then close the window (the smoke test's way)."""
    from PySide6.QtCore import QTimer

    await opening
    print(f"{QUIT_WHEN_READY_ENV}: the window opened the data and listed the series; closing it.")
    QTimer.singleShot(0, window.close)


def wait_for_first_paint(window: MainWindow, timeout_ms: int = FIRST_PAINT_TIMEOUT_MS) -> None:
    """Let Qt paint the window before anything heavy is imported."""
    from PySide6.QtCore import QEventLoop, QTimer

    if window.has_painted:
        return
    waiter = QEventLoop()
    give_up = QTimer(waiter, singleShot=True, interval=timeout_ms)
    give_up.timeout.connect(waiter.quit)
    window.first_painted.connect(waiter.quit)
    give_up.start()
    waiter.exec()
    give_up.stop()
    window.first_painted.disconnect(waiter.quit)


async def _main(
    app: QApplication, window: MainWindow, options: LaunchOptions, look: FirstLook
) -> int:
    """Open the data in the background and wait until the app is asked to quit."""
    import asyncio

    from coprodesk.ui.tasks import DbRunner, TaskKeeper

    loop = asyncio.get_running_loop()
    loop.set_exception_handler(_loop_exception_handler(window))
    quit_requested = asyncio.Event()
    app.aboutToQuit.connect(quit_requested.set)
    runner = DbRunner(lock=look.lock)
    tasks = TaskKeeper(window)
    try:
        if look.problem is None:
            window.attach(runner, tasks)
            setup = _create_demo if options.demo else None
            opening = window.open_data(setup, listed=look.series is not None)
            if os.environ.get(QUIT_WHEN_READY_ENV):
                opening = _close_when_open(opening, window)
            tasks.start(opening, "open")
        await quit_requested.wait()
    finally:
        app.aboutToQuit.disconnect(quit_requested.set)
        runner.close()
    return 0


def _create_demo(session: Session) -> None:
    from coprodesk.core.demo import create_demo_series

    create_demo_series(session)


def _loop_exception_handler(
    window: MainWindow,
) -> Callable[[Any, dict[str, Any]], None]:
    from coprodesk.ui import errors

    def handle(_loop: Any, context: dict[str, Any]) -> None:
        error = context.get("exception")
        if isinstance(error, BaseException):
            errors.report(error, window, "event loop")
        else:
            errors.logger().error("event loop problem without an exception")

    return handle


def _use_throwaway_data_dir() -> Path:
    import tempfile
    from pathlib import Path

    from coprodesk import paths

    folder = Path(tempfile.mkdtemp(prefix="coprodesk-demo-"))
    paths.set_data_dir(folder)
    return folder


def _remove_throwaway_data_dir(folder: Path) -> None:
    import logging
    import shutil
    from pathlib import Path

    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename).is_relative_to(
            folder
        ):
            root.removeHandler(handler)
            handler.close()
    shutil.rmtree(folder, ignore_errors=True)
