"""Exporting a PDF from the app: choose what, choose where, watch it go, cancel any time.

The data is read on the database worker (the name guard applied, initials only),
then laid out on a thread of its own, so neither the window nor the database
waits for ReportLab. Progress comes back to the window through the event loop,
and Cancel stops the layout at the next step; a cancelled or failed export
writes nothing.
"""

from __future__ import annotations

import asyncio
import gc
import threading
import uuid
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coprodesk.ui.palette import GRID
from coprodesk.ui.widgets import heading, hint

if TYPE_CHECKING:
    from coprodesk.export.documents import ExportRequest
    from coprodesk.ui.tasks import DbRunner

KINDS = (
    (
        "minutes",
        "&Minutes",
        "Initials only, with decisions, actions and the review of earlier ones.",
    ),
    ("slips", "Action &slips", "One page per person, in large print, with their own actions."),
    ("agreement", "A&greement poster", "The group agreement in large print, for the wall."),
    ("briefing", "&Briefing pack", "For people coming: what, when, where, the agenda."),
    ("series", "Series &report", "Every workshop of the series, with actions and outcomes."),
    (
        "record",
        "Record of &contribution",
        "For the person to show an employer or a college. It names only them.",
    ),
    (
        "update",
        "“You said, we did” &update",
        "For everyone who took part: what came of it. First names or initials only.",
    ),
    (
        "recompense",
        "Summary for fi&nance",
        "For finance: each person's expenses and reward, with totals. Full names and money.",
    ),
)
DOCUMENT_KINDS = ("minutes", "slips", "agreement", "briefing", "series")
COORDINATOR_KINDS = ("record", "update", "recompense")
RANGED_KINDS = ("series", "recompense")  # the documents that can cover part of a series
NOT_AGREED_NOTE = (
    "The record of contribution is off until {name} agrees to one, because it names them: "
    "tick “Agreed to a record of contribution” on the coordinator's desk first."
)
NO_PERSON_NOTE = "The record of contribution is off: choose a person on the desk first."
FILE_WORDS = {
    "minutes": "minutes",
    "slips": "action slips",
    "agreement": "agreement",
    "briefing": "briefing",
    "series": "series report",
    "record": "record of contribution",
    "update": "you said, we did",
    "recompense": "summary for finance",
}
NAMES_NOTE = "Each slip is its holder's own. With names on, give each person only their own slip."


T = TypeVar("T")


def choose_path(parent: QWidget, suggested: Path) -> Path | None:
    """Ask where to save the PDF (the one place tests replace)."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, "Save the PDF", str(suggested), "PDF files (*.pdf)"
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def suggested_name(kind: str, title: str) -> str:
    safe = "".join(char if char.isalnum() or char in " -_" else " " for char in title)
    words = " ".join(safe.split())[:60] or "CoproDesk"
    return f"{words} - {FILE_WORDS[kind]}.pdf"


class ExportDialog(QDialog):
    """Chooses a document and writes it off the UI thread, with a progress bar and Cancel."""

    exported = Signal(str)  # the path written
    progressed = Signal(int)  # percent, for tests and benchmarks

    def __init__(
        self,
        parent: QWidget,
        runner: DbRunner,
        start: Callable[[Coroutine[Any, Any, object], str], asyncio.Task[None]],
        *,
        series_id: uuid.UUID,
        series_title: str,
        workshop_id: uuid.UUID | None,
        workshop_title: str = "",
        kind: str = "minutes",
        folder: Path | None = None,
        kinds: tuple[str, ...] = DOCUMENT_KINDS,
        person_id: uuid.UUID | None = None,
        person_name: str = "",
        record_agreed: bool = False,
        date_range: tuple[date, date] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export a PDF")
        self.setAccessibleName("Export a PDF")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(GRID * 84)
        self._runner = runner
        self._start = start  # a TaskKeeper's start: failures are reported plainly
        self.series_id = series_id
        self.series_title = series_title
        self.workshop_id = workshop_id
        self.workshop_title = workshop_title
        self.kinds = kinds
        self.person_id = person_id
        self.person_name = person_name
        self.record_agreed = record_agreed
        self.folder = folder or Path.home()
        self._cancel = threading.Event()
        self._running: asyncio.Task[None] | None = None
        self.last_path: Path | None = None

        about = (
            f"From the workshop “{workshop_title}” in {series_title}."
            if workshop_id is not None
            else f"From the series {series_title}."
        )
        self._about = about
        self.kind_heading = heading("What to export")
        self.about = hint(about)
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[str, QRadioButton] = {}
        kind_rows = QVBoxLayout()
        kind_rows.setSpacing(GRID // 2)
        for key, label, description in KINDS:
            button = QRadioButton(label)
            button.setAccessibleName(label.replace("&", ""))
            button.setAccessibleDescription(description)
            button.setToolTip(description)
            button.setEnabled(self._allowed(key))
            button.setVisible(key in kinds)
            self.kind_group.addButton(button)
            self.kind_buttons[key] = button
            kind_rows.addWidget(button)
        self.kind_note = _indented(hint(""))
        kind_rows.addWidget(self.kind_note)
        allowed = [key for key in kinds if self._allowed(key)]
        first_kind = kind if self._allowed(kind) else (allowed[0] if allowed else kinds[0])
        self.kind_buttons[first_kind].setChecked(True)

        self.large_print = QCheckBox("&Large print")
        self.large_print.setAccessibleName("Large print")
        self.show_names = QCheckBox("Print each person's &name on their own slip")
        self.show_names.setAccessibleName("Print each person's name on their own slip")
        self.show_names.setAccessibleDescription("Off: slips show initials only. " + NAMES_NOTE)
        self.names_note = _indented(hint(NAMES_NOTE))
        self.naming_group = QButtonGroup(self)
        self.naming_buttons: dict[str, QRadioButton] = {}
        for key, label in (
            ("initials", "Update: show people by their &initials"),
            ("first_names", "Update: show people by their &first names"),
        ):
            button = QRadioButton(label)
            button.setAccessibleName(label.replace("&", ""))
            self.naming_group.addButton(button)
            self.naming_buttons[key] = button
        self.naming_buttons["initials"].setChecked(True)
        self.date_range = QCheckBox(
            "Summary for finance: only workshops between two &dates"
            if "recompense" in kinds
            else "Series report: only workshops between two &dates"
        )
        self.date_range.setAccessibleName("Only workshops between two dates")
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addMonths(-3))
        self.date_from.setAccessibleName("First date")
        self.date_to = QDateEdit(today)
        self.date_to.setAccessibleName("Last date")
        if date_range is not None:  # the range the desk was showing
            self.date_range.setChecked(True)
            self.date_from.setDate(
                QDate(date_range[0].year, date_range[0].month, date_range[0].day)
            )
            self.date_to.setDate(QDate(date_range[1].year, date_range[1].month, date_range[1].day))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            for inner in edit.findChildren(QLineEdit):  # what a screen reader lands on
                inner.setAccessibleName(edit.accessibleName())
        dates = QWidget()
        range_row = QHBoxLayout(dates)
        range_row.setContentsMargins(GRID * 3, 0, 0, 0)
        range_row.setSpacing(GRID)
        from_label = QLabel("&From")
        from_label.setBuddy(self.date_from)
        to_label = QLabel("&to")
        to_label.setBuddy(self.date_to)
        for widget in (from_label, self.date_from, to_label, self.date_to):
            range_row.addWidget(widget)
        range_row.addStretch()

        self.progress = QProgressBar()
        self.progress.setAccessibleName("Export progress")
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.status = hint("")
        self.status.setAccessibleName("Export status")
        self.status.hide()

        self.buttons = QDialogButtonBox()
        self.export_button: QPushButton = self.buttons.addButton(
            "Choose where and &export…", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setAccessibleName("Choose where and export")
        self.export_button.setDefault(True)
        self.cancel_button: QPushButton = self.buttons.addButton(
            "Cancel", QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)

        options = QWidget()
        layout = QVBoxLayout(options)
        layout.setContentsMargins(0, 0, GRID, 0)
        layout.setSpacing(GRID)
        layout.addWidget(self.kind_heading)
        layout.addWidget(self.about)
        layout.addLayout(kind_rows)
        layout.addSpacing(GRID)
        layout.addWidget(heading("How it looks"))
        layout.addWidget(self.large_print)
        layout.addWidget(self.show_names)
        layout.addWidget(self.names_note)
        layout.addWidget(self.date_range)
        layout.addWidget(dates)
        for button in self.naming_buttons.values():
            layout.addWidget(button)
            button.setVisible("update" in kinds)
        self.show_names.setVisible("slips" in kinds)
        ranged = any(key in kinds for key in RANGED_KINDS)
        self.date_range.setVisible(ranged)
        dates.setVisible(ranged)
        layout.addStretch()
        # At large text sizes on a small screen the choices scroll instead of being squeezed.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the choices inside take the focus
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(options)
        scroll.setMinimumHeight(min(options.sizeHint().height(), GRID * 60))
        scroll.setMinimumWidth(
            options.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
        )

        outer = QVBoxLayout(self)
        outer.setContentsMargins(GRID * 2, GRID * 2, GRID * 2, GRID * 2)
        outer.setSpacing(GRID)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.progress)
        outer.addWidget(self.status)
        outer.addWidget(self.buttons)

        self.kind_group.buttonToggled.connect(lambda *_: self._update_options())
        self.date_range.toggled.connect(lambda *_: self._update_options())
        self._update_options()

    @property
    def kind(self) -> str:
        for key, button in self.kind_buttons.items():
            if button.isChecked():
                return key
        return "series"

    @property
    def busy(self) -> bool:
        return self._running is not None

    @property
    def naming(self) -> str:
        return "first_names" if self.naming_buttons["first_names"].isChecked() else "initials"

    def _allowed(self, key: str) -> bool:
        """Whether ``key`` can be exported from here (a record needs the person's agreement)."""
        if key not in self.kinds:
            return False
        if key in ("series", "update", "recompense"):
            return True
        if key == "record":
            return self.person_id is not None and self.record_agreed
        return self.workshop_id is not None

    def _update_options(self) -> None:
        kind = self.kind
        idle = not self.busy
        note = self.kind_note.findChild(QLabel)
        assert note is not None
        self.about.setText(
            f"For {self.person_name}, from the series {self.series_title}."
            if kind == "record" and self.person_id is not None
            else self._about
        )
        words = next(about for key, _label, about in KINDS if key == kind)
        if "record" in self.kinds and not self._allowed("record"):
            why = (
                NOT_AGREED_NOTE.format(name=self.person_name)
                if self.person_id is not None
                else NO_PERSON_NOTE
            )
            words += " " + why
            self.kind_buttons["record"].setAccessibleDescription(why)
        note.setText(words)
        self.show_names.setEnabled(idle and kind == "slips")
        self.names_note.setVisible(kind == "slips")
        for button in self.naming_buttons.values():
            button.setEnabled(idle and kind == "update")
        self.date_range.setEnabled(idle and kind in RANGED_KINDS)
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(idle and kind in RANGED_KINDS and self.date_range.isChecked())
        self.large_print.setEnabled(idle)
        for key, button in self.kind_buttons.items():
            button.setEnabled(idle and self._allowed(key))
        self.export_button.setEnabled(idle and self._allowed(kind))

    def request(self) -> ExportRequest:
        from coprodesk.export.documents import ExportRequest

        kind = self.kind
        ranged = kind in RANGED_KINDS and self.date_range.isChecked()
        date_from: date | None = self.date_from.date().toPython() if ranged else None  # type: ignore[assignment]
        date_to: date | None = self.date_to.date().toPython() if ranged else None  # type: ignore[assignment]
        target: uuid.UUID | None
        if kind in ("series", "update", "recompense"):
            target = self.series_id
        elif kind == "record":
            target = self.person_id
        else:
            target = self.workshop_id
        assert target is not None
        return ExportRequest(
            kind,
            target,
            large_print=self.large_print.isChecked(),
            show_names=kind == "slips" and self.show_names.isChecked(),
            date_from=date_from,
            date_to=date_to,
            naming=self.naming if kind == "update" else "initials",
        )

    def start_export(self) -> None:
        """Ask where, then export; nothing happens if the file dialog is cancelled."""
        if self.busy:
            return
        kind = self.kind
        if not self._allowed(kind):
            return
        if kind in ("series", "update", "recompense"):
            title = self.series_title
        elif kind == "record":
            title = self.person_name
        else:
            title = self.workshop_title
        path = choose_path(self, self.folder / suggested_name(kind, title))
        if path is None:
            return
        self._cancel.clear()
        self.last_path = None
        self._running = self._start(self._run(self.request(), path), "export.pdf")
        self._update_options()

    async def _run(self, request: ExportRequest, path: Path) -> None:
        try:
            await self._export(request, path)
        finally:
            self._running = None
            self.cancel_button.setText("Close")
            self.cancel_button.setAccessibleName("Close")
            self._update_options()
        if self.last_path is not None:
            self.accept()

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()
        self.status.setAccessibleDescription(text)

    async def _export(self, request: ExportRequest, path: Path) -> None:
        from coprodesk.core.errors import UserFacingError
        from coprodesk.export.documents import (  # light: ReportLab loads on the layout thread
            KIND_WORDS,
            ExportCancelled,
            read_document,
            save_document,
        )

        self.progress.setRange(0, 0)  # busy while the data is read
        self.progress.show()
        self._say("Reading the workshop records…")
        loop = asyncio.get_running_loop()
        shown = -1

        def show(percent: int) -> None:
            if self.progress.maximum() == 0:
                self.progress.setRange(0, 100)
            self.progress.setValue(percent)
            self.progressed.emit(percent)

        def report(done: int, total: int) -> None:  # on the layout thread
            nonlocal shown
            percent = min(99, done * 100 // max(total, 1))
            if percent != shown:
                shown = percent
                loop.call_soon_threadsafe(show, percent)

        try:
            data = await self._runner.read(
                lambda session: _without_pauses(lambda: read_document(session, request))
            )
            if self._cancel.is_set():
                raise ExportCancelled
            self._say("Laying out the pages…")
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="coprodesk-pdf") as pool:
                await loop.run_in_executor(
                    pool,
                    lambda: _without_pauses(
                        lambda: save_document(
                            request, data, path, progress=report, cancelled=self._cancel.is_set
                        )
                    ),
                )
        except ExportCancelled:
            self.progress.hide()
            self._say("Export cancelled. Nothing was written.")
            return
        except UserFacingError as error:
            self.progress.hide()
            self._say(str(error))
            return
        except BaseException:
            self.progress.hide()
            self.status.hide()
            raise
        show(100)
        self.last_path = path
        words = KIND_WORDS[request.kind]
        self._say(f"{words} saved to {path}.")
        self.exported.emit(str(path))
        parent = self.parentWidget()
        status_bar = getattr(parent, "statusBar", None)
        if callable(status_bar):
            status_bar().showMessage(f"{words} saved to {path}.", 8000)

    def cancel_export(self) -> None:
        """Stop the export in progress at its next step."""
        if self.busy:
            self._cancel.set()
            self._say("Stopping…")

    def reject(self) -> None:
        if self.busy:  # Cancel during an export stops it; the dialog stays to say so.
            self.cancel_export()
            return
        super().reject()


def _without_pauses(work: Callable[[], T]) -> T:
    """Run ``work`` with Python's cycle collector paused.

    Reading a series and laying it out make hundreds of thousands of small
    objects; a full collection
    among them holds every thread, the window's too, for a few hundred
    milliseconds. ReportLab's objects are freed by reference counting; the
    collector resumes (and catches up) when the layout ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return work()
    finally:
        if was_enabled:
            gc.enable()


def _indented(widget: QWidget) -> QWidget:
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(GRID * 3, 0, 0, 0)
    row.addWidget(widget)
    return holder
