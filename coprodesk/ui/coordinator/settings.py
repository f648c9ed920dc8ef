"""The coordinator's settings on this laptop: the fair load warning level."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from coprodesk import paths
from coprodesk.core.fair_load import DEFAULT_RATIO, MAX_RATIO, MIN_RATIO

RATIO_KEY = "coordinator/fair_load_ratio"


def _settings() -> QSettings:
    return QSettings(str(paths.settings_path()), QSettings.Format.IniFormat)


def read_ratio() -> float:
    """How many times as often as most people counts as "far more" (a sensible default)."""
    value = _settings().value(RATIO_KEY, DEFAULT_RATIO)
    try:
        ratio = float(str(value))
    except ValueError:
        return DEFAULT_RATIO
    return ratio if MIN_RATIO <= ratio <= MAX_RATIO else DEFAULT_RATIO


def save_ratio(ratio: float) -> bool:
    settings = _settings()
    settings.setValue(RATIO_KEY, ratio)
    settings.sync()
    return settings.status() == QSettings.Status.NoError
