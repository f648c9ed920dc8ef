"""From the coordinator's desk: a person's record of contribution and the series update."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import PEOPLE
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from test_accessibility import unnamed_focusable
from test_coordinator_desk import choose, open_desk
from ui_helpers import OpenWindow

from coprodesk.core.db import Database
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
