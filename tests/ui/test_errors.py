"""The exception hook, the plain error dialog and what reaches the log."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from ui_helpers import OpenWindow, message_boxes

from coprodesk import paths
from coprodesk.core.errors import NotFound
from coprodesk.ui import errors
from coprodesk.ui.tasks import TaskKeeper

SECRET = "Sam Okafor said the bus is late"


@pytest.fixture
def hook(qtbot: QtBot) -> Iterator[errors.ExceptHook]:
    previous = errors.install_exception_hook(lambda: None)
    try:
        yield sys.excepthook
    finally:
        sys.excepthook = previous
        for box in message_boxes():
            box.close()


def raise_and_catch(error: Exception) -> BaseException:
    try:
        raise error
    except Exception as caught:
        return caught


def test_unexpected_error_is_logged_without_its_message_and_shown(
    hook: errors.ExceptHook, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=errors.LOGGER_NAME)
    error = raise_and_catch(ValueError(SECRET))
    hook(type(error), error, error.__traceback__)

    (record,) = [r for r in caplog.records if r.name == errors.LOGGER_NAME]
    logged = record.getMessage()
    assert "Traceback (most recent call last)" in logged
    assert "raise_and_catch" in logged
    assert "builtins.ValueError" in logged
    assert SECRET not in logged

    (box,) = message_boxes()
    assert box.text() == (
        "Something went wrong. Nothing you had saved was lost. "
        f"Details are in the log at {paths.log_path()}."
    )


def test_plain_error_shows_its_own_words(
    hook: errors.ExceptHook, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=errors.LOGGER_NAME)
    error = raise_and_catch(NotFound("There is no series with that id. It may have been deleted."))
    hook(type(error), error, error.__traceback__)
    (box,) = message_boxes()
    assert box.text() == "There is no series with that id. It may have been deleted."
    assert all("There is no series" not in r.getMessage() for r in caplog.records)


def test_cause_chain_is_logged_without_messages() -> None:
    try:
        try:
            raise KeyError(SECRET)
        except KeyError as inner:
            raise RuntimeError(SECRET) from inner
    except RuntimeError as outer:
        text = errors.safe_traceback(outer)
    assert "builtins.KeyError" in text
    assert "builtins.RuntimeError" in text
    assert "which led to:" in text
    assert SECRET not in text


def test_failed_task_reports_and_resets_busy(
    qtbot: QtBot, open_window: OpenWindow, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=errors.LOGGER_NAME)
    open_window.open()

    async def broken() -> None:
        raise ZeroDivisionError(SECRET)

    busy_changes: list[bool] = []
    open_window.tasks.busy_changed.connect(busy_changes.append)
    open_window.tasks.start(broken(), "test.broken")
    qtbot.waitUntil(lambda: bool(message_boxes()))
    open_window.wait_idle()
    assert busy_changes == [True, False]
    (box,) = message_boxes()
    assert box.text().startswith("Something went wrong. Nothing you had saved was lost.")
    assert any("test.broken" in r.getMessage() for r in caplog.records)
    assert all(SECRET not in r.getMessage() for r in caplog.records)


def test_work_that_outlives_its_window_ends_quietly(
    qtbot: QtBot, event_loop: asyncio.AbstractEventLoop
) -> None:
    """A task still running when its window is deleted finishes without an error."""
    host = QWidget()
    keeper = TaskKeeper(host)
    release = asyncio.Event()
    finished: list[bool] = []

    async def slow() -> None:
        await release.wait()
        finished.append(True)

    task = keeper.start(slow(), "test.slow")
    host.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(keeper))
    release.set()
    qtbot.waitUntil(task.done)
    assert finished == [True]
    assert task.exception() is None
