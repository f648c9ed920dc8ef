"""A guard against one PySide6 release's reference bug on Python 3.11.

PySide6 6.12.0 drops a reference to ``None`` on every call to a Qt method that
returns nothing, and one to ``True`` or ``False`` on every signal emitted from
Python. On Python 3.11, where these objects are not yet immortal, CPython then
aborts ("deallocating None") after a few thousand such calls: minutes into a
workshop. CoproDesk asks for another PySide6 on Python 3.11 (pyproject.toml);
if 6.12.0 is installed anyway, ``keep_python_alive`` gives the three objects a
store of references that is never given back, so their counts never reach zero.
"""

from __future__ import annotations

import sys

AFFECTED = frozenset({"6.12.0"})
SPARE = 1 << 40  # more than any session could ever drop
_kept = False


def needed(pyside_version: str) -> bool:
    """Whether this Python and this PySide6 together need the guard."""
    immortal = sys.version_info >= (3, 12)
    return not immortal and sys.implementation.name == "cpython" and pyside_version in AFFECTED


def keep_python_alive() -> bool:
    """Apply the guard once, if needed (before any window); whether it is in place."""
    global _kept
    import PySide6

    if not _kept and needed(PySide6.__version__):
        import ctypes  # only then: start-up does not pay for it

        for constant in (None, True, False):
            # CPython 3.11: the reference count is the object's first field.
            ctypes.c_ssize_t.from_address(id(constant)).value += SPARE
        _kept = True
    return _kept
