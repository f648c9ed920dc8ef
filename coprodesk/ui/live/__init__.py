"""The live workshop: the facilitator's window and the projector.

Imported only when a workshop is run live, never before the main window's first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import uuid

    from PySide6.QtWidgets import QWidget

    from coprodesk.ui.live.clock import Clock
    from coprodesk.ui.live.window import LiveWindow
    from coprodesk.ui.tasks import DbRunner, TaskKeeper


def open_live_window(
    parent: QWidget,
    runner: DbRunner,
    tasks: TaskKeeper,
    workshop_id: uuid.UUID,
    *,
    clock: Clock | None = None,
) -> LiveWindow:
    """Open (and show) the live window for one workshop.

    A planned workshop starts (it becomes live at the Welcome step); a live one
    resumes at its step and item; a closed one opens at Close, ready to reopen.
    ``clock`` is for tests and screenshots; the system clock by default.
    """
    from coprodesk.ui.live.clock import SystemClock
    from coprodesk.ui.live.window import LiveWindow

    window = LiveWindow(parent, runner, tasks, workshop_id, clock or SystemClock())
    window.show()
    return window
