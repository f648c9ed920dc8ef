"""From the coordinator's desk: a person's record of contribution and the series update."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import PEOPLE
from pypdf import PdfReader
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot
from test_accessibility import unnamed_focusable
from test_coordinator_desk import choose, open_desk
from ui_helpers import OpenWindow

from coprodesk.core import recompense
from coprodesk.core.db import Database
from coprodesk.core.models import ExpenseKind
from coprodesk.ui import export_dialog
from coprodesk.ui.export_dialog import ExportDialog


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[Path]:
    offered: list[Path] = []

    def fake(_parent: object, suggested: Path) -> Path | None:
        offered.append(suggested)
        return path

    monkeypatch.setattr(export_dialog, "choose_path", fake)
    return offered


def test_a_record_of_contribution_once_the_person_has_agreed(
    qtbot: QtBot,
    db: Database,
    open_window: OpenWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    target = tmp_path / "record.pdf"
    offered = choose_file(monkeypatch, target)
    desk, _built = open_desk(open_window, db)
    choose(desk, "Mary-Jane O'Neil")
    assert not desk.record_button.isEnabled()  # not until they agree
    assert "ask them first" in desk.agreed_hint.text()
    desk.agreed.setChecked(True)
    open_window.wait_idle()
    assert desk.record_button.isEnabled()
    desk.record_button.click()
    dialog = desk.export_dialog
    assert isinstance(dialog, ExportDialog)
    assert dialog.kind == "record"
    assert (
        dialog.about.text() == "For Mary-Jane O'Neil, from the series Riverside Community Garden."
    )
    assert not dialog.kind_buttons["minutes"].isVisible()
    assert not dialog.naming_buttons["first_names"].isEnabled()
    assert unnamed_focusable(dialog) == []
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        dialog.export_button.click()
    assert offered[0].name == "Mary-Jane O Neil - record of contribution.pdf"
    text = pdf_text(target)
    assert "Record of contribution" in text
    assert "Mary-Jane O'Neil took part in 2 workshops" in text
    for name, initials, *_ in PEOPLE:
        if initials != "MJO":
            assert name not in text
    assert "saved to" in open_window.window.statusBar().currentMessage()
    open_window.wait_idle()


def test_without_agreement_the_record_is_refused_with_the_reason(
    db: Database, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    offered = choose_file(monkeypatch, tmp_path / "never.pdf")
    desk, _built = open_desk(open_window, db)
    choose(desk, "Amara Okafor")
    assert not desk.record_button.isEnabled()
    assert "agree" in desk.record_button.accessibleDescription()
    desk.update_button.click()  # the dialog offers the record too, but not for Amara yet
    dialog = desk.export_dialog
    assert isinstance(dialog, ExportDialog)
    assert not dialog.kind_buttons["record"].isEnabled()
    dialog.kind_buttons["update"].setChecked(True)
    (note,) = dialog.kind_note.findChildren(export_dialog.QLabel)
    assert "The record of contribution is off until Amara Okafor agrees to one" in note.text()
    assert "agrees" in dialog.kind_buttons["record"].accessibleDescription()
    dialog.close()
    open_window.wait_idle()
    assert offered == []
    assert list(tmp_path.glob("*.pdf")) == []


def test_the_update_with_first_names_and_cancel(
    qtbot: QtBot,
    db: Database,
    open_window: OpenWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    target = tmp_path / "update.pdf"
    offered = choose_file(monkeypatch, target)
    desk, _built = open_desk(open_window, db)
    desk.tabs.setCurrentIndex(2)
    desk.update_button.click()
    dialog = desk.export_dialog
    assert isinstance(dialog, ExportDialog)
    assert dialog.kind == "update"
    assert dialog.about.text() == "From the series Riverside Community Garden."
    assert dialog.naming_buttons["initials"].isChecked()  # initials unless chosen
    dialog.naming_buttons["first_names"].setChecked(True)
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        dialog.export_button.click()
    assert offered[0].name == "Riverside Community Garden - you said, we did.pdf"
    text = pdf_text(target)
    assert "You said, we did: Riverside Community Garden" in text
    assert "Amara and Mary-Jane" in text
    for name, *_ in PEOPLE:
        assert name not in text
    open_window.wait_idle()

    # Cancelled before it is laid out: nothing is written, and the dialog says so.
    out = tmp_path / "out"
    out.mkdir()
    choose_file(monkeypatch, out / "update.pdf")
    desk.update_button.click()
    again = desk.export_dialog
    assert isinstance(again, ExportDialog)
    assert again is not dialog
    again.export_button.click()
    assert again.busy
    again.cancel_button.click()
    qtbot.waitUntil(lambda: not again.busy, timeout=30_000)
    assert again.status.text() == "Export cancelled. Nothing was written."
    assert list(out.iterdir()) == []
    again.cancel_button.click()
    open_window.wait_idle()


def test_the_summary_for_finance_keeps_to_the_desk_dates(
    qtbot: QtBot,
    db: Database,
    open_window: OpenWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    target = tmp_path / "finance.pdf"
    offered = choose_file(monkeypatch, target)
    desk, built = open_desk(open_window, db)
    with db.transaction() as session:
        first, second, _third = built.workshop_ids  # 14 and 28 March 2026
        recompense.add_expense(session, first, built.person("AO"), ExpenseKind.TRAVEL, 450)
        recompense.add_expense(session, second, built.person("MJO"), ExpenseKind.REWARD, 2000)
    desk.tabs.setCurrentIndex(2)
    assert desk.summary_button.text() == "Summary for fi&nance (PDF)…"
    assert desk.summary_button.isVisible()
    desk.use_range.setChecked(True)
    desk.start.setDate(QDate(2026, 3, 20))
    desk.end.setDate(QDate(2026, 4, 30))
    open_window.wait_idle()
    desk.summary_button.click()
    dialog = desk.export_dialog
    assert isinstance(dialog, ExportDialog)
    assert dialog.kind == "recompense"
    assert dialog.date_range.isChecked()
    assert dialog.date_range.isEnabled()
    assert dialog.date_from.date() == QDate(2026, 3, 20)
    assert dialog.date_to.date() == QDate(2026, 4, 30)
    assert unnamed_focusable(dialog) == []
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        dialog.export_button.click()
    assert offered[0].name == "Riverside Community Garden - summary for finance.pdf"
    text = pdf_text(target)
    assert "Summary for finance: Riverside Community Garden" in text
    assert "Workshops from 20 March 2026 to 30 April 2026." in text
    assert "Mary-Jane O'Neil" in text
    assert "Reward for time £20.00 Owed" in text
    assert "Amara Okafor" not in text  # her travel was on 14 March
    assert "Summary for finance saved to" in open_window.window.statusBar().currentMessage()
    open_window.wait_idle()

    # Without the range ticked, the summary covers every workshop.
    desk.use_range.setChecked(False)
    open_window.wait_idle()
    choose_file(monkeypatch, tmp_path / "all.pdf")
    desk.summary_button.click()
    again = desk.export_dialog
    assert isinstance(again, ExportDialog)
    assert not again.date_range.isChecked()
    with qtbot.waitSignal(again.exported, timeout=30_000):
        again.export_button.click()
    everything = pdf_text(tmp_path / "all.pdf")
    assert "All workshops." in everything
    assert "Amara Okafor" in everything
    open_window.wait_idle()
