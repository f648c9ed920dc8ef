"""The main window: its menus, its pages, and opening the data folder.

The window paints first with only its frame, menus and an "Opening your
series…" line, so that it appears as fast as Qt allows. The series page
(``series_page.py``) and everything that needs the database come after the
first paint, through ``attach`` and ``open_data``. This module imports only the
few Qt classes the frame needs; keep it that way (a test checks).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coprodesk.ui.palette import GRID, TEXT_SIZES, text_scale

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent
    from PySide6.QtWidgets import QPushButton
    from sqlalchemy.orm import Session

    from coprodesk.ui.first_look import FirstLook
    from coprodesk.ui.series_page import SeriesPage
    from coprodesk.ui.setup.host import SetupHost
    from coprodesk.ui.tasks import DbRunner, TaskKeeper

APP_TITLE = "CoproDesk"
DEMO_TITLE = "CoproDesk — demo (nothing you do here is kept)"
LOADING_TEXT = "Opening your series…"
PROBLEM_HEADING = "CoproDesk could not open your data"

# Groups for the shortcuts sheet (an action's "shortcut_group" property).
MAIN_KEYS = "Series and workshops"
SETUP_KEYS = "On the set-up screens"
VIEW_KEYS = "Text size and help"


class MainWindow(QMainWindow):
    """The facilitator's window. Signals tell the launcher and tests how far it has got."""

    first_painted = Signal()
    series_loaded = Signal()

    def __init__(self, *, demo: bool = False) -> None:
        super().__init__()
        self.setWindowTitle(DEMO_TITLE if demo else APP_TITLE)
        self.setAccessibleName("CoproDesk main window")
        self.resize(GRID * 125, GRID * 75)
        self._painted = False
        self._runner: DbRunner | None = None
        self._tasks: TaskKeeper | None = None
        self.series_page: SeriesPage | None = None
        self._problem_label: QLabel | None = None
        self.quit_button: QPushButton | None = None
        self.setup: SetupHost | None = None
        self._shortcuts: list[tuple[QAction, tuple[str, ...]]] = []
        # Actions whose keys work only inside the set-up screens' widgets.
        self._local_keys: list[QAction] = []

        self._make_actions()
        self._make_menus()
        self.pages = QStackedWidget()
        loading = QWidget()
        layout = QVBoxLayout(loading)
        layout.setContentsMargins(GRID * 3, GRID * 3, GRID * 3, GRID * 3)
        self.loading_label = QLabel(LOADING_TEXT)
        layout.addWidget(self.loading_label)
        layout.addStretch()
        self.pages.addWidget(loading)
        self.setCentralWidget(self.pages)
        self.disable_commands()

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        *shortcuts: str,
        group: str = MAIN_KEYS,
        window_wide: bool = True,
    ) -> QAction:
        """An action of this window; ``window_wide=False`` leaves it to the set-up
        screens, which add it to the widgets where its keys apply."""
        action = QAction(text, self)
        if shortcuts:
            self._shortcuts.append((action, shortcuts))
            action.setProperty("shortcut_group", group)
        action.triggered.connect(slot)
        if window_wide:
            self.addAction(action)
        else:
            self._local_keys.append(action)
        return action

    def add_shortcuts(self) -> None:
        """Give the actions their keys. Done just after the first paint: setting the
        first shortcut loads all of Qt's key names, and importing ``Qt`` itself takes
        longer than the whole window, which would delay it."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeySequence

        for action in self._local_keys:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._local_keys.clear()
        for action, keys in self._shortcuts:
            action.setShortcuts([QKeySequence(key) for key in keys])
            action.setToolTip(f"{action.text()} ({action.shortcut().toString()})")
        self._shortcuts.clear()

    def _on_page(self, command: Callable[[SeriesPage], None]) -> Callable[[], None]:
        def run() -> None:
            if self.series_page is not None and self.series_page.ready:
                command(self.series_page)

        return run

    def _make_actions(self) -> None:
        page = self._on_page
        self.new_series_action = self._action(
            "New series", page(lambda p: p.ask_new_series()), "Ctrl+N"
        )
        self.setup_series_action = self._action(
            "Set up series", page(lambda p: p.open_series_setup())
        )
        self.people_action = self._action(
            "People in this series", page(lambda p: p.open_series_setup(people=True))
        )
        self.rename_series_action = self._action(
            "Rename series", page(lambda p: p.ask_rename_series())
        )
        self.coordinator_action = self._action(
            "Coordinator's desk", page(lambda p: p.open_coordinator()), "Ctrl+Shift+D"
        )
        self.delete_series_action = self._action(
            "Delete series", page(lambda p: p.ask_delete_series())
        )
        self.new_workshop_action = self._action(
            "New workshop", page(lambda p: p.ask_new_workshop()), "Ctrl+Shift+N"
        )
        self.setup_workshop_action = self._action(
            "Set up workshop", page(lambda p: p.open_workshop_setup())
        )
        self.rename_workshop_action = self._action(
            "Rename workshop", page(lambda p: p.ask_rename_workshop())
        )
        self.delete_workshop_action = self._action(
            "Delete workshop", page(lambda p: p.ask_delete_workshop())
        )
        self.run_live_action = self._action(
            "Run the workshop live", page(lambda p: p.open_live()), "Ctrl+R"
        )
        self.minutes_action = self._action(
            "Minutes of the workshop", page(lambda p: p.open_minutes()), "Ctrl+M"
        )
        self.export_pdf_action = self._action(
            "Export PDF…", page(lambda p: p.ask_export()), "Ctrl+E"
        )
        self.export_series_action = self._action(
            "Export series report…", page(lambda p: p.ask_export(series=True))
        )
        # F2 and Delete act on whichever list has focus.
        self.rename_action = self._action(
            "Rename selected", page(lambda p: p.ask_rename_selected()), "F2"
        )
        self.delete_action = self._action(
            "Delete selected", page(lambda p: p.ask_delete_selected()), "Delete"
        )
        self.quit_action = self._action("Quit", self.close, "Ctrl+Q")
        self.series_commands = (
            self.new_series_action,
            self.setup_series_action,
            self.people_action,
            self.rename_series_action,
            self.delete_series_action,
            self.export_series_action,
            self.coordinator_action,
        )
        self.workshop_commands = (
            self.new_workshop_action,
            self.setup_workshop_action,
            self.run_live_action,
            self.minutes_action,
            self.rename_workshop_action,
            self.delete_workshop_action,
            self.export_pdf_action,
        )
        self.commands = (
            *self.series_commands,
            *self.workshop_commands,
            self.rename_action,
            self.delete_action,
        )
        self._make_setup_actions()
        self._make_view_actions()

    def _make_setup_actions(self) -> None:
        """Keys of the set-up screens, made here so that the shortcuts sheet lists them
        before any set-up screen has been opened (the screens load only when needed)."""
        setup = self._on_setup

        self.back_action = self._action(
            "Back to series", setup(lambda host: host.go_back()), "Alt+Left", group=SETUP_KEYS
        )
        self.undo_removal_action = self._action(
            "Undo the last removal",
            setup(lambda host: host.undo_removal()),
            "Ctrl+Z",
            group=SETUP_KEYS,
            window_wide=False,
        )
        self.remove_row_action = self._action(
            "Remove the chosen person, date or agenda item",
            setup(lambda host: host.remove_chosen()),
            "Delete",
            group=SETUP_KEYS,
            window_wide=False,
        )
        self.move_up_action = self._action(
            "Move the agenda item up",
            setup(lambda host: host.move_item(-1)),
            "Ctrl+Up",
            group=SETUP_KEYS,
            window_wide=False,
        )
        self.move_down_action = self._action(
            "Move the agenda item down",
            setup(lambda host: host.move_item(+1)),
            "Ctrl+Down",
            group=SETUP_KEYS,
            window_wide=False,
        )
        self.back_action.setEnabled(False)

    def _make_view_actions(self) -> None:
        self.text_size_group = QActionGroup(self)
        self.text_size_actions: dict[int, QAction] = {}
        for percent in TEXT_SIZES:
            action = QAction(f"{percent} %", self.text_size_group)
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, p=percent: self.set_text_size(p))
            self.text_size_actions[percent] = action
        self.text_size_actions[self.text_size()].setChecked(True)
        self.larger_text_action = self._action(
            "Larger text", lambda: self.step_text_size(+1), "Ctrl+=", "Ctrl++", group=VIEW_KEYS
        )
        self.smaller_text_action = self._action(
            "Smaller text", lambda: self.step_text_size(-1), "Ctrl+-", group=VIEW_KEYS
        )
        self.shortcuts_action = self._action(
            "Keyboard shortcuts", self.show_shortcuts, "F1", "Ctrl+/", group=VIEW_KEYS
        )

    def _on_setup(self, command: Callable[[SetupHost], None]) -> Callable[[], None]:
        def run() -> None:
            if self.setup is not None and self.setup.page is not None:
                command(self.setup)

        return run

    def _make_menus(self) -> None:
        menu_bar = self.menuBar()
        series_menu = menu_bar.addMenu("&Series")
        series_menu.addActions(self.series_commands)
        series_menu.addSeparator()
        series_menu.addAction(self.back_action)
        series_menu.addSeparator()
        series_menu.addAction(self.quit_action)
        menu_bar.addMenu("&Workshop").addActions(self.workshop_commands)
        menu_bar.addMenu("&Edit").addActions(self.commands[-2:])
        view_menu = menu_bar.addMenu("&View")
        view_menu.addMenu("&Text size").addActions(self.text_size_group.actions())
        view_menu.addActions((self.larger_text_action, self.smaller_text_action))
        prompts_action = self._action("Prompt library and plain words", self.open_prompt_library)
        menu_bar.addMenu("&Prompts").addAction(prompts_action)
        menu_bar.addMenu("&Help").addAction(self.shortcuts_action)

    def disable_commands(self) -> None:
        """Leave only Quit (while opening, and when the data cannot be opened)."""
        for action in self.commands:
            action.setEnabled(False)

    # Text size and the shortcuts sheet -----------------------------------------------------

    @staticmethod
    def text_size() -> int:
        """The text size in use, in percent, as the nearest size on offer."""
        app = QApplication.instance()
        percent = text_scale(app) * 100 if isinstance(app, QApplication) else 100
        return min(TEXT_SIZES, key=lambda size: abs(size - percent))

    def set_text_size(self, percent: int) -> None:
        """Use ``percent`` for all text now, and remember it on this laptop."""
        from coprodesk.ui.palette import set_text_scale
        from coprodesk.ui.settings import save_text_size

        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        set_text_scale(app, percent / 100)
        self.text_size_actions[percent].setChecked(True)
        note = "" if save_text_size(percent) else " (it could not be kept for next time)"
        self.statusBar().showMessage(f"Text size {percent} %{note}.", 4000)

    def step_text_size(self, step: int) -> None:
        index = TEXT_SIZES.index(self.text_size()) + step
        if 0 <= index < len(TEXT_SIZES):
            self.set_text_size(TEXT_SIZES[index])

    def show_shortcuts(self) -> None:
        from coprodesk.ui.shortcuts_sheet import show_shortcuts_sheet

        show_shortcuts_sheet(self)

    # Painting -----------------------------------------------------------------------------

    @property
    def has_painted(self) -> bool:
        return self._painted

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    # Pages --------------------------------------------------------------------------------

    def show_page(self, page: QWidget) -> None:
        if self.pages.indexOf(page) < 0:
            self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)

    def setup_host(self) -> SetupHost:
        """What opens and closes the set-up screens (loaded the first time one opens)."""
        from coprodesk.ui.setup.host import SetupHost

        if self.setup is None:
            if self.series_page is None:
                raise RuntimeError("the series page comes before any set-up screen")
            self.setup = SetupHost(self, self.series_page)
        return self.setup

    def build_series_page(self) -> SeriesPage:
        """Build the series page (once); it can show a list before the worker exists."""
        from coprodesk.ui.series_page import SeriesPage

        self.add_shortcuts()
        if self.series_page is None:
            self.series_page = SeriesPage(self)
            self.series_page.loaded.connect(self.series_loaded)
            self.pages.addWidget(self.series_page)
        return self.series_page

    def show_first_look(self, look: FirstLook) -> None:
        """Show what was read before the core loaded: the list, or why it cannot open."""
        if look.problem is not None:
            self.show_problem(str(look.problem))
            return
        if look.series is not None:
            page = self.build_series_page()
            page.show_series(look.series)
            page.repaint()
            page.loaded.emit()

    def attach(self, runner: DbRunner, tasks: TaskKeeper) -> SeriesPage:
        """Give the window its database worker and task keeper."""
        self._runner = runner
        self._tasks = tasks
        page = self.build_series_page()
        page.attach_worker(runner, tasks)
        return page

    def open_prompt_library(self) -> None:
        """The facilitator's prompts, plain words and thresholds, in a window of their own."""
        from coprodesk.ui.prompt_library_window import PromptLibraryWindow

        if self._runner is not None and self._tasks is not None:
            PromptLibraryWindow(self, self._runner, self._tasks).show()

    def show_problem(self, text: str) -> None:
        """Show why the data could not be opened; only Quit stays available."""
        from coprodesk.ui.problem_page import ProblemPage

        if self.series_page is not None:
            self.series_page.ready = False
        self.disable_commands()
        page = self.findChild(ProblemPage)
        if page is None:
            page = ProblemPage(PROBLEM_HEADING, self.close)
            self._problem_label = page.message
            self.quit_button = page.quit_button
        page.set_message(text)
        self.show_page(page)
        page.quit_button.setFocus()

    def problem_text(self) -> str:
        label = self._problem_label
        if label is None or self.pages.currentWidget() is not label.parentWidget():
            return ""
        return label.text()

    # Opening ------------------------------------------------------------------------------

    async def open_data(
        self, setup: Callable[[Session], object] | None = None, *, listed: bool = False
    ) -> None:
        """Open the database, run ``setup`` once, then load the series.

        ``listed`` says the series are on screen already, from the first look.
        """
        from coprodesk.core.errors import StorageError
        from coprodesk.ui import errors

        if self._runner is None or self.series_page is None:
            raise RuntimeError("attach a database worker before opening the data")
        try:
            await self._runner.open(setup)
        except StorageError as error:
            errors.logger().info("open refused: %s", type(error).__name__)
            self.show_problem(str(error))
            return
        except Exception as error:
            errors.log_unexpected(error, "open")
            self.show_problem(errors.unexpected_error_text())
            return
        errors.logger().info("data folder opened")
        if not listed:
            await self.series_page.reload()
