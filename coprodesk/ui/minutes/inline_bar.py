"""A bar that opens above the minutes' entry line for one quick task, never a dialog.

Each bar has a heading, its own fields, a line for problems, a button that does
the task and one that closes the bar; Escape closes it too, and the keyboard goes
back to the entry line. ``attach`` puts a bar in a panel with its shortcut.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QLayout, QPushButton, QVBoxLayout, QWidget

from coprodesk.ui.flow_layout import FlowLayout
from coprodesk.ui.palette import GRID
from coprodesk.ui.widgets import heading, hint

if TYPE_CHECKING:
    from coprodesk.ui.minutes.panel import MinutesPanel


def _button(text: str, accessible_name: str, slot: Callable[[], object]) -> QPushButton:
    made = QPushButton(text)
    made.setAccessibleName(accessible_name)
    made.setAutoDefault(False)
    made.clicked.connect(slot)
    return made


class InlineBar(QFrame):
    """``title`` heads the bar; ``body`` (widgets or layouts) goes between it and the buttons.

    ``go`` is the button that does the task (``(text, accessible name)``), ``close``
    the one that closes the bar; subclasses give ``submit``.
    """

    def __init__(
        self,
        panel: MinutesPanel,
        *,
        name: str,
        title: str,
        body: list[QWidget | QLayout],
        go: tuple[str, str],
        close: tuple[str, str],
    ) -> None:
        super().__init__(panel)
        self.panel = panel
        self.setAccessibleName(name)
        self.problem = hint("")
        self.problem.setProperty("role", "problem")
        self.problem.hide()
        self.go_button = _button(*go, self.submit)
        self.cancel_button = _button(*close, self.close_bar)
        row = FlowLayout()
        row.addWidget(self.go_button)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(GRID, GRID, GRID, GRID)
        layout.addWidget(heading(title))
        for part in body:
            if isinstance(part, QLayout):
                layout.addLayout(part)
            else:
                layout.addWidget(part)
        layout.addWidget(self.problem)
        layout.addLayout(row)
        escape = QAction(f"Close: {title}", self)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.triggered.connect(self.close_bar)
        self.addAction(escape)
        self.hide()

    def submit(self) -> None:
        raise NotImplementedError

    def close_bar(self) -> None:
        self.hide()
        self.panel.focus_entry_line()

    def say(self, text: str) -> None:
        """Show ``text`` in the bar's problem line (nothing: hide it)."""
        self.problem.setText(text)
        self.problem.setVisible(bool(text))


def attach(bar: InlineBar, text: str, shortcut: str, opens: Callable[[], object]) -> QAction:
    """Put ``bar`` above its panel's entry line; ``shortcut`` (in the panel) runs ``opens``."""
    panel = bar.panel
    layout = panel.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(layout.indexOf(panel.entry_bar), bar)
    made = QAction(text, panel)
    made.setShortcut(QKeySequence(shortcut))
    made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    made.setProperty("shortcut_group", "Taking the minutes")
    made.triggered.connect(opens)
    panel.addAction(made)
    return made
