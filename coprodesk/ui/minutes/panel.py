"""The minutes panel: entries above, one entry line below, notices between.

    ┌ Present 6: AR, MJO, … · Apologies 1: ZØ · In writing 1: LŻ   [Read back] ┐
    │ Opening hours to try                                                      │
    │ 10:34  MJO, WM                                                            │
    │        Evenings matter for people in work or on day programmes.           │
    │ 10:49  Decision (whole group)                                             │
    │        Try a Thursday evening opening, 5 to 8, for six weeks.             │
    ├ Replaced 'Aisha' with AR — names stay out of the minutes. [Keep …]        ┤
    └ [Note] [type a note…                                    ] [Save entry]    ┘

Every change is one transaction on the database worker (``MinutesStore``); the
panel shows it only once it is stored, and never takes the focus from the entry
line on its own. Problems are shown in the notice, never in a dialog, so that a
line that could not be saved stays where it was typed.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Awaitable, Callable, Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coprodesk.core.enums import EntryKind
from coprodesk.core.errors import NotFound, UserFacingError
from coprodesk.core.minutes import DeletedEntry, EntryView
from coprodesk.core.nameguard import GuardResult, Replacement
from coprodesk.ui import errors
from coprodesk.ui.minutes import action_from_entry, point_raised_bar, words
from coprodesk.ui.minutes.commands import SavedChange
from coprodesk.ui.minutes.entry_line import KIND_SHORTCUTS, EntryBar
from coprodesk.ui.minutes.guard_notice import GuardNotice
from coprodesk.ui.minutes.look import MINUTES_STYLE_SHEET
from coprodesk.ui.minutes.model import MinutesModel
from coprodesk.ui.minutes.notice import Choice, NoticeBar
from coprodesk.ui.minutes.readback import ReadBackView
from coprodesk.ui.minutes.store import Loaded, MinutesStore, Saved, Snapshot
from coprodesk.ui.minutes.view import MinutesView
from coprodesk.ui.palette import GRID
from coprodesk.ui.widgets import hint
from coprodesk.ui.workshop_events import workshop_events

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from coprodesk.ui.tasks import DbRunner, TaskKeeper

T = TypeVar("T")

SHORTCUT_GROUP = "Taking the minutes"
LOADING_TEXT = "Opening the minutes…"
EMPTY_TEXT = (
    "No minutes yet. Type in the line below and press Enter: each entry is saved at once, "
    "with initials only."
)
DELETED_TEXT = "Entry deleted."
LINE_KEPT = "What you typed is still in the line."
EDIT_KEPT = "Press F2 on the entry to try again: what you typed is kept."


class _Failed:
    """What ``_write`` returns when the change was not saved (the notice says why)."""


FAILED = _Failed()


class MinutesPanel(QWidget):
    """One workshop's minutes: read them, add to them, tidy them, read them back.

    Signals: ``loaded`` once the minutes are shown; ``entry_recorded(EntryView)``
    for each new entry; ``entries_changed`` after any stored change;
    ``read_back_finished`` when read-back mode closes.
    """

    loaded = Signal()
    entry_recorded = Signal(object)  # EntryView
    entries_changed = Signal()
    read_back_finished = Signal()

    def __init__(
        self,
        runner: DbRunner,
        tasks: TaskKeeper,
        workshop_id: uuid.UUID,
        series_id: uuid.UUID | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName("Minutes")
        self.setStyleSheet(MINUTES_STYLE_SHEET)
        self._runner = runner
        self._tasks = tasks
        self.workshop_id = workshop_id
        self.series_id = series_id
        self.workshop_title = ""
        self._store = MinutesStore(workshop_id, series_id)
        self._agenda_item: uuid.UUID | None = None
        self._saving = False
        self._guard_notice: GuardNotice | None = None
        self.is_loaded = False
        self.make_action_action: QAction | None = None
        self.point_raised_action: QAction | None = None

        self.initials = QStringListModel(self)
        self.model = MinutesModel()
        self.model.setParent(self)
        self.undo_stack = QUndoStack(self)
        self._build()
        self._make_actions()
        self._connect()
        self.action_bar = action_from_entry.attach(self)  # Ctrl+Shift+A: entry to action
        self.point_bar = point_raised_bar.attach(self)  # Ctrl+G: agreement point raised
        events = workshop_events()
        self.entries_changed.connect(self._tell_other_windows)
        events.minutes_changed.connect(self._minutes_changed_elsewhere)
        self._tasks.start(self._load(), "minutes open")

    def _tell_other_windows(self) -> None:
        workshop_events().minutes_changed.emit(self.workshop_id, self)

    def _minutes_changed_elsewhere(self, workshop_id: uuid.UUID, source: object) -> None:
        """Another window changed these minutes: show them as stored now."""
        if workshop_id == self.workshop_id and source is not self and self.is_loaded:
            self._start(self._load(keep_place=True), "minutes reload")

    # Building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.attendance = QLabel()
        self.attendance.setObjectName("minutes-attendance")
        self.attendance.setWordWrap(True)
        self.attendance.setTextFormat(Qt.TextFormat.PlainText)
        self.read_back_button = QPushButton("Read back the minutes")
        self.read_back_button.setAccessibleName("Read back the minutes")
        self.read_back_button.setAccessibleDescription(
            "Go through the entries one by one with the room, marking each agreed or corrected."
        )
        self.read_back_button.setAutoDefault(False)

        self.view = MinutesView(self.model, self.initials)
        self.delegate = self.view.entry_delegate
        self.loading = hint(LOADING_TEXT)
        self.empty = hint(EMPTY_TEXT)
        self.read_back = ReadBackView(self.model, self.initials)
        self.stack = QStackedWidget()
        for page in (self.loading, self.empty, self.view, self.read_back):
            self.stack.addWidget(page)
        self.notice = NoticeBar()
        self.entry_bar = EntryBar(self.initials)
        self.entry_line = self.entry_bar.line

        top = QHBoxLayout()
        top.setSpacing(GRID)
        top.addWidget(self.attendance, 1)
        top.addWidget(self.read_back_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GRID)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.entry_bar)
        self.setFocusProxy(self.entry_line)
        self.setTabOrder(self.read_back_button, self.view)

    def _make_actions(self) -> None:
        def action(text: str, keys: QKeySequence, slot: Callable[[], object]) -> QAction:
            made = QAction(text, self)
            made.setShortcut(keys)
            made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.setProperty("shortcut_group", SHORTCUT_GROUP)
            made.triggered.connect(slot)
            self.addAction(made)
            return made

        keys = QKeySequence
        self.undo_action = action("Undo", keys(keys.StandardKey.Undo), self.undo)
        self.redo_action = action("Redo", keys(keys.StandardKey.Redo), self.redo)
        self.edit_action = action("Edit the chosen entry", keys("F2"), self.edit_current)
        self.delete_action = action("Delete the chosen entry", keys("Delete"), self.delete_current)
        self.move_up_action = action(
            "Move the chosen entry up", keys("Alt+Up"), lambda: self.move_current(-1)
        )
        self.move_down_action = action(
            "Move the chosen entry down", keys("Alt+Down"), lambda: self.move_current(1)
        )
        self.read_back_action = action(
            "Read back the minutes", keys("Ctrl+R"), self.start_read_back
        )
        self.kind_actions = {
            kind: action(
                f"Next entry is a {words.KIND_WORDS[kind].lower()}",
                keys(KIND_SHORTCUTS[kind]),
                functools.partial(self.set_kind, kind),
            )
            for kind in (EntryKind.DECISION, EntryKind.QUESTION, EntryKind.PARKED, EntryKind.NOTE)
        }
        self.list_actions = (
            self.edit_action,
            self.delete_action,
            self.move_up_action,
            self.move_down_action,
        )

    def _connect(self) -> None:
        self.entry_bar.submitted.connect(self.submit_line)
        self.entry_line.undo_requested.connect(self.undo)
        self.entry_line.redo_requested.connect(self.redo)
        self.view.delete_requested.connect(self.delete_current)
        self.view.move_requested.connect(self.move_current)
        self.view.undo_requested.connect(self.undo)
        self.view.redo_requested.connect(self.redo)
        self.view.leave_requested.connect(self.focus_entry_line)
        self.delegate.edit_submitted.connect(self.submit_edit)
        self.read_back_button.clicked.connect(self.start_read_back)
        self.read_back.mark_requested.connect(self.mark_read_back)
        self.read_back.correction_submitted.connect(self.submit_correction)
        self.read_back.finished.connect(self.finish_read_back)
        self.notice.dismissed.connect(self._clear_notice)
        self.undo_stack.indexChanged.connect(self._show_undo_state)
        self._show_undo_state()

    # Public: what the live window and the minutes window call --------------------------

    def set_agenda_item(self, item_id: uuid.UUID | None) -> None:
        """Link entries typed from now on to this agenda item (None: to no item)."""
        self._agenda_item = item_id
        if item_id is not None and item_id not in self.model.agenda_titles():
            self._start(self._read_agenda(), "minutes agenda")

    def agenda_item(self) -> uuid.UUID | None:
        return self._agenda_item

    def set_kind(self, kind: EntryKind) -> None:
        """The kind of the next entry, as Ctrl+D, Ctrl+Q, Ctrl+P and Ctrl+N choose it."""
        self.entry_bar.set_kind(kind)

    def focus_entry_line(self) -> None:
        self.entry_line.setFocus()

    def reload(self) -> None:
        """Read the whole minutes again (after entries were added elsewhere)."""
        self._start(self._load(), "minutes reload")

    def refresh_attendance(self) -> None:
        """Read attendance again (after someone arrived or was marked present)."""
        self._start(self._read_attendance(), "minutes attendance")

    def people_changed(self) -> None:
        """The series' people changed: completion and the name guard follow at once.

        The guard also notices by itself before the next write; this brings the
        initials offered for completion up to date sooner.
        """
        self._start(self._read_people(), "minutes people")

    def scroll_to_end(self) -> None:
        """Show the newest entry (the list lays itself out first)."""
        rows = self.model.rowCount()
        if rows:
            self.view.scrollTo(self.model.index(rows - 1), MinutesView.ScrollHint.PositionAtBottom)

    def read_back_active(self) -> bool:
        return self.stack.currentWidget() is self.read_back

    # Typing a line ------------------------------------------------------------------------

    def submit_line(self, text: str) -> None:
        """Store the typed line; the line clears only once the worker has stored it."""
        if self._saving or not text.strip() or not self.is_loaded:
            return
        self._saving = True
        self._start(
            self._record(
                text,
                self.entry_bar.kind,
                self._agenda_item,
                self.entry_bar.in_writing.isChecked(),
            ),
            "minutes record",
        )

    async def _record(
        self, text: str, kind: EntryKind, agenda_item: uuid.UUID | None, in_writing: bool
    ) -> None:
        store = self._store
        try:
            saved = await self._attempt(
                self._runner.use(
                    lambda database: store.record(database, text, kind, agenda_item, in_writing)
                ),
                "minutes record",
                LINE_KEPT,
            )
        finally:
            self._saving = False
        if isinstance(saved, _Failed) or not self._alive():
            return
        self.entry_bar.saved(text)
        self.model.append(saved.entry)
        self._show_list()
        self.scroll_to_end()
        self._after_save(saved, new=True)
        self.entry_recorded.emit(saved.entry)
        self.entries_changed.emit()

    def _after_save(self, saved: Saved, *, new: bool) -> None:
        if saved.initials is not None:
            self.initials.setStringList(list(saved.initials))
        replaced = saved.guard.replacements if saved.guard is not None else ()
        if replaced:
            assert saved.guard is not None
            self._open_guard_notice(saved.entry.id, saved.guard)
        elif new:
            self._settle_notice()

    # The name guard's notice ---------------------------------------------------------------

    def _open_guard_notice(self, entry_id: uuid.UUID, result: GuardResult) -> None:
        self._guard_notice = GuardNotice.of(entry_id, result)
        self._show_guard_notice()

    def _settle_notice(self) -> None:
        """After a new entry with no names in it: the last notice has had its moment."""
        notice = self._guard_notice
        if notice is not None and notice.settle():
            self._show_guard_notice()
        elif not self.notice.is_problem():
            self._clear_notice()

    def _show_guard_notice(self) -> None:
        notice = self._guard_notice
        if notice is None:
            return
        choices = notice.choices(self.keep_as_typed, self.choose_person, self._leave_ambiguous)
        self.notice.show_notice(notice.message(), choices)
        self._show_undo_state()

    def _clear_notice(self) -> None:
        self._guard_notice = None
        self.notice.clear()
        self._show_undo_state()

    def _leave_ambiguous(self, replacement: Replacement) -> None:
        notice = self._guard_notice
        if notice is None:
            return
        notice.left(replacement)
        if notice.open:
            self._show_guard_notice()
        else:
            self._clear_notice()

    def keep_as_typed(self, replacement: Replacement) -> None:
        """Put one replaced word back as typed: it was not a name."""
        notice = self._guard_notice
        if notice is None or replacement not in notice.open:
            return
        entry_id = notice.entry_id
        notice.kept(replacement)
        self._show_guard_notice()
        store = self._store
        self._start(
            self._change_text(
                entry_id,
                lambda session: store.keep(session, entry_id, replacement),
                f"Keep '{replacement.original}' as typed",
            ),
            "minutes keep as typed",
        )

    def choose_person(self, replacement: Replacement, initials: str) -> None:
        """An ambiguous name meant this person: write their initials in its place."""
        notice = self._guard_notice
        if notice is None or replacement not in notice.open:
            return
        entry_id = notice.entry_id
        notice.chosen(replacement, initials)
        if notice.open:
            self._show_guard_notice()
        else:
            self._clear_notice()
            self.notice.show_notice(words.chosen_words(replacement, initials))
        store = self._store
        self._start(
            self._change_text(
                entry_id,
                lambda session: store.choose(session, entry_id, replacement, initials),
                f"Choose {initials}",
            ),
            "minutes choose person",
        )

    async def _change_text(
        self, entry_id: uuid.UUID, write: Callable[[Session], Saved], label: str
    ) -> None:
        before = self._entry(entry_id)
        saved = await self._write(write, "minutes guard choice")
        if isinstance(saved, _Failed) or not self._alive():
            return
        self._apply_edit(before, saved, label)

    # Editing, deleting, moving -------------------------------------------------------------

    def current_entry(self) -> EntryView | None:
        index = self.view.currentIndex()
        return self.model.entry_at(index.row()) if index.isValid() else None

    def edit_current(self) -> None:
        """Edit the chosen entry in place (the last one when none is chosen)."""
        if self.read_back_active() or self.model.rowCount() == 0:
            return
        index = self.view.currentIndex()
        if not index.isValid():
            index = self.model.index(self.model.rowCount() - 1)
            self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.edit(index)

    def submit_edit(self, entry_id: uuid.UUID, line: str) -> None:
        store = self._store
        self._start(self._edit(entry_id, line, store), "minutes edit")

    async def _edit(self, entry_id: uuid.UUID, line: str, store: MinutesStore) -> None:
        before = self._entry(entry_id)
        saved = await self._write(
            lambda session: store.edit_line(session, entry_id, line), "minutes edit", EDIT_KEPT
        )
        if not self._alive():
            return
        if isinstance(saved, _Failed):
            self.delegate.pending[entry_id] = line
            return
        self._apply_edit(before, saved, "Edit entry")

    def _apply_edit(self, before: EntryView | None, saved: Saved, label: str) -> None:
        """Show a stored edit, offer to undo it, and say what the guard replaced."""
        self.model.replace(saved.entry)
        self._after_save(saved, new=False)
        if before is not None:
            self._push_edit(saved.entry.id, Snapshot.of(before), Snapshot.of(saved.entry), label)
        self.entries_changed.emit()

    def _push_edit(
        self, entry_id: uuid.UUID, before: Snapshot, after: Snapshot, label: str
    ) -> None:
        if before == after:
            return
        self.undo_stack.push(
            SavedChange(
                label,
                forward=lambda: self._start(self._put_back(entry_id, after), "minutes redo edit"),
                backward=lambda: self._start(self._put_back(entry_id, before), "minutes undo edit"),
            )
        )

    async def _put_back(self, entry_id: uuid.UUID, snapshot: Snapshot) -> None:
        store = self._store
        saved = await self._write(
            lambda session: store.put_back(session, entry_id, snapshot), "minutes undo"
        )
        if isinstance(saved, _Failed) or not self._alive():
            return
        self.model.replace(saved.entry)
        self._select(saved.entry.id)
        self.entries_changed.emit()

    def delete_current(self) -> None:
        """Delete the chosen entry at once; Ctrl+Z brings it back."""
        entry = self.current_entry()
        if entry is None or self.read_back_active():
            return
        self._start(self._delete(entry.id), "minutes delete")

    async def _delete(self, entry_id: uuid.UUID) -> None:
        store = self._store
        deleted = await self._write(
            lambda session: store.delete(session, entry_id), "minutes delete"
        )
        if isinstance(deleted, _Failed) or not self._alive():
            return
        held = [deleted]
        self._remove(entry_id)
        self.undo_stack.push(
            SavedChange(
                "Delete entry",
                forward=lambda: self._start(self._delete_again(held), "minutes redo delete"),
                backward=lambda: self._start(self._restore(held), "minutes undo delete"),
            )
        )
        self._guard_notice = None
        self.notice.show_notice(
            DELETED_TEXT,
            [Choice("Undo (Ctrl+Z)", self.undo, accessible_name="Undo the delete")],
        )
        self._show_undo_state()
        self.entries_changed.emit()

    async def _delete_again(self, held: list[DeletedEntry]) -> None:
        store = self._store
        entry_id = held[0].values["id"]
        deleted = await self._write(
            lambda session: store.delete(session, entry_id), "minutes delete"
        )
        if isinstance(deleted, _Failed) or not self._alive():
            return
        held[0] = deleted
        self._remove(entry_id)
        self.entries_changed.emit()

    async def _restore(self, held: list[DeletedEntry]) -> None:
        store = self._store
        deleted = held[0]
        entry = await self._write(lambda session: store.restore(session, deleted), "minutes undo")
        if isinstance(entry, _Failed) or not self._alive():
            return
        self.model.insert(entry.position - 1, entry)
        self._show_list()
        self._select(entry.id)
        if self.notice.text() == DELETED_TEXT:
            self._clear_notice()
        self.entries_changed.emit()

    def _remove(self, entry_id: uuid.UUID) -> None:
        had_focus = self.view.hasFocus()
        row = self.model.remove(entry_id)
        if row is not None and self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1)))
        if not self.model.rowCount():
            self._show_list()
            if had_focus:
                self.focus_entry_line()

    def move_current(self, step: int) -> None:
        """Move the chosen entry up (-1) or down (+1) one place."""
        entry = self.current_entry()
        if entry is None or self.read_back_active():
            return
        row = self.model.row_of(entry.id)
        assert row is not None
        to_row = row + step
        if not 0 <= to_row < self.model.rowCount():
            return
        self._start(self._move(entry.id, row, to_row, push=True), "minutes move")

    async def _move(self, entry_id: uuid.UUID, from_row: int, to_row: int, *, push: bool) -> None:
        store = self._store
        moved = await self._write(
            lambda session: store.move(session, entry_id, to_row + 1), "minutes move"
        )
        if isinstance(moved, _Failed) or not self._alive():
            return
        self.model.move(entry_id, to_row)
        self._select(entry_id)
        if push:
            self.undo_stack.push(
                SavedChange(
                    "Move entry",
                    forward=lambda: self._start(
                        self._move(entry_id, from_row, to_row, push=False), "minutes redo move"
                    ),
                    backward=lambda: self._start(
                        self._move(entry_id, to_row, from_row, push=False), "minutes undo move"
                    ),
                )
            )
        self.entries_changed.emit()

    def _select(self, entry_id: uuid.UUID) -> None:
        row = self.model.row_of(entry_id)
        if row is not None:
            index = self.model.index(row)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    # Undo -------------------------------------------------------------------------------

    def undo(self) -> None:
        """Ctrl+Z: keep the last replaced word as typed if the notice offers it, else undo."""
        notice = self._guard_notice
        keepable = notice.keepable() if notice is not None else []
        if keepable:
            self.keep_as_typed(keepable[-1])
        elif self.undo_stack.canUndo() and not self.read_back_active():
            self.undo_stack.undo()

    def redo(self) -> None:
        if self.undo_stack.canRedo() and not self.read_back_active():
            self.undo_stack.redo()

    def _show_undo_state(self) -> None:
        notice = self._guard_notice
        keepable = notice.keepable() if notice is not None else []
        if keepable:
            self.undo_action.setText(words.keep_words(keepable[-1]))
        else:
            text = self.undo_stack.undoText()
            self.undo_action.setText(f"Undo: {text[:1].lower()}{text[1:]}" if text else "Undo")
        self.undo_action.setEnabled(bool(keepable) or self.undo_stack.canUndo())
        text = self.undo_stack.redoText()
        self.redo_action.setText(f"Redo: {text[:1].lower()}{text[1:]}" if text else "Redo")
        self.redo_action.setEnabled(self.undo_stack.canRedo())

    # Read-back ----------------------------------------------------------------------------

    def start_read_back(self) -> None:
        """Step through the entries with the room (large text; A, C, N, P, Escape)."""
        if not self.is_loaded or self.read_back_active():
            return
        if not self.notice.is_problem():
            self._clear_notice()
        self.stack.setCurrentWidget(self.read_back)
        self.entry_bar.hide()
        self.read_back_button.setEnabled(False)
        for action in (*self.list_actions, *self.kind_actions.values()):
            action.setEnabled(False)
        self.read_back.start()

    def finish_read_back(self) -> None:
        if not self.read_back_active():
            return
        self.entry_bar.show()
        self.read_back_button.setEnabled(True)
        for action in (*self.list_actions, *self.kind_actions.values()):
            action.setEnabled(True)
        self.stack.setCurrentWidget(self.view if self.model.rowCount() else self.empty)
        row = self.read_back.row
        if 0 <= row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row))
        self.focus_entry_line()
        self.read_back_finished.emit()

    def mark_read_back(self, entry_id: uuid.UUID, state: str) -> None:
        store = self._store
        self._start(self._mark(entry_id, state, store), "minutes read back")

    async def _mark(self, entry_id: uuid.UUID, state: str, store: MinutesStore) -> None:
        entry = await self._write(
            lambda session: store.mark(session, entry_id, state), "minutes read back"
        )
        if isinstance(entry, _Failed) or not self._alive():
            return
        self.model.replace(entry)
        self.entries_changed.emit()

    def submit_correction(self, entry_id: uuid.UUID, line: str) -> None:
        store = self._store
        self._start(self._correct(entry_id, line, store), "minutes correct")

    async def _correct(self, entry_id: uuid.UUID, line: str, store: MinutesStore) -> None:
        before = self._entry(entry_id)
        try:
            saved = await self._runner.run(lambda session: store.correct(session, entry_id, line))
        except Exception as error:
            if self._alive():
                self.read_back.correction_failed(self._problem_words(error, "minutes correct"))
            return
        if not self._alive():
            return
        self._apply_edit(before, saved, "Correct entry")
        self.read_back.correction_saved()

    # Reading ------------------------------------------------------------------------------

    async def _load(self, *, keep_place: bool = False) -> None:
        """Read and show the minutes; ``keep_place`` keeps the chosen entry and the scroll
        (when the minutes changed elsewhere), else the newest entry is shown."""
        store = self._store
        try:
            loaded: Loaded = await self._runner.read(store.load)
        except Exception as error:
            if self._alive():
                self.loading.setText(self._problem_words(error, "minutes open"))
                self.loading.setProperty("role", "problem")
                self.stack.setCurrentWidget(self.loading)
            return
        if not self._alive():
            return
        self.series_id = loaded.series_id
        self.workshop_title = loaded.title
        self.initials.setStringList(list(loaded.initials))
        bar = self.view.verticalScrollBar()
        scrolled, at_end = bar.value(), bar.value() >= bar.maximum()
        chosen = self.current_entry() if keep_place else None
        self.model.set_entries(loaded.entries, loaded.agenda_titles)
        self.attendance.setText(words.attendance_words(loaded.attendance))
        self.is_loaded = True
        if not self.read_back_active():
            self._show_list()
        row = self.model.row_of(chosen.id) if chosen is not None else None
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row))
        if row is not None and not at_end:
            bar.setValue(scrolled)
        else:
            self.scroll_to_end()
        self.loaded.emit()

    async def _read_agenda(self) -> None:
        store = self._store
        titles = await self._runner.read(store.agenda_titles)
        if self._alive():
            self.model.set_agenda_titles(titles)

    async def _read_attendance(self) -> None:
        store = self._store
        attendance = await self._runner.read(store.attendance)
        if self._alive():
            self.attendance.setText(words.attendance_words(attendance))

    async def _read_people(self) -> None:
        store = self._store

        def read(session: Session) -> tuple[str, ...]:
            guard, _rebuilt = store.guard(session)
            return tuple(sorted(guard.people))

        initials = await self._runner.read(read)
        if self._alive():
            self.initials.setStringList(list(initials))

    # Helpers ------------------------------------------------------------------------------

    def _show_list(self) -> None:
        if self.read_back_active() or not self.is_loaded:
            return
        self.stack.setCurrentWidget(self.view if self.model.rowCount() else self.empty)

    def _entry(self, entry_id: uuid.UUID) -> EntryView | None:
        row = self.model.row_of(entry_id)
        return self.model.entry_at(row) if row is not None else None

    def _alive(self) -> bool:
        return shiboken6.isValid(self)

    def _start(self, work: Coroutine[Any, Any, object], event: str) -> None:
        self._tasks.start(work, event)

    async def _write(
        self, write: Callable[[Session], T], event: str, after: str = ""
    ) -> T | _Failed:
        """Run ``write`` in one transaction; on failure say so in the notice, never a dialog."""
        return await self._attempt(self._runner.run(write), event, after)

    async def _attempt(self, work: Awaitable[T], event: str, after: str = "") -> T | _Failed:
        """Wait for ``work``; on failure say so in the notice, never a dialog."""
        try:
            return await work
        except Exception as error:
            if self._alive():
                if isinstance(error, NotFound):
                    self.reload()  # someone else changed the minutes: show them as stored
                message = self._problem_words(error, event)
                self._guard_notice = None
                self.notice.show_notice(f"Not saved. {message} {after}".strip(), problem=True)
                self._show_undo_state()
            else:
                errors.log_unexpected(error, event)
            return FAILED

    def _problem_words(self, error: Exception, event: str) -> str:
        if isinstance(error, UserFacingError):
            errors.logger().info("%s: %s shown", event, type(error).__name__)
            return str(error)
        errors.log_unexpected(error, event)
        return errors.unexpected_error_text()
