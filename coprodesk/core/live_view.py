"""Everything the facilitator's live window shows, read in one go, and step moves.

Builds on ``coprodesk.core.live``: the live snapshot (with its public part for
the projector), plus the workshop's details for the welcome, everyone's
attendance for the introductions round, and the actions raised in this
workshop. Like the rest of the core it takes ``now`` so tests control time.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from coprodesk.core import actions as action_board
from coprodesk.core import live
from coprodesk.core.actions import ActionDetail, Coverage, ReviewItem
from coprodesk.core.attendance import PersonAttendance, attendance
from coprodesk.core.live import LiveSnapshot, Step
from coprodesk.core.models import Action, ActionOwner, ActionStatus, WorkshopStatus, utcnow
from coprodesk.core.series import get_workshop
from coprodesk.core.workshop import agenda, planned_end


@dataclass(frozen=True)
class WorkshopDetails:
    """What the welcome says: what this workshop is for, when and where."""

    title: str
    series_title: str
    purpose: str
    series_purpose: str
    starts_at: datetime | None
    ends_at: datetime | None
    venue: str
    closed_at: datetime | None


@dataclass(frozen=True)
class ActionView:
    """An action raised in the workshop, with its owners by initials only."""

    id: uuid.UUID
    text: str
    owner_initials: tuple[str, ...]
    target_date: date | None
    status: ActionStatus


NO_COVERAGE = Coverage((), (), (), ())


@dataclass(frozen=True)
class LiveView:
    snapshot: LiveSnapshot
    details: WorkshopDetails
    people: tuple[PersonAttendance, ...]
    actions: tuple[ActionView, ...]
    # The actions board, who still needs an action, and the review of earlier actions.
    board: tuple[ActionDetail, ...] = ()
    coverage: Coverage = NO_COVERAGE
    review: tuple[ReviewItem, ...] = ()

    @property
    def step(self) -> Step:
        return self.snapshot.public.step

    @property
    def closed(self) -> bool:
        return self.snapshot.status is WorkshopStatus.CLOSED


def workshop_details(session: Session, workshop_id: uuid.UUID) -> WorkshopDetails:
    workshop = get_workshop(session, workshop_id)
    return WorkshopDetails(
        title=workshop.title,
        series_title=workshop.series.title,
        purpose=workshop.purpose,
        series_purpose=workshop.series.purpose,
        starts_at=workshop.starts_at,
        ends_at=planned_end(workshop.starts_at, agenda(session, workshop_id)),
        venue=workshop.venue,
        closed_at=workshop.closed_at,
    )


def actions_raised(session: Session, workshop_id: uuid.UUID) -> list[ActionView]:
    """The actions raised in this workshop, oldest first, owners' initials sorted."""
    rows = session.scalars(
        select(Action)
        .where(Action.raised_in_id == workshop_id)
        .options(selectinload(Action.owners).selectinload(ActionOwner.participant))
        .order_by(Action.created_at)
    )
    return [
        ActionView(
            id=action.id,
            text=action.text,
            owner_initials=tuple(sorted(owner.participant.initials for owner in action.owners)),
            target_date=action.target_date,
            status=action.status,
        )
        for action in rows
    ]


def live_view(session: Session, workshop_id: uuid.UUID, now: datetime | None = None) -> LiveView:
    session.flush()
    cover = action_board.coverage(session, workshop_id)
    snapshot = live.snapshot(session, workshop_id, now or utcnow(), cover)
    return LiveView(
        snapshot=snapshot,
        details=workshop_details(session, workshop_id),
        people=tuple(attendance(session, workshop_id)),
        actions=tuple(actions_raised(session, workshop_id)),
        board=tuple(action_board.board(session, workshop_id)),
        coverage=cover,
        review=snapshot.public.review,
    )


def begin_live(session: Session, workshop_id: uuid.UUID, now: datetime | None = None) -> None:
    """Opening the live window starts a planned workshop at its step; others are left as
    they are, so that a live workshop resumes where it was."""
    workshop = get_workshop(session, workshop_id)
    if workshop.status is WorkshopStatus.PLANNED:
        live.go_to_step(session, workshop_id, live.current_step(session, workshop_id), now)


def move_step(
    session: Session, workshop_id: uuid.UUID, forward: bool, now: datetime | None = None
) -> Step:
    """Go to the step after (or before) the stored one; stay put at either end.

    Reading the stored step in the same transaction means that two quick presses
    move two steps, even before the window has caught up.
    """
    here = live.current_step(session, workshop_id)
    there = live.step_after(here) if forward else live.step_before(here)
    if there is None:
        return here
    live.go_to_step(session, workshop_id, there, now)
    return there
