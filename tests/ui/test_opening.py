"""Opening the data folder: a folder in use, or a file that is not CoproDesk's."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from ui_helpers import OpenWindow

from coprodesk import paths

HOLD_LOCK = """
import sys
from coprodesk import paths
from coprodesk.core.folder_lock import FolderLock
paths.set_data_dir(sys.argv[1])
with FolderLock():
    print("locked", flush=True)
    sys.stdin.read()
"""


@pytest.fixture
def other_copy(data_dir: Path) -> Iterator[None]:
    """Another CoproDesk process holding the data folder's lock."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        yield
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
        if holder.stdout is not None:
            holder.stdout.close()


def only_quit_is_left(opened: OpenWindow) -> None:
    window = opened.window
    actions = (
        window.new_series_action,
        window.rename_series_action,
        window.delete_series_action,
        window.new_workshop_action,
        window.rename_workshop_action,
        window.delete_workshop_action,
        window.rename_action,
        window.delete_action,
    )
    assert not any(action.isEnabled() for action in actions)
    assert window.quit_action.isEnabled()
    visible_buttons = [b for b in window.findChildren(QPushButton) if b.isVisible()]
    assert window.quit_button is not None
    assert visible_buttons == [window.quit_button]


@pytest.mark.usefixtures("other_copy")
def test_folder_in_use_is_explained_in_the_window(data_dir: Path, open_window: OpenWindow) -> None:
    text = open_window.open_expecting_problem()
    assert text.startswith(f"The data folder {data_dir} is already in use by another CoproDesk")
    assert "Nothing was changed." in text
    only_quit_is_left(open_window)


def test_file_that_is_not_a_database_is_named_and_left_alone(open_window: OpenWindow) -> None:
    paths.ensure_data_dir()
    target = paths.database_path()
    original = b"Minutes of the Riverside group\n" * 40
    target.write_bytes(original)

    text = open_window.open_expecting_problem()
    assert str(target) in text
    assert "is not a CoproDesk database" in text
    assert target.read_bytes() == original
    only_quit_is_left(open_window)


def test_quit_button_closes_the_window(open_window: OpenWindow) -> None:
    paths.ensure_data_dir()
    paths.database_path().write_bytes(b"not a database")
    open_window.open_expecting_problem()
    quit_button = open_window.window.quit_button
    assert quit_button is not None
    quit_button.click()
    assert not open_window.window.isVisible()
