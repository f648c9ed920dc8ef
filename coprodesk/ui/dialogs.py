"""Small dialogs: one labelled field for a title, and the confirmation before a delete.

Both open without blocking (``open()``, never ``exec()``), so the event loop
keeps running and tests can fill them in and press their buttons.
A ``TitleDialog`` does not close itself on OK: it emits ``submitted`` and
waits to be told the change was saved (``accept()``) or was refused
(``show_problem(...)``), so the facilitator can correct the text in place.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coprodesk.ui.palette import GRID


class TitleDialog(QDialog):
    """Asks for one title (of a new or renamed series or workshop)."""

    submitted = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        *,
        window_title: str,
        field_label: str,
        submit_label: str,
        text: str = "",
        hint: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(window_title)
        self.setAccessibleName(window_title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(GRID * 56)
        self._busy = False

        label = QLabel(f"&{field_label}")
        self.field = QLineEdit(text)
        self.field.setAccessibleName(field_label)
        label.setBuddy(self.field)

        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.hint.setVisible(bool(hint))
        if hint:
            self.field.setAccessibleDescription(hint)

        self.problem = QLabel()
        self.problem.setProperty("role", "problem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()

        self.buttons = QDialogButtonBox()
        self.submit_button: QPushButton = self.buttons.addButton(
            submit_label, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.submit_button.setAccessibleName(submit_label)
        self.submit_button.setDefault(True)
        self.cancel_button: QPushButton = self.buttons.addButton(
            "Cancel", QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(GRID * 2, GRID * 2, GRID * 2, GRID * 2)
        layout.setSpacing(GRID)
        layout.addWidget(label)
        layout.addWidget(self.hint)
        layout.addWidget(self.problem)
        layout.addWidget(self.field)
        layout.addSpacing(GRID)
        layout.addWidget(self.buttons)
        self.field.selectAll()

    def problem_text(self) -> str:
        return self.problem.text() if not self.problem.isHidden() else ""

    def show_problem(self, text: str) -> None:
        """Say why the text was refused, beside the field, and put focus back on it."""
        self.problem.setText(text)
        self.problem.show()
        self.field.setAccessibleDescription(text)
        self.field.setFocus()
        self.field.selectAll()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.submit_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def reject(self) -> None:
        if not self._busy:  # A change being saved finishes first.
            super().reject()

    def _submit(self) -> None:
        if not self._busy:
            self.submitted.emit(self.field.text())


def confirm_delete(
    parent: QWidget, text: str, confirm_label: str, keep_label: str, on_confirm: Callable[[], None]
) -> QMessageBox:
    """Ask before a delete that cannot be undone; call ``on_confirm`` only on a yes."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, confirm_label, text, QMessageBox.StandardButton.NoButton, parent
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAccessibleName(confirm_label)
    box.setAccessibleDescription(text)
    delete_button = box.addButton(confirm_label, QMessageBox.ButtonRole.DestructiveRole)
    delete_button.setAccessibleName(confirm_label)
    keep_button = box.addButton(keep_label, QMessageBox.ButtonRole.RejectRole)
    keep_button.setAccessibleName(keep_label)
    box.setDefaultButton(keep_button)
    box.setEscapeButton(keep_button)

    def decided(button: object) -> None:
        if button is delete_button:
            on_confirm()

    box.buttonClicked.connect(decided)
    box.open()
    return box
