"""The balance of voices: per person for the facilitator, group-level words for the room."""

from __future__ import annotations

from datetime import timedelta

from prompt_room import at, build_room

from coprodesk.core import live
from coprodesk.core.balance import SpeakingTimer, balance, room_summary
from coprodesk.core.db import Database
from coprodesk.core.live import Step


def test_contributions_and_timed_turns_per_person(db: Database) -> None:
    timer = SpeakingTimer()
    with db.transaction() as session:
        room = build_room(session)
        live.go_to_step(session, room.workshop_id, Step.AGENDA, at(0))
        room.say(session, 1, "AN", "Curfew.")
        room.say(session, 2, "AN BT", "Visitors.")
        timer.tap(room.people["CD"], at(3))
        timer.tap(room.people["AN"], at(5))  # CD stops when AN starts.
        timer.tap(room.people["AN"], at(6))  # Tapping again stops AN.
        timer.tap(room.people["CD"], at(7))
        view = balance(session, room.workshop_id, timer.turns, at(8))
    people = {person.initials: person for person in view.people}
    assert set(people) == {"AN", "BT", "CD", "DP"}  # ER sent apologies.
    assert (people["AN"].contributions, people["AN"].turns) == (2, 1)
    assert people["CD"].turns == 2
    assert people["CD"].speaking == timedelta(minutes=3)
    assert people["CD"].speaking_now
    assert not people["AN"].speaking_now
    assert view.total_contributions == 3
    assert view.timed


def test_the_room_summary_names_no_one_and_gives_no_ones_figures(db: Database) -> None:
    with db.transaction() as session:
        room = build_room(session)
        live.go_to_step(session, room.workshop_id, Step.AGENDA, at(0))
        for minute in range(1, 8):
            room.say(session, minute, "AN", "Another thought.")
        room.say(session, 8, "BT", "Me too.")
        view = balance(session, room.workshop_id, (), at(9))
    summary = room_summary(view)
    words = " ".join(summary.lines)
    assert "2 of the 4 people here have been heard" in words
    assert "8 contributions" in words
    for person in view.people:
        assert person.initials not in words
    assert "7" not in words  # AN's own count never appears.
