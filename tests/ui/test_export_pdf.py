"""Exporting PDFs from the main window: off the UI thread, with progress and Cancel."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import PEOPLE, BuiltSeries, build_series
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_helpers import OpenWindow

from coprodesk.core.db import Database
from coprodesk.ui import export_dialog
from coprodesk.ui.export_dialog import ExportDialog


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


@pytest.fixture
def built(db: Database) -> BuiltSeries:
    with db.transaction() as session:
        return build_series(session)


def open_dialog(
    open_window: OpenWindow, built: BuiltSeries, *, series: bool = False
) -> ExportDialog:
    open_window.open()
    page = open_window.page
    page.select_series(built.series_id)
    page.select_workshop(built.workshop_ids[1])
    trigger = (
        open_window.window.export_series_action if series else open_window.window.export_pdf_action
    )
    assert trigger.isEnabled()
    trigger.trigger()
    dialog = page.active_dialog
    assert isinstance(dialog, ExportDialog)
    return dialog


def choose(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[Path]:
    suggested: list[Path] = []

    def fake(_parent: object, offered: Path) -> Path | None:
        suggested.append(offered)
        return path

    monkeypatch.setattr(export_dialog, "choose_path", fake)
    return suggested


def test_minutes_export_from_the_workshop_writes_an_initials_only_pdf(
    qtbot: QtBot,
    built: BuiltSeries,
    open_window: OpenWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    target = tmp_path / "minutes.pdf"
    suggested = choose(monkeypatch, target)
    dialog = open_dialog(open_window, built)
    assert dialog.kind == "minutes"  # a held workshop suggests its minutes
    with qtbot.waitSignal(dialog.exported, timeout=30_000) as exported:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert exported.args == [str(target)]
    assert suggested[0].name == "Planning the beds - minutes.pdf"
    text = pdf_text(target)
    assert "Who took part" in text
    assert "Present (3): AO, MJO, ŁŻ" in text
    for name, *_ in PEOPLE:
        assert name not in text
    assert "saved to" in open_window.window.statusBar().currentMessage()
    open_window.wait_idle()


def test_slips_with_names_and_large_print(
    qtbot: QtBot,
    built: BuiltSeries,
    open_window: OpenWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    target = tmp_path / "slips.pdf"
    choose(monkeypatch, target)
    dialog = open_dialog(open_window, built)
    assert not dialog.show_names.isEnabled()
    dialog.kind_buttons["slips"].setChecked(True)
    assert dialog.show_names.isEnabled()
    dialog.show_names.setChecked(True)
    dialog.large_print.setChecked(True)
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        dialog.export_button.click()
    reader = PdfReader(target)
    assert "Actions for Zoë Ødegaard" in " ".join(reader.pages[-1].extract_text().split()) or any(
        "Actions for Zoë Ødegaard" in " ".join(page.extract_text().split()) for page in reader.pages
    )
    open_window.wait_idle()


def test_closing_the_file_dialog_exports_nothing(
    built: BuiltSeries, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    choose(monkeypatch, None)
    dialog = open_dialog(open_window, built)
    dialog.export_button.click()
    assert not dialog.busy
    assert dialog.isVisible()
    assert list(tmp_path.glob("*.pdf")) == []


def test_cancel_stops_a_series_report_and_writes_nothing(
    qtbot: QtBot,
    built: BuiltSeries,
    open_window: OpenWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "report.pdf"
    choose(monkeypatch, target)
    dialog = open_dialog(open_window, built, series=True)
    assert dialog.kind == "series"
    assert not dialog.kind_buttons["minutes"].isEnabled()
    dialog.progressed.connect(lambda _percent: dialog.cancel_button.click())
    dialog.export_button.click()
    assert dialog.busy
    assert not dialog.export_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert dialog.status.text() == "Export cancelled. Nothing was written."
    assert dialog.isVisible()
    assert list(out.iterdir()) == []  # no PDF, and no temporary file left
    assert dialog.cancel_button.text() == "Close"
    dialog.cancel_button.click()
    assert not dialog.isVisible()


def test_series_report_for_a_date_range(
    qtbot: QtBot,
    built: BuiltSeries,
    open_window: OpenWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from PySide6.QtCore import QDate

    target = tmp_path / "report.pdf"
    choose(monkeypatch, target)
    dialog = open_dialog(open_window, built, series=True)
    dialog.date_range.setChecked(True)
    dialog.date_from.setDate(QDate(2026, 3, 20))
    dialog.date_to.setDate(QDate(2026, 3, 31))
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        dialog.export_button.click()
    text = pdf_text(target)
    assert "1 workshops" in text or "Planning the beds" in text
    assert "Getting started Riverside" not in text
    outline = [item["/Title"] for item in PdfReader(target).outline if isinstance(item, dict)]
    assert outline == ["Series report: Riverside Community Garden"]


def test_a_folder_that_cannot_be_written_is_a_plain_message(
    built: BuiltSeries, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    choose(monkeypatch, tmp_path / "missing" / "minutes.pdf")
    dialog = open_dialog(open_window, built)
    dialog.export_button.click()
    open_window.qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert "does not exist" in dialog.status.text()
    assert dialog.isVisible()


def test_every_control_of_the_export_dialog_has_a_name_and_keys_reach_it(
    built: BuiltSeries, open_window: OpenWindow
) -> None:
    from test_accessibility import unnamed_focusable

    dialog = open_dialog(open_window, built)
    assert unnamed_focusable(dialog) == []
    # Ctrl+E is the key for it, from the Workshop menu.
    assert open_window.window.export_pdf_action.shortcut().toString() == "Ctrl+E"
    assert open_window.page.export_workshop_button.isEnabled()
    assert open_window.page.export_series_button.isEnabled()
    dialog.reject()
    assert not dialog.isVisible()


def test_export_from_the_workshop_set_up_screen(
    qtbot: QtBot,
    built: BuiltSeries,
    open_window: OpenWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from coprodesk.ui.setup.workshop_setup import WorkshopSetupPage

    target = tmp_path / "briefing.pdf"
    choose(monkeypatch, target)
    open_window.open()
    page = open_window.page
    page.select_series(built.series_id)
    page.select_workshop(built.workshop_ids[2])
    page.open_workshop_setup()
    host = open_window.window.setup_host()
    qtbot.waitUntil(lambda: isinstance(host.page, WorkshopSetupPage), timeout=10_000)
    setup = host.page
    assert isinstance(setup, WorkshopSetupPage)
    qtbot.waitUntil(lambda: setup._details is not None, timeout=10_000)
    setup.export_button.click()
    dialog = setup.export_dialog
    assert dialog.kind == "briefing"  # a coming workshop suggests its briefing
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        dialog.export_button.click()
    assert "Who is coming" in pdf_text(target)
    open_window.wait_idle()
