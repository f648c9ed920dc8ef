"""The live window's words and orders, without Qt: timers, the round, the projector's content."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from coprodesk.core.attendance import PersonAttendance
from coprodesk.core.live import ItemTiming, PublicSnapshot, Step
from coprodesk.core.models import AttendanceStatus
from coprodesk.core.rounds import PASS_NOTE
from coprodesk.core.workshop import AgendaItemView
from coprodesk.ui.live.projector_content import projector_content, public_at
from coprodesk.ui.live.round_order import arrange, choose_order
from coprodesk.ui.live.timing import agenda_line, countdown_words, timer_words, when_words

T0 = datetime(2026, 7, 6, 12, 32)


def item(
    title: str, minutes: int, started: int | None = None, ended: int | None = None
) -> AgendaItemView:
    return AgendaItemView(
        id=uuid.uuid4(),
        position=1,
        title=title,
        planned_minutes=minutes,
        is_break=False,
        content_note="",
        started_at=None if started is None else T0 + timedelta(minutes=started),
        ended_at=None if ended is None else T0 + timedelta(minutes=ended),
    )


@pytest.mark.parametrize(
    ("planned", "elapsed", "words"),
    [
        (10, 0, "10 min left"),
        (10, 2.2, "8 min left"),  # 7 min 48 s left: rounded up.
        (10, 9.9, "1 min left"),
        (10, 10, "Time is up"),
        (10, 10.1, "1 min over"),
        (10, 13, "3 min over"),
    ],
)
def test_timer_words(planned: int, elapsed: float, words: str) -> None:
    timing = ItemTiming(timedelta(minutes=planned), timedelta(minutes=elapsed))
    assert timer_words(timing) == words


def test_the_top_line_in_every_state() -> None:
    now = T0 + timedelta(minutes=8)
    bus = item("Bus times", 16, started=0)
    assert agenda_line([bus], bus, now, now) == (
        "Current item",
        "Bus times · 12:40 · 8 min left",
        False,
    )
    late = T0 + timedelta(minutes=19)
    assert agenda_line([bus], bus, late, late) == (
        "Current item",
        "Bus times · 12:51 · 3 min over",
        True,
    )
    tea = item("Tea", 5)
    assert agenda_line([tea], None, now, now) == (
        "Next on the agenda",
        "Tea · 12:40 · 5 min planned",
        False,
    )
    done = item("Tea", 5, started=0, ended=5)
    assert agenda_line([done], None, now, now)[1] == "Every item is done · 12:40"
    assert agenda_line([], None, now, now)[1] == "No agenda for this workshop · 12:40"


def test_other_time_words() -> None:
    assert countdown_words(timedelta(seconds=45)) == "0:45 left"
    assert countdown_words(timedelta(seconds=60.2)) == "1:01 left"
    assert countdown_words(timedelta(0)) == "Time is up"
    assert when_words(T0, T0 + timedelta(hours=1)) == "Monday 6 July 2026, 12:32 to 13:32"
    assert when_words(None, None) == "No date set"


def person(name: str, status: AttendanceStatus | None = None) -> PersonAttendance:
    return PersonAttendance(uuid.uuid4(), name, name[:2].upper(), status, None)


def test_the_round_keeps_its_order_and_puts_people_away_last() -> None:
    people = [person("Ada"), person("Ben"), person("Cy"), person("Di"), person("Ed")]
    order = choose_order(people, shuffle=True, seed=3)
    assert sorted(order) == sorted(p.participant_id for p in people)
    changed = [
        people[0],
        PersonAttendance(people[1].participant_id, "Ben", "BE", AttendanceStatus.APOLOGIES, None),
        PersonAttendance(people[2].participant_id, "Cy", "CY", AttendanceStatus.IN_WRITING, None),
        people[3],
        people[4],
    ]
    late = person("Flo", AttendanceStatus.PRESENT)
    arranged = [p.name for p in arrange([*changed, late], order)]
    in_room = [p.name for p in arrange(people, order) if p.name not in ("Ben", "Cy")]
    assert arranged == [*in_room, "Flo", "Cy", "Ben"]


def public(step: Step, **changes: object) -> PublicSnapshot:
    base = PublicSnapshot(
        workshop_title="Routes that work",
        step=step,
        item=None,
        timing=None,
        agreement=("We speak one at a time.",),
        names_present=("Mary-Jane O'Neil", "Sam <3 & co"),
        support_text="Call 0800 000 111.",
    )
    return replace(base, **changes)


def test_the_projector_content_for_each_step() -> None:
    welcome = projector_content(public(Step.WELCOME))
    assert welcome.heading == "Welcome"
    assert welcome.step == "Step 1 of 8: Welcome"
    assert welcome.names == "Mary-Jane\u00a0O'Neil · Sam\u00a0<3\u00a0&\u00a0co"
    assert PASS_NOTE in projector_content(public(Step.INTRODUCTIONS)).lines
    assert projector_content(public(Step.AGREEMENT)).lines == ("1. We speak one at a time.",)
    assert projector_content(public(Step.AGREEMENT, agreement=())).lines == (
        "We will agree together how we work.",
    )
    check_out = projector_content(public(Step.CHECK_OUT))
    assert (check_out.note_caption, check_out.note) == (
        "Where to find support",
        "Call 0800 000 111.",
    )
    assert check_out.names == ""  # Names show at the welcome, the round and the close.
    assert projector_content(public(Step.AGENDA)).heading == "Agenda"


def test_the_projector_timer_moves_with_the_clock() -> None:
    bus = item("Bus times", 10, started=0)
    shown = public_at(public(Step.AGENDA, item=bus), T0 + timedelta(minutes=12))
    content = projector_content(shown)
    assert (content.heading, content.timer, content.over) == ("Bus times", "2 min over", True)
    assert public_at(public(Step.WELCOME), T0) == public(Step.WELCOME)
