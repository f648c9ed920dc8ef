"""This laptop's settings for CoproDesk (for now, the text size).

They live in an INI file beside the data (``paths.settings_path()``), read with
``QSettings``, which is cheap enough to read before the window first paints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from coprodesk import paths
from coprodesk.ui.palette import TEXT_SIZES

if TYPE_CHECKING:
    from pathlib import Path

DEFAULT_TEXT_SIZE = 100
TEXT_SIZE_KEY = "view/text_size_percent"


def _settings(path: Path | None = None) -> QSettings:
    return QSettings(str(path or paths.settings_path()), QSettings.Format.IniFormat)


def nearest_text_size(percent: float) -> int:
    """The offered text size closest to ``percent``."""
    return min(TEXT_SIZES, key=lambda size: abs(size - percent))


def read_text_size(path: Path | None = None) -> int:
    """The stored text size in percent; 100 when none is stored or it cannot be read.

    ``path``: the settings file, when not the one in the data folder now (the demo
    reads this laptop's own file, not its throwaway folder's).
    """
    value = _settings(path).value(TEXT_SIZE_KEY, DEFAULT_TEXT_SIZE)
    try:
        return nearest_text_size(float(str(value)))
    except ValueError:
        return DEFAULT_TEXT_SIZE


def save_text_size(percent: int) -> bool:
    """Remember ``percent`` for the next start; False if the file could not be written."""
    settings = _settings()
    settings.setValue(TEXT_SIZE_KEY, nearest_text_size(percent))
    settings.sync()
    return settings.status() == QSettings.Status.NoError
