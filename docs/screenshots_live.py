"""Render the live workshop window and the projector offscreen, on the demo series.

    python docs/screenshots_live.py [--out docs/images]

Runs the demo's third workshop, "The welcome desk", with a clock that the
script moves on, and writes live-<step>.png for every step at 100 % text,
live-agenda-200.png at 200 % (with an item running over), and projector-*.png
at 1920 by 1080.
The demo workshop has no actions yet, so the script adds two (as the minutes
would) to show the actions list. Look at every image before using it in the guide.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
T = TypeVar("T")
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSize, Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from coprodesk import paths  # noqa: E402
from coprodesk.core.live import Step  # noqa: E402
from coprodesk.ui.palette import GRID, apply_look, set_text_scale  # noqa: E402
from coprodesk.ui.pyside_guard import keep_python_alive  # noqa: E402

SIZE_100 = QSize(GRID * 140, GRID * 90)
SIZE_200 = QSize(GRID * 200, GRID * 125)
PROJECTOR_SIZE = QSize(1920, 1080)
# The clock the script moves on: the workshop starts at 10:00.
START = datetime(2026, 12, 7, 10, 0)
WORKSHOP_TITLE = "The welcome desk"


def _save(widget: QWidget, target: Path) -> None:
    image = (
        widget.grab()
        .toImage()
        .convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither)
    )
    if not image.save(str(target), "PNG", 9):
        raise OSError(f"could not write {target}")
    print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")


def _demo(session: Session) -> uuid.UUID:
    """The demo series, and the id of its third workshop with two actions added."""
    from sqlalchemy import select

    from coprodesk.core.demo import create_demo_series
    from coprodesk.core.models import Action, ActionOwner, Participant
    from coprodesk.core.series import list_series

    create_demo_series(session)
    (workshop,) = [w for w in list_series(session)[0].workshops if w.title == WORKSHOP_TITLE]
    rows = session.execute(select(Participant.name, Participant.id))
    people = {row.name: row.id for row in rows}
    for text, owners, target in (
        ("Put a sign on the door that says the drop-in is open.", ["Sam Okafor"], 14),
        ("Ask three people how their first visit felt.", ["Ana de la Cruz", "Will Mensah"], 21),
    ):
        action = Action(raised_in_id=workshop.id, text=text, target_date=date(2026, 12, target))
        action.owners = [ActionOwner(participant_id=people[name]) for name in owners]
        session.add(action)
    return workshop.id


class Shooter:
    """Drives a live window with a fixed clock and writes its pictures."""

    def __init__(self, app: QApplication, loop: Any, out: Path, workshop_id: uuid.UUID) -> None:
        from coprodesk.ui.live import open_live_window
        from coprodesk.ui.live.clock import FixedClock
        from coprodesk.ui.tasks import DbRunner, TaskKeeper

        self.app, self.loop, self.out = app, loop, out
        self.clock = FixedClock(START - timedelta(minutes=2))
        self.host = QWidget()
        self.tasks = TaskKeeper(self.host)
        self.runner = DbRunner()
        loop.run_until_complete(self.runner.open())
        self.window = open_live_window(
            self.host, self.runner, self.tasks, workshop_id, clock=self.clock
        )
        self.window.resize(SIZE_100)
        self.wait(lambda: self.window.live.view is not None)

    def wait(self, done: Callable[[], bool] | None = None) -> None:
        """Let saves finish and Qt settle."""

        async def idle() -> None:
            while self.tasks.busy or (done is not None and not done()):
                await asyncio.sleep(0.01)

        self.loop.run_until_complete(idle())
        for _ in range(5):
            self.app.processEvents()

    def at(self, minutes: float) -> None:
        """Set the clock to ``minutes`` after the start and let the timers catch up."""
        self.clock.moment = START + timedelta(minutes=minutes)
        self.window.tick()
        self.wait()

    def go_to(self, step: Step) -> None:
        self.window.live.go_to(step)
        self.wait()

    def shoot(self, name: str, widget: QWidget | None = None) -> None:
        self.window.tick()
        self.wait()
        _save(widget or self.window, self.out / f"{name}.png")

    def shoot_projector(self, name: str, size: QSize = PROJECTOR_SIZE) -> None:
        projector = self.window.projector
        self.window.projector_controls.full_screen.setChecked(False)
        self.window.projector_controls.set_showing(True)
        projector.resize(size)
        self.wait()
        self.shoot(name, projector)

    def close(self) -> None:
        self.window.close()
        self.wait()
        self.runner.close()


def _run_workshop(shot: Shooter) -> None:
    from coprodesk.ui.live.pages.introductions import IntroductionsPage

    shot.at(0)
    shot.shoot("live-welcome")

    shot.at(3)
    shot.go_to(Step.INTRODUCTIONS)
    page = shot.window.page(Step.INTRODUCTIONS)
    assert isinstance(page, IntroductionsPage)
    page.question_choice.setCurrentIndex(2)
    page.turn_choice.setCurrentIndex(1)
    for _ in range(4):
        page.mark_present_and_next()
        shot.wait()
    shot.at(3.4)
    shot.shoot("live-introductions")
    shot.shoot_projector("projector-introductions")
    shot.window.projector_controls.set_showing(False)
    for _ in range(3):
        page.mark_present_and_next()
        shot.wait()

    shot.at(12)
    shot.go_to(Step.AGREEMENT)
    shot.shoot("live-agreement")
    shot.shoot_projector("projector-agreement")
    shot.window.projector_controls.set_showing(False)

    shot.at(20)
    shot.go_to(Step.AGENDA)
    for minutes in (35, 47):
        shot.at(minutes)
        shot.window.live.next_item()
        shot.wait()
    shot.at(65)
    shot.shoot("live-agenda")
    shot.at(69.5)
    shot.shoot_projector("projector-agenda-over")
    shot.window.projector_controls.set_showing(False)
    shot.window.live.next_item()
    shot.wait()
    shot.at(75)
    shot.window.live.next_item()
    shot.wait()
    shot.at(82)
    shot.shoot_projector("projector-agenda")
    shot.window.projector_controls.set_showing(False)


def _finish_workshop(shot: Shooter) -> None:
    from coprodesk.ui.live.pages.close import ClosePage

    shot.at(115)
    shot.go_to(Step.ACTIONS)
    shot.shoot("live-actions")
    shot.at(118)
    shot.go_to(Step.CHECK_OUT)
    shot.shoot("live-check-out")
    shot.shoot_projector("projector-check-out")
    shot.window.projector_controls.set_showing(False)
    shot.at(122)
    shot.go_to(Step.CLOSE)
    page = shot.window.page(Step.CLOSE)
    assert isinstance(page, ClosePage)
    page.reveal_button.click()
    shot.wait(page.roles_shown)
    shot.shoot("live-close")


@contextmanager
def throwaway_app(out: Path) -> Iterator[tuple[QApplication, Any]]:
    """What every screenshot script needs: a throwaway data folder, the app with
    CoproDesk's look at 100 % text, and a qasync loop; all put away afterwards."""
    import qasync

    keep_python_alive()
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="coprodesk-shots-"))
    paths.set_data_dir(folder)
    try:
        app = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(app, QApplication)
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        apply_look(app, 1.0)
        yield app, loop
        loop.close()
    finally:
        paths.set_data_dir(None)
        shutil.rmtree(folder, ignore_errors=True)


def stored(prepare: Callable[[Session], T]) -> T:
    """Run ``prepare`` in one transaction of the throwaway folder's database."""
    from coprodesk.core.db import open_database

    database = open_database()
    try:
        with database.transaction() as session:
            return prepare(session)
    finally:
        database.close()


def render(out: Path) -> None:
    with throwaway_app(out) as (app, loop):
        shot = Shooter(app, loop, out, stored(_demo))
        try:
            _run_workshop(shot)
            set_text_scale(app, 2.0)
            shot.window.resize(SIZE_200)
            shot.at(113)
            shot.shoot("live-agenda-200")
            set_text_scale(app, 1.0)
            shot.window.resize(SIZE_100)
            _finish_workshop(shot)
        finally:
            shot.close()


def run_script(render: Callable[[Path], None], description: str, argv: Sequence[str] | None) -> int:
    """A screenshot script's command line: ``--out`` (docs/images unless given), then ``render``."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    render(parser.parse_args(argv).out.resolve())
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    return run_script(render, "Render the live window and projector to PNG.", argv)


if __name__ == "__main__":
    raise SystemExit(main())
