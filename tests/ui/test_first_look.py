"""The first look at the data folder, taken before the core has loaded."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer

from coprodesk.core import series as core
from coprodesk.core.db import Database
from coprodesk.core.demo import create_demo_series
from coprodesk.core.errors import NewerDatabase
from coprodesk.ui.app import LaunchOptions, run
from coprodesk.ui.first_look import take_first_look
from coprodesk.ui.main_window import MainWindow


def test_first_look_lists_what_the_core_lists(db: Database) -> None:
    with db.transaction() as session:
        create_demo_series(session)
        core.create_series(session, "allotments")
    with db.reading() as session:
        expected = core.list_series(session)
    look = take_first_look()
    assert look.lock is not None
    try:
        assert look.problem is None
        assert look.series == expected
        assert look.lock.is_locked
    finally:
        look.lock.release()


def test_a_new_folder_waits_for_the_full_opening(data_dir: Path) -> None:
    look = take_first_look()
    assert look.lock is not None
    look.lock.release()
    assert look.series is None
    assert look.problem is None


def test_a_newer_database_is_a_problem_and_frees_the_folder(db: Database) -> None:
    with db.transaction() as session:
        session.connection().exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    db.close()
    look = take_first_look()
    assert isinstance(look.problem, NewerDatabase)
    assert look.lock is None
    second = take_first_look()
    assert isinstance(second.problem, NewerDatabase)  # not "in use": the lock was let go


def test_commands_work_once_the_core_has_loaded_behind_the_list(db: Database) -> None:
    with db.transaction() as session:
        core.create_series(session, "Library opening hours")
    db.close()
    created: list[str] = []

    def on_window(window: MainWindow) -> None:
        def create_when_ready() -> None:
            page = window.series_page
            assert page is not None
            if not page.ready:  # the list is shown; the worker is still loading
                QTimer.singleShot(10, create_when_ready)
                return

            async def create() -> None:
                from coprodesk.core.series import create_series

                await page.runner.run(lambda session: create_series(session, "Parks"))
                created.append("Parks")
                window.close()

            page._start(create(), "test create")

        window.series_loaded.connect(lambda: QTimer.singleShot(0, create_when_ready))

    assert run(LaunchOptions(), on_window=on_window) == 0
    from coprodesk.core.db import open_database

    reopened = open_database()
    try:
        with reopened.reading() as session:
            titles = [summary.title for summary in core.list_series(session)]
    finally:
        reopened.close()
    assert created == ["Parks"]
    assert titles == ["Library opening hours", "Parks"]
