"""The one place that knows where CoproDesk keeps things.

Data (the database, its backups and the lock) lives in one data folder: the
platform's user data folder unless ``--data-dir`` or ``COPRODESK_DATA_DIR``
names another. Logs go to the platform's log folder, or ``logs/`` inside an
overridden data folder so that tests and demos leave nothing behind.
Resources (fonts, statements, prompts) ship beside the code, or inside the
bundle when frozen (a PyInstaller build: ``sys.frozen`` is set and
``sys._MEIPASS`` names the unpacked bundle). Data is never kept inside the
bundle, so upgrading or removing the app never touches a workshop.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "CoproDesk"
DATA_DIR_ENV = "COPRODESK_DATA_DIR"
DATABASE_NAME = "coprodesk.db"
LOCK_NAME = "coprodesk.lock"

_data_dir_override: Path | None = None


def set_data_dir(path: Path | str | None) -> None:
    """Point every data path at ``path`` (``None`` goes back to the default)."""
    global _data_dir_override
    _data_dir_override = Path(path).expanduser().resolve() if path is not None else None


def data_dir_override() -> Path | None:
    """The folder given to ``set_data_dir``, if any, so that it can be put back."""
    return _data_dir_override


def _overridden_data_dir() -> Path | None:
    if _data_dir_override is not None:
        return _data_dir_override
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser().resolve()
    return None


def data_dir() -> Path:
    overridden = _overridden_data_dir()
    if overridden is not None:
        return overridden
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path() -> Path:
    return data_dir() / DATABASE_NAME


def lock_path() -> Path:
    return data_dir() / LOCK_NAME


def settings_path() -> Path:
    """This laptop's settings for the app (text size and the like), beside the data."""
    return data_dir() / "settings.ini"


def backups_dir() -> Path:
    return data_dir() / "backups"


def log_dir() -> Path:
    overridden = _overridden_data_dir()
    if overridden is not None:
        return overridden / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def log_path() -> Path:
    return log_dir() / "coprodesk.log"


def is_frozen() -> bool:
    """True inside a standalone bundle built by PyInstaller (see packaging/)."""
    return bool(getattr(sys, "frozen", False)) or hasattr(sys, "_MEIPASS")


def bundle_dir() -> Path | None:
    """The folder the bundle unpacked its files into, or ``None`` when not frozen."""
    if not is_frozen():
        return None
    unpacked = getattr(sys, "_MEIPASS", None)
    if unpacked is not None:
        return Path(unpacked)
    return Path(sys.executable).resolve().parent


def resources_dir() -> Path:
    """Shipped data files: inside a frozen bundle, the wheel, or the source tree."""
    bundle = bundle_dir()
    if bundle is not None:
        return bundle / "resources"
    package_dir = Path(__file__).resolve().parent
    installed = package_dir / "_resources"
    if installed.is_dir():
        return installed
    return package_dir.parent / "resources"


def migrations_dir() -> Path:
    """Alembic's scripts, which it reads as files (the bundle carries them as data)."""
    bundle = bundle_dir()
    if bundle is not None:
        return bundle / "coprodesk" / "core" / "migrations"
    return Path(__file__).resolve().parent / "core" / "migrations"


def ensure_data_dir() -> Path:
    path = data_dir()
    path.mkdir(parents=True, exist_ok=True)
    return path
