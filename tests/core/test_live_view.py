"""What the live window reads in one go, starting a workshop, and moving step by step."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from coprodesk.core import attendance, live, roster, series, workshop
from coprodesk.core.db import Database
from coprodesk.core.live import Step
from coprodesk.core.live_view import actions_raised, begin_live, live_view, move_step
from coprodesk.core.models import Action, ActionOwner, AttendanceStatus, WorkshopStatus

T0 = datetime(2026, 6, 1, 10, 0)


def planned(db: Database) -> tuple[uuid.UUID, dict[str, uuid.UUID]]:
    with db.transaction() as session:
        series_id = series.create_series(session, "Library hours", "Open when people can come.")
        workshop_id = series.create_workshop(
            session, series_id, "Evenings", starts_at=T0, venue="Reading room"
        )
        workshop.add_agenda_item(session, workshop_id, "Hours", 30)
        workshop.add_agenda_item(session, workshop_id, "Wrap up", 15)
        people = {
            name: roster.add_person(session, series_id, name, private_role="Librarian")
            for name in ("Yusuf Ali", "Nell Quinn", "Ines Duarte")
        }
    return workshop_id, people


def test_the_view_holds_details_people_and_actions(db: Database) -> None:
    workshop_id, people = planned(db)
    with db.transaction() as session:
        attendance.set_status(session, workshop_id, people["Nell Quinn"], AttendanceStatus.PRESENT)
        action = Action(raised_in_id=workshop_id, text="Ask about Thursdays.")
        action.target_date = date(2026, 6, 15)
        action.owners = [
            ActionOwner(participant_id=people["Yusuf Ali"]),
            ActionOwner(participant_id=people["Ines Duarte"]),
        ]
        session.add(action)
    with db.reading() as session:
        view = live_view(session, workshop_id, T0)
    assert view.details.title == "Evenings"
    assert view.details.series_title == "Library hours"
    assert view.details.purpose == ""
    assert view.details.series_purpose == "Open when people can come."
    assert view.details.ends_at == T0 + timedelta(minutes=45)
    assert view.details.venue == "Reading room"
    assert [person.name for person in view.people] == ["Ines Duarte", "Nell Quinn", "Yusuf Ali"]
    assert view.snapshot.present == 1
    (found,) = view.actions
    assert found.owner_initials == ("ID", "YA")
    assert found.target_date == date(2026, 6, 15)
    assert "Librarian" not in repr(view.snapshot.public)
    assert not view.closed
    assert view.step is Step.WELCOME


def test_no_actions_is_an_empty_list(db: Database) -> None:
    workshop_id, _ = planned(db)
    with db.reading() as session:
        assert actions_raised(session, workshop_id) == []


def test_begin_live_starts_a_planned_workshop_only_once(db: Database) -> None:
    workshop_id, _ = planned(db)
    with db.transaction() as session:
        begin_live(session, workshop_id, T0)
    with db.transaction() as session:
        stored = series.get_workshop(session, workshop_id)
        assert stored.status is WorkshopStatus.LIVE
        assert stored.started_at == T0
        live.go_to_step(session, workshop_id, Step.AGENDA, T0 + timedelta(minutes=5))
        begin_live(session, workshop_id, T0 + timedelta(minutes=9))  # Reopening the window.
    with db.reading() as session:
        stored = series.get_workshop(session, workshop_id)
        assert stored.started_at == T0
        assert live.current_step(session, workshop_id) is Step.AGENDA
        view = live_view(session, workshop_id, T0 + timedelta(minutes=9))
    assert view.snapshot.public.item is not None
    assert view.snapshot.public.item.title == "Hours"


def test_begin_live_leaves_a_closed_workshop_closed(db: Database) -> None:
    workshop_id, _ = planned(db)
    with db.transaction() as session:
        live.close_workshop(session, workshop_id, T0)
        begin_live(session, workshop_id, T0 + timedelta(minutes=1))
    with db.reading() as session:
        assert series.get_workshop(session, workshop_id).status is WorkshopStatus.CLOSED
        assert live_view(session, workshop_id, T0).closed


def test_move_step_goes_one_step_and_stays_put_at_the_ends(db: Database) -> None:
    workshop_id, _ = planned(db)
    with db.transaction() as session:
        assert move_step(session, workshop_id, False, T0) is Step.WELCOME
        assert move_step(session, workshop_id, True, T0) is Step.INTRODUCTIONS
        assert move_step(session, workshop_id, True, T0) is Step.AGREEMENT
        assert move_step(session, workshop_id, False, T0) is Step.INTRODUCTIONS
        live.go_to_step(session, workshop_id, Step.CLOSE, T0)
        assert move_step(session, workshop_id, True, T0) is Step.CLOSE
    with db.reading() as session:
        assert live.current_step(session, workshop_id) is Step.CLOSE
