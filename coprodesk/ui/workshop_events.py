"""News of a workshop's minutes, for every open window, whichever window changed them.

A minutes window, the live window (a point raised) and the live window's prompts
may all show the same workshop at once. Each one that changes the stored minutes
says so here; each one that shows them listens, so a second window follows at
once and the prompts see a new entry as it is typed, without waiting for a timer.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication


class WorkshopEvents(QObject):
    # The workshop's id, and the object that changed its minutes (to skip itself).
    minutes_changed = Signal(object, object)


_events: WorkshopEvents | None = None


def workshop_events() -> WorkshopEvents:
    """The application's one ``WorkshopEvents``."""
    global _events
    if _events is None or not shiboken6.isValid(_events):
        _events = WorkshopEvents(QApplication.instance())
    return _events
