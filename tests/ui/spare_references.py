"""A stopgap for PySide6 6.12.0 on Python 3.11: keep None, True and False alive.

That PySide6 drops a reference to ``None`` on every call to a Qt method that
returns nothing, and to ``True`` on every signal emitted from Python (6.11.3
does not; from Python 3.12 these objects are immortal). A test session makes
enough such calls for Python to abort at exit ("deallocating None" or "True or
False"), failing the run after every test passed. References that are never
released prevent it. Remove once PySide6 is pinned below 6.12 or fixed.
"""

from __future__ import annotations

import sys

SPARE = 1_000_000
_kept = False


def keep_spare_references() -> None:
    global _kept
    if _kept or sys.version_info >= (3, 12):
        return
    import ctypes

    keep = ctypes.pythonapi.Py_IncRef
    keep.argtypes = [ctypes.py_object]
    for constant in (None, True, False):
        for _ in range(SPARE):
            keep(constant)
    _kept = True
