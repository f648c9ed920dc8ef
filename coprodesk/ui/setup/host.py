"""Opening and leaving the set-up screens from the main window.

The main window loads this module the first time a set-up screen opens (never
before its first paint). One set-up screen is open at a time, in front of the
series page; while it is open, the series commands are off and the set-up
keys (Back, Undo, Delete, Ctrl+Up/Down) are on.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from coprodesk.ui.setup.page import Services, SetupActions, SetupPage

if TYPE_CHECKING:
    from coprodesk.ui.main_window import MainWindow
    from coprodesk.ui.series_page import SeriesPage


class SetupHost:
    """Opens one set-up screen at a time and brings the series page back after it."""

    def __init__(self, window: MainWindow, series_page: SeriesPage) -> None:
        self._window = window
        self._series_page = series_page
        self.page: SetupPage | None = None
        self._opening = False
        self._leaving = False
        self._reload_due = False
        self.actions = SetupActions(
            back=window.back_action,
            undo=window.undo_removal_action,
            remove=window.remove_row_action,
            move_up=window.move_up_action,
            move_down=window.move_down_action,
        )

    def _services(self) -> Services:
        return Services(
            runner=self._series_page.runner,
            start=self._series_page.tasks.start,
            lists_changed=self._lists_changed,
            actions=self.actions,
        )

    def open_series(self, series_id: uuid.UUID, *, people: bool = False) -> None:
        from coprodesk.ui.setup.series_setup import SeriesSetupPage

        self._open(SeriesSetupPage(self._services(), series_id, people=people), "series.setup")

    def open_workshop(self, workshop_id: uuid.UUID) -> None:
        from coprodesk.ui.setup.workshop_setup import WorkshopSetupPage

        self._open(WorkshopSetupPage(self._services(), workshop_id), "workshop.setup")

    def open_coordinator(self, series_id: uuid.UUID) -> None:
        from coprodesk.ui.coordinator.desk import CoordinatorDesk

        self._open(CoordinatorDesk(self._services(), series_id), "coordinator.open")

    def _open(self, page: SetupPage, event: str) -> None:
        if self.page is not None or self._opening:
            page.deleteLater()
            return
        self._opening = True
        self._series_page.tasks.start(self._show(page), event)

    async def _show(self, page: SetupPage) -> None:
        try:
            await page.load()
        except BaseException:
            page.deleteLater()
            raise
        finally:
            self._opening = False
        self.page = page
        self._window.show_page(page)
        self._series_page.update_actions()
        self._set_keys(on=True)
        page.focus_first()

    def _set_keys(self, *, on: bool) -> None:
        keys = self.actions
        for action in (keys.back, keys.remove, keys.move_up, keys.move_down):
            action.setEnabled(on)
        if not on:
            keys.undo.setEnabled(False)

    def go_back(self) -> None:
        if self.page is not None and not self._leaving:
            self._leaving = True
            self._series_page.tasks.start(self._leave(self.page), "setup.leave")

    async def _leave(self, page: SetupPage) -> None:
        try:
            if not await page.finish():
                return
        finally:
            self._leaving = False
        self.page = None
        self._set_keys(on=False)
        self._window.show_page(self._series_page)
        self._window.pages.removeWidget(page)
        page.deleteLater()
        self._series_page.update_actions()
        await self._series_page.reload()
        self._series_page.focus_list(workshops=page.about_workshop)

    def _lists_changed(self) -> None:
        """Reload the series lists behind the screen (once, however many changes)."""
        if not self._reload_due:
            self._reload_due = True
            self._series_page.tasks.start(self._reload(), "setup.lists")

    async def _reload(self) -> None:
        self._reload_due = False
        await self._series_page.reload()

    # The set-up keys -----------------------------------------------------------------------

    def undo_removal(self) -> None:
        if self.page is not None:
            self.page.undo_removal()

    def remove_chosen(self) -> None:
        if self.page is not None:
            self.page.remove_chosen()

    def move_item(self, step: int) -> None:
        if self.page is not None:
            self.page.move_item(step)
