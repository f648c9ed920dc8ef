"""A long workshop's worth of Qt calls never brings Python down (PySide6 6.12.0 on 3.11)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

from coprodesk.ui import pyside_guard

ROOT = Path(__file__).resolve().parents[2]

# Far more void Qt calls and emitted signals than PySide6 6.12.0 on Python 3.11 survives
# without the guard (about 5,000), as the app makes them: the guard first, then the window.
MANY_CALLS = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from coprodesk.ui.pyside_guard import keep_python_alive
keep_python_alive()
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

class Ticker(QObject):
    ticked = Signal(bool)

app = QApplication([])
label = QLabel()
ticker = Ticker()
ticker.ticked.connect(lambda _shown: None)
for n in range(50_000):
    label.setText(str(n % 2))
    ticker.ticked.emit(n % 2 == 0)
print("still here")
"""


def test_fifty_thousand_qt_calls_and_signals_leave_python_running() -> None:
    result = subprocess.run(
        [sys.executable, "-c", MANY_CALLS], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "still here"


def test_the_guard_is_for_the_one_release_on_python_3_11_only() -> None:
    assert pyside_guard.needed("6.12.0") == (sys.version_info < (3, 12))
    assert not pyside_guard.needed("6.11.3")
    assert not pyside_guard.needed("6.12.1")


def test_python_3_11_is_never_given_the_affected_release() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pyside = [
        Requirement(line)
        for line in project["project"]["dependencies"]
        if line.startswith("PySide6")
    ]
    on_311 = {"python_version": "3.11"}
    for_311 = [r for r in pyside if r.marker is None or r.marker.evaluate(on_311)]
    assert for_311
    for requirement in for_311:
        for version in pyside_guard.AFFECTED:
            assert not requirement.specifier.contains(version), requirement
