"""Where the facilitator makes the prompts their own: prompts, plain words and when prompts appear.

A window of its own, never modal, so it can stay open beside a live workshop.
Every change is kept the moment it is made (typing is saved a moment after it
stops); there is no Save button. The changes live in the data folder, apart
from the shipped library, so they survive upgrades.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coprodesk.core import prompt_library as lib
from coprodesk.core.errors import UserFacingError
from coprodesk.ui.palette import GRID
from coprodesk.ui.private import PrivateMarker
from coprodesk.ui.widgets import heading

if TYPE_CHECKING:
    from coprodesk.ui.tasks import DbRunner, TaskKeeper

TYPING_PAUSE_MS = 700
WINDOW_TITLE = "Prompt library — CoproDesk"
NEW_TEXT = "My new prompt"
NEW_WHY = "Why it matters."
NEW_MOVE = "What to try."


def _button(text: str, name: str) -> QPushButton:
    widget = QPushButton(text)
    widget.setAccessibleName(name)
    widget.setAutoDefault(False)
    return widget


def _editor(name: str) -> QPlainTextEdit:
    editor = QPlainTextEdit()
    editor.setAccessibleName(name)
    editor.setTabChangesFocus(True)
    return editor


class PromptLibraryWindow(QMainWindow):
    """``changed`` tells the live window to read the library again."""

    changed = Signal()

    def __init__(self, parent: QWidget | None, runner: DbRunner, tasks: TaskKeeper) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(WINDOW_TITLE)
        self.setAccessibleName("Prompt library")
        self.resize(GRID * 110, GRID * 80)
        self._runner = runner
        self._tasks = tasks
        self.library: lib.Library | None = None
        self._loading = False
        self._select_after: str | None = None
        self._shown_id: str | None = None
        self._build()
        self.reload()

    # Building -----------------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(GRID * 2, GRID * 2, GRID * 2, GRID)
        layout.setSpacing(GRID)
        layout.addWidget(heading("Prompt library"))
        layout.addWidget(PrivateMarker("Prompts never reach the projector or the minutes."))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Prompt library sections")
        self.tabs.tabBar().setAccessibleName("Prompt library sections")
        self.tabs.addTab(self._prompts_tab(), "Prompts")
        self.tabs.addTab(self._glossary_tab(), "Plain words")
        self.tabs.addTab(self._thresholds_tab(), "When prompts appear")
        layout.addWidget(self.tabs, 1)
        self.problem = QLabel()
        self.problem.setProperty("role", "problem")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        self.setCentralWidget(central)

    def _prompts_tab(self) -> QWidget:
        tab = QWidget()
        layout = QHBoxLayout(tab)
        left = QVBoxLayout()
        list_label = QLabel("Prompts (tick to use, untick to switch off)")
        list_label.setWordWrap(True)
        self.prompt_list = QListWidget()
        self.prompt_list.setAccessibleName("Prompts")
        self.prompt_list.setWordWrap(True)
        self.prompt_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        list_label.setBuddy(self.prompt_list)
        self.prompt_list.currentRowChanged.connect(self._show_prompt)
        self.prompt_list.itemChanged.connect(self._switched)
        left.addWidget(list_label)
        left.addWidget(self.prompt_list, 1)
        adding = QHBoxLayout()
        when_label = QLabel("New prompt for")
        self.new_when = QComboBox()
        self.new_when.setAccessibleName("When the new prompt applies")
        self.new_when.view().setAccessibleName("When the new prompt applies: choices")
        when_label.setBuddy(self.new_when)
        for key, words in lib.WHEN_LABELS.items():
            self.new_when.addItem(words, key)
        self.add_button = _button("Add a prompt", "Add a prompt")
        self.add_button.clicked.connect(self._add_prompt)
        adding.addWidget(when_label)
        adding.addWidget(self.new_when, 1)
        adding.addWidget(self.add_button)
        left.addLayout(adding)
        layout.addLayout(left, 1)

        form = QFormLayout()
        self.when_words = QLabel()
        form.addRow("When", self.when_words)
        self.text_edit = _editor("Prompt")
        self.why_edit = _editor("Why it matters")
        self.move_edit = _editor("What to try")
        form.addRow("Prompt", self.text_edit)
        form.addRow("Why it matters", self.why_edit)
        form.addRow("What to try", self.move_edit)
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._save_prompt)
        for editor in (self.text_edit, self.why_edit, self.move_edit):
            editor.textChanged.connect(self._typed)
        self.restore_button = _button(
            "Go back to the shipped words", "Go back to the shipped words"
        )
        self.restore_button.clicked.connect(self._restore)
        self.remove_button = _button("Remove my prompt", "Remove my prompt")
        self.remove_button.clicked.connect(self._remove_prompt)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(buttons)
        right.addStretch()
        layout.addLayout(right, 2)
        return tab

    def _glossary_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        table_label = QLabel("Words and acronyms, with plain words to use instead")
        self.glossary = QTableWidget(0, 2)
        self.glossary.setAccessibleName("Plain words")
        table_label.setBuddy(self.glossary)
        self.glossary.setHorizontalHeaderLabels(["Word or acronym", "Plain words"])
        header = self.glossary.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.glossary.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.glossary.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.glossary.verticalHeader().setVisible(False)
        layout.addWidget(table_label)
        layout.addWidget(self.glossary, 1)
        form = QFormLayout()
        self.term_edit = QLineEdit()
        self.term_edit.setAccessibleName("Word or acronym")
        self.plain_edit = QLineEdit()
        self.plain_edit.setAccessibleName("Plain words")
        self.plain_edit.returnPressed.connect(self._add_term)
        form.addRow("Word or acronym", self.term_edit)
        form.addRow("Plain words", self.plain_edit)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.add_term_button = _button("Add the word", "Add the word")
        self.add_term_button.clicked.connect(self._add_term)
        self.remove_term_button = _button("Remove the chosen word", "Remove the chosen word")
        self.remove_term_button.clicked.connect(self._remove_term)
        buttons.addWidget(self.add_term_button)
        buttons.addWidget(self.remove_term_button)
        buttons.addStretch()
        layout.addLayout(buttons)
        return tab

    def _thresholds_tab(self) -> QWidget:
        tab = QWidget()
        layout = QFormLayout(tab)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.spins: dict[str, QSpinBox] = {}
        for each in fields(lib.Thresholds):
            low, high = lib.THRESHOLD_RANGES[each.name]
            spin = QSpinBox()
            spin.setRange(low, high)
            words = lib.THRESHOLD_LABELS[each.name]
            spin.setAccessibleName(words)
            line = spin.lineEdit()
            if line is not None:
                line.setAccessibleName(words)
            spin.editingFinished.connect(lambda name=each.name: self._set_threshold(name))
            label = QLabel(words)
            label.setWordWrap(True)
            label.setBuddy(spin)
            layout.addRow(label, spin)
            self.spins[each.name] = spin
        return tab

    # Reading and showing ------------------------------------------------------------------

    def reload(self) -> None:
        self._tasks.start(self._reload(), "prompt library read")

    async def _reload(self) -> None:
        try:
            library = await self._runner.call(lib.load_library)
        except UserFacingError as error:
            self.show_problem(str(error))
            return
        if shiboken6.isValid(self):
            self.show_library(library)

    def show_library(self, library: lib.Library) -> None:
        self.library = library
        self._loading = True
        current = self.current_prompt()
        chosen = self._select_after or (current.id if current is not None else None)
        self._select_after = None
        self.prompt_list.clear()
        for prompt in library.prompts:
            mine = "" if prompt.shipped else " (mine)"
            item = QListWidgetItem(f"{prompt.when_label}: {prompt.text}{mine}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if prompt.on else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, prompt.id)
            self.prompt_list.addItem(item)
        ids = [prompt.id for prompt in library.prompts]
        self.prompt_list.setCurrentRow(ids.index(chosen) if chosen in ids else 0)
        self.glossary.setRowCount(len(library.glossary))
        for row, term in enumerate(library.glossary):
            self.glossary.setItem(row, 0, QTableWidgetItem(term.term))
            self.glossary.setItem(row, 1, QTableWidgetItem(term.plain))
        for name, spin in self.spins.items():
            spin.setValue(getattr(library.thresholds, name))
        self._loading = False
        self._show_prompt(self.prompt_list.currentRow())

    def current_prompt(self) -> lib.Prompt | None:
        item = self.prompt_list.currentItem()
        if item is None or self.library is None:
            return None
        return self.library.prompt(str(item.data(Qt.ItemDataRole.UserRole)))

    def _show_prompt(self, _row: int) -> None:
        if self._loading:
            return
        prompt = self.current_prompt()
        editors = (self.text_edit, self.why_edit, self.move_edit)
        typing = any(editor.hasFocus() for editor in editors)
        same = prompt is not None and prompt.id == self._shown_id
        self._shown_id = prompt.id if prompt is not None else None
        self._loading = True
        self.when_words.setText(prompt.when_label if prompt else "")
        for editor, words in (
            (self.text_edit, prompt.text if prompt else ""),
            (self.why_edit, prompt.why if prompt else ""),
            (self.move_edit, prompt.move if prompt else ""),
        ):
            if editor.toPlainText() != words and not (same and typing):
                editor.setPlainText(words)
            editor.setEnabled(prompt is not None)
        self._loading = False
        self.restore_button.setEnabled(prompt is not None and prompt.shipped and prompt.edited)
        self.remove_button.setEnabled(prompt is not None and not prompt.shipped)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    # Changing -----------------------------------------------------------------------------

    def _change(
        self, change: Callable[[], object], done: Callable[[object], None] | None = None
    ) -> None:
        self._tasks.start(self._apply(change, done), "prompt library change")

    async def _apply(
        self, change: Callable[[], object], done: Callable[[object], None] | None
    ) -> None:
        try:
            result = await self._runner.call(change)
        except UserFacingError as error:
            if shiboken6.isValid(self):
                self.show_problem(str(error))
            return
        if not shiboken6.isValid(self):
            return
        self.show_problem("")
        if done is not None:
            done(result)
        self.statusBar().showMessage("Saved.", 4000)
        self.changed.emit()
        await self._reload()

    def _typed(self) -> None:
        if not self._loading:
            self._typing.start()

    def _save_prompt(self) -> None:
        prompt = self.current_prompt()
        if prompt is None:
            return
        text, why, move = (
            editor.toPlainText() for editor in (self.text_edit, self.why_edit, self.move_edit)
        )
        self._change(lambda: lib.edit_prompt(prompt.id, text, why, move))

    def _switched(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        prompt_id = str(item.data(Qt.ItemDataRole.UserRole))
        on = item.checkState() == Qt.CheckState.Checked
        self._change(lambda: lib.switch_prompt(prompt_id, on))

    def _add_prompt(self) -> None:
        when = str(self.new_when.currentData())

        def chosen(prompt_id: object) -> None:
            self._select_after = str(prompt_id)
            self.text_edit.setFocus()

        self._change(lambda: lib.add_prompt(when, NEW_TEXT, NEW_WHY, NEW_MOVE), chosen)

    def _restore(self) -> None:
        prompt = self.current_prompt()
        if prompt is not None:
            self._change(lambda: lib.restore_prompt(prompt.id))

    def _remove_prompt(self) -> None:
        prompt = self.current_prompt()
        if prompt is not None and not prompt.shipped:
            self._change(lambda: lib.remove_own_prompt(prompt.id))

    def _add_term(self) -> None:
        term, plain = self.term_edit.text(), self.plain_edit.text()

        def added(_result: object) -> None:
            self.term_edit.clear()
            self.plain_edit.clear()
            self.term_edit.setFocus()

        self._change(lambda: lib.add_term(term, plain), added)

    def _remove_term(self) -> None:
        row = self.glossary.currentRow()
        item = self.glossary.item(row, 0) if row >= 0 else None
        if item is not None:
            term = item.text()
            self._change(lambda: lib.remove_term(term))

    def _set_threshold(self, name: str) -> None:
        if self._loading or self.library is None:
            return
        value = self.spins[name].value()
        if value != getattr(self.library.thresholds, name):
            self._change(lambda: lib.set_threshold(name, value))
