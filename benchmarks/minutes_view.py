"""The minutes list at 2,000 entries: adding one entry, and scrolling, offscreen.

The minutes view (``MinutesView`` with its delegate and ``MinutesModel``) is
filled with 2,000 entries of mixed length under three agenda items, in a window
the size of a small laptop screen at 100 % text. Then:

- insert: one new entry is appended to the model, scrolled into view and the
  list painted (what the screen does after Enter, once the entry is stored),
  100 times; median and worst;
- scroll: the list is scrolled from the first entry to the last, one entry a
  step, each step painted; the worst step.

Target: no step over 50 ms. The database is not involved (see commit_latency).

    python benchmarks/minutes_view.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ENTRIES = 2_000
INSERTS = 100
TARGET_MS = 50.0
TEXTS = (
    "The 42 bus is late every Monday.",
    "Evenings matter for people in work or on day programmes, and the last bus leaves "
    "before the drop-in closes, so people walk home in the dark along the river path.",
    "Ask the council who staffs the evening, and what it would cost to open until eight.",
    "Agreed.",
)
SPEAKERS = (("AR",), ("MJO", "WM"), (), ("ŁŻ",))


def _entries(count: int, items: list[uuid.UUID]) -> list[object]:
    from coprodesk.core.enums import EntryKind
    from coprodesk.core.minutes import EntryView

    start = datetime(2026, 10, 12, 9, 0)
    kinds = (EntryKind.NOTE, EntryKind.NOTE, EntryKind.DECISION, EntryKind.QUESTION)
    return [
        EntryView(
            id=uuid.uuid4(),
            position=number + 1,
            kind=kinds[number % len(kinds)],
            text=f"{TEXTS[number % len(TEXTS)]} ({number})",
            speakers=SPEAKERS[number % len(SPEAKERS)],
            agenda_item_id=items[number * len(items) // max(count, 1)],
            recorded_at=start + timedelta(seconds=20 * number),
            decided_by_group=number % 8 == 2,
            sent_in_writing=number % 13 == 0,
            read_back="agreed" if number % 5 == 0 else "",
            agreement_point=None,
        )
        for number in range(count)
    ]


def _ms(seconds: float) -> float:
    return seconds * 1000


def main() -> int:
    from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

    from coprodesk.ui.minutes.model import MinutesModel
    from coprodesk.ui.minutes.view import MinutesView
    from coprodesk.ui.palette import GRID, apply_look
    from coprodesk.ui.pyside_guard import keep_python_alive

    keep_python_alive()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_look(app, 1.0)

    from PySide6.QtCore import QStringListModel

    items = [uuid.uuid4() for _ in range(3)]
    titles = dict(zip(items, ("What came of our actions", "Opening hours", "Close"), strict=True))
    entries = _entries(ENTRIES + INSERTS, items)
    model = MinutesModel()
    view = MinutesView(model, QStringListModel())
    window = QWidget()
    QVBoxLayout(window).addWidget(view)
    window.resize(GRID * 110, GRID * 85)
    window.show()
    app.processEvents()

    started = time.perf_counter()
    model.set_entries(entries[:ENTRIES], titles)  # type: ignore[arg-type]
    view.scrollTo(model.index(ENTRIES - 1), MinutesView.ScrollHint.PositionAtBottom)
    view.viewport().repaint()
    app.processEvents()
    loaded = time.perf_counter() - started

    inserts = []
    for entry in entries[ENTRIES:]:
        started = time.perf_counter()
        row = model.append(entry)  # type: ignore[arg-type]
        view.scrollTo(model.index(row), MinutesView.ScrollHint.PositionAtBottom)
        view.viewport().repaint()
        app.processEvents()
        inserts.append(time.perf_counter() - started)

    view.scrollToTop()
    app.processEvents()
    steps = []
    for row in range(model.rowCount()):
        started = time.perf_counter()
        view.scrollTo(model.index(row), MinutesView.ScrollHint.PositionAtTop)
        view.viewport().repaint()
        app.processEvents()
        steps.append(time.perf_counter() - started)
    window.close()

    worst_insert, worst_step = max(inserts), max(steps)
    print(f"Minutes list with {ENTRIES:,} entries, offscreen at 100 % text")
    print(f"  first load and paint            {_ms(loaded):7.1f} ms")
    print(
        f"  insert one entry and show it    median {_ms(statistics.median(inserts)):5.1f} ms"
        f"   worst {_ms(worst_insert):5.1f} ms ({INSERTS} inserts)"
    )
    print(
        f"  scroll one entry a step         median {_ms(statistics.median(steps)):5.1f} ms"
        f"   worst {_ms(worst_step):5.1f} ms ({len(steps):,} steps)"
    )
    verdict = "PASS" if max(worst_insert, worst_step) * 1000 <= TARGET_MS else "MISS"
    print(f"  no step over {TARGET_MS:.0f} ms   {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
