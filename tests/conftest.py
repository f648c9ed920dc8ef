"""Shared fixtures: every test gets its own data folder, never the user's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from coprodesk import paths
from coprodesk.core.db import Database, open_database

# Tests never open real windows, with or without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point every CoproDesk path at a fresh temporary folder."""
    folder = tmp_path / "data"
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    paths.set_data_dir(folder)
    yield folder
    paths.set_data_dir(None)


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = open_database()
    yield database
    database.close()
