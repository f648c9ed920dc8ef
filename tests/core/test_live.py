"""Running a workshop: steps, the agenda timer, and the public snapshot."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest

from coprodesk.core import attendance, live, roster, series, workshop
from coprodesk.core.db import Database
from coprodesk.core.demo import PEOPLE, create_demo_series
from coprodesk.core.live import Step
from coprodesk.core.models import AttendanceStatus, WorkshopStatus

T0 = datetime(2026, 2, 1, 10, 0)


@pytest.fixture
def planned(db: Database) -> tuple[uuid.UUID, list[uuid.UUID]]:
    with db.transaction() as session:
        series_id = series.create_series(session, "Bus routes")
        workshop_id = series.create_workshop(session, series_id, "First")
        items = [
            workshop.add_agenda_item(session, workshop_id, title, minutes)
            for title, minutes in (("Welcome", 10), ("Routes", 30), ("Wrap up", 5))
        ]
    return workshop_id, items


def test_steps_run_in_order(db: Database, planned: tuple[uuid.UUID, list[uuid.UUID]]) -> None:
    workshop_id, _ = planned
    assert [step.label for step in live.STEPS] == [
        "Welcome",
        "Introductions",
        "What we agreed",
        "Action review",
        "Agenda",
        "Actions",
        "Check-out",
        "Close",
    ]
    assert live.step_after(Step.WELCOME) is Step.INTRODUCTIONS
    assert live.step_after(Step.CLOSE) is None
    assert live.step_before(Step.WELCOME) is None
    with db.transaction() as session:
        assert live.current_step(session, workshop_id) is Step.WELCOME
        live.go_to_step(session, workshop_id, Step.INTRODUCTIONS, T0)
    with db.reading() as session:
        stored = series.get_workshop(session, workshop_id)
        assert stored.status is WorkshopStatus.LIVE
        assert stored.started_at == T0
        assert live.current_step(session, workshop_id) is Step.INTRODUCTIONS


def test_agenda_timer_planned_against_actual(
    db: Database, planned: tuple[uuid.UUID, list[uuid.UUID]]
) -> None:
    workshop_id, (welcome, routes, wrap) = planned
    with db.transaction() as session:
        live.go_to_step(session, workshop_id, Step.AGENDA, T0)
    with db.reading() as session:
        state = live.snapshot(session, workshop_id, T0 + timedelta(minutes=4))
    assert state.public.item is not None
    assert state.public.item.id == welcome
    assert state.public.timing == live.ItemTiming(timedelta(minutes=10), timedelta(minutes=4))
    assert state.public.timing.remaining == timedelta(minutes=6)
    assert not state.public.timing.over

    with db.transaction() as session:
        assert live.next_item(session, workshop_id, T0 + timedelta(minutes=12))
    with db.reading() as session:
        state = live.snapshot(session, workshop_id, T0 + timedelta(minutes=50))
        items = {item.id: item for item in workshop.agenda(session, workshop_id)}
    assert items[welcome].ended_at == T0 + timedelta(minutes=12)
    assert live.item_timing(items[welcome], T0 + timedelta(hours=5)).over  # ran 12 of 10
    assert state.public.item is not None
    assert state.public.item.id == routes
    assert state.public.timing is not None
    assert state.public.timing.over  # 38 minutes of 30: a gentle warning is due

    with db.transaction() as session:
        live.go_to_step(session, workshop_id, Step.ACTIONS, T0 + timedelta(minutes=55))
    with db.reading() as session:
        state = live.snapshot(session, workshop_id, T0 + timedelta(minutes=60))
        items = {item.id: item for item in workshop.agenda(session, workshop_id)}
    assert state.public.item is None  # leaving the agenda stops the timer
    assert items[routes].ended_at == T0 + timedelta(minutes=55)
    with db.transaction() as session:
        live.go_to_step(session, workshop_id, Step.AGENDA, T0 + timedelta(minutes=61))
        assert not live.next_item(session, workshop_id, T0 + timedelta(minutes=70))
    with db.reading() as session:
        assert workshop.agenda(session, workshop_id)[2].id == wrap
        assert workshop.agenda(session, workshop_id)[2].ended_at == T0 + timedelta(minutes=70)


def test_close_and_reopen(db: Database, planned: tuple[uuid.UUID, list[uuid.UUID]]) -> None:
    workshop_id, (welcome, _, _) = planned
    with db.transaction() as session:
        live.start_item(session, welcome, T0)
        live.close_workshop(session, workshop_id, T0 + timedelta(minutes=90))
    with db.reading() as session:
        stored = series.get_workshop(session, workshop_id)
        assert stored.status is WorkshopStatus.CLOSED
        assert stored.closed_at == T0 + timedelta(minutes=90)
        assert workshop.agenda(session, workshop_id)[0].ended_at == T0 + timedelta(minutes=90)
    with db.transaction() as session:
        live.reopen_workshop(session, workshop_id)
    with db.reading() as session:
        assert series.get_workshop(session, workshop_id).status is WorkshopStatus.LIVE


def test_the_public_snapshot_never_holds_roles(db: Database) -> None:
    with db.transaction() as session:
        series_id = create_demo_series(session)
        (_first, _second, third) = series.list_series(session)[0].workshops
        for person in attendance.attendance(session, third.id)[:5]:
            attendance.set_status(
                session, third.id, person.participant_id, AttendanceStatus.PRESENT
            )
        live.go_to_step(session, third.id, Step.AGREEMENT)
    with db.reading() as session:
        state = live.snapshot(session, third.id)
        people = roster.people(session, series_id)
    public_text = repr(state.public)
    for person in people:
        if person.private_role:
            assert person.private_role not in public_text
    assert len(state.public.names_present) == 5
    assert state.public.agreement[-1] == "We say honestly what can change and what cannot."
    assert state.present == 5
    assert {name for name, _role, _reveal in PEOPLE} >= set(state.public.names_present)
