"""Run every CoproDesk benchmark and print its figures: python benchmarks/run.py"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

BENCHMARKS = (
    "launch",
    "commit_latency",
    "nameguard",
    "bundle",
    "minutes_view",
    "agreement",
    "pdf_export",
)


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    for name in BENCHMARKS:
        print(f"== {name.replace('_', ' ')} ==")
        importlib.import_module(name).main()
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
