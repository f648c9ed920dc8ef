"""Render the coordinator's desk offscreen to docs/images/*.png, on the demo series.

    python docs/screenshots_coordinator.py [--out docs/images]

Writes coordinator-people, coordinator-expenses, coordinator-fair-load,
coordinator-totals, coordinator-record (the button for a record of contribution) and the
export dialog for the three documents (coordinator-record-dialog, coordinator-update-dialog,
coordinator-recompense-dialog), each at 100 % and (with "-200") at 200 % text. Look at every
image before using it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import (
    SIZE_100,
    SIZE_200,
    _open_window,
    _save,
    _settle_setup,
    _wait_for,
)
from screenshots_live import run_script, stored, throwaway_app

from coprodesk.ui.palette import apply_look

# The demo's dates are in 2026; the fair load view is drawn as on this day.
TODAY = date(2026, 12, 1)
GRID_MARGIN = 120  # room above and below a control scrolled into view


def render(out: Path) -> None:
    from coprodesk.core.demo import create_demo_series

    with throwaway_app(out) as (app, loop):
        stored(create_demo_series)
        for scale, size, suffix in ((1.0, SIZE_100, ""), (2.0, SIZE_200, "-200")):
            apply_look(app, scale)
            _render_desk(app, loop, size, out, suffix)


def _render_desk(app: Any, loop: Any, size: Any, out: Path, suffix: str) -> None:
    from coprodesk.ui.coordinator.desk import CoordinatorDesk

    window, runner = _open_window(app, loop, size)
    page = window.series_page
    assert page is not None
    host = window.setup_host()
    page.open_coordinator()
    _wait_for(loop, lambda: host.page is not None)
    desk = host.page
    assert isinstance(desk, CoordinatorDesk)
    desk.today = TODAY
    desk.refresh()
    _wait_for(loop, lambda: desk.data is not None and desk.data.load.today == TODAY)
    for row in range(desk.people_list.count()):
        if desk.people_list.item(row).text().startswith("Mary-Jane"):
            desk.people_list.setCurrentRow(row)
    desk.people_list.setFocus()
    _settle_setup(app)
    _save(window, out / f"coordinator-people{suffix}.png")
    from PySide6.QtWidgets import QScrollArea

    scroll = next(
        area for area in desk.findChildren(QScrollArea) if area.widget() is desk.person_panel
    )
    scroll.ensureWidgetVisible(desk.record_button, 0, GRID_MARGIN)
    desk.record_button.setFocus()
    _settle_setup(app)
    _save(window, out / f"coordinator-record{suffix}.png")
    scroll.ensureWidgetVisible(desk.add_expense_button, 0, 0)
    scroll.ensureWidgetVisible(desk.written_field, 0, 0)
    desk.expenses.setFocus()
    _settle_setup(app)
    _save(window, out / f"coordinator-expenses{suffix}.png")
    desk.tabs.setCurrentIndex(1)
    desk.tabs.tabBar().setFocus()
    _settle_setup(app)
    _save(window, out / f"coordinator-fair-load{suffix}.png")
    desk.tabs.setCurrentIndex(2)
    desk.export_button.setFocus()
    _settle_setup(app)
    _save(window, out / f"coordinator-totals{suffix}.png")
    for kind, button in (
        ("record", desk.record_button),
        ("update", desk.update_button),
        ("recompense", desk.summary_button),
    ):
        button.click()  # Mary-Jane, chosen above, agreed to a record of contribution
        dialog = desk.export_dialog
        assert dialog is not None
        assert dialog.kind == kind
        dialog.resize(dialog.sizeHint().expandedTo(dialog.minimumSizeHint()))
        _settle_setup(app)
        _save(dialog, out / f"coordinator-{kind}-dialog{suffix}.png")
        dialog.close()
        _settle_setup(app)
    host.go_back()
    _wait_for(loop, lambda: host.page is None)
    window.close()
    runner.close()


def main(argv: Sequence[str] | None = None) -> int:
    return run_script(render, "Render the coordinator's desk to PNG files.", argv)


if __name__ == "__main__":
    raise SystemExit(main())
