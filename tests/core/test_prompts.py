"""The prompt rules, on a recorded example workshop with time under the test's control."""

from __future__ import annotations

from datetime import timedelta

import pytest
from prompt_room import Room, at, build_room, close_room
from sqlalchemy import select
from sqlalchemy.orm import Session

from coprodesk.core import live, prompts, speaking
from coprodesk.core.db import Database
from coprodesk.core.live import Step
from coprodesk.core.models import (
    Action,
    ActionOwner,
    Attendance,
    PromptLogEntry,
    PromptOutcome,
)
from coprodesk.core.prompt_library import Customisations, Library, build_library, thresholds_from


@pytest.fixture
def library() -> Library:
    return build_library(Customisations())


def _keys(session: Session, room: Room, library: Library, minute: float) -> dict[str, str]:
    state = prompts.room_state(session, room.workshop_id)
    return {due.key: due.detail for due in prompts.due_prompts(state, library, at(minute))}


def _to_agenda(session: Session, room: Room, minute: float) -> None:
    live.go_to_step(session, room.workshop_id, Step.AGENDA, at(minute))


def test_opening_prompts_name_power_purpose_and_limits(db: Database, library: Library) -> None:
    with db.transaction() as session:
        room = build_room(session)
        keys = _keys(session, room, library, 1)
    assert {"name_the_power", "shared_purpose", "what_can_change"} <= set(keys)
    assert "who_decides" not in keys
    assert "everyone_an_action" not in keys


def test_before_a_decision_when_the_item_is_about_deciding(db: Database, library: Library) -> None:
    with db.transaction() as session:
        room = build_room(session)
        _to_agenda(session, room, 10)
        first = _keys(session, room, library, 11)
        live.start_item(session, room.items[2], at(40))
        deciding = _keys(session, room, library, 41)
    assert "who_decides" not in first
    assert {"who_decides", "everyone_a_way_in"} <= set(deciding)


def test_quiet_voices_named_privately_after_the_threshold(db: Database, library: Library) -> None:
    with db.transaction() as session:
        room = build_room(session)
        _to_agenda(session, room, 5)
        for minute in range(6, 30, 3):
            room.say(session, minute, "AN" if minute % 2 else "BT", "About the curfew rule.")
        early = _keys(session, room, library, 13)
        later = _keys(session, room, library, 31)
    assert "quiet_voices" not in early
    detail = later["quiet_voices"]
    assert "CD" in detail
    assert "DP" in detail
    assert "AN" not in detail
    assert "BT" not in detail
    assert "ER" not in detail  # Sent apologies: not in the room.
    # The suggested move is for the whole room, never a call-out.
    move = library.prompt("quiet_voices").move  # type: ignore[union-attr]
    assert "never by naming" in move
    assert "round" in move
    assert "pairs" in move


def test_quiet_in_this_item(db: Database, library: Library) -> None:
    with db.transaction() as session:
        room = build_room(session)
        _to_agenda(session, room, 0)
        room.say(session, 1, "CD", "The rules were never explained.")
        room.say(session, 1, "DP", "They came from the old manager.")
        room.say(session, 8, "AN BT", "Two of us remember.")
        live.start_item(session, room.items[2], at(9))
        for minute in (10, 12, 14):
            room.say(session, minute, "AN", "Curfew first.")
        soon = _keys(session, room, library, 15)
        later = _keys(session, room, library, 20)
    assert "quiet_voices" not in soon
    assert later["quiet_voices"] == "Not heard yet in this item: BT, CD, DP."


def test_one_voice_holding_a_large_share(db: Database, library: Library) -> None:
    with db.transaction() as session:
        room = build_room(session)
        _to_agenda(session, room, 0)
        for minute in range(1, 8):
            room.say(session, minute, "AN", "Another thought.")
        room.say(session, 8, "BT", "Me too.")
        keys = _keys(session, room, library, 9)
        assert "one_voice" in keys
        assert keys["one_voice"].startswith("AN: 7 of 8")
        for minute in range(9, 15):
            room.say(session, minute, "BT CD DP", "We all agree.")
        assert "one_voice" not in _keys(session, room, library, 15)


def test_share_threshold_is_a_setting(db: Database) -> None:
    strict = build_library(Customisations(thresholds={"dominant_share_percent": 90}))
    with db.transaction() as session:
        room = build_room(session)
        _to_agenda(session, room, 0)
        for minute in range(1, 8):
            room.say(session, minute, "AN", "Another thought.")
        room.say(session, 8, "BT", "Me too.")
        assert "one_voice" not in _keys(session, room, strict, 9)


def test_jargon_in_the_agenda_or_minutes_with_plain_words(db: Database, library: Library) -> None:
    with db.transaction() as session:
        room = build_room(session)
        _to_agenda(session, room, 0)
        room.say(session, 1, "BT", "The MDT signs off on safeguarding.")
        room.say(session, 2, "AN", "My kpi is mdt-free.")  # Lower case is not the acronym.
        keys = _keys(session, room, library, 3)
    assert "plain_words:mdt" in keys
    assert "plain_words:safeguarding" in keys
    assert "multi-disciplinary" in keys["plain_words:mdt"]
    assert "plain_words:kpi" not in keys


def test_item_running_long_and_no_break(db: Database, library: Library) -> None:
    with db.transaction() as session:
        room = build_room(session)
        _to_agenda(session, room, 0)  # First item: 20 minutes planned.
        assert "time_check" not in _keys(session, room, library, 24)
        assert "time_check" in _keys(session, room, library, 26)
        live.start_item(session, room.items[2], at(26))  # Skips the tea break.
        assert "break_due" not in _keys(session, room, library, 74)
        assert "break_due" in _keys(session, room, library, 76)
        live.start_item(session, room.items[1], at(80))
        assert "break_due" not in _keys(session, room, library, 85)
        live.start_item(session, room.items[2], at(90))
        assert "break_due" not in _keys(session, room, library, 100)


def test_close_counts_people_present_with_no_accepted_action(
    db: Database, library: Library
) -> None:
    with db.transaction() as session:
        room = build_room(session)
        live.go_to_step(session, room.workshop_id, Step.ACTIONS, at(100))
        action = Action(raised_in_id=room.workshop_id, text="Write to the manager.")
        action.owners = [
            ActionOwner(participant_id=room.people["AN"], accepted=True),
            ActionOwner(participant_id=room.people["BT"], accepted=False),
        ]
        session.add(action)
        row = session.scalar(
            select(Attendance).where(Attendance.participant_id == room.people["DP"])
        )
        assert row is not None
        row.no_action_reason = "Away next month"
        keys = _keys(session, room, library, 101)
    assert keys["everyone_an_action"] == "No action yet for 2 people here: BT, CD."
    assert keys["people_not_here"] == "1 sent apologies."


def test_closed_workshop_has_no_prompts(db: Database, library: Library) -> None:
    with db.transaction() as session:
        room = build_room(session)
        close_room(session, room, 120)
        assert _keys(session, room, library, 121) == {}


def test_switched_off_prompts_never_show(db: Database) -> None:
    quiet = build_library(Customisations(off=["name_the_power"]))
    with db.transaction() as session:
        room = build_room(session)
        keys = _keys(session, room, quiet, 1)
    assert "name_the_power" not in keys
    assert "shared_purpose" in keys


def test_timed_turns_count_as_being_heard(db: Database, library: Library) -> None:
    with db.transaction() as session:
        room = build_room(session)
        _to_agenda(session, room, 0)
        for initials in ("AN", "BT", "CD"):
            speaking.tap(session, room.workshop_id, room.people[initials], at(22))
        speaking.end_turn(session, room.workshop_id, at(23))
        turns = speaking.workshop_turns(session, room.workshop_id)
        state = prompts.room_state(session, room.workshop_id, turns)
        due = {each.key: each.detail for each in prompts.due_prompts(state, library, at(25))}
    assert due["quiet_voices"] == "Not heard in the last 20 minutes: DP."


# Cards and the log -----------------------------------------------------------------------


def _log(session: Session, room: Room) -> list[tuple[str, PromptOutcome]]:
    return [
        (entry.prompt_key, entry.outcome)
        for entry in session.scalars(
            select(PromptLogEntry)
            .where(PromptLogEntry.workshop_id == room.workshop_id)
            .order_by(PromptLogEntry.shown_at, PromptLogEntry.prompt_key)
        )
    ]


def test_each_prompt_is_logged_once_when_shown_then_answered(
    db: Database, library: Library
) -> None:
    with db.transaction() as session:
        room = build_room(session)
        cards = prompts.refresh(session, room.workshop_id, library, at(1))
        again = prompts.refresh(session, room.workshop_id, library, at(2))
        assert [card.log_id for card in again] == [card.log_id for card in cards]
        assert _log(session, room) == sorted((card.key, PromptOutcome.SHOWN) for card in cards)
        by_key = {card.key: card for card in cards}
        prompts.answer(
            session,
            by_key["name_the_power"].log_id,
            PromptOutcome.ACTED_ON,
            at(3),
            "Went first myself.",
        )
        prompts.answer(session, by_key["shared_purpose"].log_id, PromptOutcome.DISMISSED, at(3))
        left = {card.key for card in prompts.refresh(session, room.workshop_id, library, at(60))}
        assert left == {"what_can_change"}
        outcomes = dict(_log(session, room))
        assert outcomes["name_the_power"] is PromptOutcome.ACTED_ON
        assert outcomes["shared_purpose"] is PromptOutcome.DISMISSED
        log = prompts.prompt_log(session, room.workshop_id, library)
    noted = next(line for line in log if line.key == "name_the_power")
    assert noted.note == "Went first myself."
    assert noted.text.startswith("Talk about where power")


def test_a_dismissed_room_prompt_may_return_after_the_repeat_time(
    db: Database,
) -> None:
    library = build_library(Customisations(thresholds={"repeat_minutes": 10}))
    with db.transaction() as session:
        room = build_room(session)
        _to_agenda(session, room, 0)
        first = [
            c
            for c in prompts.refresh(session, room.workshop_id, library, at(26))
            if c.key == "time_check"
        ]
        assert len(first) == 1
        prompts.answer(session, first[0].log_id, PromptOutcome.DISMISSED, at(26))
        soon = {c.key for c in prompts.refresh(session, room.workshop_id, library, at(30))}
        later = {c.key: c for c in prompts.refresh(session, room.workshop_id, library, at(37))}
        assert "time_check" not in soon
        assert later["time_check"].log_id != first[0].log_id
        assert [key for key, _ in _log(session, room)].count("time_check") == 2


def test_thresholds_are_clamped_to_sensible_ranges() -> None:
    assert thresholds_from({"quiet_minutes": 1, "unknown": 3}).quiet_minutes == 5
    assert thresholds_from({}).break_after_minutes == 75
    assert timedelta(minutes=thresholds_from({}).quiet_minutes) == timedelta(minutes=20)
