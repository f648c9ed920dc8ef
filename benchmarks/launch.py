"""Launch time of CoproDesk's window, against a bare PySide6 window.

Each run is a fresh process (QT_QPA_PLATFORM=offscreen), timed from just
before the process starts to (a) the window's first paint and (b) the series
list filled from a data folder holding the demo series. Peak memory
(ru_maxrss) is read at that moment. Runs alternate between the three kinds,
after one untimed warm-up of each, and the median is reported.
Targets: first paint at most 1.3x the bare window; series listed at most 2.5x.

    python benchmarks/launch.py [--runs N] [--strict]

``--strict`` exits with 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAINT_TARGET = 1.3
LOADED_TARGET = 2.5

# Each child prints "<seconds since T0> <peak memory in KiB>" once, then closes its window.
_REPORT = """
def report():
    seconds = time.time() - T0
    try:
        import resource
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    except ImportError:
        peak = 0
    print(f"{seconds:.6f} {peak}", flush=True)
"""

BARE_CHILD = (
    "import sys, time\n"
    "T0 = float(sys.argv[1])\n"
    + _REPORT
    + """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Window(QMainWindow):
    painted = False

    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            report()
            QTimer.singleShot(0, self.close)

app = QApplication(sys.argv[:1])
window = Window()
window.resize(1000, 600)
window.show()
sys.exit(app.exec())
"""
)

APP_CHILD = (
    "import sys, time\n"
    "T0 = float(sys.argv[1])\n"
    + _REPORT
    + """
from coprodesk.ui.app import LaunchOptions, run

def on_window(window):
    from PySide6.QtCore import QTimer

    signal = window.first_painted if sys.argv[2] == "paint" else window.series_loaded

    def done():
        report()
        QTimer.singleShot(0, window.close)

    signal.connect(done)

sys.exit(run(LaunchOptions(), on_window=on_window))
"""
)


@dataclass(frozen=True)
class Sample:
    seconds: float
    peak_kib: int


def _child_env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["COPRODESK_DATA_DIR"] = str(data_dir)
    env.pop("PYTHONSTARTUP", None)
    return env


def _launch(code: str, extra: Sequence[str], env: dict[str, str]) -> Sample:
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-c", code, repr(started), *extra],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    lines = result.stdout.split()
    if result.returncode != 0 or len(lines) < 2:
        raise RuntimeError(f"a launch failed ({result.returncode}): {result.stderr.strip()}")
    return Sample(float(lines[0]), int(lines[1]))


def _prepare_demo_folder(folder: Path) -> None:
    """Fill ``folder`` with the demo series, in a separate process to keep this one light."""
    code = (
        "from coprodesk.core.db import open_database\n"
        "from coprodesk.core.demo import create_demo_series\n"
        "database = open_database()\n"
        "with database.transaction() as session:\n"
        "    create_demo_series(session)\n"
        "database.close()\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=_child_env(folder), check=True)


def measure(runs: int) -> dict[str, list[Sample]]:
    kinds = {
        "bare": (BARE_CHILD, ()),
        "paint": (APP_CHILD, ("paint",)),
        "loaded": (APP_CHILD, ("loaded",)),
    }
    samples: dict[str, list[Sample]] = {kind: [] for kind in kinds}
    with tempfile.TemporaryDirectory(prefix="coprodesk-bench-") as folder:
        data_dir = Path(folder)
        _prepare_demo_folder(data_dir)
        env = _child_env(data_dir)
        for code, extra in kinds.values():
            _launch(code, extra, env)  # Warm-up: file caches, bytecode.
        for _ in range(runs):
            for kind, (code, extra) in kinds.items():
                samples[kind].append(_launch(code, extra, env))
    return samples


def _median_ms(samples: list[Sample]) -> float:
    return statistics.median(sample.seconds for sample in samples) * 1000


def _peak_mib(samples: list[Sample]) -> float:
    return max(sample.peak_kib for sample in samples) / 1024


def report(samples: dict[str, list[Sample]], runs: int) -> bool:
    """Print the table; return True when both targets are met."""
    bare = _median_ms(samples["bare"])
    rows = [
        ("Bare PySide6 window, first paint", "bare", None),
        ("CoproDesk, first paint", "paint", PAINT_TARGET),
        ("CoproDesk, series listed (demo data)", "loaded", LOADED_TARGET),
    ]
    print(f"Launch to window, median of {runs} fresh processes (offscreen)")
    print(f"{'':38} {'time':>8} {'peak mem':>9} {'vs bare':>8} {'target':>8}  result")
    all_met = True
    for label, kind, target in rows:
        median = _median_ms(samples[kind])
        memory = f"{_peak_mib(samples[kind]):.0f} MiB" if samples[kind][0].peak_kib else "n/a"
        line = f"{label:38} {median:6.0f} ms {memory:>9}"
        if target is not None:
            ratio = median / bare
            met = ratio <= target
            all_met = all_met and met
            line += f" {ratio:7.2f}x {'≤ ' + str(target) + 'x':>8}  {'PASS' if met else 'MISS'}"
        print(line)
    return all_met


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each kind (≥ 5)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args([] if argv is None else list(argv))
    runs = max(args.runs, 5)
    met = report(measure(runs), runs)
    return 1 if args.strict and not met else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
