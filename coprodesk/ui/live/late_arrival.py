"""Adding someone who arrives late: their name only, and they are marked present."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprodesk.core.errors import UserFacingError
from coprodesk.ui.dialogs import TitleDialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from coprodesk.ui.live.session import LiveSession
    from coprodesk.ui.tasks import TaskKeeper

TITLE = "Someone arrived late"
HINT = (
    "Type the name they would like to be called. Names only: roles stay private. "
    "They are marked present and join the end of the introductions round."
)


def ask_late_arrival(parent: QWidget, live: LiveSession, tasks: TaskKeeper) -> TitleDialog:
    """Open the dialog without blocking; it closes once the person is saved."""
    dialog = TitleDialog(
        parent,
        window_title=TITLE,
        field_label="Their name",
        submit_label="Add and mark present",
        hint=HINT,
    )
    dialog.submitted.connect(
        lambda name: tasks.start(_add(dialog, live, name), "live late arrival")
    )
    dialog.open()
    return dialog


async def _add(dialog: TitleDialog, live: LiveSession, name: str) -> None:
    dialog.set_busy(True)
    try:
        await live.add_late_arrival(name)
    except UserFacingError as problem:
        dialog.set_busy(False)
        dialog.show_problem(str(problem))
        return
    dialog.set_busy(False)
    dialog.accept()
