"""Actions: the board where everyone leaves with an action.

    ┌ Actions ────────────────────────────────────────────────────────────────┐
    │ table: action · who (accepted?) · support buddy · by when · progress    │
    │ [What will be done] [Who] [Support buddy] [By when]  Add / Change / New │
    │ owners' ticks: ☐ AR has accepted  ☑ BC has accepted · Remove · Pass on │
    │ Only you see this: who still needs one (by name), suggestions, reasons │
    └──────────────────────────────────────────────────────────────────────────┘

Everything is inline (no dialogs mid-meeting) and saved the moment it is done:
each button is one change through ``LiveSession.change_or_refuse``, whose
refusals show in the notice line above the form.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from coprodesk.core import actions
from coprodesk.core.actions import ActionDetail, RemovedAction
from coprodesk.core.errors import UserFacingError
from coprodesk.core.live import Step
from coprodesk.ui.flow_layout import FlowLayout
from coprodesk.ui.live.action_words import (
    DATE_HINT,
    coverage_names,
    initials_list,
    parse_target_date,
)
from coprodesk.ui.live.actions_model import ActionsModel
from coprodesk.ui.live.look import make_primary
from coprodesk.ui.live.pages.base import StepPage, button
from coprodesk.ui.palette import GRID
from coprodesk.ui.private import PrivateArea
from coprodesk.ui.views import Fit, Wrap, name_combo, table_view
from coprodesk.ui.widgets import heading, hint

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.orm import Session

    from coprodesk.core.live_view import LiveView
    from coprodesk.ui.live.session import LiveSession

INTRO_TEXT = (
    "Agree one small action with each person here. The owner chooses the date, or none, "
    "and ticks that they accept it."
)
EMPTY_TEXT = "No actions yet. Type one below, with who will do it."
NEW_TITLE = "New action"
EDIT_TITLE = "Change the chosen action"


def _line(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


class ActionsPage(StepPage):
    step = Step.ACTIONS

    def __init__(self, live: LiveSession) -> None:
        super().__init__(live)
        self.model = ActionsModel()
        self._view: LiveView | None = None
        self._editing: uuid.UUID | None = None
        self._removed: RemovedAction | None = None
        self.intro = hint(INTRO_TEXT)
        self.table = table_view(
            self.model,
            "Actions from this workshop",
            "Each action with its owners' initials, whether they accepted, the support buddy, "
            "target date and progress",
            (Wrap, Wrap, Fit, Fit, Fit),
        )
        self.title.setBuddy(self.table)
        self.table.setMinimumHeight(GRID * 24)
        self.empty = hint(EMPTY_TEXT)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._chosen_changed())
        self.notice = hint("")
        self.notice.setAccessibleName("Actions notice")
        self.notice.hide()
        self.undo_button = button("Undo the removal", "Undo the removal")
        self.undo_button.clicked.connect(self.undo_removal)
        self.undo_button.hide()
        notice_row = FlowLayout()
        notice_row.addWidget(self.notice)
        notice_row.addWidget(self.undo_button)

        self.layout_.addWidget(self.intro)
        self._build_coverage()
        self.layout_.addWidget(self.table, 1)
        self.layout_.addWidget(self.empty)
        self.layout_.addLayout(notice_row)
        self._build_chosen()
        self._build_form()
        live.refused.connect(self._refused)

    # Building -----------------------------------------------------------------------------

    def _build_form(self) -> None:
        self.form_heading = heading(NEW_TITLE)
        self.text = _line("What will be done", "What will be done, in plain words")
        self.owners = _line("Who will do it (initials)", "Initials, such as AR, MJ")
        self.buddy = _line("Support buddy (initials, optional)", "Optional")
        self.target = _line("By when (the owner chooses; optional)", DATE_HINT)
        form = QFormLayout()
        for label, field in (
            ("What will be done", self.text),
            ("Who will do it", self.owners),
            ("Support buddy", self.buddy),
            ("By when (the owner chooses)", self.target),
        ):
            caption = QLabel(label)
            caption.setBuddy(field)
            form.addRow(caption, field)
        self.accepted_now = QCheckBox("The owners accept it now")
        self.accepted_now.setAccessibleName("The owners accept it now")
        self.add_button = button("Add the action", "Add the action")
        make_primary(self.add_button)
        self.add_button.clicked.connect(self.submit)
        for field in (self.text, self.owners, self.buddy, self.target):
            field.returnPressed.connect(self.submit)
        self.new_button = button("Start a new action", "Start a new action")
        self.new_button.clicked.connect(self.start_new)
        row = FlowLayout()
        for widget in (self.accepted_now, self.add_button, self.new_button):
            row.addWidget(widget)
        self.layout_.addWidget(self.form_heading)
        self.layout_.addLayout(form)
        self.layout_.addLayout(row)

    def _build_chosen(self) -> None:
        self.chosen_heading = heading("The chosen action")
        self.ticks_row = FlowLayout()
        self.ticks: list[QCheckBox] = []
        self.edit_button = button("Change this action", "Change this action")
        self.edit_button.clicked.connect(self.edit_chosen)
        self.remove_button = button("Remove this action", "Remove this action")
        self.remove_button.clicked.connect(self.remove_chosen)
        self.pass_from = QComboBox()
        name_combo(self.pass_from, "Pass on from")
        pass_from_label = QLabel("Pass on from")
        pass_from_label.setBuddy(self.pass_from)
        self.pass_to = _line("Pass on to (initials)", "Initials")
        pass_to_label = QLabel("to")
        pass_to_label.setBuddy(self.pass_to)
        self.pass_agrees = QCheckBox("They agree to take it on")
        self.pass_agrees.setAccessibleName("The new owner agrees to take it on")
        self.pass_button = button("Pass it on", "Pass the action on")
        self.pass_button.clicked.connect(self.pass_on)
        buttons = FlowLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        passing = FlowLayout()
        for widget in (
            pass_from_label,
            self.pass_from,
            pass_to_label,
            self.pass_to,
            self.pass_agrees,
            self.pass_button,
        ):
            passing.addWidget(widget)
        self.layout_.addWidget(self.chosen_heading)
        self.layout_.addLayout(self.ticks_row)
        self.layout_.addLayout(buttons)
        self.layout_.addLayout(passing)

    def _build_coverage(self) -> None:
        self.coverage_area = PrivateArea("Names never go on the projector; it shows initials.")
        self.coverage_heading = heading("Help someone without an action")
        self.coverage_text = hint("")  # the names, in full; the side panel shows them
        self.heavy_text = hint("")
        self.heavy_text.setAccessibleName("Who holds many actions")
        self.heavy_text.hide()
        self.person = QComboBox()
        name_combo(self.person, "Person without an action")
        person_label = QLabel("For")
        person_label.setBuddy(self.person)
        self.suggestion = QComboBox()
        name_combo(self.suggestion, "Suggested action")
        suggestion_label = QLabel("Suggest")
        suggestion_label.setBuddy(self.suggestion)
        for combo in (self.person, self.suggestion):
            # Long choices wrap the row instead of widening the page at large text sizes.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)
        self.use_suggestion = button("Use this suggestion", "Use this suggestion")
        self.use_suggestion.clicked.connect(self.fill_suggestion)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        name_combo(self.reason, "Reason for not this time (choose or write one)")
        typed_reason = self.reason.lineEdit()
        if typed_reason is not None:
            typed_reason.setAccessibleName("Reason for not this time, as typed")
            typed_reason.setPlaceholderText("Choose a reason, or write one")
        reason_label = QLabel("Reason")
        reason_label.setBuddy(self.reason)
        self.not_this_time = button("Record “not this time”", "Record not this time")
        self.not_this_time.clicked.connect(self.record_not_this_time)
        self.take_back = button("Take back “not this time”", "Take back not this time")
        self.take_back.clicked.connect(self.clear_not_this_time)
        try:
            shipped = actions.suggestions()
            self.suggestion.addItems(list(shipped.actions))
            self.reason.addItems(list(shipped.not_this_time_reasons))
        except UserFacingError as error:
            self._say(str(error))
        self.reason.setCurrentIndex(-1)
        suggest = FlowLayout()
        excuse = FlowLayout()
        rows: tuple[tuple[FlowLayout, tuple[QWidget, ...]], ...] = (
            (suggest, (person_label, self.person, suggestion_label, self.suggestion)),
            (suggest, (self.use_suggestion,)),
            (excuse, (reason_label, self.reason, self.not_this_time, self.take_back)),
        )
        for row, widgets in rows:
            for widget in widgets:
                row.addWidget(widget)
        self.coverage_area.add_widget(self.coverage_heading)
        self.coverage_area.add_widget(self.heavy_text)
        for layout in (suggest, excuse):
            self.coverage_area.contents.addLayout(layout)
        self.person.currentIndexChanged.connect(lambda *_: self._person_changed())
        self.layout_.addWidget(self.coverage_area)

    # Showing ------------------------------------------------------------------------------

    def show_view(self, view: LiveView) -> None:
        self._view = view
        chosen = self.chosen_id()
        self.model.set_actions(view.board)
        has_actions = bool(view.board)
        self.table.setVisible(has_actions)
        self.empty.setVisible(not has_actions)
        if chosen is not None:
            self.choose(chosen)
        self._chosen_changed()
        self._show_coverage(view)
        for widget in (self.add_button, self.new_button, self.not_this_time, self.take_back):
            widget.setEnabled(not view.closed)

    def _show_coverage(self, view: LiveView) -> None:
        coverage = view.coverage
        self.coverage_text.setText("\n".join(coverage_names(coverage)))
        heavy = [line for line in coverage_names(coverage) if "far more than others" in line]
        self.heavy_text.setText("\n".join(heavy))
        self.heavy_text.setVisible(bool(heavy))
        before = self.person.currentData()
        self.person.clear()
        for person in coverage.without_action:
            self.person.addItem(person.name, person.participant_id)
        for entry in coverage.not_this_time:
            self.person.addItem(f"{entry.person.name} (not this time)", entry.person.participant_id)
        index = self.person.findData(before)
        self.person.setCurrentIndex(max(index, 0))
        has_people = self.person.count() > 0
        for widget in (
            self.person,
            self.suggestion,
            self.use_suggestion,
            self.reason,
            self.not_this_time,
            self.take_back,
        ):
            widget.setEnabled(has_people and not view.closed)
        self._person_changed()

    def _person_changed(self) -> None:
        """Offer "take back" for someone with a "not this time", "record" for the others."""
        view = self._view
        chosen = self.person.currentData()
        excused = view is not None and any(
            entry.person.participant_id == chosen for entry in view.coverage.not_this_time
        )
        self.take_back.setVisible(excused)
        self.not_this_time.setVisible(not excused)

    def chosen_id(self) -> uuid.UUID | None:
        action = self.chosen_action()
        return action.id if action else None

    def chosen_action(self) -> ActionDetail | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.actions):
            return None
        return self.model.actions[index.row()]

    def choose(self, action_id: uuid.UUID) -> None:
        for row, action in enumerate(self.model.actions):
            if action.id == action_id:
                self.table.setCurrentIndex(self.model.index(row, 0))
                return

    def _chosen_changed(self) -> None:
        action = self.chosen_action()
        for tick in self.ticks:
            self.ticks_row.removeWidget(tick)
            tick.deleteLater()
        self.ticks = []
        self.pass_from.clear()
        closed = self._view is not None and self._view.closed
        if action is not None:
            for owner in action.owners:
                words = f"{owner.initials} has accepted"
                tick = QCheckBox(words)
                tick.setAccessibleName(f"{words}: {action.text}")
                tick.setChecked(owner.accepted)
                tick.setEnabled(not closed)
                tick.toggled.connect(
                    lambda on, who=owner.participant_id, what=action.id: self.set_accepted(
                        what, who, on
                    )
                )
                self.ticks_row.addWidget(tick)
                self.ticks.append(tick)
                self.pass_from.addItem(owner.initials, owner.participant_id)
        for widget in (
            self.edit_button,
            self.remove_button,
            self.pass_from,
            self.pass_to,
            self.pass_agrees,
            self.pass_button,
        ):
            widget.setEnabled(action is not None and not closed)
        self.chosen_heading.setText(
            f"The chosen action: {action.text}" if action else "Choose an action in the list"
        )

    def first_focus(self) -> QWidget | None:
        return self.table if self.table.isVisible() else self.text

    # Doing --------------------------------------------------------------------------------

    def _say(self, text: str, *, undo: bool = False) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self.undo_button.setVisible(undo)

    def _refused(self, message: str) -> None:
        if self.isVisible():
            self._say(message)

    def _change(
        self,
        write: Callable[[Session], object],
        done: Callable[[], object] | None = None,
        said: str = "",
    ) -> None:
        def finished() -> None:
            self._say(said, undo=self._removed is not None and said.startswith("Removed"))
            if done is not None:
                done()

        self.live.change_or_refuse(write, finished)

    def submit(self) -> None:
        """Add the typed action, or change the one being edited."""
        try:
            target = parse_target_date(self.target.text(), date.today())
        except UserFacingError as error:
            self._say(str(error))
            self.target.setFocus()
            return
        workshop_id, text = self.live.workshop_id, self.text.text()
        owners, buddy = initials_list(self.owners.text()), self.buddy.text().strip() or None
        editing = self._editing
        if editing is None:
            accepted = owners if self.accepted_now.isChecked() else []

            def write(session: Session) -> None:
                actions.add_action(
                    session,
                    workshop_id,
                    text,
                    owners,
                    accepted=accepted,
                    buddy=buddy,
                    target_date=target,
                )

            self._change(write, self.start_new, "Added. Saved.")
        else:

            def change(session: Session) -> None:
                actions.edit_action(
                    session, editing, text=text, owners=owners, buddy=buddy, target_date=target
                )

            self._change(change, self.start_new, "Changed. Saved.")

    def start_new(self) -> None:
        """An empty form; if the keyboard was in it, it goes back to the first field."""
        in_form = any(field.hasFocus() for field in (self.owners, self.buddy, self.target))
        if in_form:
            self.text.setFocus()
        self._editing = None
        for field in (self.text, self.owners, self.buddy, self.target):
            field.clear()
        self.accepted_now.setChecked(False)
        self.accepted_now.setVisible(True)
        self.form_heading.setText(NEW_TITLE)
        self.add_button.setText("Add the action")
        self.add_button.setAccessibleName("Add the action")

    def edit_chosen(self) -> None:
        action = self.chosen_action()
        if action is None:
            return
        self._editing = action.id
        self.text.setText(action.text)
        self.owners.setText(", ".join(action.owner_initials))
        self.buddy.setText(action.buddy_initials)
        self.target.setText(
            f"{action.target_date:%d/%m/%Y}" if action.target_date is not None else ""
        )
        self.accepted_now.setVisible(False)
        self.form_heading.setText(EDIT_TITLE)
        self.add_button.setText("Change the action")
        self.add_button.setAccessibleName("Change the action")
        self.text.setFocus()

    def set_accepted(self, action_id: uuid.UUID, participant_id: uuid.UUID, on: bool) -> None:
        self._change(
            lambda session: actions.set_accepted(session, action_id, participant_id, on),
            said="Saved.",
        )

    def remove_chosen(self) -> None:
        action = self.chosen_action()
        if action is None:
            return
        action_id = action.id

        def write(session: Session) -> None:
            self._removed = actions.remove_action(session, action_id)

        self._change(write, said=f"Removed “{action.text}”.")

    def undo_removal(self) -> None:
        removed = self._removed
        if removed is None:
            return
        self._removed = None

        def write(session: Session) -> None:
            actions.restore_action(session, removed)

        self._change(write, lambda: self.choose(removed.values["id"]), "Put back. Saved.")
        self.table.setFocus()

    def pass_on(self) -> None:
        action = self.chosen_action()
        from_id = self.pass_from.currentData()
        if action is None or from_id is None:
            return
        action_id, to, agrees = action.id, self.pass_to.text().strip(), self.pass_agrees.isChecked()

        def write(session: Session) -> None:
            actions.reassign(session, action_id, from_id, to, new_owner_agrees=agrees)

        def done() -> None:
            self.pass_to.clear()
            self.pass_agrees.setChecked(False)

        self._change(write, done, f"Passed on to {to.upper()}, who accepted it. Saved.")

    def fill_suggestion(self) -> None:
        """Put the suggestion in the form for the chosen person, ready to adjust and add."""
        participant_id = self.person.currentData()
        view = self._view
        if participant_id is None or view is None:
            return
        initials = next(
            (p.initials for p in view.coverage.present if p.participant_id == participant_id), ""
        )
        self.start_new()
        self.text.setText(self.suggestion.currentText())
        self.owners.setText(initials)
        self.text.setFocus()

    def record_not_this_time(self) -> None:
        participant_id, reason = self.person.currentData(), self.reason.currentText()
        if participant_id is None:
            return
        workshop_id = self.live.workshop_id
        self._change(
            lambda session: actions.set_not_this_time(session, workshop_id, participant_id, reason),
            said="“Not this time” recorded. Saved.",
        )

    def clear_not_this_time(self) -> None:
        participant_id = self.person.currentData()
        if participant_id is None:
            return
        workshop_id = self.live.workshop_id
        self._change(
            lambda session: actions.clear_not_this_time(session, workshop_id, participant_id),
            said="“Not this time” taken back. Saved.",
        )
