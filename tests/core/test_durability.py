"""Durability seen from outside: kill a writer mid-stream and count what survived."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from coprodesk.core import series
from coprodesk.core.db import Database
from coprodesk.core.models import MinuteEntry

KILLS = 20

# The writer commits entries through the core as fast as it can, in turn through
# a session and the way a typed line goes (straight to SQLite), and reports each
# id only once its commit has returned.
WRITER = """
import sys, uuid
from pathlib import Path
from coprodesk.core import minutes
from coprodesk.core.db import open_database
from coprodesk.core.nameguard import NameGuard

database = open_database(Path(sys.argv[1]))
workshop_id = uuid.UUID(sys.argv[2])
guard = NameGuard(())
print("ready", flush=True)
while True:
    with database.transaction() as session:
        entry_id = minutes.add_entry(session, workshop_id, "Noted in the room, word for word.")
    print(entry_id, flush=True)
    recorded = minutes.record_line(database, workshop_id, "Typed live, word for word.", guard)
    print(recorded.entry_id, flush=True)
"""


@pytest.mark.slow
def test_every_reported_entry_survives_sigkill(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        series_id = series.create_series(session, "Kept safe")
        workshop_id = series.create_workshop(session, series_id, "Killed often")
    db.close()

    rng = random.Random(20261123)
    reported: set[uuid.UUID] = set()
    for _ in range(KILLS):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db.path), str(workshop_id)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.01, 0.25))
        os.kill(writer.pid, signal.SIGKILL)
        output = writer.stdout.read()
        writer.wait()
        writer.stdout.close()
        assert writer.returncode == -signal.SIGKILL
        # A line cut off by the kill has no newline and was never fully reported.
        complete = output.split("\n")[:-1]
        reported.update(uuid.UUID(line) for line in complete)

    assert len(reported) > KILLS  # the writers really wrote
    from coprodesk.core.db import open_database

    reopened = open_database(db.path)
    try:
        assert reopened.integrity_ok()
        with reopened.reading() as session:
            stored = dict(session.execute(select(MinuteEntry.id, MinuteEntry.text)).all())
    finally:
        reopened.close()
    assert reported <= stored.keys()
    assert {stored[entry_id].split()[0] for entry_id in reported} == {"Noted", "Typed"}
