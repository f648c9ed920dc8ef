"""Plain error messages, the exception hook and the log.

Two kinds of failure reach the facilitator. A ``UserFacingError`` carries a
plain message that is shown as it is. Anything else is a bug: it is logged
with its traceback and the facilitator is told that nothing saved was lost.

The log (set up by ``coprodesk.logs``) never holds names or anything people
typed: only event names, ids, exception types and the code's own lines.
Exception messages are left out because they can quote the data that caused them.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from coprodesk import paths

if TYPE_CHECKING:
    import logging

    from PySide6.QtWidgets import QMessageBox, QWidget

APP_TITLE = "CoproDesk"
LOGGER_NAME = "coprodesk"

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]

# Message boxes on screen; kept here so that one without a parent is not collected.
_open_boxes: set[QMessageBox] = set()


def unexpected_error_text() -> str:
    return (
        "Something went wrong. Nothing you had saved was lost. "
        f"Details are in the log at {paths.log_path()}."
    )


def logger() -> logging.Logger:
    import logging

    return logging.getLogger(LOGGER_NAME)


def safe_traceback(error: BaseException) -> str:
    """The traceback of ``error`` and its causes, without any exception message."""
    import traceback

    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    chain: list[BaseException] = []
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    for index, link in enumerate(reversed(chain)):
        if index:
            lines.append("which led to:\n")
        lines.append("Traceback (most recent call last):\n")
        lines.extend(traceback.format_tb(link.__traceback__))
        kind = type(link)
        lines.append(f"{kind.__module__}.{kind.__qualname__} (message left out of the log)\n")
    return "".join(lines)


def log_unexpected(error: BaseException, event: str) -> None:
    logger().error("%s: unexpected error\n%s", event, safe_traceback(error))


def show_message(parent: QWidget | None, text: str, *, warning: bool = True) -> QMessageBox:
    """Show ``text`` in a plain message box without blocking; return the box."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = QMessageBox(icon, APP_TITLE, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAccessibleName("Message")
    box.setAccessibleDescription(text)
    ok = box.button(QMessageBox.StandardButton.Ok)
    ok.setText("OK")
    ok.setAccessibleName("OK")
    _open_boxes.add(box)
    box.finished.connect(lambda _result: _open_boxes.discard(box))
    box.open()
    return box


def report(error: BaseException, parent: QWidget | None, event: str) -> QMessageBox | None:
    """Tell the facilitator about ``error``: its own words if plain, else the bug message."""
    from coprodesk.core.errors import UserFacingError

    if isinstance(error, UserFacingError):
        logger().info("%s: %s shown", event, type(error).__name__)
        return show_message(parent, str(error))
    log_unexpected(error, event)
    return show_message(parent, unexpected_error_text())


def install_exception_hook(parent: Callable[[], QWidget | None]) -> ExceptHook:
    """Route uncaught exceptions to the log and a dialog; return the previous hook."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, trace)
            return
        from PySide6.QtWidgets import QApplication

        if error.__traceback__ is None:
            error = error.with_traceback(trace)
        app = QApplication.instance()
        on_ui_thread = app is not None and threading.current_thread() is threading.main_thread()
        if on_ui_thread:
            report(error, parent(), "uncaught")
        else:
            log_unexpected(error, "uncaught off the ui thread")

    sys.excepthook = hook
    return previous
