"""Initials-only minutes: the panel for the live window, and a window for tidying them.

Imported only when minutes are shown, never before the main window's first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import uuid

    from PySide6.QtWidgets import QWidget

    from coprodesk.ui.minutes.window import MinutesWindow
    from coprodesk.ui.tasks import DbRunner, TaskKeeper


def open_minutes_window(
    parent: QWidget | None, runner: DbRunner, tasks: TaskKeeper, workshop_id: uuid.UUID
) -> MinutesWindow:
    """Open (and show) the minutes of one workshop in their own window.

    The window finds the workshop's series and title itself.
    """
    from coprodesk.ui.minutes.window import MinutesWindow

    window = MinutesWindow(parent, runner, tasks, workshop_id)
    window.show()
    window.panel.focus_entry_line()
    return window
