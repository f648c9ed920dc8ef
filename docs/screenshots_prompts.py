"""Render the facilitator's prompts, the balance of voices and the prompt library, from the demo.

    python docs/screenshots_prompts.py [--out docs/images]

Runs the demo's third workshop live on a clock the script moves on (as
screenshots_live.py does), records a few minutes as a minute-taker would, and
writes prompts-*.png at 100 % and 200 % text. Look at every image before using
it in the guide.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots_live import (
    SIZE_100,
    SIZE_200,
    START,
    Shooter,
    _demo,
    run_script,
    stored,
    throwaway_app,
)

from coprodesk.core.live import Step
from coprodesk.ui.palette import set_text_scale

# Minutes typed during the first agenda items: (minutes after the start, initials, text).
SPOKEN = (
    (22, "AR", "The desk is by the office door, so it feels like a reception."),
    (24, "AR", "We could move it nearer the kettle."),
    (26, "MJO", "A smile before a form."),
    (28, "AR", "Our MDT could take turns on the desk."),
    (30, "AR", "The safeguarding checks need a quiet corner."),
    (31, "AR", "Staff could wear name badges, not job titles."),
    (33, "ŁŻ", "Volunteers from the food bank could help on Thursdays."),
    (35, "AR", "We will look at the budget for a second kettle."),
)


def _record(shot: Shooter, workshop_id: uuid.UUID) -> None:
    from sqlalchemy import select

    from coprodesk.core import minutes
    from coprodesk.core.models import Participant, Workshop
    from coprodesk.core.series import get_workshop

    def write(session: object) -> None:
        from sqlalchemy.orm import Session

        assert isinstance(session, Session)
        workshop: Workshop = get_workshop(session, workshop_id)
        people = dict(
            session.execute(
                select(Participant.initials, Participant.id).where(
                    Participant.series_id == workshop.series_id
                )
            ).all()
        )
        for minute, initials, text in SPOKEN:
            minutes.add_entry(
                session,
                workshop_id,
                text,
                speakers=[people[initials]],
                agenda_item_id=workshop.current_agenda_item_id,
                recorded_at=START + timedelta(minutes=minute),
            )

    shot.loop.run_until_complete(shot.runner.run(write))


def _side(shot: Shooter) -> None:
    """Scroll the side panel so that the prompts are in view."""
    cards = shot.window.prompts.cards
    side = shot.window.side
    column = side.widget()
    assert column is not None
    side.verticalScrollBar().setValue(cards.mapTo(column, cards.rect().topLeft()).y())


def render(out: Path) -> None:
    with throwaway_app(out) as (app, loop):
        workshop_id = stored(_demo)
        shot = Shooter(app, loop, out, workshop_id)
        try:
            _shoot(shot, workshop_id, app)
        finally:
            shot.close()


def _shoot(shot: Shooter, workshop_id: uuid.UUID, app: object) -> None:
    from PySide6.QtWidgets import QApplication

    from coprodesk.ui.live.pages.introductions import IntroductionsPage

    assert isinstance(app, QApplication)
    shot.at(0)
    shot.go_to(Step.INTRODUCTIONS)
    page = shot.window.page(Step.INTRODUCTIONS)
    assert isinstance(page, IntroductionsPage)
    for _ in range(7):
        page.mark_present_and_next()
        shot.wait()
    shot.at(2)
    shot.go_to(Step.WELCOME)
    _side(shot)
    shot.shoot("prompts-opening")

    shot.at(20)
    shot.go_to(Step.AGENDA)
    _record(shot, workshop_id)
    prompts = shot.window.prompts
    shot.at(36)
    prompts.controller.refresh()
    shot.wait()
    _side(shot)
    shot.shoot("prompts-room")
    balance = prompts.balance
    shot.window.side.ensureWidgetVisible(balance, 0, 0)
    balance.buttons["MJO"].click()
    shot.at(37.2)
    prompts.controller.refresh()
    shot.wait()
    shot.window.side.ensureWidgetVisible(balance.show_room, 0, 0)
    shot.shoot("prompts-balance")
    balance.show_room.setChecked(True)
    shot.wait()
    shot.shoot_projector("prompts-projector-summary")
    shot.window.projector_controls.set_showing(False)

    set_text_scale(app, 2.0)
    shot.window.resize(SIZE_200)
    shot.wait()
    _side(shot)
    shot.shoot("prompts-room-200")
    set_text_scale(app, 1.0)
    shot.window.resize(SIZE_100)

    for view in list(prompts.cards.views.values())[:2]:
        view.acted.click()
        shot.wait()
    prompts.open_library()
    shot.wait(lambda: prompts.library_window is not None)
    library = prompts.library_window
    assert library is not None
    shot.wait()
    shot.shoot("prompts-library", library)
    from coprodesk.ui.prompt_library_window import PromptLibraryWindow

    assert isinstance(library, PromptLibraryWindow)
    library.tabs.setCurrentIndex(1)
    shot.shoot("prompts-glossary", library)
    library.tabs.setCurrentIndex(2)
    shot.shoot("prompts-thresholds", library)
    set_text_scale(app, 2.0)
    library.resize(SIZE_200)
    library.tabs.setCurrentIndex(0)
    shot.wait()
    shot.shoot("prompts-library-200", library)
    set_text_scale(app, 1.0)
    library.close()
    prompts.open_log()
    shot.wait(lambda: prompts.log_window is not None)
    log = prompts.log_window
    assert log is not None
    shot.wait()
    shot.shoot("prompts-log", log)
    log.close()


def main(argv: Sequence[str] | None = None) -> int:
    return run_script(render, "Render the prompts screens to PNG.", argv)


if __name__ == "__main__":
    raise SystemExit(main())
