"""The series page: series on the left, the chosen series' workshops on the right.

Built after the window's first paint. It lists what ``coprodesk.core.series``
returns, and every change it makes is written at once in its own transaction
on the database worker, after which the lists reload.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coprodesk.ui.dialogs import TitleDialog, confirm_delete
from coprodesk.ui.flow_layout import FlowLayout
from coprodesk.ui.models.series import (
    SeriesListModel,
    WorkshopTableModel,
    workshop_count_words,
)
from coprodesk.ui.palette import GRID
from coprodesk.ui.views import Fit, Wrap, table_view
from coprodesk.ui.widgets import heading, hint

if TYPE_CHECKING:
    import uuid

    from sqlalchemy.orm import Session

    from coprodesk.core.summaries import SeriesSummary, WorkshopSummary
    from coprodesk.ui.live.window import LiveWindow
    from coprodesk.ui.main_window import MainWindow
    from coprodesk.ui.minutes.window import MinutesWindow
    from coprodesk.ui.tasks import DbRunner, TaskKeeper

NO_SERIES_TEXT = (
    "No series yet. Start one with New series — "
    "a series is a run of workshops with a shared purpose."
)
NO_SERIES_CHOSEN_TEXT = "Choose a series on the left to see its workshops."
NO_WORKSHOPS_TEXT = "No workshops in this series yet. Add the first one with New workshop."


class SeriesPage(QWidget):
    """Lists series and workshops and runs the commands on them."""

    loaded = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self._window = window
        self._runner: DbRunner | None = None
        self._tasks: TaskKeeper | None = None
        self._listed = False
        self.ready = False
        self.active_dialog: QWidget | None = None
        # The live and minutes windows open now, by kind and workshop (one of each at most).
        self.open_windows: dict[tuple[str, uuid.UUID], LiveWindow | MinutesWindow] = {}
        self.series_model = SeriesListModel()
        self.workshop_model = WorkshopTableModel()
        self._build()
        self.update_actions()

    def _button(self, action: QAction, *, primary: bool = False) -> QPushButton:
        button = QPushButton(action.text())
        button.setAccessibleName(action.text())
        if action.toolTip():
            button.setToolTip(action.toolTip())
        button.setAutoDefault(False)
        if primary:
            button.setProperty("role", "primary")
        button.clicked.connect(action.trigger)
        button.setEnabled(action.isEnabled())
        action.changed.connect(lambda: button.setEnabled(action.isEnabled()))
        return button

    def _build(self) -> None:
        window = self._window
        self.series_heading = heading("Series")
        self.series_view = QListView()
        self.series_view.setAccessibleName("Series")
        self.series_view.setAccessibleDescription("Every series, by title")
        self.series_view.setModel(self.series_model)
        self.series_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.series_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.series_view.setWordWrap(True)
        self.series_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.series_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.series_heading.setBuddy(self.series_view)
        self.series_empty = hint(NO_SERIES_TEXT)
        self.new_series_button = self._button(window.new_series_action, primary=True)
        self.setup_series_button = self._button(window.setup_series_action)
        self.rename_series_button = self._button(window.rename_series_action)
        self.delete_series_button = self._button(window.delete_series_action)
        self.export_series_button = self._button(window.export_series_action)
        self.coordinator_button = self._button(window.coordinator_action)

        self.workshops_heading = heading("Workshops")
        # Titles and venues share the width by need and wrap; dates and statuses stay whole.
        self.workshop_view = table_view(
            self.workshop_model,
            "Workshops",
            "The workshops of the chosen series, with date, venue and status",
            (Wrap, Fit, Wrap, Fit),
        )
        self.workshops_heading.setBuddy(self.workshop_view)
        self.workshops_empty = hint(NO_SERIES_CHOSEN_TEXT)
        self.new_workshop_button = self._button(window.new_workshop_action)
        self.setup_workshop_button = self._button(window.setup_workshop_action)
        self.run_live_button = self._button(window.run_live_action)
        self.minutes_button = self._button(window.minutes_action)
        self.rename_workshop_button = self._button(window.rename_workshop_action)
        self.delete_workshop_button = self._button(window.delete_workshop_action)
        self.export_workshop_button = self._button(window.export_pdf_action)

        series_pane = self._pane(
            self.series_heading,
            self.series_view,
            self.series_empty,
            (
                self.new_series_button,
                self.setup_series_button,
                self.rename_series_button,
                self.delete_series_button,
                self.export_series_button,
                self.coordinator_button,
            ),
        )
        workshop_pane = self._pane(
            self.workshops_heading,
            self.workshop_view,
            self.workshops_empty,
            (
                self.new_workshop_button,
                self.setup_workshop_button,
                self.run_live_button,
                self.minutes_button,
                self.rename_workshop_button,
                self.delete_workshop_button,
                self.export_workshop_button,
            ),
        )
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(series_pane)
        self.splitter.addWidget(workshop_pane)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(GRID * 2, GRID * 2, GRID * 2, GRID * 2)
        layout.addWidget(self.splitter)

        reading_order = (
            self.series_view,
            self.new_series_button,
            self.setup_series_button,
            self.rename_series_button,
            self.delete_series_button,
            self.export_series_button,
            self.coordinator_button,
            self.workshop_view,
            self.new_workshop_button,
            self.setup_workshop_button,
            self.run_live_button,
            self.minutes_button,
            self.rename_workshop_button,
            self.delete_workshop_button,
            self.export_workshop_button,
        )
        for first, second in itertools.pairwise(reading_order):
            QWidget.setTabOrder(first, second)

        selection = self.series_view.selectionModel()
        selection.currentChanged.connect(self._series_changed)
        self.workshop_view.selectionModel().currentChanged.connect(self._workshop_changed)
        # Enter or a double-click opens the set-up screen.
        self.series_view.activated.connect(lambda _index: self.open_series_setup())
        self.workshop_view.activated.connect(lambda _index: self.open_workshop_setup())

    @staticmethod
    def _pane(
        title: QLabel, view: QWidget, empty: QLabel, buttons: tuple[QPushButton, ...]
    ) -> QWidget:
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(GRID, 0, GRID, 0)
        layout.setSpacing(GRID)
        layout.addWidget(title)
        layout.addWidget(view, 1)
        layout.addWidget(empty, 1)
        row = FlowLayout()
        for button in buttons:
            row.addWidget(button)
        layout.addLayout(row)
        empty.hide()
        return pane

    def current_series(self) -> SeriesSummary | None:
        index = self.series_view.currentIndex()
        return self.series_model.series_at(index.row()) if index.isValid() else None

    def current_workshop(self) -> WorkshopSummary | None:
        index = self.workshop_view.currentIndex()
        return self.workshop_model.workshop_at(index.row()) if index.isValid() else None

    def select_series(self, series_id: uuid.UUID) -> None:
        row = self.series_model.row_of(series_id)
        if row is not None:
            self.series_view.selectionModel().setCurrentIndex(
                self.series_model.index(row),
                QItemSelectionModel.SelectionFlag.ClearAndSelect,
            )

    def select_workshop(self, workshop_id: uuid.UUID) -> None:
        row = self.workshop_model.row_of(workshop_id)
        if row is not None:
            self.workshop_view.selectionModel().setCurrentIndex(
                self.workshop_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def show_series(
        self,
        series: list[SeriesSummary],
        *,
        select_series: uuid.UUID | None = None,
        select_workshop: uuid.UUID | None = None,
    ) -> None:
        """Fill the lists, keeping (or moving) the selection by id."""
        current = self.current_series()
        current_workshop = self.current_workshop()
        keep_series = select_series or (current.id if current else None)
        keep_workshop = select_workshop or (current_workshop.id if current_workshop else None)
        had_focus = self.focusWidget()
        self.series_model.set_series(series)
        self._listed = True
        self.ready = self._runner is not None
        on_show = self._window.setup is None or self._window.setup.page is None
        if on_show:  # A set-up screen in front stays in front.
            self._window.show_page(self)
        empty = not series
        self.series_view.setVisible(not empty)
        self.series_empty.setVisible(empty)
        if keep_series is not None and self.series_model.row_of(keep_series) is not None:
            self.select_series(keep_series)
        elif series:
            self.select_series(series[0].id)
        else:
            self._show_workshops(None)
        if keep_workshop is not None:
            self.select_workshop(keep_workshop)
        self.update_actions()
        if on_show and (had_focus is None or not had_focus.isVisible()):
            (self.new_series_button if empty else self.series_view).setFocus()

    def _series_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_workshops(self.series_model.series_at(current.row()))

    def _show_workshops(self, series: SeriesSummary | None) -> None:
        self.workshop_model.set_workshops(series.workshops if series else ())
        if series is None:
            self.workshops_heading.setText("Workshops")
            hint = NO_SERIES_CHOSEN_TEXT if self.series_model.rowCount() else ""
        else:
            self.workshops_heading.setText(f"Workshops in {series.title.replace('&', '&&')}")
            hint = NO_WORKSHOPS_TEXT
            if series.workshops:
                self.select_workshop(series.workshops[0].id)
        has_rows = self.workshop_model.rowCount() > 0
        self.workshop_view.setVisible(has_rows)
        self.workshops_empty.setText(hint)
        self.workshops_empty.setVisible(not has_rows)
        self.update_actions()

    def _workshop_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self.update_actions()

    def attach_worker(self, runner: DbRunner, tasks: TaskKeeper) -> None:
        """Commands work once the page has both its list and its database worker."""
        self._runner, self._tasks = runner, tasks
        self.ready = self._listed
        self.update_actions()

    @property
    def in_front(self) -> bool:
        """Ready, and not covered by a set-up screen (whose keys then apply instead)."""
        setup = self._window.setup
        return self.ready and (setup is None or setup.page is None)

    def update_actions(self) -> None:
        ready = self.in_front
        series = self.current_series() if ready else None
        workshop = self.current_workshop() if ready else None
        window = self._window
        window.new_series_action.setEnabled(ready)
        for action in (
            window.setup_series_action,
            window.people_action,
            window.rename_series_action,
            window.delete_series_action,
            window.coordinator_action,
            window.new_workshop_action,
            window.rename_action,
            window.delete_action,
            window.export_series_action,
        ):
            action.setEnabled(series is not None)
        for action in (
            window.setup_workshop_action,
            window.run_live_action,
            window.minutes_action,
            window.rename_workshop_action,
            window.delete_workshop_action,
            window.export_pdf_action,
        ):
            action.setEnabled(workshop is not None)

    def focus_list(self, *, workshops: bool = False) -> None:
        """Put the focus back on a list (after a set-up screen closes)."""
        view = self.workshop_view if workshops else self.series_view
        if view.isVisible():
            view.setFocus()

    @property
    def tasks(self) -> TaskKeeper:
        if self._tasks is None:
            raise RuntimeError("the series page has no task keeper yet")
        return self._tasks

    @property
    def runner(self) -> DbRunner:
        if self._runner is None:
            raise RuntimeError("the series page has no database worker yet")
        return self._runner

    def _start(self, work: Coroutine[Any, Any, object], event: str) -> None:
        if self._tasks is None:
            raise RuntimeError("the series page has no task keeper yet")
        self._tasks.start(work, event)

    async def reload(
        self,
        *,
        select_series: uuid.UUID | None = None,
        select_workshop: uuid.UUID | None = None,
    ) -> None:
        """Read every series again and show it; emits ``loaded``."""
        from coprodesk.core.series import list_series

        series = await self.runner.read(list_series)
        self.show_series(series, select_series=select_series, select_workshop=select_workshop)
        self.loaded.emit()

    # Commands -----------------------------------------------------------------------------

    def open_series_setup(self, *, people: bool = False) -> None:
        """Open the chosen series' set-up screen (on its people when ``people``)."""
        series = self.current_series()
        if series is not None and self.in_front:
            self._window.setup_host().open_series(series.id, people=people)

    def open_coordinator(self) -> None:
        """Open the coordinator's private desk for the chosen series."""
        series = self.current_series()
        if series is not None and self.in_front:
            self._window.setup_host().open_coordinator(series.id)

    def open_workshop_setup(self) -> None:
        workshop = self.current_workshop()
        if workshop is not None and self.in_front:
            self._window.setup_host().open_workshop(workshop.id)

    def open_live(self) -> None:
        """Run the chosen workshop live in its own window, or bring that window forward."""
        from coprodesk.ui.live import open_live_window

        self._open_workshop_window(
            "live",
            lambda workshop_id: open_live_window(
                self._window, self.runner, self.tasks, workshop_id
            ),
        )

    def open_minutes(self) -> None:
        """The chosen workshop's minutes in their own window, or bring that window forward."""
        from coprodesk.ui.minutes import open_minutes_window

        self._open_workshop_window(
            "minutes",
            lambda workshop_id: open_minutes_window(
                self._window, self.runner, self.tasks, workshop_id
            ),
        )

    def _open_workshop_window(
        self, kind: str, open_window: Callable[[uuid.UUID], LiveWindow | MinutesWindow]
    ) -> None:
        chosen = self.current_workshop()
        series = self.current_series()
        if chosen is None or series is None or not self.in_front:
            return
        key = (kind, chosen.id)
        window = self.open_windows.get(key)
        if window is not None:
            window.raise_()
            window.activateWindow()
            return
        window = open_window(chosen.id)
        self.open_windows[key] = window
        series_id, workshop_id = series.id, chosen.id

        def window_closed() -> None:
            self.open_windows.pop(key, None)
            if self._window.isVisible():  # Its status may have changed (live, closed).
                self._start(
                    self.reload(select_series=series_id, select_workshop=workshop_id),
                    "series reload",
                )

        window.closed.connect(window_closed)

    def ask_export(self, *, series: bool = False) -> None:
        """Open the export dialog for the chosen workshop (or the series report)."""
        from coprodesk.ui.export_dialog import ExportDialog

        chosen_series = self.current_series()
        workshop = None if series else self.current_workshop()
        if chosen_series is None or not self.in_front:
            return
        dialog = ExportDialog(
            self._window,
            self.runner,
            self.tasks.start,
            series_id=chosen_series.id,
            series_title=chosen_series.title,
            workshop_id=workshop.id if workshop else None,
            workshop_title=workshop.title if workshop else "",
            kind=_suggested_kind(workshop) if workshop else "series",
        )
        self._track_dialog(dialog)
        dialog.open()

    # Dialogs -----------------------------------------------------------------------------

    def _track_dialog(self, dialog: QWidget) -> None:
        """Remember the open dialog (tests and screenshots reach it here)."""
        self.active_dialog = dialog
        dialog.destroyed.connect(lambda: self._forget_dialog(dialog))

    def _forget_dialog(self, dialog: QWidget) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None

    def _ask_title(
        self,
        event: str,
        change: Callable[[Session, str], uuid.UUID | None],
        *,
        select: str = "",
        **texts: str,
    ) -> TitleDialog:
        """Open a title dialog whose OK runs ``change(session, title)`` in one transaction.

        ``select`` ("series" or "workshop") says what the id returned by the change is,
        so the new record can be selected after the lists reload.
        """
        dialog = TitleDialog(self._window, **texts)
        dialog.submitted.connect(
            lambda title: self._start(
                self._save_title(dialog, lambda session: change(session, title), select),
                event,
            )
        )
        self._track_dialog(dialog)
        dialog.open()
        return dialog

    async def _save_title(
        self, dialog: TitleDialog, change: Callable[[Session], uuid.UUID | None], select: str
    ) -> None:
        from coprodesk.core.errors import InvalidInput

        dialog.set_busy(True)
        try:
            changed_id = await self.runner.run(change)
        except InvalidInput as error:
            dialog.set_busy(False)
            dialog.show_problem(str(error))
            return
        except BaseException:
            dialog.set_busy(False)
            dialog.close()
            raise
        dialog.set_busy(False)
        dialog.accept()
        self._window.statusBar().showMessage("Saved.", 4000)
        if changed_id is not None and select == "series":
            await self.reload(select_series=changed_id)
        elif changed_id is not None and select == "workshop":
            await self.reload(select_workshop=changed_id)
        else:
            await self.reload()

    def ask_new_series(self) -> None:
        if not self._window.new_series_action.isEnabled():
            return
        from coprodesk.core.series import create_series

        self._ask_title(
            "series.create",
            create_series,
            select="series",
            window_title="New series",
            field_label="Series title",
            submit_label="Create series",
            hint="A short name everyone will recognise, for example: Bus routes review.",
        )

    def ask_rename_series(self) -> None:
        series = self.current_series()
        if series is None or not self.ready:
            return
        from coprodesk.core.series import rename_series

        self._ask_title(
            "series.rename",
            lambda session, title: rename_series(session, series.id, title),
            window_title="Rename series",
            field_label="Series title",
            submit_label="Rename series",
            text=series.title,
        )

    def ask_new_workshop(self) -> None:
        series = self.current_series()
        if series is None or not self.ready:
            return
        from coprodesk.core.series import create_workshop

        self._ask_title(
            "workshop.create",
            lambda session, title: create_workshop(session, series.id, title),
            select="workshop",
            window_title="New workshop",
            field_label="Workshop title",
            submit_label="Create workshop",
            hint=f"A new workshop in {series.title}. You can set its date and venue later.",
        )

    def ask_rename_workshop(self) -> None:
        workshop = self.current_workshop()
        if workshop is None or not self.ready:
            return
        from coprodesk.core.series import rename_workshop

        self._ask_title(
            "workshop.rename",
            lambda session, title: rename_workshop(session, workshop.id, title),
            window_title="Rename workshop",
            field_label="Workshop title",
            submit_label="Rename workshop",
            text=workshop.title,
        )

    def ask_delete_series(self) -> None:
        series = self.current_series()
        if series is None or not self.ready:
            return
        text = (
            f"Delete the series “{series.title}”? Its "
            f"{workshop_count_words(len(series.workshops))}, the people in it and everything "
            "recorded in its workshops (minutes, agreements and actions) will be deleted. "
            "This cannot be undone."
        )

        async def delete() -> None:
            from coprodesk.core.series import delete_series

            await self.runner.run(lambda session: delete_series(session, series.id))
            self._window.statusBar().showMessage("Series deleted.", 4000)
            await self.reload()

        self._track_dialog(
            confirm_delete(
                self._window,
                text,
                "Delete series",
                "Keep series",
                lambda: self._start(delete(), "series.delete"),
            )
        )

    def ask_delete_workshop(self) -> None:
        workshop = self.current_workshop()
        if workshop is None or not self.ready:
            return
        text = (
            f"Delete the workshop “{workshop.title}”? Its agenda, attendance, minutes and "
            "actions will be deleted. This cannot be undone."
        )

        async def delete() -> None:
            from coprodesk.core.series import delete_workshop

            await self.runner.run(lambda session: delete_workshop(session, workshop.id))
            self._window.statusBar().showMessage("Workshop deleted.", 4000)
            await self.reload()

        self._track_dialog(
            confirm_delete(
                self._window,
                text,
                "Delete workshop",
                "Keep workshop",
                lambda: self._start(delete(), "workshop.delete"),
            )
        )

    def _workshops_have_focus(self) -> bool:
        focused = QApplication.focusWidget()
        workshop_widgets = (
            self.workshop_view,
            self.new_workshop_button,
            self.rename_workshop_button,
            self.delete_workshop_button,
        )
        return focused is not None and any(
            focused is widget or widget.isAncestorOf(focused) for widget in workshop_widgets
        )

    def ask_rename_selected(self) -> None:
        if self._workshops_have_focus() and self.current_workshop() is not None:
            self.ask_rename_workshop()
        else:
            self.ask_rename_series()

    def ask_delete_selected(self) -> None:
        if self._workshops_have_focus() and self.current_workshop() is not None:
            self.ask_delete_workshop()
        else:
            self.ask_delete_series()


def _suggested_kind(workshop: WorkshopSummary) -> str:
    """A coming workshop needs its briefing; a held one its minutes."""
    return "briefing" if workshop.status.value == "planned" else "minutes"
