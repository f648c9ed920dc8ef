"""Actions: owners by initials, acceptance, coverage, the load warning, reassigning, review."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select as sa_select

from coprodesk import paths
from coprodesk.core import actions, attendance, minutes, roster, series
from coprodesk.core.actions import KEEP
from coprodesk.core.db import Database
from coprodesk.core.errors import InvalidInput, NotFound, UserFacingError
from coprodesk.core.models import Action, ActionStatus, AttendanceStatus, Participant, Workshop

NAMES = ("Aisha Rahman", "Ben Cole", "Łukasz Żółć", "Dee Patel", "Sam Okafor")


@dataclass
class Room:
    series_id: uuid.UUID
    workshop_id: uuid.UUID
    ids: dict[str, uuid.UUID]  # initials -> id


@pytest.fixture
def room(db: Database) -> Room:
    """A workshop: AR, BC and ŁŻ present, DP in writing, SO sent apologies."""
    with db.transaction() as session:
        series_id = series.create_series(session, "Drop-in")
        workshop_id = series.create_workshop(
            session, series_id, "First", starts_at=datetime(2026, 5, 1, 10)
        )
        ids = {}
        for name in NAMES:
            person = roster.add_person(session, series_id, name)
            ids[session.get_one(Participant, person).initials] = person
        for initials, status in (
            ("AR", AttendanceStatus.PRESENT),
            ("BC", AttendanceStatus.PRESENT),
            ("ŁŻ", AttendanceStatus.PRESENT),
            ("DP", AttendanceStatus.IN_WRITING),
            ("SO", AttendanceStatus.APOLOGIES),
        ):
            attendance.set_status(session, workshop_id, ids[initials], status)
    return Room(series_id, workshop_id, ids)


def test_an_action_with_owners_buddy_date_and_acceptance(db: Database, room: Room) -> None:
    with db.transaction() as session:
        created = actions.add_action(
            session,
            room.workshop_id,
            "Ask Aisha Rahman's team about the door",
            ["ar", "SO"],
            accepted=["AR"],
            buddy="BC",
            target_date=date(2026, 5, 20),
        )
    with db.reading() as session:
        (detail,) = actions.board(session, room.workshop_id)
    assert detail.id == created.action_id
    assert detail.text == "Ask AR's team about the door"  # the name guard ran
    assert detail.owner_initials == ("AR", "SO")
    assert [(owner.accepted, owner.absent) for owner in detail.owners] == [
        (True, False),
        (False, True),  # SO sent apologies: an absent owner, flagged
    ]
    assert detail.buddy_initials == "BC"
    assert detail.target_date == date(2026, 5, 20)
    assert detail.status is ActionStatus.OPEN
    assert not detail.all_accepted


def test_no_target_date_is_imposed(db: Database, room: Room) -> None:
    with db.transaction() as session:
        actions.add_action(session, room.workshop_id, "Bring an idea", ["BC"])
    with db.reading() as session:
        (detail,) = actions.board(session, room.workshop_id)
    assert detail.target_date is None


@pytest.mark.parametrize(
    ("owners", "buddy", "message"),
    [
        ([], None, "at least one owner"),
        (["XY"], None, "initials XY"),
        (["AR"], "QQ", "initials QQ"),
        (["AR"], "AR", "support buddy helps the owners"),
    ],
)
def test_bad_owners_are_refused_plainly(
    db: Database, room: Room, owners: list[str], buddy: str | None, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message), db.transaction() as session:
        actions.add_action(session, room.workshop_id, "Something", owners, buddy=buddy)
    with db.reading() as session:
        assert actions.board(session, room.workshop_id) == []


def test_empty_text_is_refused(db: Database, room: Room) -> None:
    with pytest.raises(InvalidInput), db.transaction() as session:
        actions.add_action(session, room.workshop_id, "   ", ["AR"])


def test_an_action_from_a_minute_entry(db: Database, room: Room) -> None:
    with db.transaction() as session:
        entry = minutes.add_entry(session, room.workshop_id, "Find out who holds the key")
        actions.add_from_entry(session, entry, ["BC"], accepted=["BC"])
        actions.add_from_entry(session, entry, ["AR"], text="Ask Ben Cole about the shed")
    with db.reading() as session:
        first, second = actions.board(session, room.workshop_id)
    assert (first.text, first.source_entry_id) == ("Find out who holds the key", entry)
    assert first.owners[0].accepted
    assert (second.text, second.source_entry_id) == ("Ask BC about the shed", entry)


def test_edit_keeps_ticks_of_owners_kept(db: Database, room: Room) -> None:
    with db.transaction() as session:
        action_id = actions.add_action(
            session, room.workshop_id, "Poster", ["AR", "BC"], accepted=["AR", "BC"]
        ).action_id
    with db.transaction() as session:
        actions.edit_action(
            session,
            action_id,
            text="Poster for Dee Patel's group",
            owners=["AR", "ŁŻ"],
            buddy="DP",
            target_date=date(2026, 6, 1),
        )
    with db.reading() as session:
        detail = actions.action_detail(session, action_id)
    assert detail.text == "Poster for DP's group"
    assert [(owner.initials, owner.accepted) for owner in detail.owners] == [
        ("AR", True),
        ("ŁŻ", False),
    ]
    assert (detail.buddy_initials, detail.target_date) == ("DP", date(2026, 6, 1))
    with db.transaction() as session:
        actions.edit_action(session, action_id, buddy=None, target_date=None, text=KEEP)
    with db.reading() as session:
        detail = actions.action_detail(session, action_id)
    assert (detail.buddy_id, detail.target_date, detail.text) == (
        None,
        None,
        "Poster for DP's group",
    )


def test_removal_can_be_undone_with_owners_and_ticks(db: Database, room: Room) -> None:
    with db.transaction() as session:
        action_id = actions.add_action(
            session, room.workshop_id, "Poster", ["AR", "BC"], accepted=["BC"], buddy="ŁŻ"
        ).action_id
    with db.reading() as session:
        before = actions.board(session, room.workshop_id)
    with db.transaction() as session:
        removed = actions.remove_action(session, action_id)
    with db.reading() as session:
        assert actions.board(session, room.workshop_id) == []
    with db.transaction() as session:
        assert actions.restore_action(session, removed) == action_id
    with db.reading() as session:
        assert actions.board(session, room.workshop_id) == before
    with pytest.raises(NotFound), db.transaction() as session:
        actions.remove_action(session, uuid.uuid4())


def test_coverage_counts_only_accepted_actions_of_people_present(db: Database, room: Room) -> None:
    with db.transaction() as session:
        actions.add_action(session, room.workshop_id, "One", ["AR"], accepted=["AR"])
        actions.add_action(session, room.workshop_id, "Two", ["BC", "DP"], accepted=["DP"])
        cover = actions.coverage(session, room.workshop_id)
    assert [person.initials for person in cover.present] == ["AR", "BC", "ŁŻ"]
    assert cover.initials_without == ("BC", "ŁŻ")  # BC's is not accepted yet
    assert not cover.complete
    with db.transaction() as session:
        action_id = actions.board(session, room.workshop_id)[1].id
        actions.set_accepted(session, action_id, room.ids["BC"], True)
        actions.set_not_this_time(
            session, room.workshop_id, room.ids["ŁŻ"], "Would rather listen this time"
        )
        cover = actions.coverage(session, room.workshop_id)
    assert cover.complete
    assert [(n.person.initials, n.reason) for n in cover.not_this_time] == [
        ("ŁŻ", "Would rather listen this time")
    ]
    with db.transaction() as session:
        actions.clear_not_this_time(session, room.workshop_id, room.ids["ŁŻ"])
        assert actions.coverage(session, room.workshop_id).initials_without == ("ŁŻ",)


def test_not_this_time_needs_a_reason_and_someone_present(db: Database, room: Room) -> None:
    with pytest.raises(InvalidInput, match="reason"), db.transaction() as session:
        actions.set_not_this_time(session, room.workshop_id, room.ids["AR"], "  ")
    with pytest.raises(InvalidInput, match="here today"), db.transaction() as session:
        actions.set_not_this_time(session, room.workshop_id, room.ids["SO"], "Away")
    with db.transaction() as session:
        actions.set_not_this_time(session, room.workshop_id, room.ids["AR"], "Busy with Ben Cole")
        cover = actions.coverage(session, room.workshop_id)
    assert cover.not_this_time[0].reason == "Busy with BC"  # reasons never hold names


@pytest.mark.parametrize(
    ("counts", "heavy"),
    [
        ({"a": 3, "b": 1, "c": 1}, {"a"}),
        ({"a": 3, "b": 3, "c": 3}, set()),
        ({"a": 2, "b": 0, "c": 0}, set()),  # two is not "far more"
        ({"a": 4, "b": 3, "c": 2}, set()),
        ({"a": 6, "b": 3, "c": 2}, {"a"}),
        ({"a": 4}, set()),  # no one to compare with
    ],
)
def test_heavy_load_rule(counts: dict[str, int], heavy: set[str]) -> None:
    ids = {key: uuid.uuid5(uuid.NAMESPACE_DNS, key) for key in counts}
    found = actions.heavy_loads({ids[key]: count for key, count in counts.items()})
    assert found == {ids[key] for key in heavy}


def test_coverage_warns_when_one_person_holds_far_more(db: Database, room: Room) -> None:
    with db.transaction() as session:
        for text in ("One", "Two", "Three"):
            actions.add_action(session, room.workshop_id, text, ["AR"], accepted=["AR"])
        actions.add_action(session, room.workshop_id, "Four", ["BC"], accepted=["BC"])
        cover = actions.coverage(session, room.workshop_id)
        assert [(load.person.initials, load.actions) for load in cover.heavy] == [("AR", 3)]
        assert actions.coverage(session, room.workshop_id, minimum=4).heavy == ()


def test_reassigning_needs_the_new_owners_agreement(db: Database, room: Room) -> None:
    with db.transaction() as session:
        action_id = actions.add_action(
            session, room.workshop_id, "Poster", ["AR", "BC"], accepted=["AR"], buddy="ŁŻ"
        ).action_id
    with pytest.raises(InvalidInput, match="agrees"), db.transaction() as session:
        actions.reassign(session, action_id, room.ids["AR"], "DP", new_owner_agrees=False)
    with db.transaction() as session:
        actions.reassign(session, action_id, room.ids["AR"], "ŁŻ", new_owner_agrees=True)
    with db.reading() as session:
        detail = actions.action_detail(session, action_id)
    assert [(o.initials, o.accepted) for o in detail.owners] == [("BC", False), ("ŁŻ", True)]
    assert detail.buddy_id is None  # the buddy took it on, so is no longer the buddy
    with db.transaction() as session:  # to someone who already shares it: the old one steps back
        actions.reassign(session, action_id, room.ids["BC"], "ŁŻ", new_owner_agrees=True)
        assert actions.action_detail(session, action_id).owner_initials == ("ŁŻ",)
    with pytest.raises(NotFound), db.transaction() as session:
        actions.reassign(session, action_id, room.ids["AR"], "DP", new_owner_agrees=True)


def test_suggestions_ship_and_are_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = actions.suggestions()
    assert any("could not come" in text for text in shipped.actions)
    assert any("draft minutes" in text for text in shipped.actions)
    assert shipped.not_this_time_reasons
    for broken in ('{"suggestions": []}', "not json", '{"suggestions": ["a"]}', "[]"):
        (tmp_path / actions.SUGGESTIONS_FILE).write_text(broken, encoding="utf-8")
        monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path)
        actions.suggestions.cache_clear()
        with pytest.raises(UserFacingError, match=r"suggestions file .* missing or damaged"):
            actions.suggestions()
    (tmp_path / actions.SUGGESTIONS_FILE).write_text(
        json.dumps({"suggestions": ["Do one thing"], "not_this_time_reasons": ["Busy"]}),
        encoding="utf-8",
    )
    actions.suggestions.cache_clear()
    assert actions.suggestions().actions == ("Do one thing",)
    actions.suggestions.cache_clear()


# Review ------------------------------------------------------------------------------------


def _next_workshop(db: Database, room: Room, day: int) -> uuid.UUID:
    with db.transaction() as session:
        return series.create_workshop(
            session, room.series_id, f"On day {day}", starts_at=datetime(2026, 5, day, 10)
        )


def test_the_next_workshop_reviews_open_actions_and_carries_on(db: Database, room: Room) -> None:
    with db.transaction() as session:
        done = actions.add_action(session, room.workshop_id, "Ask about the door", ["AR"])
        going = actions.add_action(session, room.workshop_id, "Count the queue", ["BC"])
        dropped = actions.add_action(session, room.workshop_id, "Map the beds", ["ŁŻ"])
    second = _next_workshop(db, room, 15)
    third = _next_workshop(db, room, 29)
    with db.transaction() as session:
        assert actions.to_review(session, room.workshop_id) == []  # nothing before the first
        review = actions.to_review(session, second)
        assert [item.text for item in review] == [
            "Ask about the door",
            "Count the queue",
            "Map the beds",
        ]
        assert not any(item.reviewed_here for item in review)
        assert review[0].raised_in_title == "First"
        actions.review_action(
            session, done.action_id, second, ActionStatus.DONE, "Ben Cole says it opens at 9:30"
        )
        actions.review_action(session, going.action_id, second, ActionStatus.IN_PROGRESS, "")
        actions.review_action(session, dropped.action_id, second, ActionStatus.DROPPED, "No need")
    with db.reading() as session:
        review = actions.to_review(session, second)
        assert all(item.reviewed_here for item in review)
        assert review[0].outcome_note == "BC says it opens at 9:30"
        stored = session.get_one(Action, done.action_id)
        assert (stored.status, stored.reviewed_in_id) == (ActionStatus.DONE, second)
        # Only the one still in progress comes back to the workshop after.
        assert [item.text for item in actions.to_review(session, third)] == ["Count the queue"]


def test_review_updates_are_checked(db: Database, room: Room) -> None:
    with db.transaction() as session:
        action_id = actions.add_action(session, room.workshop_id, "Ask", ["AR"]).action_id
    second = _next_workshop(db, room, 15)
    with pytest.raises(InvalidInput, match="done, in progress"), db.transaction() as session:
        actions.review_action(session, action_id, second, ActionStatus.OPEN)
    with pytest.raises(InvalidInput, match="earlier workshops"), db.transaction() as session:
        actions.review_action(session, action_id, room.workshop_id, ActionStatus.DONE)
    with db.reading() as session:
        assert session.get_one(Workshop, second).title == "On day 15"
        assert session.get_one(Action, action_id).reviewed_in_id is None


def test_the_demos_coming_workshop_opens_with_a_review(db: Database) -> None:
    from coprodesk.core.demo import create_demo_series

    with db.transaction() as session:
        create_demo_series(session)
        (coming,) = session.scalars(
            sa_select(Workshop.id).where(Workshop.title == "The welcome desk")
        ).all()
        review = actions.to_review(session, coming)
    texts = [item.text for item in review]
    # Still in progress from the first workshop, and everything open from the second.
    assert "Find out whether the lunch budget can move." in texts
    assert "Draft a poster for the Thursday evening opening." in texts
    assert "Ask the team if the door can open at 9:30." not in texts  # done already
    assert not any(item.reviewed_here for item in review)
