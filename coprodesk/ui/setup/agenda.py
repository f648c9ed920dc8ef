"""The agenda editor: items in order, their planned times, and the chosen item's details.

The list shows each item with the time it should start; the planned end is
shown above it and follows every change. Below the list, the chosen item's
title, minutes, break tick and content note save themselves like any field.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QCheckBox,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coprodesk.ui.flow_layout import FlowLayout
from coprodesk.ui.palette import GRID
from coprodesk.ui.setup.agenda_model import DIFFICULT_NOTE, AgendaModel, timing_words
from coprodesk.ui.setup.fields import Field, save_line
from coprodesk.ui.setup.page import (
    SetupPage,
    action_button,
    keep_fitted,
    plain_button,
    section,
)
from coprodesk.ui.views import Fit, Wrap, table_view
from coprodesk.ui.widgets import heading, hint

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.orm import Session

    from coprodesk.core.workshop import AgendaItemView

NO_ITEMS_TEXT = "No agenda items yet. Add the first with Add item."
NEW_ITEM_TITLE = "New item"
NEW_ITEM_MINUTES = 15


class AgendaEditor(QWidget):
    """Adds, changes, moves and deletes the agenda items of one workshop."""

    def __init__(self, page: SetupPage, workshop_id: uuid.UUID) -> None:
        super().__init__()
        self._page = page
        self._workshop_id = workshop_id
        self._item_id: uuid.UUID | None = None
        self._starts_at: datetime | None = None
        self.model = AgendaModel()
        actions = page.services.actions

        self.table = self._make_table()
        self.heading = section("&Agenda", self.table)
        self.timing = heading("")
        self.timing.setAccessibleName("Planned timing")
        self.empty = hint(NO_ITEMS_TEXT)
        self.add_button = plain_button("Add &item", self.add_item, primary=True)
        # No letters here: Alt+U is Undo, Alt+W and Alt+E open menus; Ctrl+Up and
        # Ctrl+Down move, and Delete deletes, while the agenda has the focus.
        self.up_button = action_button(actions.move_up, "Move up")
        self.down_button = action_button(actions.move_down, "Move down")
        self.delete_button = plain_button("Delete item", self.delete_item)

        self.form = QWidget()
        self.form_heading = heading("The chosen item")
        self.title_edit = QLineEdit()
        self.title_field = Field("Item tit&le", self.title_edit, chars=70)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 999)
        self.minutes.setSuffix(" min")
        self.minutes_field = Field("Planned &minutes", self.minutes)
        self.is_break = QCheckBox("This is a brea&k")
        self.is_break.setAccessibleName("This is a break")
        self.note_edit = QLineEdit()
        self.note_field = Field(
            "Content n&ote (optional)",
            self.note_edit,
            "Tells people before the item starts what it may bring up. "
            f"The suggested note: {DIFFICULT_NOTE}",
            chars=70,
        )
        self.suggest_button = plain_button("Use the suggested note", self.use_difficult_note)
        self.suggest_button.setAccessibleDescription(f"Sets the note to: {DIFFICULT_NOTE}")
        self._layout()
        self._connect()

    def _make_table(self) -> QTableView:
        table = table_view(
            self.model,
            "Agenda",
            "The agenda items in order, with planned start times. Ctrl+Up and Ctrl+Down move "
            "the chosen item.",
            (Fit, Wrap, Fit, Fit, Wrap),
        )
        actions = self._page.services.actions
        for action in (actions.remove, actions.move_up, actions.move_down):
            table.addAction(action)
        keep_fitted(table, most=15)
        return table

    def _layout(self) -> None:
        form = QVBoxLayout(self.form)
        form.setContentsMargins(0, GRID, 0, 0)
        form.setSpacing(GRID * 2)
        form.addWidget(self.form_heading)
        form.addWidget(self.title_field)
        form.addWidget(self.minutes_field)
        form.addWidget(self.is_break)
        form.addWidget(self.note_field)
        suggestion = FlowLayout()
        suggestion.addWidget(self.suggest_button)
        form.addLayout(suggestion)
        # Moving works from anywhere in the chosen item's details too.
        actions = self._page.services.actions
        self.form.addAction(actions.move_up)
        self.form.addAction(actions.move_down)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GRID)
        layout.addWidget(self.heading)
        layout.addWidget(self.timing)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        buttons = FlowLayout()
        for button in (self.add_button, self.up_button, self.down_button, self.delete_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        layout.addWidget(self.form)

    def _connect(self) -> None:
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.modelReset.connect(self._row_changed)
        self.title_saver = save_line(
            self._page,
            self.title_field,
            lambda text: self._update(title=text),
            "agenda.title",
        )
        self.note_saver = save_line(
            self._page,
            self.note_field,
            lambda text: self._update(content_note=text),
            "agenda.note",
        )
        self.minutes.valueChanged.connect(
            lambda value: self._save_now(self._update(planned_minutes=value), self.minutes_field)
        )
        self.is_break.toggled.connect(
            lambda checked: self._save_now(self._update(is_break=checked), None)
        )

    # Showing -----------------------------------------------------------------------------

    def set_items(self, items: Sequence[AgendaItemView], select: uuid.UUID | None = None) -> None:
        """Show ``items``, keeping the chosen item (or choosing ``select``)."""
        keep = select or self._item_id
        row_before = self.table.currentIndex().row()
        self.model.set_items(items)
        has_items = bool(items)
        self.table.setVisible(has_items)
        self.empty.setVisible(not has_items)
        row = self.model.row_of(keep) if keep is not None else None
        if row is None and has_items:
            row = max(0, min(row_before, len(items) - 1))
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 1),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._row_changed()
        self._show_timing()

    def set_start(self, starts_at: datetime | None) -> None:
        self._starts_at = starts_at
        self.model.set_start(starts_at)
        self._show_timing()

    def _show_timing(self) -> None:
        shown, spoken = timing_words(self._starts_at, self.model.items)
        self.timing.setText(shown)
        self.timing.setAccessibleDescription(spoken)

    def chosen(self) -> AgendaItemView | None:
        index = self.table.currentIndex()
        return self.model.item_at(index.row()) if index.isValid() else None

    def _row_changed(self) -> None:
        item = self.chosen()
        if item is not None and item.id == self._item_id:
            self._update_buttons()
            return
        # Typing for the item being left is saved to that item first.
        self.title_saver.flush()
        self.note_saver.flush()
        self._item_id = item.id if item is not None else None
        self.form.setEnabled(item is not None)
        self.form.setVisible(item is not None)
        if item is not None:
            self.title_saver.set_text(item.title)
            self.note_saver.set_text(item.content_note)
            self.minutes.blockSignals(True)
            self.minutes.setValue(item.planned_minutes)
            self.minutes.blockSignals(False)
            self.is_break.blockSignals(True)
            self.is_break.setChecked(item.is_break)
            self.is_break.blockSignals(False)
            self.minutes_field.clear_problem()
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.table.currentIndex().row() if self.chosen() is not None else -1
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.model.rowCount() - 1)
        self.delete_button.setEnabled(row >= 0)

    # Changing ----------------------------------------------------------------------------

    def _read(self, session: Session) -> list[AgendaItemView]:
        from coprodesk.core.workshop import agenda

        return agenda(session, self._workshop_id)

    def _update(
        self,
        *,
        title: str | None = None,
        planned_minutes: int | None = None,
        is_break: bool | None = None,
        content_note: str | None = None,
    ) -> Callable[[Session], list[AgendaItemView]]:
        """A change to the chosen item (chosen now, not when the change runs)."""
        item_id = self._item_id

        def change(session: Session) -> list[AgendaItemView]:
            from coprodesk.core.workshop import update_agenda_item

            if item_id is not None:
                update_agenda_item(
                    session,
                    item_id,
                    title=title,
                    planned_minutes=planned_minutes,
                    is_break=is_break,
                    content_note=content_note,
                )
            return self._read(session)

        return change

    def _save_now(
        self, work: Callable[[Session], list[AgendaItemView]], field: Field | None
    ) -> None:
        self._page.save(work, "agenda.change", field=field, done=self.set_items)

    def add_item(self) -> None:
        from coprodesk.core.workshop import add_agenda_item

        workshop_id = self._workshop_id

        def add(session: Session) -> tuple[uuid.UUID, list[AgendaItemView]]:
            new_id = add_agenda_item(session, workshop_id, NEW_ITEM_TITLE, NEW_ITEM_MINUTES)
            return new_id, self._read(session)

        def added(result: tuple[uuid.UUID, list[AgendaItemView]]) -> None:
            new_id, items = result
            self.set_items(items, select=new_id)
            self.title_edit.setFocus()
            self.title_edit.selectAll()

        self._page.save(add, "agenda.add", done=added)

    def move_item(self, step: int) -> None:
        from coprodesk.core.workshop import move_agenda_item

        item = self.chosen()
        if item is None:
            return

        def move(session: Session) -> list[AgendaItemView]:
            move_agenda_item(session, item.id, item.position + step)
            return self._read(session)

        self._page.save(move, "agenda.move", done=lambda items: self.set_items(items, item.id))

    def delete_item(self) -> None:
        from coprodesk.core.undo import delete_agenda_item_undoably, restore_agenda_item

        item = self.chosen()
        if item is None:
            return
        self._page.remove_with_undo(
            "agenda.delete",
            lambda session: delete_agenda_item_undoably(session, item.id),
            restore_agenda_item,
            self._read,
            self.set_items,
            lambda removed: f"Deleted the agenda item “{removed.label}”.",
        )

    def use_difficult_note(self) -> None:
        self.note_edit.setText(DIFFICULT_NOTE)
        self.note_saver.flush()
