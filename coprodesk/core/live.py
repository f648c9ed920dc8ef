"""Running a workshop live: the steps, the agenda timer, and what each screen shows.

Moments (when an item started, when the workshop closed) are stored in UTC;
callers pass ``now`` so that the rules are easy to test. Two snapshots come
out of here: the facilitator's, and the public one for the projector, which
by construction holds no roles, contacts or private notes.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from coprodesk.core import closing, speaking
from coprodesk.core.actions import Coverage, ReviewItem, coverage, to_review
from coprodesk.core.agreements import current_version
from coprodesk.core.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Participant,
    WorkshopStatus,
    utcnow,
)
from coprodesk.core.series import get_workshop
from coprodesk.core.workshop import AgendaItemView, agenda


class Step(enum.StrEnum):
    WELCOME = "welcome"
    INTRODUCTIONS = "introductions"
    AGREEMENT = "agreement"
    REVIEW = "review"
    AGENDA = "agenda"
    ACTIONS = "actions"
    CHECK_OUT = "check_out"
    CLOSE = "close"

    @property
    def label(self) -> str:
        return STEP_LABELS[self]


STEP_LABELS = {
    Step.WELCOME: "Welcome",
    Step.INTRODUCTIONS: "Introductions",
    Step.AGREEMENT: "What we agreed",
    Step.REVIEW: "Action review",
    Step.AGENDA: "Agenda",
    Step.ACTIONS: "Actions",
    Step.CHECK_OUT: "Check-out",
    Step.CLOSE: "Close",
}
STEPS = tuple(Step)


@dataclass(frozen=True)
class ItemTiming:
    planned: timedelta
    elapsed: timedelta

    @property
    def remaining(self) -> timedelta:
        return self.planned - self.elapsed

    @property
    def over(self) -> bool:
        return self.elapsed > self.planned


def item_timing(item: AgendaItemView, now: datetime) -> ItemTiming:
    """Planned against actual for one item (nothing elapsed before it starts)."""
    planned = timedelta(minutes=item.planned_minutes)
    if item.started_at is None:
        return ItemTiming(planned, timedelta(0))
    end = item.ended_at or now
    return ItemTiming(planned, max(timedelta(0), end - item.started_at))


def current_step(session: Session, workshop_id: uuid.UUID) -> Step:
    stored = get_workshop(session, workshop_id).current_step
    return Step(stored) if stored in Step._value2member_map_ else Step.WELCOME


def go_to_step(
    session: Session, workshop_id: uuid.UUID, step: Step, now: datetime | None = None
) -> None:
    """Move the workshop to ``step``, starting it if it was only planned.

    Entering the agenda starts the first unfinished item; leaving it stops the
    item that was running, so the timer never runs on behind another step.
    """
    now = now or utcnow()
    workshop = get_workshop(session, workshop_id)
    if workshop.status is WorkshopStatus.PLANNED:
        workshop.status = WorkshopStatus.LIVE
        workshop.started_at = now
    if step is Step.AGENDA and workshop.current_agenda_item_id is None:
        upcoming = next(
            (item for item in agenda(session, workshop_id) if item.ended_at is None), None
        )
        if upcoming is not None:
            start_item(session, upcoming.id, now)
    elif step is not Step.AGENDA:
        _stop_running(session, workshop_id, now)
    workshop.current_step = step.value


def step_after(step: Step) -> Step | None:
    index = STEPS.index(step)
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


def step_before(step: Step) -> Step | None:
    index = STEPS.index(step)
    return STEPS[index - 1] if index > 0 else None


def _stop_running(session: Session, workshop_id: uuid.UUID, now: datetime) -> None:
    workshop = get_workshop(session, workshop_id)
    if workshop.current_agenda_item_id is not None:
        running = session.get(AgendaItem, workshop.current_agenda_item_id)
        if running is not None and running.ended_at is None:
            running.ended_at = now
        workshop.current_agenda_item_id = None


def start_item(session: Session, item_id: uuid.UUID, now: datetime | None = None) -> None:
    """Make ``item_id`` the running item; the one running before it stops."""
    now = now or utcnow()
    item = session.get(AgendaItem, item_id)
    if item is None:
        return
    _stop_running(session, item.workshop_id, now)
    if item.started_at is None:
        item.started_at = now
    item.ended_at = None
    workshop = get_workshop(session, item.workshop_id)
    workshop.current_agenda_item_id = item.id
    workshop.current_step = Step.AGENDA.value
    if workshop.status is WorkshopStatus.PLANNED:
        workshop.status = WorkshopStatus.LIVE
        workshop.started_at = now


def next_item(session: Session, workshop_id: uuid.UUID, now: datetime | None = None) -> bool:
    """Finish the running item and start the next one; False when none is left."""
    now = now or utcnow()
    items = agenda(session, workshop_id)
    running = get_workshop(session, workshop_id).current_agenda_item_id
    position = next((item.position for item in items if item.id == running), 0)
    _stop_running(session, workshop_id, now)
    following = next(
        (item for item in items if item.position > position and item.ended_at is None), None
    )
    if following is None:
        return False
    start_item(session, following.id, now)
    return True


def close_workshop(session: Session, workshop_id: uuid.UUID, now: datetime | None = None) -> None:
    """Close the workshop; refused (``closing.ActionsMissing``) while someone present
    has no accepted action and no "not this time"."""
    now = now or utcnow()
    closing.check_can_close(session, workshop_id)
    _stop_running(session, workshop_id, now)
    speaking.end_turn(session, workshop_id, now)  # No timed turn runs on after the close.
    workshop = get_workshop(session, workshop_id)
    workshop.status = WorkshopStatus.CLOSED
    workshop.closed_at = now
    workshop.current_step = Step.CLOSE.value


def reopen_workshop(session: Session, workshop_id: uuid.UUID) -> None:
    """Undo a close made by mistake: the workshop is live again."""
    workshop = get_workshop(session, workshop_id)
    workshop.status = WorkshopStatus.LIVE
    workshop.closed_at = None


@dataclass(frozen=True)
class PublicSnapshot:
    """Everything the projector may show. Names only: no roles, no contact, no notes."""

    workshop_title: str
    step: Step
    item: AgendaItemView | None
    timing: ItemTiming | None
    agreement: tuple[str, ...]
    names_present: tuple[str, ...]
    support_text: str
    # Initials of people present with no accepted action yet (and no "not this time").
    initials_without_action: tuple[str, ...] = ()
    # Earlier actions under review: their text and owners' initials, and what came of them.
    review: tuple[ReviewItem, ...] = ()


@dataclass(frozen=True)
class RoomSummary:
    """The balance of voices as the room may see it: group-level words only, never a name,
    initials or anyone's own figures (made by ``coprodesk.core.balance.room_summary``)."""

    lines: tuple[str, ...]


@dataclass(frozen=True)
class LiveSnapshot:
    """What the facilitator's window shows: the public part and the whole agenda."""

    workshop_id: uuid.UUID
    series_id: uuid.UUID
    status: WorkshopStatus
    public: PublicSnapshot
    agenda: tuple[AgendaItemView, ...]
    starts_at: datetime | None
    present: int
    in_writing: int
    apologies: int


def latest_agreement(session: Session, series_id: uuid.UUID) -> tuple[str, ...]:
    """The words of the series' agreement as it stands now (none before there is one)."""
    version = current_version(session, series_id)
    if version is None:
        return ()
    return tuple(statement.text for statement in version.statements)


def snapshot(
    session: Session,
    workshop_id: uuid.UUID,
    now: datetime | None = None,
    cover: Coverage | None = None,
) -> LiveSnapshot:
    """``cover``: the workshop's action coverage, when the caller has read it already."""
    now = now or utcnow()
    workshop = get_workshop(session, workshop_id)
    items = tuple(agenda(session, workshop_id))
    item = next((each for each in items if each.id == workshop.current_agenda_item_id), None)
    rows = session.execute(
        select(Participant.name, Attendance.status)
        .join(Attendance, Attendance.participant_id == Participant.id)
        .where(Attendance.workshop_id == workshop_id)
        .order_by(Participant.name)
    ).all()
    counts = dict.fromkeys(AttendanceStatus, 0)
    for _name, status in rows:
        counts[status] += 1
    public = PublicSnapshot(
        workshop_title=workshop.title,
        step=current_step(session, workshop_id),
        item=item,
        timing=item_timing(item, now) if item else None,
        agreement=latest_agreement(session, workshop.series_id),
        names_present=tuple(name for name, status in rows if status is AttendanceStatus.PRESENT),
        support_text=workshop.series.support_text,
        initials_without_action=(cover or coverage(session, workshop_id)).initials_without,
        review=tuple(to_review(session, workshop_id)),
    )
    return LiveSnapshot(
        workshop_id=workshop.id,
        series_id=workshop.series_id,
        status=workshop.status,
        public=public,
        agenda=items,
        starts_at=workshop.starts_at,
        present=counts[AttendanceStatus.PRESENT],
        in_writing=counts[AttendanceStatus.IN_WRITING],
        apologies=counts[AttendanceStatus.APOLOGIES],
    )
