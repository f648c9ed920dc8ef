"""Export and import of a long workshop (2,000 minute entries) as a bundle.

Target: well under a second each way.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from coprodesk import paths
from coprodesk.core import minutes, roster
from coprodesk.core.bundle import import_bundle, read_bundle, write_bundle
from coprodesk.core.db import open_database
from coprodesk.core.demo import create_demo_series
from coprodesk.core.series import list_series

ENTRIES = 2_000
ROUNDS = 5
TARGET_SECONDS = 1.0


def main() -> int:
    exports, imports = [], []
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        paths.set_data_dir(folder)
        source = open_database(folder / "source.db")
        with source.transaction() as session:
            series_id = create_demo_series(session)
            workshop_id = list_series(session)[0].workshops[1].id
            people = [person.id for person in roster.people(session, series_id)]
            for number in range(ENTRIES):
                minutes.add_entry(
                    session,
                    workshop_id,
                    f"Point {number}: the evening opening needs two more volunteers.",
                    speakers=[people[number % len(people)]],
                )
        bundle = folder / "long.json"
        for round_number in range(ROUNDS):
            started = time.perf_counter()
            with source.reading() as session:
                write_bundle(session, workshop_id, bundle)
            exports.append(time.perf_counter() - started)
            target = open_database(folder / f"target-{round_number}.db")
            started = time.perf_counter()
            with target.transaction() as session:
                import_bundle(session, read_bundle(bundle))
            imports.append(time.perf_counter() - started)
            target.close()
        source.close()
        size = bundle.stat().st_size
    print(
        f"A workshop of {ENTRIES:,} entries as a bundle ({size / 1e6:.1f} MB), median of {ROUNDS}"
    )
    for label, samples in (("export", exports), ("import", imports)):
        median = statistics.median(samples)
        verdict = "PASS" if median < TARGET_SECONDS else "MISS"
        print(f"  {label}  {median:5.2f} s (target < {TARGET_SECONDS:.0f} s)   {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
