"""Undo for the minutes: each change is saved first, then put on the undo stack.

A ``SavedChange`` is pushed only after the worker has stored the change, so
its first ``redo`` (which ``QUndoStack.push`` calls at once) does nothing.
Later undos and redos start the opposite change, which is saved at once too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand


class SavedChange(QUndoCommand):
    """A change already stored; ``undo`` runs ``backward``, a later ``redo`` runs ``forward``."""

    def __init__(
        self, text: str, forward: Callable[[], None], backward: Callable[[], None]
    ) -> None:
        super().__init__(text)
        self._forward = forward
        self._backward = backward
        self._just_pushed = True

    def redo(self) -> None:
        if self._just_pushed:
            self._just_pushed = False
            return
        self._forward()

    def undo(self) -> None:
        self._backward()
