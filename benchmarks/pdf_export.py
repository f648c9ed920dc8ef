"""PDF export speed, and the window staying responsive while an export runs.

- minutes: a 100-page minutes document laid out by CoproDesk's builder (page X of Y,
  bookmarks, tables, embedded fonts) against plain ReportLab laying out the same
  paragraphs with the same font and styles and nothing else. Median of 3.
  Target: CoproDesk at most 1.5 times plain ReportLab.
- series report: a series of 52 workshops (8 people, 24 minute entries and 4 actions
  each, agendas, a group agreement) read from a real database and written to a
  PDF file, end to end. Target: at most 10 s.
- responsiveness: the same series report exported through the app's export dialog
  (data read on the database worker, layout on its own thread) while a 10 ms Qt timer
  ticks on the UI thread; the longest gap between ticks. Target: at most 100 ms.

    python benchmarks/pdf_export.py
"""

from __future__ import annotations

import asyncio
import io
import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MINUTES_RATIO_TARGET = 1.5
SERIES_TARGET_S = 10.0
GAP_TARGET_MS = 100.0
WORKSHOPS = 52
TEXTS = (
    "The 42 bus is late every Monday.",
    "Evenings matter for people in work or on day programmes, and the last bus leaves "
    "before the drop-in closes, so people walk home in the dark along the river path.",
    "Ask the council who staffs the evening, and what it would cost to open until eight.",
    "Agreed & noted <for now>.",
)
INITIALS = ("AR", "MJO", "ŁŻ", "ΑΠ", "ZØ", "AC", "WM", "SO")


def _minutes_data(entries: int) -> object:
    from coprodesk.core import report_data as rd

    def entry(number: int) -> rd.EntryData:
        return rd.EntryData(
            kind="Decision" if number % 9 == 0 else "Note",
            text=f"{number}. {TEXTS[number % len(TEXTS)]}",
            speakers=(INITIALS[number % 8],) if number % 3 else (),
            decided_by_group=number % 9 == 0,
            sent_in_writing=number % 17 == 0,
            agreement_point=None,
        )

    per_item = entries // 10
    sections = tuple(
        rd.AgendaSection(
            f"Item {item + 1}",
            20,
            False,
            "",
            tuple(entry(item * per_item + n) for n in range(per_item)),
        )
        for item in range(10)
    )
    action = rd.ActionData(
        ("AR", "WM"), TEXTS[2], date(2026, 5, 1), "Not started", "SO", "", "Workshop", None
    )
    return rd.MinutesData(
        heading=rd.WorkshopHeading(
            "Riverside drop-in", "A long workshop", datetime(2026, 4, 1, 10), "Oak Hall", ""
        ),
        attendance=rd.AttendanceData(INITIALS[:6], INITIALS[6:7], INITIALS[7:]),
        agreement=rd.AgreementData(
            1, tuple(rd.StatementData(n, TEXTS[n % 4], 6, 0) for n in range(1, 7))
        ),
        sections=sections,
        concerns=(),
        actions=(action,) * 20,
        reviewed=(),
    )


def _plain_reportlab(data: object, out: io.BytesIO) -> None:
    """The same paragraphs, same font and styles, with plain ReportLab and nothing else."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from coprodesk.export import minutes as builder
    from coprodesk.export.pdf_common import MARGIN, base_size, styles, text

    st = styles(base_size(False))
    story = []
    for flowable in builder.minutes_story(data, st):  # type: ignore[arg-type]
        if isinstance(flowable, Paragraph):
            story.append(Paragraph(flowable.text, flowable.style))
        elif hasattr(flowable, "_cellvalues"):  # a table: its cells as paragraphs
            for row in flowable._cellvalues:
                story.append(Paragraph(text(" | ".join(c.text for c in row)), st.cell))
    SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
    ).build(story)


def _median_seconds(run: object, repeats: int = 3) -> tuple[float, float]:
    """Median wall-clock and CPU seconds (CPU shows the cost when others share the cores)."""
    wall, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()  # type: ignore[operator]
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def minutes_figures() -> None:
    from pypdf import PdfReader

    from coprodesk.export.minutes import minutes_layout
    from coprodesk.export.pdf_common import build_pdf

    data = _minutes_data(2_240)

    def build_minutes(out: io.BytesIO) -> None:
        build_pdf(minutes_layout(data), out)  # type: ignore[arg-type]

    probe = io.BytesIO()
    build_minutes(probe)  # also warms the fonts up
    pages = len(PdfReader(io.BytesIO(probe.getvalue())).pages)
    ours, ours_cpu = _median_seconds(lambda: build_minutes(io.BytesIO()))
    plain, plain_cpu = _median_seconds(lambda: _plain_reportlab(data, io.BytesIO()))
    ratio = ours_cpu / plain_cpu
    verdict = "ok" if ratio <= MINUTES_RATIO_TARGET else "OVER TARGET"
    print(
        f"minutes, {pages} pages: CoproDesk {ours:.2f} s ({ours_cpu:.2f} s CPU), plain "
        f"ReportLab {plain:.2f} s ({plain_cpu:.2f} s CPU), ratio of CPU times {ratio:.2f} "
        f"(target <= {MINUTES_RATIO_TARGET}) {verdict}"
    )


def _fill_series(folder: Path) -> uuid.UUID:
    from sqlalchemy.orm import Session

    from coprodesk import paths
    from coprodesk.core.db import open_database
    from coprodesk.core.models import (
        Action,
        ActionOwner,
        ActionStatus,
        AgendaItem,
        AgreementStatement,
        AgreementVersion,
        Attendance,
        AttendanceStatus,
        EntryKind,
        EntrySpeaker,
        MinuteEntry,
        Participant,
        Series,
        Workshop,
        WorkshopStatus,
    )

    paths.set_data_dir(folder)
    database = open_database()
    names = (
        "Aisha Rahman",
        "Mary-Jane O'Neil",
        "Łukasz Żółć",
        "Αλέξης Παππάς",
        "Zoë Ødegaard",
        "Ana de la Cruz",
        "Will Mensah",
        "Sam Okafor",
    )
    with database.transaction() as session:
        assert isinstance(session, Session)
        series = Series(title="A year of the drop-in", purpose="Shape it together.")
        session.add(series)
        session.flush()
        people = []
        for name, initials in zip(names, INITIALS, strict=True):
            person = Participant(series_id=series.id, name=name, initials=initials)
            session.add(person)
            people.append(person)
        session.flush()
        version = AgreementVersion(series_id=series.id, number=1)
        session.add(version)
        session.flush()
        for n in range(6):
            session.add(AgreementStatement(version_id=version.id, position=n, text=TEXTS[n % 4]))
        previous: list[Action] = []
        for week in range(WORKSHOPS):
            workshop = Workshop(
                series_id=series.id,
                title=f"Week {week + 1}",
                starts_at=datetime(2026, 1, 5, 10) + timedelta(weeks=week),
                venue="Oak Hall",
                status=WorkshopStatus.CLOSED,
            )
            session.add(workshop)
            session.flush()
            for index, person in enumerate(people):
                session.add(
                    Attendance(
                        workshop_id=workshop.id,
                        participant_id=person.id,
                        status=AttendanceStatus.PRESENT
                        if index < 6
                        else AttendanceStatus.APOLOGIES,
                    )
                )
            items = [
                AgendaItem(workshop_id=workshop.id, position=n, title=f"Item {n + 1}")
                for n in range(4)
            ]
            session.add_all(items)
            session.flush()
            for n in range(24):
                entry = MinuteEntry(
                    workshop_id=workshop.id,
                    agenda_item_id=items[n % 4].id,
                    position=n,
                    kind=EntryKind.DECISION if n % 8 == 0 else EntryKind.NOTE,
                    text=f"{TEXTS[n % 4]} {names[n % 8]} said so.",
                )
                entry.speakers = [EntrySpeaker(participant_id=people[n % 8].id)]
                session.add(entry)
            for action in previous:
                action.reviewed_in_id = workshop.id
                action.status = ActionStatus.DONE
                action.outcome_note = "Done and reported back."
            previous = []
            for n in range(4):
                action = Action(
                    raised_in_id=workshop.id,
                    text=TEXTS[(n + 1) % 4],
                    target_date=date(2026, 1, 12) + timedelta(weeks=week),
                    support_buddy_id=people[(n + 3) % 8].id,
                    owners=[ActionOwner(participant_id=people[(n + week) % 8].id)],
                )
                session.add(action)
                previous.append(action)
            session.flush()
        series_id = series.id
    database.close()
    return series_id


def series_figures(series_id: uuid.UUID, folder: Path) -> None:
    from pypdf import PdfReader

    from coprodesk.core.db import open_database
    from coprodesk.export.documents import ExportRequest, read_document, save_document

    target = folder / "series.pdf"
    request = ExportRequest("series", series_id)
    start, start_cpu = time.perf_counter(), time.process_time()
    database = open_database()
    try:
        with database.reading() as session:
            data = read_document(session, request)
    finally:
        database.close()
    read = time.perf_counter() - start
    save_document(request, data, target)
    total, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    pages = len(PdfReader(target).pages)
    verdict = "ok" if total <= SERIES_TARGET_S else "OVER TARGET"
    print(
        f"series report, {WORKSHOPS} workshops, {pages} pages: {total:.2f} s "
        f"({cpu:.2f} s CPU; reading {read:.2f} s) (target <= {SERIES_TARGET_S:.0f} s) {verdict}"
    )


def responsiveness_figures(series_id: uuid.UUID, folder: Path) -> None:
    import qasync
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from coprodesk.ui import export_dialog
    from coprodesk.ui.pyside_guard import keep_python_alive
    from coprodesk.ui.tasks import DbRunner, TaskKeeper

    keep_python_alive()
    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    target = folder / "from-the-app.pdf"
    export_dialog.choose_path = lambda _parent, _suggested: target  # type: ignore[assignment]
    gaps: list[float] = []

    async def run() -> float:
        parent = QWidget()
        runner = DbRunner()
        tasks = TaskKeeper(parent)
        await runner.open()
        dialog = export_dialog.ExportDialog(
            parent,
            runner,
            tasks.start,
            series_id=series_id,
            series_title="A year",
            workshop_id=None,
            kind="series",
        )
        dialog.show()
        done = asyncio.Event()
        dialog.exported.connect(lambda _path: done.set())
        last = time.perf_counter()

        def tick() -> None:
            nonlocal last
            now = time.perf_counter()
            gaps.append(now - last)
            if os.environ.get("PDF_BENCH_DEBUG") and now - last > 0.05:
                print(f"  gap {1000 * (now - last):.0f} ms at {now - start:.2f} s")
            last = now

        timer = QTimer(interval=10)
        timer.timeout.connect(tick)
        await asyncio.sleep(0.05)
        last = time.perf_counter()
        timer.start()
        start = time.perf_counter()
        dialog.start_export()
        await done.wait()
        took = time.perf_counter() - start
        timer.stop()
        while tasks.busy:
            await asyncio.sleep(0.01)
        runner.close()
        parent.deleteLater()
        return took

    with loop:
        took = loop.run_until_complete(run())
    worst = max(gaps) * 1000
    typical = statistics.median(gaps) * 1000
    verdict = "ok" if worst <= GAP_TARGET_MS else "OVER TARGET"
    print(
        f"window during a {took:.1f} s export from the app: {len(gaps)} ticks of a 10 ms timer, "
        f"median gap {typical:.0f} ms, longest {worst:.0f} ms "
        f"(target <= {GAP_TARGET_MS:.0f} ms) {verdict}"
    )


def main() -> None:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    print(f"(load average {load:.1f} on {os.cpu_count()} cores: wall times grow with it)")
    minutes_figures()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        series_id = _fill_series(folder)
        series_figures(series_id, folder)
        responsiveness_figures(series_id, folder)
        from coprodesk import paths

        paths.set_data_dir(None)


if __name__ == "__main__":
    main()
