"""The facilitator's live workshop window.

    ┌ step bar: Welcome ▸ Introductions ▸ … ▸ Close ─────── [Previous] [Next] ┐
    │ current item and its time                       projector controls     │
    ├ the step's own page ──────────────────────┬ Only you see this ──────────┤
    │                                           │ people present, late arrival│
    └ (a slot for the minutes line) ────────────┴─────────────────────────────┘

Every change goes through ``LiveSession`` and is saved at once; the window
shows what was saved. A one-second clock moves the timers on and keeps the
projector (fed only the public snapshot) up to date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coprodesk.core.live import Step
from coprodesk.ui.live.coverage_note import CoverageNote
from coprodesk.ui.live.late_arrival import ask_late_arrival
from coprodesk.ui.live.look import LIVE_STYLE_SHEET
from coprodesk.ui.live.now_bar import NowBar
from coprodesk.ui.live.pages.actions import ActionsPage
from coprodesk.ui.live.pages.agenda import AgendaPage
from coprodesk.ui.live.pages.agreement import AgreementPage
from coprodesk.ui.live.pages.base import StepPage
from coprodesk.ui.live.pages.check_out import CheckOutPage
from coprodesk.ui.live.pages.close import ClosePage
from coprodesk.ui.live.pages.introductions import IntroductionsPage
from coprodesk.ui.live.pages.review import ReviewPage
from coprodesk.ui.live.pages.welcome import WelcomePage
from coprodesk.ui.live.point_raised import PointRaised
from coprodesk.ui.live.projector import ProjectorWindow
from coprodesk.ui.live.projector_content import public_at
from coprodesk.ui.live.projector_controls import ProjectorControls
from coprodesk.ui.live.prompts_install import LivePrompts
from coprodesk.ui.live.session import LiveSession
from coprodesk.ui.live.side_panel import SidePanel
from coprodesk.ui.live.step_bar import StepBar, StepButtons
from coprodesk.ui.palette import GRID
from coprodesk.ui.widgets import tab_in_layout_order
from coprodesk.ui.workshop_events import workshop_events

if TYPE_CHECKING:
    import uuid

    from coprodesk.core.live_view import LiveView
    from coprodesk.ui.dialogs import TitleDialog
    from coprodesk.ui.live.clock import Clock
    from coprodesk.ui.minutes.window import MinutesWindow
    from coprodesk.ui.tasks import DbRunner, TaskKeeper

LOADING_TEXT = "Opening the workshop…"
SHORTCUT_GROUP = "Running a workshop live"
TICK_MS = 1000


class LiveWindow(QMainWindow):
    """Running one workshop. ``closed`` tells the main window to refresh its list."""

    closed = Signal()
    # The window wrote into the minutes (a point raised, the agreement kept): an open
    # minutes window can reload.
    minutes_changed = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        runner: DbRunner,
        tasks: TaskKeeper,
        workshop_id: uuid.UUID,
        clock: Clock,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Live workshop — CoproDesk")
        self.setAccessibleName("Live workshop")
        self.setStyleSheet(LIVE_STYLE_SHEET)
        self.resize(GRID * 140, GRID * 90)
        self._tasks = tasks
        self.clock = clock
        self.live = LiveSession(runner, tasks, workshop_id, clock, self)
        self.active_dialog: TitleDialog | None = None
        self.minutes_window: MinutesWindow | None = None
        self.projector = ProjectorWindow(self)
        self._build()
        self._make_actions()
        self.prompts = LivePrompts(self)  # Prompts and the balance of voices.
        self._fit_side()
        self.live.changed.connect(self.show_view)
        self.live.saved.connect(lambda: self.statusBar().showMessage("Saved.", 4000))
        self.projector.hidden.connect(lambda: self.projector_controls.set_showing(False))
        self.projector.full_screen_changed.connect(self._projector_full_screen)
        self.projector_controls.changed.connect(self._place_projector)
        self.projector_controls.agreement_always.toggled.connect(
            self.projector.set_agreement_always
        )
        self._clock_timer = QTimer(self, interval=TICK_MS)
        self._clock_timer.timeout.connect(self.tick)
        self._clock_timer.start()
        self.live.open()

    # Building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.step_bar = StepBar()
        self.step_bar.step_chosen.connect(self.live.go_to)
        self.step_buttons = StepButtons()
        self.step_buttons.back_requested.connect(self.live.step_back)
        self.step_buttons.forward_requested.connect(self.live.step_forward)
        self.now_bar = NowBar()
        self.projector_controls = ProjectorControls()
        live = self.live
        self.welcome_page = WelcomePage(live)
        self.introductions_page = IntroductionsPage(live)
        self.agreement_page = AgreementPage(live)
        self.review_page = ReviewPage(live)
        self.agenda_page = AgendaPage(live)
        self.actions_page = ActionsPage(live)
        self.check_out_page = CheckOutPage(live)
        self.close_page = ClosePage(live)
        self.pages: dict[Step, StepPage] = {
            page.step: page
            for page in (
                self.welcome_page,
                self.introductions_page,
                self.agreement_page,
                self.review_page,
                self.agenda_page,
                self.actions_page,
                self.check_out_page,
                self.close_page,
            )
        }
        self.stack = QStackedWidget()
        self.loading = QLabel(LOADING_TEXT)
        self.stack.addWidget(self.loading)
        for page in self.pages.values():
            scroller = QScrollArea()
            scroller.setWidgetResizable(True)
            scroller.setFrameShape(QScrollArea.Shape.NoFrame)
            scroller.setAccessibleName(page.step.label)
            scroller.setWidget(page)
            self.stack.addWidget(scroller)
        self.side_panel = SidePanel()
        self.coverage_note = CoverageNote()
        self.side_panel.add_section(self.coverage_note)
        self.side_panel.late_arrival_requested.connect(self.ask_late_arrival)
        self.point_raised = PointRaised(live)
        self.side_panel.add_section(self.point_raised)
        self.point_raised.recorded.connect(lambda _number: self.minutes_changed.emit())
        self.agreement_page.minutes_changed.connect(self.minutes_changed)
        self.minutes_changed.connect(self._tell_other_windows)

        column = QWidget()
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(GRID, GRID * 2, GRID, GRID)
        column_layout.setSpacing(GRID * 3)
        column_layout.addWidget(self.side_panel)
        self.minutes_button = QPushButton("Open the minutes")
        self.minutes_button.setAccessibleName("Open the minutes")
        self.minutes_button.setAccessibleDescription(
            "The minutes of this workshop, by initials, in their own window (Ctrl+M)"
        )
        self.minutes_button.clicked.connect(self.open_minutes)
        column_layout.addWidget(self.minutes_button)
        column_layout.addWidget(self.projector_controls)
        column_layout.addStretch()
        self.side = QScrollArea()
        self.side.setWidgetResizable(True)
        self.side.setFrameShape(QScrollArea.Shape.NoFrame)
        self.side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side.setAccessibleName("Side panel")
        self.side.setWidget(column)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        self._fit_side()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.fontChanged.connect(self._text_size_changed)

        steps = QHBoxLayout()
        steps.setSpacing(GRID * 2)
        steps.addWidget(self.step_bar, 1)
        steps.addWidget(self.step_buttons, 0, Qt.AlignmentFlag.AlignTop)
        central = QWidget()
        self._layout = QVBoxLayout(central)
        self._layout.setContentsMargins(GRID * 2, GRID * 2, GRID * 2, GRID)
        self._layout.setSpacing(GRID)
        self._layout.addLayout(steps)
        self._layout.addWidget(self.now_bar)
        self._layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

    def _make_actions(self) -> None:
        def action(text: str, keys: QKeySequence | str, slot: object) -> QAction:
            made = QAction(text, self)
            made.setShortcut(QKeySequence(keys))
            made.setProperty("shortcut_group", SHORTCUT_GROUP)  # For the shortcuts sheet.
            made.triggered.connect(slot)
            self.addAction(made)
            return made

        self.forward_action = action("Next step", "Ctrl+PgDown", self.live.step_forward)
        self.back_action = action("Previous step", "Ctrl+PgUp", self.live.step_back)
        self.projector_action = action(
            "Show or hide the projector", "F5", self.projector_controls.show_button.toggle
        )
        self.late_action = action("Someone arrived late", "Ctrl+L", self.ask_late_arrival)
        self.point_action = action(
            "Record an agreement point raised", "Ctrl+G", self.point_raised.take_focus
        )
        self.minutes_action = action("Open the minutes", "Ctrl+M", self.open_minutes)
        self.agreement_shown_action = action(
            "Show what we agreed on the projector at every step",
            "F6",
            self.projector_controls.agreement_always.toggle,
        )

    def _fit_side(self) -> None:
        """Keep the side column wide enough for its widest control at any text size, and
        Tab through it in the order it shows things (sections and cards come later)."""
        column = self.side.widget()
        scrollbar = self.side.verticalScrollBar().sizeHint().width()
        if column is not None:
            self.side.setMinimumWidth(column.minimumSizeHint().width() + scrollbar)
            tab_in_layout_order(column)

    def _text_size_changed(self, _font: QFont) -> None:
        # After the widgets have taken the new size.
        QTimer.singleShot(0, self, self._fit_side)

    def open_minutes(self) -> None:
        """This workshop's minutes in their own window (brought forward if open already).

        What this window writes into the minutes (a point raised, the agreement kept)
        shows there at once.
        """
        window = self.minutes_window
        if window is not None and shiboken6.isValid(window):
            window.raise_()
            window.activateWindow()
            return
        from coprodesk.ui.minutes import open_minutes_window

        window = open_minutes_window(self, self.live.runner, self._tasks, self.live.workshop_id)
        self.minutes_window = window

    def _tell_other_windows(self) -> None:
        """This window wrote into the minutes: every window showing them reads them again."""
        workshop_events().minutes_changed.emit(self.live.workshop_id, self)

    def set_minutes_line(self, widget: QWidget) -> None:
        """Put the minutes line (built elsewhere) along the bottom of the window."""
        self._layout.addWidget(widget)

    # Showing ------------------------------------------------------------------------------

    def page(self, step: Step) -> StepPage:
        return self.pages[step]

    def current_page(self) -> StepPage | None:
        scroller = self.stack.currentWidget()
        page = scroller.widget() if isinstance(scroller, QScrollArea) else None
        return page if isinstance(page, StepPage) else None

    def show_view(self, view: LiveView) -> None:
        self.setWindowTitle(f"Live: {view.details.title} — CoproDesk")
        self.step_bar.show_step(view.step, enabled=not view.closed)
        self.step_buttons.show_step(view.step, enabled=not view.closed)
        self.forward_action.setEnabled(not view.closed)
        self.back_action.setEnabled(not view.closed)
        self.late_action.setEnabled(not view.closed)
        for page in self.pages.values():
            page.show_view(view)
        self.side_panel.show_view(view)
        self.coverage_note.show_view(view)
        self.point_raised.show_view(view)
        self._turn_to(self.pages[view.step])
        self.tick()

    def _turn_to(self, page: StepPage) -> None:
        before = self.current_page()
        if before is page:
            return
        focus = QApplication.focusWidget()
        had_focus = focus is not None and self.stack.isAncestorOf(focus)
        scroller = page.parentWidget()
        while scroller is not None and not isinstance(scroller, QScrollArea):
            scroller = scroller.parentWidget()
        if scroller is not None:
            self.stack.setCurrentWidget(scroller)
        if before is not None:
            before.left()
        if had_focus or self.loading.isVisible():
            target = page.first_focus() or self.step_bar.buttons[page.step]
            target.setFocus()

    def tick(self) -> None:
        """Move the timers on to the clock's time (every second; tests call it directly)."""
        view = self.live.view
        if view is None:
            return
        now = self.clock.now()
        snapshot = view.snapshot
        self.now_bar.show_time(snapshot.agenda, snapshot.public.item, now, self.clock.local(now))
        for page in self.pages.values():
            page.tick(now)
        if self.projector.isVisible():
            self.projector.show_public(public_at(snapshot.public, now))

    # The projector ------------------------------------------------------------------------

    def _place_projector(self) -> None:
        controls = self.projector_controls
        screen = controls.chosen_screen()
        if not controls.showing() or screen is None:
            self.projector.hide()
            return
        if self.live.view is not None:
            self.projector.show_public(public_at(self.live.view.snapshot.public, self.clock.now()))
        self.projector.show_on(screen, full_screen=controls.full_screen.isChecked())

    def _projector_full_screen(self, full_screen: bool) -> None:
        box = self.projector_controls.full_screen
        box.blockSignals(True)
        box.setChecked(full_screen)
        box.blockSignals(False)

    # Late arrivals ------------------------------------------------------------------------

    def ask_late_arrival(self) -> None:
        if self.live.view is None or self.live.view.closed:
            return
        if self.active_dialog is not None and self.active_dialog.isVisible():
            self.active_dialog.raise_()
            return
        self.active_dialog = ask_late_arrival(self, self.live, self._tasks)
        self.active_dialog.finished.connect(self._dialog_finished)

    def _dialog_finished(self) -> None:
        self.active_dialog = None

    # Closing ------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self._clock_timer.stop()
        self.projector.hide()
        super().closeEvent(event)
        self.closed.emit()
