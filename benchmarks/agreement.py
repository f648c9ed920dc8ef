"""The group agreement with a full room: reading it, one answer, and a change that makes
a new version.

A series of 30 invented people, all present, with the 13 statements of the starter
set, everyone having agreed to all of them (390 answers). Timed, each in its own
transaction on a real database in a temporary folder, as the live window does it:

- read: the agreement as the facilitator's screen shows it, 50 times;
- answer: one person's answer to one statement, then the read, 50 times;
- new version: changing one statement's words once everyone has agreed (which
  copies the 13 statements and the answers to a new version), then the read, 10 times.

Targets (medians): reading and answering under 100 ms, so the screen keeps up with the
room; a new version, which happens a few times a workshop at most, under 300 ms.

    python benchmarks/agreement.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy.orm import Session  # noqa: E402

from coprodesk import paths  # noqa: E402
from coprodesk.core import agreements, attendance, roster, series  # noqa: E402
from coprodesk.core.db import Database, open_database  # noqa: E402
from coprodesk.core.models import AttendanceStatus, ConsentStatus  # noqa: E402

PEOPLE = 30
TARGET_MS = 100.0
NEW_VERSION_TARGET_MS = 300.0


def _timed(database: Database, work: Callable[[Session], object], times: int) -> list[float]:
    spent = []
    for _ in range(times):
        start = time.perf_counter()
        with database.transaction() as session:
            work(session)
        spent.append((time.perf_counter() - start) * 1000)
    return spent


def main() -> None:
    paths.set_data_dir(Path(tempfile.mkdtemp(prefix="coprodesk-bench-")))
    database = open_database()
    with database.transaction() as session:
        series_id = series.create_series(session, "Benchmark")
        workshop_id = series.create_workshop(session, series_id, "Full room")
        people = [
            roster.add_person(session, series_id, f"Person {n} Benchmark") for n in range(PEOPLE)
        ]
        for person in people:
            attendance.set_status(session, workshop_id, person, AttendanceStatus.PRESENT)
        agreements.start_from_starter_set(session, workshop_id)
        for person in people:
            agreements.agree_to_all(session, workshop_id, person)

    def read(session: Session) -> agreements.AgreementView:
        return agreements.agreement_view(session, workshop_id)

    def answer(session: Session) -> None:
        statement = read(session).statements[4].id
        agreements.record_answer(session, workshop_id, statement, people[0], ConsentStatus.AGREED)
        read(session)

    words = iter(f"We start on time, try {n}." for n in range(1_000))

    def change(session: Session) -> None:
        statement = read(session).statements[0].id
        agreements.edit_statement(session, workshop_id, statement, next(words))
        read(session)

    def everyone_agrees(session: Session) -> None:
        for person in people:
            agreements.agree_to_all(session, workshop_id, person)

    changes = []
    for _ in range(10):  # Untimed: everyone agrees again, so the next change is a new version.
        changes += _timed(database, change, 1)
        _timed(database, everyone_agrees, 1)
    figures = {
        "read": _timed(database, read, 50),
        "answer": _timed(database, answer, 50),
        "new version": changes,
    }
    for name, spent in figures.items():
        median = statistics.median(spent)
        target = NEW_VERSION_TARGET_MS if name == "new version" else TARGET_MS
        verdict = "ok" if median < target else "OVER TARGET"
        print(
            f"{name}: median {median:.1f} ms, worst {max(spent):.1f} ms "
            f"(target {target:.0f} ms: {verdict})"
        )
    database.close()


if __name__ == "__main__":
    main()
