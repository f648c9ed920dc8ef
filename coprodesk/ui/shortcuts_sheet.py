"""The keyboard shortcuts sheet (F1 or Ctrl+/).

It is built from the actions themselves, found on every open window, so it
lists exactly the keys that work and cannot drift from them. Each action's
"shortcut_group" property puts it under a heading. A few keys belong to Qt's
own widgets rather than to actions; they are listed from ``WIDGET_KEYS``.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coprodesk.ui.palette import GRID
from coprodesk.ui.widgets import hint

SHEET_TITLE = "Keyboard shortcuts"
OTHER_GROUP = "Other keys"
WIDGET_GROUP = "In lists and fields"
WIDGET_KEYS = (
    ("Open the set-up of the chosen series or workshop", "Enter, or double-click"),
    ("Change the chosen name, initials or role in the list of people", "F2"),
    ("Tick or untick", "Space"),
    ("Go to the next or the previous control", "Tab, Shift+Tab"),
    ("Go to a field or button by its underlined letter", "Alt+the letter"),
    ("Close a small window without changing anything", "Escape"),
)
GROUP_ORDER = ("Series and workshops", "On the set-up screens", "Text size and help")


# Qt's short key names, in full.
_FULL_NAMES = {"Del": "Delete", "Ins": "Insert", "Esc": "Escape", "PgUp": "Page Up"}
_FULL_NAMES["PgDown"] = "Page Down"
_SHORT_NAME = re.compile(r"\b(" + "|".join(_FULL_NAMES) + r")\b")


def keys_words(action: QAction) -> str:
    words = ", ".join(
        sequence.toString(QKeySequence.SequenceFormat.NativeText) for sequence in action.shortcuts()
    )
    return _SHORT_NAME.sub(lambda found: _FULL_NAMES[found[1]], words)


def shortcut_rows(sources: list[QWidget]) -> dict[str, list[tuple[str, str]]]:
    """(what it does, keys) for every action with keys on ``sources``, by group."""
    groups: dict[str, list[tuple[str, str]]] = {}
    seen: set[int] = set()
    for source in sources:
        for action in source.findChildren(QAction):
            if id(action) in seen or not action.shortcuts():
                continue
            seen.add(id(action))
            group = action.property("shortcut_group") or OTHER_GROUP
            text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            groups.setdefault(str(group), []).append((text, keys_words(action)))
    ordered = {group: groups.pop(group) for group in GROUP_ORDER if group in groups}
    ordered.update(groups)
    ordered[WIDGET_GROUP] = list(WIDGET_KEYS)
    return ordered


class ShortcutsSheet(QDialog):
    """A small window listing every keyboard shortcut, grouped under headings."""

    def __init__(self, parent: QWidget, sources: list[QWidget]) -> None:
        super().__init__(parent)
        self.setWindowTitle(SHEET_TITLE)
        self.setAccessibleName(SHEET_TITLE)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumSize(GRID * 70, GRID * 60)
        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName(SHEET_TITLE)
        self.table.setHorizontalHeaderLabels(["What it does", "Keys"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.setShowGrid(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.fill(shortcut_rows(sources))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(GRID * 2, GRID * 2, GRID * 2, GRID * 2)
        layout.setSpacing(GRID)
        layout.addWidget(hint("Every key that works in CoproDesk. Press Escape to close."))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.setFocus()

    def fill(self, groups: dict[str, list[tuple[str, str]]]) -> None:
        self.table.setRowCount(0)
        self._groups: list[str] = []
        for group, rows in groups.items():
            row = self.table.rowCount()
            self.table.insertRow(row)
            heading = QTableWidgetItem(group)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            self.table.setItem(row, 0, heading)
            self.table.setSpan(row, 0, 1, 2)
            self._groups.append(group)
            for text, keys in rows:
                row = self.table.rowCount()
                self.table.insertRow(row)
                what = QTableWidgetItem(text)
                what.setData(Qt.ItemDataRole.AccessibleTextRole, f"{text}: {keys}")
                self.table.setItem(row, 0, what)
                self.table.setItem(row, 1, QTableWidgetItem(keys))

    def groups(self) -> list[str]:
        """The headings, in order, for tests."""
        return list(self._groups)

    def rows(self) -> list[tuple[str, str]]:
        """Every (what it does, keys) row shown, for tests."""
        found = []
        for row in range(self.table.rowCount()):
            what, keys = self.table.item(row, 0), self.table.item(row, 1)
            if what is not None and keys is not None:
                found.append((what.text(), keys.text()))
        return found


def show_shortcuts_sheet(window: QWidget) -> ShortcutsSheet:
    """Show the sheet (once; pressing F1 again brings it to the front)."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, ShortcutsSheet) and widget.isVisible():
            widget.raise_()
            widget.activateWindow()
            return widget
    others = [
        widget
        for widget in QApplication.topLevelWidgets()
        if widget is not window and not isinstance(widget, QDialog)
    ]
    sheet = ShortcutsSheet(window, [window, *others])
    sheet.show()
    return sheet
