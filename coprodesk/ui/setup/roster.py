"""People in this series: added by name only, with initials, consent and a private role.

Initials come from the core's rule (docs/initials.md) and can be changed in
the list; a clash is refused with the core's message and nothing changes.
Roles are hidden until "Show private details" is ticked, and then sit inside
the "Only you see this" frame.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coprodesk.ui.flow_layout import FlowLayout
from coprodesk.ui.palette import GRID
from coprodesk.ui.private import PrivateArea
from coprodesk.ui.setup.fields import Field
from coprodesk.ui.setup.page import SetupPage, keep_fitted, plain_button
from coprodesk.ui.setup.people_model import CONSENT, INITIALS, NAME, ROLE, PeopleModel
from coprodesk.ui.views import Column, Fit, Wrap, set_columns, table_view
from coprodesk.ui.widgets import hint

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from coprodesk.core.roster import Person

NO_PEOPLE_TEXT = "No one here yet. Add people by name only — roles stay private."
ROSTER_HINT = (
    "Initials appear by themselves and are used in the minutes. To change a name, initials "
    "or a role, choose it and press F2, or double-click it. Space ticks or unticks agreement."
)
PRIVATE_DETAIL = (
    "Roles and organisations are never shown to the group, except at the end for people "
    "who agree to share theirs."
)


class RosterPanel(QWidget):
    """Adds, changes and removes the people of one series, saving each change at once."""

    def __init__(self, page: SetupPage, series_id: uuid.UUID) -> None:
        super().__init__()
        self._page = page
        self._series_id = series_id
        self.model = PeopleModel()
        self.model.change_requested.connect(self._change)

        self.name_edit = QLineEdit()
        self.name_field = Field(
            "&Name", self.name_edit, "Only a name: the name they like to be called by.", chars=50
        )
        self.name_edit.returnPressed.connect(self.add_person)
        self.add_button = plain_button("&Add person", self.add_person, primary=True)

        self.show_private = QCheckBox("Show p&rivate details")
        self.show_private.setAccessibleName("Show private details")
        self.show_private.setAccessibleDescription(
            "Shows each person's role or organisation. Only you see this."
        )
        self.show_private.toggled.connect(self.set_show_private)

        self.table = self._make_table()
        self.people_field = Field("People &in this series", self.table, ROSTER_HINT)
        self.empty = hint(NO_PEOPLE_TEXT)
        self.area = PrivateArea(PRIVATE_DETAIL)
        self.area.add_widget(self.people_field, 1)
        self.area.add_widget(self.empty)
        self.area.set_marked(False)
        self.remove_button = plain_button("Re&move person", self.remove_person)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GRID * 2)
        layout.addWidget(self.name_field)
        adding = FlowLayout()
        adding.addWidget(self.add_button)
        layout.addLayout(adding)
        layout.addWidget(self.show_private)
        layout.addWidget(self.area, 1)
        removing = FlowLayout()
        removing.addWidget(self.remove_button)
        layout.addLayout(removing)

    def _make_table(self) -> QTableView:
        table = table_view(self.model, "People in this series", ROSTER_HINT, self._columns())
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        model = self.model
        for signal in (model.modelReset, model.columnsInserted, model.columnsRemoved):
            signal.connect(lambda *_: set_columns(table, self._columns()))
        keep_fitted(table, most=12)
        table.addAction(self._page.services.actions.remove)
        table.selectionModel().currentChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        return table

    def _columns(self) -> list[Column]:
        """Names and roles share the width and wrap; initials and agreement stay whole."""
        return [Wrap if field in (NAME, ROLE) else Fit for field in self.model.columns]

    # Showing -----------------------------------------------------------------------------

    def set_people(self, people: Sequence[Person], select: uuid.UUID | None = None) -> None:
        """Show ``people``, keeping the chosen person (or choosing ``select``)."""
        current = self.chosen()
        keep = select or (current.id if current else None)
        index = self.table.currentIndex()
        self.model.set_people(people)
        has_people = bool(people)
        self.table.setVisible(has_people)
        self.empty.setVisible(not has_people)
        row = self.model.row_of(keep) if keep is not None else None
        if row is None and has_people:  # The one removed: choose the next.
            row = max(0, min(index.row(), len(people) - 1))
        if row is not None:
            self._select(row, max(index.column(), 0))
        self._update_buttons()

    def _select(self, row: int, column: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, min(column, self.model.columnCount() - 1)),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def set_show_private(self, show: bool) -> None:
        """Show or hide every role (and the "Only you see this" frame around them)."""
        self.show_private.setChecked(show)
        index = self.table.currentIndex()
        self.model.set_show_private(show)
        self.area.set_marked(show)
        if index.isValid():  # Select the whole row again, new column and all.
            self._select(index.row(), 0)

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.chosen() is not None)

    def chosen(self) -> Person | None:
        index = self.table.currentIndex()
        return self.model.person_at(index.row()) if index.isValid() else None

    # Changing ----------------------------------------------------------------------------

    def _read(self, session: Session) -> list[Person]:
        from coprodesk.core.roster import people

        return people(session, self._series_id)

    def add_person(self) -> None:
        from coprodesk.core.roster import add_person

        name = self.name_edit.text()
        series_id = self._series_id

        def add(session: Session) -> tuple[uuid.UUID, list[Person]]:
            return add_person(session, series_id, name), self._read(session)

        def added(result: tuple[uuid.UUID, list[Person]]) -> None:
            new_id, people = result
            self.name_edit.clear()
            self.set_people(people, select=new_id)
            row = self.model.row_of(new_id)
            person = self.model.person_at(row if row is not None else -1)
            if person is not None:
                self._page.status.setText(
                    f"Added {person.name}, with the initials {person.initials}."
                )

        self._page.save(add, "roster.add", field=self.name_field, done=added)

    def _change(self, person_id: uuid.UUID, field: str, value: object) -> None:
        from coprodesk.core.roster import update_person

        def change(session: Session) -> list[Person]:
            if field == CONSENT:
                update_person(session, person_id, reveal_role_consent=bool(value))
            elif field == NAME:
                update_person(session, person_id, name=str(value))
            elif field == INITIALS:
                update_person(session, person_id, initials=str(value))
            elif field == ROLE:
                update_person(session, person_id, private_role=str(value))
            return self._read(session)

        def refused(reason: str) -> None:
            if field != CONSENT:
                self.model.refuse(person_id, field, str(value), reason)

        self._page.save(
            change,
            "roster.change",
            field=self.people_field,
            done=lambda people: self.set_people(people, select=person_id),
            failed=refused,
        )

    def remove_person(self) -> None:
        from coprodesk.core.undo import remove_person_undoably, restore_person

        person = self.chosen()
        if person is None:
            return
        self._page.remove_with_undo(
            "roster.remove",
            lambda session: remove_person_undoably(session, person.id),
            restore_person,
            self._read,
            self.set_people,
            lambda removed: f"Removed {removed.label} from this series.",
        )
