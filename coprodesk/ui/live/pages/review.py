"""Action review: what came of the actions from earlier workshops ("you said, we did").

Each open action from an earlier workshop in the series gets an update (done,
in progress, dropped) and a note of what came of it, saved at once. An action
still in progress comes back to the next workshop.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit

from coprodesk.core import actions
from coprodesk.core.actions import REVIEW_STATUSES, ReviewItem
from coprodesk.core.live import Step
from coprodesk.ui.flow_layout import FlowLayout
from coprodesk.ui.live.action_words import STATUS_WORDS
from coprodesk.ui.live.actions_model import ReviewModel
from coprodesk.ui.live.look import make_primary
from coprodesk.ui.live.pages.base import StepPage, button
from coprodesk.ui.palette import GRID
from coprodesk.ui.views import Fit, Wrap, name_combo, table_view
from coprodesk.ui.widgets import heading, hint

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget
    from sqlalchemy.orm import Session

    from coprodesk.core.live_view import LiveView
    from coprodesk.ui.live.session import LiveSession

INTRO_TEXT = (
    "Go through each action from earlier workshops: ask its owners what came of it, "
    "choose the update and note it in a few words, so everyone hears what their input led to."
)
EMPTY_TEXT = "Nothing to review: there are no open actions from earlier workshops."
ALL_DONE_TEXT = "Every action from earlier workshops has its update."


class ReviewPage(StepPage):
    step = Step.REVIEW

    def __init__(self, live: LiveSession) -> None:
        super().__init__(live)
        self.model = ReviewModel()
        self.intro = hint(INTRO_TEXT)
        self.progress = hint("")
        self.table = table_view(
            self.model,
            "Actions from earlier workshops",
            "Each earlier action with its owners' initials, its update and what came of it",
            (Wrap, Fit, Fit, Wrap),
        )
        self.title.setBuddy(self.table)
        self.table.setMinimumHeight(GRID * 30)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._fill_form())
        self.empty = hint(EMPTY_TEXT)
        self.form_heading = heading("Update for the chosen action")
        self.update_choice = QComboBox()
        name_combo(self.update_choice, "Update")
        for status in REVIEW_STATUSES:
            self.update_choice.addItem(STATUS_WORDS[status], status)
        self.note = QLineEdit()
        self.note.setAccessibleName("What came of it")
        self.note.setPlaceholderText("You said, we did: what happened, in a few words")
        self.note.returnPressed.connect(self.record)
        form = QFormLayout()
        for text, field in (("Update", self.update_choice), ("What came of it", self.note)):
            caption = QLabel(text)
            caption.setBuddy(field)
            form.addRow(caption, field)
        self.record_button = button("Record the update", "Record the update")
        make_primary(self.record_button)
        self.record_button.clicked.connect(self.record)
        self.notice = hint("")
        self.notice.setAccessibleName("Review notice")
        self.notice.hide()
        row = FlowLayout()
        row.addWidget(self.record_button)
        row.addWidget(self.notice)
        for widget in (self.intro, self.progress):
            self.layout_.addWidget(widget)
        self.layout_.addWidget(self.table, 1)
        self.layout_.addWidget(self.empty)
        self.layout_.addWidget(self.form_heading)
        self.layout_.addLayout(form)
        self.layout_.addLayout(row)
        self._closed = False
        live.refused.connect(self._refused)

    def show_view(self, view: LiveView) -> None:
        chosen = self.chosen_item()
        self.model.set_items(view.review)
        self._closed = view.closed
        has_items = bool(view.review)
        for widget in (self.intro, self.table, self.progress):
            widget.setVisible(has_items)
        self.empty.setVisible(not has_items)
        done = sum(item.reviewed_here for item in view.review)
        self.progress.setText(
            ALL_DONE_TEXT if done == len(view.review) else f"{done} of {len(view.review)} reviewed."
        )
        if chosen is not None:
            self.choose(chosen.id)
        elif has_items:
            self.choose(view.review[0].id)
        self._fill_form()

    def chosen_item(self) -> ReviewItem | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.items):
            return None
        return self.model.items[index.row()]

    def choose(self, action_id: uuid.UUID) -> None:
        for row, item in enumerate(self.model.items):
            if item.id == action_id:
                self.table.setCurrentIndex(self.model.index(row, 0))
                return

    def _fill_form(self) -> None:
        item = self.chosen_item()
        enabled = item is not None and not self._closed
        for widget in (self.update_choice, self.note, self.record_button):
            widget.setEnabled(enabled)
        self.form_heading.setVisible(item is not None)
        if item is None:
            return
        self.form_heading.setText(f"Update for: {item.text} (from “{item.raised_in_title}”)")
        if item.reviewed_here:
            self.update_choice.setCurrentIndex(self.update_choice.findData(item.status))
            self.note.setText(item.outcome_note)
        else:
            self.note.setText(item.outcome_note if item.status.value == "in_progress" else "")

    def record(self) -> None:
        item = self.chosen_item()
        if item is None:
            return
        action_id, workshop_id = item.id, self.live.workshop_id
        status, note = self.update_choice.currentData(), self.note.text()

        def write(session: Session) -> None:
            actions.review_action(session, action_id, workshop_id, status, note)

        def done() -> None:
            self.notice.setText("Saved.")
            self.notice.show()
            following = next((each for each in self.model.items if not each.reviewed_here), None)
            if following is not None:
                self.choose(following.id)
                self.note.setFocus()

        self.live.change_or_refuse(write, done)

    def _refused(self, message: str) -> None:
        if self.isVisible():
            self.notice.setText(message)
            self.notice.show()

    def first_focus(self) -> QWidget | None:
        return self.table if self.table.isVisible() else None
