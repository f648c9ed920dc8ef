"""Render the action screens offscreen, on the demo series.

    python docs/screenshots_actions.py [--out docs/images]

Runs the demo's coming workshop, "The welcome desk": the action review of
earlier actions (live-review.png, live-review-200.png, projector-review.png),
the actions board with who still needs an action (live-actions-board.png,
live-actions-board-200.png, projector-actions.png), the Close step's gate
(live-close-gate.png), and a minute entry being made into an action
(minutes-action-from-entry.png). Look at every image before using it in the guide.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots_live import (
    SIZE_100,
    SIZE_200,
    START,
    Shooter,
    _save,
    run_script,
    throwaway_app,
)

from coprodesk.core.live import Step
from coprodesk.ui.palette import set_text_scale

WORKSHOP_TITLE = "The welcome desk"
# Who is here at the coming workshop (Zoë sent apologies; Sam is in writing).
HERE = ("Aisha Rahman", "Mary-Jane O'Neil", "Łukasz Żółć", "Αλέξης Παππάς", "Ana de la Cruz")


def _prepare() -> tuple[object, object]:
    """The demo, with people marked present at the coming workshop and a few actions."""
    from sqlalchemy import select

    from coprodesk.core import actions, attendance, minutes
    from coprodesk.core.db import open_database
    from coprodesk.core.demo import create_demo_series
    from coprodesk.core.models import AttendanceStatus, Participant
    from coprodesk.core.series import list_series

    database = open_database()
    with database.transaction() as session:
        create_demo_series(session)
        drop_in = list_series(session)[0]
        (workshop,) = [w for w in drop_in.workshops if w.title == WORKSHOP_TITLE]
        rows = session.execute(
            select(Participant.name, Participant.id).where(Participant.series_id == drop_in.id)
        )
        people = {row.name: row.id for row in rows}
        for name in HERE:
            attendance.set_status(session, workshop.id, people[name], AttendanceStatus.PRESENT)
        attendance.set_status(
            session, workshop.id, people["Sam Okafor"], AttendanceStatus.IN_WRITING
        )
        for text, owners, accepted in (
            ("Put a sign on the door that says the drop-in is open.", ["AR"], ["AR"]),
            ("Ask the team about a bench by the door.", ["AR"], ["AR"]),
            ("Write the welcome card for the desk.", ["AR", "SO"], ["AR"]),
            ("Ask three people how their first visit felt.", ["AC"], []),
        ):
            actions.add_action(session, workshop.id, text, owners, accepted=accepted)
        minutes.add_entry(
            session,
            workshop.id,
            "Tea and a seat while people wait would help.",
            recorded_at=START + timedelta(minutes=40),  # a fixed time, so the image never changes
        )
    database.close()
    return workshop.id, people


def render(out: Path) -> None:
    from coprodesk.core.models import ActionStatus
    from coprodesk.ui.live.pages.actions import ActionsPage
    from coprodesk.ui.live.pages.review import ReviewPage

    with throwaway_app(out) as (app, loop):
        workshop_id, _people = _prepare()
        shot = Shooter(app, loop, out, workshop_id)  # type: ignore[arg-type]
        try:
            shot.at(14)
            shot.go_to(Step.REVIEW)
            review = shot.window.page(Step.REVIEW)
            assert isinstance(review, ReviewPage)
            review.update_choice.setCurrentIndex(review.update_choice.findData(ActionStatus.DONE))
            review.note.setText("23 turned away; lunch now starts at 12 on Mondays.")
            review.record()
            shot.wait()
            review.note.setText("Two ideas brought: a greeter, and tea while people wait.")
            review.update_choice.setCurrentIndex(review.update_choice.findData(ActionStatus.DONE))
            review.record()
            shot.wait()
            shot.shoot("live-review")
            shot.shoot_projector("projector-review")
            shot.window.projector_controls.set_showing(False)
            set_text_scale(app, 2.0)
            shot.window.resize(SIZE_200)
            shot.shoot("live-review-200")
            set_text_scale(app, 1.0)
            shot.window.resize(SIZE_100)

            shot.at(100)
            shot.go_to(Step.ACTIONS)
            board = shot.window.page(Step.ACTIONS)
            assert isinstance(board, ActionsPage)
            board.table.setCurrentIndex(board.model.index(2, 0))
            shot.wait()
            shot.shoot("live-actions-board")
            shot.shoot_projector("projector-actions")
            shot.window.projector_controls.set_showing(False)
            set_text_scale(app, 2.0)
            shot.window.resize(SIZE_200)
            shot.shoot("live-actions-board-200")
            set_text_scale(app, 1.0)
            shot.window.resize(SIZE_100)

            shot.at(118)
            shot.go_to(Step.CLOSE)
            shot.shoot("live-close-gate")
        finally:
            shot.close()
        _minutes_shot(app, loop, out, workshop_id)


def _minutes_shot(app: object, loop: object, out: Path, workshop_id: object) -> None:
    import asyncio

    from PySide6.QtWidgets import QApplication, QWidget

    from coprodesk.ui.minutes import open_minutes_window
    from coprodesk.ui.tasks import DbRunner, TaskKeeper

    assert isinstance(app, QApplication)
    assert isinstance(loop, asyncio.AbstractEventLoop)
    host = QWidget()
    tasks = TaskKeeper(host)
    runner = DbRunner()
    loop.run_until_complete(runner.open())
    window = open_minutes_window(None, runner, tasks, workshop_id)  # type: ignore[arg-type]
    window.resize(SIZE_100)
    panel = window.panel

    async def loaded() -> None:
        while not panel.is_loaded:
            await asyncio.sleep(0.01)

    loop.run_until_complete(loaded())
    panel.view.setCurrentIndex(panel.model.index(panel.model.rowCount() - 1))
    panel.action_bar.open_for_chosen()
    panel.action_bar.owners.setText("MJO, AC")
    for _ in range(20):
        app.processEvents()
    _save(window, out / "minutes-action-from-entry.png")
    window.close()
    runner.close()


def main(argv: Sequence[str] | None = None) -> int:
    return run_script(render, "Render the action screens to PNG files.", argv)


if __name__ == "__main__":
    raise SystemExit(main())
