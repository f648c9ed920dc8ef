"""Files only this account can read: the data folder 0700, what is written in it 0600.

CoproDesk holds sensitive personal data, so nothing it writes may be readable by
other accounts on a shared laptop, whatever the umask. On Windows the user's own
folders already keep other accounts out, and POSIX modes mean little there.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600
_POSIX = os.name == "posix"


def private_folder(folder: Path) -> Path:
    """Make ``folder`` (and missing parents) and keep it to this account."""
    folder.mkdir(parents=True, exist_ok=True)
    if _POSIX:
        folder.chmod(PRIVATE_FOLDER)
    return folder


def make_private(path: Path) -> None:
    """Keep an existing file to this account; a missing file is left alone."""
    if _POSIX:
        with contextlib.suppress(FileNotFoundError):
            path.chmod(PRIVATE_FILE)


def private_umask() -> None:
    """From now on, files and folders this process makes are private from birth."""
    if _POSIX:
        os.umask(0o077)
