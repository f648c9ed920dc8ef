"""The data behind the record of contribution and the "you said, we did" update."""

from __future__ import annotations

from datetime import date, datetime

from builders import build_series

from coprodesk.core import recognition, recompense, roster
from coprodesk.core.contribution_record import record_of_contribution
from coprodesk.core.db import Database
from coprodesk.core.models import Participant
from coprodesk.core.series_update import WHOLE_GROUP, Naming, display_names, series_update

TODAY = date(2026, 4, 20)


def test_the_record_lists_workshops_topics_time_and_actions(db: Database) -> None:
    with db.transaction() as session:
        built = build_series(session)
        recompense.set_record_agreement(
            session, built.person("MJO"), True, now=datetime(2026, 4, 2)
        )
    with db.reading() as session:
        record = record_of_contribution(session, built.person("MJO"), TODAY)
    assert [(w.title, w.on, w.how) for w in record.workshops] == [
        ("Getting started", date(2026, 3, 14), "took part in the room"),
        ("Planning the beds", date(2026, 3, 28), "took part in the room"),
    ]
    assert record.workshops[0].time_given == "1 hour 59 minutes"
    assert record.total_time == "3 hours 58 minutes"
    assert record.topics == ("Welcome and names", "Ideas for the beds")  # not the tea break
    assert [a.text for a in record.actions_completed] == ["Ask the council about water."]
    assert (record.agreed_on, record.made_on) == (date(2026, 4, 2), TODAY)
    assert record.summary == (
        "Mary-Jane O'Neil took part in 2 workshops of “Riverside Community Garden”, giving "
        "3 hours 58 minutes of their time, and completed 1 action for the group."
    )


def test_the_record_uses_typed_time_and_written_contributions(db: Database) -> None:
    with db.transaction() as session:
        built = build_series(session)
        writer = built.person("ΑΠ")
        recompense.set_record_agreement(session, writer, True)
        recognition.set_minutes_given(session, built.workshop_ids[0], writer, 30)
    with db.reading() as session:
        record = record_of_contribution(session, writer, TODAY)
    assert [w.how for w in record.workshops] == ["took part in writing"] * 2
    assert record.total_time == "30 minutes"
    assert record.written_contributions == 2
    assert "sending 2 written contributions" in record.summary


def test_the_update_says_what_was_raised_decided_done_and_not_changed(db: Database) -> None:
    with db.transaction() as session:
        built = build_series(session)
    with db.reading() as session:
        by_initials = series_update(session, built.series_id, Naming.INITIALS, TODAY)
        by_first = series_update(session, built.series_id, Naming.FIRST_NAMES, TODAY)
    assert [w.title for w in by_initials.workshops] == [
        "Getting started",
        "Planning the beds",
        "Harvest plans",
    ]
    decided = [(point.text, point.by) for point in by_initials.decided[:2]]
    assert decided == [
        ("Grow herbs by the gate. (حديقة — garden; 花园)", WHOLE_GROUP),
        ("Compost bins go behind the shed.", "AO and MJO"),
    ]
    assert by_first.decided[1].by == "Amara and Mary-Jane"
    raised = by_initials.raised[0]
    assert (raised.text, raised.by) == ("MJO: the raised beds need to be wheelchair height.", "MJO")
    water = next(a for a in by_first.actions if a.text == "Ask the council about water.")
    assert (water.owners, water.status, water.outcome) == (
        "Mary-Jane and Łukasz",
        "Done",
        "Tap fitted on 20 March.",
    )
    assert [(n.text, n.why) for n in by_initials.could_not_change] == [
        ("Draw a map of the beds.", "Not needed: the council sent one.")
    ]
    assert by_initials.still_to_come_back_to[0].text == "Funding bid — come back in April."


def test_a_first_name_two_people_share_becomes_initials(db: Database) -> None:
    with db.transaction() as session:
        built = build_series(session)
        roster.add_person(session, built.series_id, "Amara Bello")
    with db.reading() as session:
        people = list(session.query(Participant).filter_by(series_id=built.series_id))
    shown = display_names(people, Naming.FIRST_NAMES)
    assert sorted(shown[p.id] for p in people if p.name.startswith("Amara")) == ["AB", "AO"]
    assert shown[built.person("MJO")] == "Mary-Jane"
