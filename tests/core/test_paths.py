"""Where things are found: from source, installed, and inside a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from coprodesk import paths

SOURCE_ROOT = Path(paths.__file__).resolve().parent.parent


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pretend to run from a PyInstaller bundle unpacked in ``bundle/_internal``."""
    unpacked = tmp_path / "bundle" / "_internal"
    unpacked.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(unpacked), raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "bundle" / "coprodesk"))
    return unpacked


@pytest.fixture
def default_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    """No --data-dir and no environment variable: the platform's user data folder."""
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    paths.set_data_dir(None)


def test_from_source_resources_are_the_source_tree() -> None:
    assert not paths.is_frozen()
    assert paths.bundle_dir() is None
    assert paths.resources_dir() == SOURCE_ROOT / "resources"
    assert (paths.resources_dir() / "rounds.json").is_file()
    assert (paths.migrations_dir() / "env.py").is_file()


def test_installed_resources_are_inside_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site-packages" / "coprodesk"
    (package / "_resources").mkdir(parents=True)
    monkeypatch.setattr(paths, "__file__", str(package / "paths.py"))
    assert paths.resources_dir() == package / "_resources"
    assert paths.migrations_dir() == package / "core" / "migrations"


def test_frozen_resources_and_migrations_come_from_the_bundle(bundle: Path) -> None:
    assert paths.is_frozen()
    assert paths.bundle_dir() == bundle
    assert paths.resources_dir() == bundle / "resources"
    assert paths.migrations_dir() == bundle / "coprodesk" / "core" / "migrations"


def test_frozen_without_meipass_uses_the_executables_folder(
    bundle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(sys, "_MEIPASS")
    assert paths.bundle_dir() == bundle.parent
    assert paths.resources_dir() == bundle.parent / "resources"


@pytest.mark.usefixtures("default_data_dir")
def test_frozen_data_lives_in_the_user_data_folder_never_the_bundle(bundle: Path) -> None:
    expected = Path(platformdirs.user_data_dir(paths.APP_NAME, appauthor=False))
    assert paths.data_dir() == expected
    for path in (
        paths.data_dir(),
        paths.database_path(),
        paths.lock_path(),
        paths.settings_path(),
        paths.backups_dir(),
        paths.log_dir(),
    ):
        assert not path.is_relative_to(bundle.parent), path


def test_frozen_bundle_still_honours_a_chosen_data_folder(
    bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "from-env"))
    paths.set_data_dir(None)
    assert paths.database_path() == tmp_path / "from-env" / paths.DATABASE_NAME
    paths.set_data_dir(tmp_path / "chosen")
    assert paths.database_path() == tmp_path / "chosen" / paths.DATABASE_NAME
    assert paths.log_dir() == tmp_path / "chosen" / "logs"
    assert paths.resources_dir() == bundle / "resources"
