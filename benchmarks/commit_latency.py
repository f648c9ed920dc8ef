"""Commit latency of one minute entry through the core, against raw sqlite3.

The core's path is the whole of what Enter does in the minutes: read the typed
line for speakers, run the name guard, insert and commit. Both write to a
database file holding 10,000 entries, with the same pragmas
(WAL, synchronous=FULL), so the difference is what CoproDesk adds. The two take
turns in blocks of ``BLOCK`` commits, so both meet the same moods of the disk.
Targets: p50 at most 3x raw; p99 at most 2 ms.
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from coprodesk import paths
from coprodesk.core import minutes, roster, series
from coprodesk.core.db import Database, open_database
from coprodesk.core.models import utcnow
from coprodesk.core.nameguard import NameGuard

EXISTING = 10_000
PEOPLE = 30
SAMPLES = 1_000
BLOCK = 100
TEXT = "AB: the bus from the east side stops running at six, so evening sessions are hard."


def _prepared(folder: Path, name: str) -> tuple[Database, uuid.UUID]:
    database = open_database(folder / name)
    with database.transaction() as session:
        series_id = series.create_series(session, "Benchmark")
        workshop_id = series.create_workshop(session, series_id, "Ten thousand notes")
        for number in range(PEOPLE):
            roster.add_person(session, series_id, f"Person{number} Family{number}")
    with database.transaction() as session:
        for _ in range(EXISTING):
            minutes.add_entry(session, workshop_id, TEXT)
    return database, workshop_id


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def core_latencies(database: Database, workshop_id: uuid.UUID, count: int) -> list[float]:
    """As the minute-taker's Enter does it: read the line, guard names, insert, commit."""
    with database.reading() as session:
        guard = NameGuard.for_series(session, series.get_workshop(session, workshop_id).series_id)
    latencies = []
    for _ in range(count):
        started = time.perf_counter()
        minutes.record_line(database, workshop_id, TEXT, guard)
        latencies.append(time.perf_counter() - started)
    return latencies


def raw_connection(path: Path) -> sqlite3.Connection:
    """Plain sqlite3 on the same kind of file, kept open as the app keeps its own."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("PRAGMA foreign_keys=ON")
    return connection


RAW_INSERT = (
    "INSERT INTO minute_entry (id, workshop_id, position, kind, text, recorded_at, "
    "decided_by_group, sent_in_writing, read_back, created_at, updated_at) "
    "VALUES (?, ?, ?, 'note', ?, ?, 0, 0, '', ?, ?)"
)


def raw_latencies(
    connection: sqlite3.Connection, workshop_id: uuid.UUID, count: int
) -> list[float]:
    latencies = []
    position = connection.execute("SELECT max(position) FROM minute_entry").fetchone()[0]
    for _ in range(count):
        position += 1
        now = utcnow().isoformat(sep=" ")
        started = time.perf_counter()
        connection.execute("BEGIN")
        connection.execute(
            RAW_INSERT, (uuid.uuid4().hex, workshop_id.hex, position, TEXT, now, now, now)
        )
        connection.execute("COMMIT")
        latencies.append(time.perf_counter() - started)
    return latencies


def main() -> int:
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        paths.set_data_dir(folder)
        core_db, core_workshop = _prepared(folder, "core.db")
        raw_db, raw_workshop = _prepared(folder, "raw.db")
        raw_db.close()
        plain = raw_connection(raw_db.path)
        core: list[float] = []
        raw: list[float] = []
        for _ in range(SAMPLES // BLOCK):
            core += core_latencies(core_db, core_workshop, BLOCK)
            raw += raw_latencies(plain, raw_workshop, BLOCK)
        plain.close()
        core_db.close()
    core_p50, raw_p50 = statistics.median(core), statistics.median(raw)
    core_p99, raw_p99 = _percentile(core, 0.99), _percentile(raw, 0.99)
    ratio = core_p50 / raw_p50
    print(f"Commit one minute entry into a database of {EXISTING:,} entries ({SAMPLES} samples)")
    print(f"  raw sqlite3        p50 {raw_p50 * 1000:6.3f} ms   p99 {raw_p99 * 1000:6.3f} ms")
    print(f"  through the core   p50 {core_p50 * 1000:6.3f} ms   p99 {core_p99 * 1000:6.3f} ms")
    print(f"  p50 ratio {ratio:4.2f}x (target <= 3x)   {'PASS' if ratio <= 3 else 'MISS'}")
    verdict = "PASS" if core_p99 <= 0.002 else "MISS"
    print(f"  p99 {core_p99 * 1000:5.2f} ms (target <= 2 ms)   {verdict}")
    added = (core_p50 - raw_p50) * 1000, (core_p99 - raw_p99) * 1000
    print(f"  the core adds {added[0]:+.3f} ms at p50 and {added[1]:+.3f} ms at p99 to raw sqlite3")
    if raw_p99 > 0.002:
        print(f"  (raw sqlite3 alone has p99 {raw_p99 * 1000:.2f} ms on this disk: its fsync tail)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
