"""Render the group agreement screens offscreen, on the demo series.

    python docs/screenshots_agreement.py [--out docs/images]

Opens the demo's third workshop, "The welcome desk", marks the people who came
present, and goes to "What we agreed": the group revisits the agreement, the one
person new to its latest version is asked, asks for a change, and the words are
changed (a new version). Writes agreement-*.png at 100 % and 200 % text and
projector-agreement-always.png (the agreement shown during the agenda), and the
starter set on the projector at 100 %, at 150 % (shrunk to fit) and at 200 % on a
smaller screen (in pages).
agreement-round-200-lower.png is scrolled to the consent round at 200 % text.
Look at every image before using it in the guide.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from sqlalchemy.orm import Session

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


def _agreement(shot: Shooter) -> None:
    from PySide6.QtWidgets import QApplication, QScrollArea

    from coprodesk.ui.live.pages.agreement import AgreementPage
    from coprodesk.ui.live.pages.introductions import IntroductionsPage

    shot.at(2)
    shot.go_to(Step.INTRODUCTIONS)
    intro = shot.window.page(Step.INTRODUCTIONS)
    assert isinstance(intro, IntroductionsPage)
    for _ in range(7):
        intro.mark_present_and_next()
        shot.wait()
    shot.at(12)
    shot.go_to(Step.AGREEMENT)
    page = shot.window.page(Step.AGREEMENT)
    assert isinstance(page, AgreementPage)
    shot.wait(lambda: page.view is not None and bool(page.view.people))
    page.statements.setFocus()
    shot.shoot("agreement-revisit")

    # The one person new to version 2 (ŁŻ, the first chosen) is asked about the new
    # statement, and asks for a change to it.
    page.choose_person("ŁŻ")
    shot.wait()
    page.change_note.setText("Say who to ask when something cannot change")
    page.ask_change()
    shot.wait()
    page.choose_statement(7)
    shot.wait()
    shot.shoot("agreement-round")

    set_text_scale(QApplication.instance(), 2.0)  # type: ignore[arg-type]
    shot.window.resize(SIZE_200)
    shot.wait()
    page.reveal(page.agree_button)
    shot.wait()
    shot.shoot("agreement-round-200-lower")
    set_text_scale(QApplication.instance(), 1.0)  # type: ignore[arg-type]
    shot.window.resize(SIZE_100)
    shot.wait()

    # The group changes the words: a new version, asked about again.
    page.choose_statement(7)
    page.begin_edit()
    page.writer.setText("We say honestly what can change and what cannot, and who to ask about it.")
    page.save_written()
    shot.wait()
    page.reveal(page.statements)
    shot.wait()
    page.reveal(page.summary)
    shot.shoot("agreement-new-version")
    page.history_button.setChecked(True)
    shot.wait(lambda: bool(page.history.toPlainText()))
    scroller = page.parentWidget().parentWidget()  # The page's scroll area.
    assert isinstance(scroller, QScrollArea)
    scroller.verticalScrollBar().setValue(scroller.verticalScrollBar().maximum())
    shot.wait()
    shot.shoot("agreement-history")

    shot.at(20)
    shot.go_to(Step.AGENDA)
    shot.window.projector_controls.agreement_always.setChecked(True)
    shot.shoot_projector("projector-agreement-always")
    shot.window.projector_controls.agreement_always.setChecked(False)
    shot.window.projector_controls.set_showing(False)
    shot.window.point_raised.number.setValue(1)
    shot.window.point_raised.record()
    shot.wait()
    shot.window.side.ensureWidgetVisible(shot.window.point_raised)
    shot.wait()
    shot.shoot("agreement-point-raised", shot.window.side)


def _new_series(session: Session) -> uuid.UUID:
    """A first workshop with no agreement yet and three people present (all invented)."""
    from coprodesk.core import attendance, roster, series
    from coprodesk.core.models import AttendanceStatus

    series_id = series.create_series(session, "Library opening times")
    workshop_id = series.create_workshop(
        session, series_id, "Getting started", starts_at=START - timedelta(days=60)
    )
    for name in ("Amira Haddad", "Tomasz Nowak", "Grace Obi"):
        person = roster.add_person(session, series_id, name)
        attendance.set_status(session, workshop_id, person, AttendanceStatus.PRESENT)
    return workshop_id


def _first_agreement(shot: Shooter) -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    from coprodesk.ui.live.pages.agreement import AgreementPage

    shot.at(10)
    shot.go_to(Step.AGREEMENT)
    page = shot.window.page(Step.AGREEMENT)
    assert isinstance(page, AgreementPage)
    shot.shoot("agreement-start")
    page.start_from_starter_set()
    shot.wait()
    page.statements.setFocus()
    shot.shoot("agreement-starter-set")
    shot.shoot_projector("projector-agreement-starter-set")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    set_text_scale(app, 1.5)  # the text shrinks to fit
    shot.shoot_projector("projector-agreement-150")
    # A smaller screen at 200 %: too long even at half size, so pages that turn by themselves.
    set_text_scale(app, 2.0)
    shot.shoot_projector("projector-agreement-pages", QSize(1280, 720))
    set_text_scale(app, 1.0)
    shot.window.projector_controls.set_showing(False)


def render(out: Path) -> None:
    with throwaway_app(out) as (app, loop):
        workshop_id, first_id = stored(lambda session: (_demo(session), _new_series(session)))
        for chosen, scenes in ((first_id, _first_agreement), (workshop_id, _agreement)):
            shot = Shooter(app, loop, out, chosen)
            try:
                scenes(shot)
            finally:
                shot.close()


def main(argv: Sequence[str] | None = None) -> int:
    return run_script(render, "Render the agreement screens to PNG.", argv)


if __name__ == "__main__":
    raise SystemExit(main())
