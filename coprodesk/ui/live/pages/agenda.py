"""Agenda: the items with planned against actual minutes, and moving from item to item.

Content notes are shown in their own column and, for the running item, in large
text above the list, so that the facilitator can say them before it starts.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from coprodesk.core.live import Step
from coprodesk.core.workshop import AgendaItemView
from coprodesk.ui.flow_layout import FlowLayout
from coprodesk.ui.live.agenda_model import AgendaModel
from coprodesk.ui.live.look import make_primary
from coprodesk.ui.live.pages.base import StepPage, button, large_text
from coprodesk.ui.live.timing import clock_words
from coprodesk.ui.views import Fit, Wrap, table_view
from coprodesk.ui.widgets import hint

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from coprodesk.core.live_view import LiveView
    from coprodesk.ui.live.session import LiveSession

EMPTY_TEXT = (
    "This workshop has no agenda yet. You can add items in the workshop's set-up; "
    "each item then gets its own timer here."
)
DONE_TEXT = "Every item on the agenda is done."


class AgendaPage(StepPage):
    step = Step.AGENDA

    def __init__(self, live: LiveSession) -> None:
        super().__init__(live)
        self.model = AgendaModel()
        self._items: tuple[AgendaItemView, ...] = ()
        self._running: AgendaItemView | None = None
        self._closed = False
        self._running_id: uuid.UUID | None = None
        self.summary = hint("")
        self.content_note = large_text(bold=True)
        self.content_note.hide()
        self.table = table_view(
            self.model,
            "Agenda items",
            "Each item with its planned and actual minutes and any content note",
            (Wrap, Fit, Wrap, Wrap),
        )
        self.title.setBuddy(self.table)
        self.empty = hint(EMPTY_TEXT)
        self.next_button = button("&Next item", "Next item")
        make_primary(self.next_button)
        self.next_button.clicked.connect(self.live.next_item)
        self.start_button = button("&Start this item", "Start this item")
        self.start_button.setToolTip("Start the item chosen in the list")
        self.start_button.clicked.connect(self.start_chosen)
        row = FlowLayout()
        row.addWidget(self.next_button)
        row.addWidget(self.start_button)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        # When rows change height (a new text size, a narrower window), keep the chosen
        # row in view, once the layout has settled.
        self._scroll_later = QTimer(self, singleShot=True, interval=0)
        self._scroll_later.timeout.connect(self._scroll_to_chosen)
        self.table.verticalHeader().sectionResized.connect(lambda *_: self._scroll_later.start())

        self.layout_.addWidget(self.summary)
        self.layout_.addWidget(self.content_note)
        self.layout_.addWidget(self.table, 1)
        self.layout_.addWidget(self.empty)
        self.layout_.addLayout(row)

    def show_view(self, view: LiveView) -> None:
        self._items = view.snapshot.agenda
        self._running = view.snapshot.public.item
        running_id = self._running.id if self._running else None
        chosen = self.model.item_at(self.table.currentIndex().row())
        # The choice follows the running item when it changes; otherwise it stays.
        follow = chosen is None or running_id != self._running_id
        self._running_id = running_id
        self.model.set_agenda(self._items, running_id, self.live.clock.now())
        target = running_id if follow and running_id else (chosen.id if chosen else None)
        row = self.model.row_of(target)
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.scrollTo(self.model.index(row, 0))
        self._show_summary(view)
        note = self._running.content_note if self._running else ""
        self.content_note.setText(f"Content note for this item: {note}" if note else "")
        self.content_note.setVisible(bool(note))
        self.table.setVisible(bool(self._items))
        self.empty.setVisible(not self._items)
        self._closed = view.closed
        self._update_buttons()

    def _show_summary(self, view: LiveView) -> None:
        ends_at = view.details.ends_at
        planned = sum(item.planned_minutes for item in self._items)
        text = f"{len(self._items)} items, {planned} min planned"
        if ends_at is not None:
            text += f", to end at {clock_words(ends_at)}"
        if self._items and self._running is None and self._unfinished(None) is None:
            text += f". {DONE_TEXT}"
        self.summary.setText(text + ("" if text.endswith(".") else "."))

    def _unfinished(self, after: AgendaItemView | None) -> AgendaItemView | None:
        position = after.position if after else 0
        return next((i for i in self._items if i.position > position and i.ended_at is None), None)

    def _update_buttons(self) -> None:
        closed = self._closed
        running_id = self._running.id if self._running else None
        following = self._unfinished(self._running)
        self.next_button.setEnabled(not closed and (self._running or following) is not None)
        label = "Finish this item" if self._running and following is None else "Next item"
        self.next_button.setText(f"&{label}")
        self.next_button.setAccessibleName(label)
        chosen = self.model.item_at(self.table.currentIndex().row())
        self.start_button.setEnabled(not closed and chosen is not None and chosen.id != running_id)

    def start_chosen(self) -> None:
        chosen = self.model.item_at(self.table.currentIndex().row())
        if chosen is not None:
            self.live.start_item(chosen.id)

    def _scroll_to_chosen(self) -> None:
        self.table.scrollTo(self.table.currentIndex())

    def tick(self, now: datetime) -> None:
        self.model.set_now(now)

    def first_focus(self) -> QWidget | None:
        return self.table if self.table.isVisible() else self.next_button
