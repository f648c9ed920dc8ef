"""People in this series: added by name only, initials, consent, private roles, removal."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit
from pytestqt.qtbot import QtBot
from setup_helpers import make_series, open_series_setup, people_rows, replace_text
from ui_helpers import OpenWindow

from coprodesk.core.db import Database
from coprodesk.ui.private import PRIVATE_MARKER_TEXT
from coprodesk.ui.setup.people_model import CONSENT, INITIALS, NAME, ROLE
from coprodesk.ui.setup.roster import NO_PEOPLE_TEXT, RosterPanel

PEOPLE = ("Aisha Rahman", "Sam Okafor")


def cell(roster: RosterPanel, name: str, field: str) -> QModelIndex:
    model = roster.model
    (row,) = [r for r in range(model.rowCount()) if model.person_at(r).name == name]  # type: ignore[union-attr]
    column = model.column_of(field)
    assert column is not None
    return model.index(row, column)


def edit_cell(qtbot: QtBot, roster: RosterPanel, index: QModelIndex, text: str) -> None:
    """Choose the cell, press F2, type ``text`` and Enter, as a person would."""
    table = roster.table
    table.setFocus()
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits and closes its editor on the next turn of the event loop.
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def every_text(roster: RosterPanel) -> set[str]:
    """Everything the people table gives any view or screen reader."""
    model = roster.model
    roles = (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
    )
    found = {
        str(model.index(row, column).data(role))
        for row in range(model.rowCount())
        for column in range(model.columnCount())
        for role in roles
    }
    found |= {
        str(model.headerData(column, Qt.Orientation.Horizontal, role))
        for column in range(model.columnCount())
        for role in roles
    }
    return found


def test_empty_roster_teaches_the_next_step(db: Database, open_window: OpenWindow) -> None:
    series_id, _ = make_series(db)
    open_window.open()
    roster = open_series_setup(open_window, series_id, people=True).roster
    assert roster.empty.isVisible()
    assert roster.empty.text() == NO_PEOPLE_TEXT
    assert not roster.table.isVisible()
    assert not roster.remove_button.isEnabled()


def test_people_are_added_by_name_only_with_initials_made_for_them(
    qtbot: QtBot, db: Database, open_window: OpenWindow
) -> None:
    series_id, _ = make_series(db)
    open_window.open()
    setup = open_series_setup(open_window, series_id, people=True)
    roster = setup.roster
    replace_text(qtbot, roster.name_edit, "Aisha Rahman")
    open_window.wait_idle()
    assert roster.name_edit.text() == ""
    assert roster.name_edit.hasFocus()  # Ready for the next name.
    replace_text(qtbot, roster.name_edit, "Ali Reed")
    open_window.wait_idle()
    assert people_rows(db, series_id) == [
        ("Aisha Rahman", "AR", "", False),
        ("Ali Reed", "ARE", "", False),
    ]
    assert setup.status.text() == "Added Ali Reed, with the initials ARE."
    assert roster.table.isVisible()
    assert cell(roster, "Ali Reed", INITIALS).data() == "ARE"

    replace_text(qtbot, roster.name_edit, "")
    qtbot.waitUntil(lambda: bool(roster.name_field.problem_text()))
    assert roster.name_field.problem_text() == "Please give a name: it cannot be empty."
    assert len(people_rows(db, series_id)) == 2


def test_initials_change_in_the_list_and_a_clash_is_refused(
    qtbot: QtBot, db: Database, open_window: OpenWindow
) -> None:
    series_id, _ = make_series(db, people=PEOPLE)
    open_window.open()
    roster = open_series_setup(open_window, series_id, people=True).roster

    edit_cell(qtbot, roster, cell(roster, "Sam Okafor", INITIALS), "so2")
    open_window.wait_idle()
    assert people_rows(db, series_id)[1][1] == "SO2"
    assert cell(roster, "Sam Okafor", INITIALS).data() == "SO2"

    edit_cell(qtbot, roster, cell(roster, "Sam Okafor", INITIALS), "ar")
    qtbot.waitUntil(lambda: bool(roster.people_field.problem_text()))
    assert roster.people_field.problem_text() == (
        "Someone in this series already has the initials AR. Please choose different initials."
    )
    refused = cell(roster, "Sam Okafor", INITIALS)
    assert refused.data() == "ar"  # What was typed stays, to correct.
    assert "Not saved" in refused.data(Qt.ItemDataRole.ToolTipRole)
    assert [row[1] for row in people_rows(db, series_id)] == ["AR", "SO2"]

    edit_cell(qtbot, roster, refused, "SK")
    qtbot.waitUntil(lambda: not roster.people_field.problem_text())
    assert [row[1] for row in people_rows(db, series_id)] == ["AR", "SK"]

    # Delete while typing in the list deletes a letter, never the person.
    table = roster.table
    table.setCurrentIndex(cell(roster, "Sam Okafor", NAME))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setCursorPosition(0)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.text() == "am Okafor"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    open_window.wait_idle()
    assert len(people_rows(db, series_id)) == 2

    edit_cell(qtbot, roster, cell(roster, "Sam Okafor", NAME), "Samuel Okafor")
    open_window.wait_idle()
    assert [row[0] for row in people_rows(db, series_id)] == ["Aisha Rahman", "Samuel Okafor"]


def test_private_roles_are_hidden_until_show_private_details_is_ticked(
    qtbot: QtBot, db: Database, open_window: OpenWindow
) -> None:
    series_id, _ = make_series(db, people=PEOPLE)
    with db.transaction() as session:
        from coprodesk.core import roster as core_roster

        (aisha, _sam) = core_roster.people(session, series_id)
        core_roster.update_person(session, aisha.id, private_role="Centre manager")
    open_window.open()
    roster = open_series_setup(open_window, series_id, people=True).roster

    assert not roster.show_private.isChecked()
    assert roster.model.column_of(ROLE) is None
    assert not any("Centre manager" in text for text in every_text(roster))
    assert not any("Role" in text for text in every_text(roster))
    assert not roster.area.marker.isVisible()
    assert roster.area.accessibleName() == ""

    roster.show_private.setFocus()
    qtbot.keyClick(roster.show_private, Qt.Key.Key_Space)
    assert roster.show_private.isChecked()
    assert cell(roster, "Aisha Rahman", ROLE).data() == "Centre manager"
    assert roster.area.marker.isVisible()
    assert roster.area.marker.text().startswith(PRIVATE_MARKER_TEXT)
    assert roster.area.accessibleName() == PRIVATE_MARKER_TEXT
    assert roster.area.isAncestorOf(roster.table)

    edit_cell(qtbot, roster, cell(roster, "Sam Okafor", ROLE), "Peer mentor")
    open_window.wait_idle()
    assert people_rows(db, series_id)[1][2] == "Peer mentor"

    qtbot.keyClick(roster.show_private, Qt.Key.Key_Space)
    assert roster.model.column_of(ROLE) is None
    assert not any("mentor" in text for text in every_text(roster))
    assert not roster.area.marker.isVisible()


def test_consent_is_ticked_in_the_list(qtbot: QtBot, db: Database, open_window: OpenWindow) -> None:
    series_id, _ = make_series(db, people=PEOPLE)
    open_window.open()
    roster = open_series_setup(open_window, series_id, people=True).roster
    index = cell(roster, "Sam Okafor", CONSENT)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    roster.table.setFocus()
    roster.table.setCurrentIndex(index)
    qtbot.keyClick(roster.table, Qt.Key.Key_Space)
    open_window.wait_idle()
    assert people_rows(db, series_id)[1][3] is True
    assert cell(roster, "Sam Okafor", CONSENT).data() == "Yes"
    assert "share their role at the end: yes" in str(
        cell(roster, "Sam Okafor", CONSENT).data(Qt.ItemDataRole.AccessibleTextRole)
    )


def test_removing_a_person_can_be_undone(
    qtbot: QtBot, db: Database, open_window: OpenWindow
) -> None:
    series_id, _ = make_series(db, people=PEOPLE)
    open_window.open()
    setup = open_series_setup(open_window, series_id, people=True)
    roster = setup.roster
    before = people_rows(db, series_id)

    roster.table.setFocus()
    roster.table.setCurrentIndex(cell(roster, "Sam Okafor", NAME))
    qtbot.keyClick(roster.table, Qt.Key.Key_Delete)
    open_window.wait_idle()
    assert [row[0] for row in people_rows(db, series_id)] == ["Aisha Rahman"]
    assert setup.undo_bar.isVisible()
    assert setup.undo_bar.message.text() == "Removed Sam Okafor from this series."

    qtbot.keyClick(roster.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    open_window.wait_idle()
    assert people_rows(db, series_id) == before
    assert not setup.undo_bar.isVisible()

    roster.table.setCurrentIndex(cell(roster, "Aisha Rahman", NAME))
    qtbot.mouseClick(roster.remove_button, Qt.MouseButton.LeftButton)
    open_window.wait_idle()
    assert [row[0] for row in people_rows(db, series_id)] == ["Sam Okafor"]
    assert setup.undo_bar.message.text() == "Removed Aisha Rahman from this series."
