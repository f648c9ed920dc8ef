"""Puts prompts and the balance of voices into a live window's private side panel.

Kept apart from the window so that the window itself changes by one line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from coprodesk.core.balance import Balance
from coprodesk.core.prompts import PromptCard
from coprodesk.ui.live.balance_panel import BalancePanel
from coprodesk.ui.live.prompt_cards import PromptCards
from coprodesk.ui.live.prompts_controller import PromptsController

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from coprodesk.core.live_view import LiveView
    from coprodesk.ui.live.window import LiveWindow


class LivePrompts:
    """The prompt cards, the balance panel and their controller for one live window."""

    def __init__(self, window: LiveWindow) -> None:
        self.window = window
        live = window.live
        self._runner = live.runner
        self._tasks = live.tasks
        self.controller = PromptsController(live, window)
        self.cards = PromptCards()
        self.balance = BalancePanel()
        window.side_panel.add_section(self.cards, soon=True)  # noticed first
        window.side_panel.add_section(self.balance)
        self.controller.cards_changed.connect(self._show_cards)
        self.controller.balance_changed.connect(self._show_balance)
        self.controller.problem.connect(lambda text: window.statusBar().showMessage(text, 15_000))
        self.cards.answered.connect(self.controller.answer)
        self.cards.library_requested.connect(self.open_library)
        self.cards.log_requested.connect(self.open_log)
        self.balance.tapped.connect(self.controller.tap)
        self.balance.stop_requested.connect(self.controller.stop_timing)
        self.balance.show_room_changed.connect(lambda _shown: self._update_projector())
        window.projector_controls.changed.connect(self._update_projector)
        live.changed.connect(self._view_changed)
        self.library_window: QWidget | None = None
        self.log_window: QWidget | None = None

    def _view_changed(self, view: LiveView) -> None:
        item = view.snapshot.public.item
        self.controller.running_item = item.id if item is not None else None
        self.controller.refresh()

    def _show_cards(self, cards: list[PromptCard]) -> None:
        self.cards.show_cards(cards)
        self._refit()

    def _show_balance(self, view: Balance) -> None:
        people = len(self.balance.buttons)
        self.balance.show_balance(view)
        self._update_projector()
        if len(self.balance.buttons) != people:
            self._refit()

    def _refit(self) -> None:
        """New cards or people can need a wider side column (the window keeps it fitting)."""
        QTimer.singleShot(0, self.window, self.window._fit_side)

    def _update_projector(self) -> None:
        """The room sees the group-level summary only, and only when the facilitator says so."""
        shown = self.balance.show_room.isChecked()
        self.window.projector.show_room_summary(self.controller.summary() if shown else None)

    def open_library(self) -> None:
        from coprodesk.ui.prompt_library_window import PromptLibraryWindow

        if self.library_window is not None:
            self.library_window.raise_()  # Already open: bring it forward.
            return
        made = PromptLibraryWindow(self.window, self._runner, self._tasks)
        made.changed.connect(self.controller.reload_library)
        made.destroyed.connect(lambda: setattr(self, "library_window", None))
        self.library_window = made
        made.show()

    def open_log(self) -> None:
        from coprodesk.ui.prompt_log_window import PromptLogWindow

        if self.log_window is None:
            made = PromptLogWindow(
                self.window, self._runner, self._tasks, self.controller.workshop_id
            )
            made.destroyed.connect(lambda: setattr(self, "log_window", None))
            self.log_window = made
        self.log_window.show()
        self.log_window.raise_()
