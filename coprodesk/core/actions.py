"""Actions: what each person will do next, who helps, and what came of it.

An action is raised in a workshop, from a minute entry or straight on the
actions board. Its owners are people of the series named by initials; each
owner ticks "accepted" when they agree to it, and the owner (no one else)
picks the target date, which may stay empty. Action text goes into minutes
and exports, so it passes the name guard on every write, as minutes do.

The next workshop reviews each open action from earlier workshops ("you
said, we did"): an update (done, in progress, dropped), an outcome note, and
``reviewed_in`` set to the reviewing workshop. An action still in progress
comes back to the workshop after that.
"""

from __future__ import annotations

import json
import statistics
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, Final, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session, selectinload

from coprodesk import paths
from coprodesk.core.errors import InvalidInput, NotFound, UserFacingError
from coprodesk.core.models import (
    TEXT_MAX,
    TITLE_MAX,
    Action,
    ActionOwner,
    ActionStatus,
    Attendance,
    AttendanceStatus,
    MinuteEntry,
    Participant,
    Workshop,
    WorkshopStatus,
    utcnow,
)
from coprodesk.core.nameguard import GuardResult, NameGuard
from coprodesk.core.series import get_workshop
from coprodesk.core.text import clean_line, clean_text

SUGGESTIONS_FILE = "action_suggestions.json"
# A person "holds far more actions than others" when they have at least this many
# and at least HEAVY_FACTOR times the average of everyone else present.
HEAVY_MINIMUM: Final = 3
HEAVY_FACTOR: Final = 2.0
REVIEW_STATUSES: Final = (ActionStatus.DONE, ActionStatus.IN_PROGRESS, ActionStatus.DROPPED)
OPEN_STATUSES: Final = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class _Keep:
    """Marks an argument of ``edit_action`` that is left as it is."""


KEEP: Final = _Keep()

_ACTIONS = cast(Table, Action.__table__)
_OWNERS = cast(Table, ActionOwner.__table__)


# Suggestions and reasons (shipped as data) -----------------------------------------------


@dataclass(frozen=True)
class Suggestions:
    """Small, real actions for someone without one, and the "not this time" reasons."""

    actions: tuple[str, ...]
    not_this_time_reasons: tuple[str, ...]


def _strings(data: dict[str, Any], key: str) -> tuple[str, ...]:
    values = data[key]
    if not isinstance(values, list) or not values:
        raise ValueError(key)
    if not all(isinstance(value, str) and value.strip() for value in values):
        raise ValueError(key)
    return tuple(value.strip() for value in values)


@cache
def suggestions() -> Suggestions:
    path = paths.resources_dir() / SUGGESTIONS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError
        return Suggestions(_strings(data, "suggestions"), _strings(data, "not_this_time_reasons"))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise UserFacingError(
            f"The action suggestions file {path} is missing or damaged. Reinstalling "
            "CoproDesk restores it; your workshops are not affected."
        ) from error


# Views -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OwnerView:
    participant_id: uuid.UUID
    name: str
    initials: str
    accepted: bool
    # How they take part in the workshop the action was raised in (None: not marked).
    attendance: AttendanceStatus | None

    @property
    def absent(self) -> bool:
        """Neither here nor contributing in writing: shown flagged on the board."""
        return self.attendance not in (AttendanceStatus.PRESENT, AttendanceStatus.IN_WRITING)


@dataclass(frozen=True)
class ActionDetail:
    """One action as the board shows it. Names are for the facilitator only."""

    id: uuid.UUID
    text: str
    owners: tuple[OwnerView, ...]
    buddy_id: uuid.UUID | None
    buddy_initials: str
    target_date: date | None
    status: ActionStatus
    outcome_note: str
    source_entry_id: uuid.UUID | None

    @property
    def owner_initials(self) -> tuple[str, ...]:
        return tuple(owner.initials for owner in self.owners)

    @property
    def all_accepted(self) -> bool:
        return bool(self.owners) and all(owner.accepted for owner in self.owners)


@dataclass(frozen=True)
class Created:
    action_id: uuid.UUID
    guard: GuardResult


def _attendance_map(session: Session, workshop_id: uuid.UUID) -> dict[uuid.UUID, AttendanceStatus]:
    return dict(
        session.execute(
            select(Attendance.participant_id, Attendance.status).where(
                Attendance.workshop_id == workshop_id
            )
        ).all()
    )


def _detail(
    action: Action, statuses: dict[uuid.UUID, AttendanceStatus], initials: dict[uuid.UUID, str]
) -> ActionDetail:
    owners = sorted(action.owners, key=lambda owner: owner.participant.initials)
    buddy = action.support_buddy_id
    return ActionDetail(
        id=action.id,
        text=action.text,
        owners=tuple(
            OwnerView(
                participant_id=owner.participant_id,
                name=owner.participant.name,
                initials=owner.participant.initials,
                accepted=owner.accepted,
                attendance=statuses.get(owner.participant_id),
            )
            for owner in owners
        ),
        buddy_id=buddy,
        buddy_initials=initials.get(buddy, "") if buddy else "",
        target_date=action.target_date,
        status=action.status,
        outcome_note=action.outcome_note,
        source_entry_id=action.source_entry_id,
    )


def _details(
    session: Session, actions: Sequence[Action], workshop_id: uuid.UUID
) -> list[ActionDetail]:
    statuses = _attendance_map(session, workshop_id)
    buddies = {action.support_buddy_id for action in actions if action.support_buddy_id}
    initials = (
        dict(
            session.execute(
                select(Participant.id, Participant.initials).where(Participant.id.in_(buddies))
            ).all()
        )
        if buddies
        else {}
    )
    return [_detail(action, statuses, initials) for action in actions]


def board(session: Session, workshop_id: uuid.UUID) -> list[ActionDetail]:
    """The actions raised in this workshop, oldest first, owners by initials."""
    rows = session.scalars(
        select(Action)
        .where(Action.raised_in_id == workshop_id)
        .options(selectinload(Action.owners).selectinload(ActionOwner.participant))
        .order_by(Action.created_at, Action.id)
    ).all()
    return _details(session, rows, workshop_id)


def action_detail(session: Session, action_id: uuid.UUID) -> ActionDetail:
    action = _action(session, action_id)
    return _details(session, [action], action.raised_in_id)[0]


# Writing -------------------------------------------------------------------------------------


def _action(session: Session, action_id: uuid.UUID) -> Action:
    action = session.get(Action, action_id)
    if action is None:
        raise NotFound("That action is no longer there. It may have been removed.")
    return action


def _people_by_initials(session: Session, series_id: uuid.UUID) -> dict[str, uuid.UUID]:
    return dict(
        session.execute(
            select(Participant.initials, Participant.id).where(Participant.series_id == series_id)
        ).all()
    )


def _resolve(people: dict[str, uuid.UUID], initials: Sequence[str], what: str) -> list[uuid.UUID]:
    wanted = [each.strip() for each in initials if each.strip()]
    by_fold = {key.casefold(): value for key, value in people.items()}
    unknown = [each for each in wanted if each.casefold() not in by_fold]
    if unknown:
        raise InvalidInput(
            f"No one in this series has the initials {', '.join(unknown)}. "
            f"Check the {what} and try again."
        )
    return list(dict.fromkeys(by_fold[each.casefold()] for each in wanted))


def _clean_action_text(session: Session, series_id: uuid.UUID, text: str) -> GuardResult:
    cleaned = clean_text(text, "action", TEXT_MAX, required=True)
    return NameGuard.for_series(session, series_id).apply(cleaned)


def _keep_gate(session: Session, workshop_id: uuid.UUID) -> None:
    """A closed workshop stays as it closed: no change may leave someone present there
    without an accepted action or a "not this time" (reopen it first)."""
    workshop = get_workshop(session, workshop_id)
    if workshop.status is not WorkshopStatus.CLOSED:
        return
    session.flush()
    missing = coverage(session, workshop_id).without_action
    if missing:
        initials = ", ".join(person.initials for person in missing)
        raise InvalidInput(
            f"This workshop is closed, and the change would leave {initials} without an "
            "accepted action. Reopen the workshop to change who has actions. Nothing was changed."
        )


def add_action(
    session: Session,
    workshop_id: uuid.UUID,
    text: str,
    owners: Sequence[str],
    *,
    accepted: Collection[str] = (),
    buddy: str | None = None,
    target_date: date | None = None,
    source_entry_id: uuid.UUID | None = None,
) -> Created:
    """Raise an action in a workshop; owners and buddy by initials.

    Owners may be present, contributing in writing or absent (the board flags
    the last). ``accepted`` lists the owners who have agreed to it already.
    """
    workshop = get_workshop(session, workshop_id)
    people = _people_by_initials(session, workshop.series_id)
    owner_ids = _resolve(people, owners, "owners")
    if not owner_ids:
        raise InvalidInput("An action needs at least one owner. Type their initials.")
    accepted_ids = set(_resolve(people, list(accepted), "owners"))
    buddy_id = _resolve(people, [buddy], "support buddy")[0] if buddy and buddy.strip() else None
    if buddy_id is not None and buddy_id in owner_ids:
        raise InvalidInput("A support buddy helps the owners, so choose someone else.")
    if source_entry_id is not None:
        entry = session.get(MinuteEntry, source_entry_id)
        if entry is None or entry.workshop_id != workshop_id:
            raise NotFound("That note is no longer in the minutes. It may have been deleted.")
    guarded = _clean_action_text(session, workshop.series_id, text)
    action_id = uuid.uuid4()
    session.execute(
        insert(_ACTIONS),
        [
            {
                "id": action_id,
                "raised_in_id": workshop_id,
                "text": guarded.text,
                "target_date": target_date,
                "support_buddy_id": buddy_id,
                "source_entry_id": source_entry_id,
                "status": ActionStatus.OPEN,
                "outcome_note": "",
                "created_at": utcnow(),
                "updated_at": utcnow(),
            }
        ],
    )
    session.execute(
        insert(_OWNERS),
        [
            {"action_id": action_id, "participant_id": owner, "accepted": owner in accepted_ids}
            for owner in owner_ids
        ],
    )
    session.expire_all()
    return Created(action_id, guarded)


def add_from_entry(
    session: Session,
    entry_id: uuid.UUID,
    owners: Sequence[str],
    *,
    text: str | None = None,
    accepted: Collection[str] = (),
    buddy: str | None = None,
    target_date: date | None = None,
) -> Created:
    """Raise an action from a minute entry: its text unless ``text`` is given."""
    entry = session.get(MinuteEntry, entry_id)
    if entry is None:
        raise NotFound("That note is no longer in the minutes. It may have been deleted.")
    return add_action(
        session,
        entry.workshop_id,
        entry.text if text is None else text,
        owners,
        accepted=accepted,
        buddy=buddy,
        target_date=target_date,
        source_entry_id=entry.id,
    )


def edit_action(
    session: Session,
    action_id: uuid.UUID,
    *,
    text: str | _Keep = KEEP,
    owners: Sequence[str] | _Keep = KEEP,
    buddy: str | _Keep | None = KEEP,
    target_date: date | _Keep | None = KEEP,
) -> GuardResult | None:
    """Change an action. New owners start not accepted; owners kept keep their tick."""
    action = _action(session, action_id)
    series_id = action.raised_in.series_id
    people = _people_by_initials(session, series_id)
    result = None
    if not isinstance(text, _Keep):
        result = _clean_action_text(session, series_id, text)
        action.text = result.text
    if not isinstance(owners, _Keep):
        owner_ids = _resolve(people, owners, "owners")
        if not owner_ids:
            raise InvalidInput("An action needs at least one owner. Type their initials.")
        kept = {owner.participant_id: owner.accepted for owner in action.owners}
        action.owners = [
            ActionOwner(participant_id=owner, accepted=kept.get(owner, False))
            for owner in owner_ids
        ]
    if not isinstance(buddy, _Keep):
        action.support_buddy_id = (
            _resolve(people, [buddy], "support buddy")[0] if buddy and buddy.strip() else None
        )
    if action.support_buddy_id is not None and action.support_buddy_id in {
        owner.participant_id for owner in action.owners
    }:
        raise InvalidInput("A support buddy helps the owners, so choose someone else.")
    if not isinstance(target_date, _Keep):
        action.target_date = target_date
    action.updated_at = utcnow()  # owners alone do not touch the row; merges need to know
    _keep_gate(session, action.raised_in_id)
    return result


def set_accepted(
    session: Session, action_id: uuid.UUID, participant_id: uuid.UUID, accepted: bool
) -> None:
    """The owner ticks (or unticks) that they agree to take the action on."""
    action = _action(session, action_id)
    owner = next((each for each in action.owners if each.participant_id == participant_id), None)
    if owner is None:
        raise NotFound("That person is no longer an owner of this action.")
    owner.accepted = accepted
    action.updated_at = utcnow()
    _keep_gate(session, action.raised_in_id)


def reassign(
    session: Session,
    action_id: uuid.UUID,
    from_participant: uuid.UUID,
    to_initials: str,
    *,
    new_owner_agrees: bool,
) -> None:
    """Pass an action from one owner to another, who agrees to take it on.

    The new owner's agreement is the point: without it nothing changes. If
    the new owner already shares the action, the old owner simply steps back.
    """
    action = _action(session, action_id)
    if not new_owner_agrees:
        raise InvalidInput(
            "An action only moves to someone who agrees to take it on. Ask them first."
        )
    people = _people_by_initials(session, action.raised_in.series_id)
    (new_owner,) = _resolve(people, [to_initials], "new owner")
    if not any(owner.participant_id == from_participant for owner in action.owners):
        raise NotFound("That person is no longer an owner of this action.")
    if new_owner == from_participant:
        raise InvalidInput("That is the same person. Choose who will take it on instead.")
    if action.support_buddy_id == new_owner:
        action.support_buddy_id = None
    owners = [owner for owner in action.owners if owner.participant_id != from_participant]
    existing = next((owner for owner in owners if owner.participant_id == new_owner), None)
    if existing is None:
        owners.append(ActionOwner(participant_id=new_owner, accepted=True))
    else:
        existing.accepted = True
    action.owners = owners
    action.updated_at = utcnow()
    _keep_gate(session, action.raised_in_id)


@dataclass(frozen=True)
class RemovedAction:
    """Everything needed to put a removed action back as it was."""

    values: dict[str, Any]
    owners: tuple[dict[str, Any], ...]
    text: str


def remove_action(session: Session, action_id: uuid.UUID) -> RemovedAction:
    action = _action(session, action_id)
    values = {column.key: getattr(action, column.key) for column in _ACTIONS.columns}
    owners = tuple(
        {"action_id": action.id, "participant_id": owner.participant_id, "accepted": owner.accepted}
        for owner in action.owners
    )
    workshop_id = action.raised_in_id
    session.delete(action)
    session.flush()
    _keep_gate(session, workshop_id)
    return RemovedAction(values, owners, action.text)


def restore_action(session: Session, removed: RemovedAction) -> uuid.UUID:
    """Undo ``remove_action``: the action returns with its owners and their ticks."""
    session.execute(insert(_ACTIONS), [removed.values])
    if removed.owners:
        session.execute(insert(_OWNERS), list(removed.owners))
    session.expire_all()
    return cast(uuid.UUID, removed.values["id"])


# Coverage: who present has no accepted action yet -----------------------------------------


@dataclass(frozen=True)
class PersonRef:
    participant_id: uuid.UUID
    name: str
    initials: str


@dataclass(frozen=True)
class NotThisTime:
    person: PersonRef
    reason: str


@dataclass(frozen=True)
class Load:
    """One person's share of the workshop's actions."""

    person: PersonRef
    actions: int


@dataclass(frozen=True)
class Coverage:
    """Who present has an accepted action, who does not, and who holds many."""

    present: tuple[PersonRef, ...]
    without_action: tuple[PersonRef, ...]  # present, no accepted action, no "not this time"
    not_this_time: tuple[NotThisTime, ...]
    heavy: tuple[Load, ...]  # people holding far more actions than the others

    @property
    def complete(self) -> bool:
        return not self.without_action

    @property
    def initials_without(self) -> tuple[str, ...]:
        return tuple(person.initials for person in self.without_action)


def heavy_loads(
    counts: dict[uuid.UUID, int], *, minimum: int = HEAVY_MINIMUM, factor: float = HEAVY_FACTOR
) -> set[uuid.UUID]:
    """Who holds far more actions than others: at least ``minimum`` and at least
    ``factor`` times the average of everyone else counted."""
    heavy = set()
    for person, count in counts.items():
        others = [other for key, other in counts.items() if key != person]
        if count >= minimum and others and count >= factor * statistics.fmean(others):
            heavy.add(person)
    return heavy


def coverage(
    session: Session,
    workshop_id: uuid.UUID,
    *,
    minimum: int = HEAVY_MINIMUM,
    factor: float = HEAVY_FACTOR,
) -> Coverage:
    get_workshop(session, workshop_id)
    present_rows = session.execute(
        select(Participant.id, Participant.name, Participant.initials, Attendance.no_action_reason)
        .join(Attendance, Attendance.participant_id == Participant.id)
        .where(
            Attendance.workshop_id == workshop_id,
            Attendance.status == AttendanceStatus.PRESENT,
        )
        .order_by(Participant.name)
    ).all()
    owned = session.execute(
        select(ActionOwner.participant_id, ActionOwner.accepted)
        .join(Action, Action.id == ActionOwner.action_id)
        .where(Action.raised_in_id == workshop_id)
    ).all()
    accepted = {participant for participant, was_accepted in owned if was_accepted}
    present = tuple(PersonRef(row.id, row.name, row.initials) for row in present_rows)
    reasons = {row.id: row.no_action_reason for row in present_rows}
    counts = {person.participant_id: 0 for person in present}
    for participant, _ in owned:
        if participant in counts:
            counts[participant] += 1
    heavy_ids = heavy_loads(counts, minimum=minimum, factor=factor)
    return Coverage(
        present=present,
        without_action=tuple(
            person
            for person in present
            if person.participant_id not in accepted and not reasons[person.participant_id]
        ),
        not_this_time=tuple(
            NotThisTime(person, reasons[person.participant_id])
            for person in present
            if person.participant_id not in accepted and reasons[person.participant_id]
        ),
        heavy=tuple(
            Load(person, counts[person.participant_id])
            for person in present
            if person.participant_id in heavy_ids
        ),
    )


def set_not_this_time(
    session: Session, workshop_id: uuid.UUID, participant_id: uuid.UUID, reason: str
) -> None:
    """Record a respectful "not this time" for someone present, with its reason.

    The reason is one from the short list or written; it is kept in plain
    words and never names anyone (it passes the name guard).
    """
    row = _present_row(session, workshop_id, participant_id)
    cleaned = clean_line(reason, "reason", TITLE_MAX, required=False)
    if not cleaned:
        raise InvalidInput("Choose a reason from the list, or write a short one.")
    series_id = get_workshop(session, workshop_id).series_id
    row.no_action_reason = NameGuard.for_series(session, series_id).export_text(cleaned)


def clear_not_this_time(
    session: Session, workshop_id: uuid.UUID, participant_id: uuid.UUID
) -> None:
    row = session.scalar(
        select(Attendance).where(
            Attendance.workshop_id == workshop_id, Attendance.participant_id == participant_id
        )
    )
    if row is not None:
        row.no_action_reason = ""
        _keep_gate(session, workshop_id)


def _present_row(session: Session, workshop_id: uuid.UUID, participant_id: uuid.UUID) -> Attendance:
    row = session.scalar(
        select(Attendance).where(
            Attendance.workshop_id == workshop_id, Attendance.participant_id == participant_id
        )
    )
    if row is None or row.status is not AttendanceStatus.PRESENT:
        raise InvalidInput("“Not this time” is only for people who are here today.")
    return row


# Review: what came of earlier actions ----------------------------------------------------


@dataclass(frozen=True)
class ReviewItem:
    """An action from an earlier workshop, as the review shows it."""

    id: uuid.UUID
    text: str
    owner_initials: tuple[str, ...]
    raised_in_title: str
    target_date: date | None
    status: ActionStatus
    outcome_note: str
    reviewed_here: bool


def _earlier_workshops(session: Session, workshop: Workshop) -> list[uuid.UUID]:
    """The series' workshops before this one, by date (undated ones by when made)."""
    rows = session.execute(
        select(Workshop.id, Workshop.starts_at, Workshop.created_at).where(
            Workshop.series_id == workshop.series_id
        )
    ).all()

    def key(row: Any) -> tuple[int, Any, Any]:
        return (row.starts_at is None, row.starts_at or row.created_at, row.created_at)

    ordered = sorted(rows, key=key)
    position = next(index for index, row in enumerate(ordered) if row.id == workshop.id)
    return [row.id for row in ordered[:position]]


def to_review(session: Session, workshop_id: uuid.UUID) -> list[ReviewItem]:
    """Open actions from earlier workshops, and those already reviewed in this one."""
    workshop = get_workshop(session, workshop_id)
    earlier = _earlier_workshops(session, workshop)
    if not earlier:
        return []
    rows = session.scalars(
        select(Action)
        .where(Action.raised_in_id.in_(earlier))
        .where(Action.status.in_(OPEN_STATUSES) | (Action.reviewed_in_id == workshop_id))
        .options(
            selectinload(Action.owners).selectinload(ActionOwner.participant),
            selectinload(Action.raised_in),
        )
    ).all()
    order = {workshop_id: index for index, workshop_id in enumerate(earlier)}
    rows = sorted(rows, key=lambda action: (order[action.raised_in_id], action.created_at))
    return [
        ReviewItem(
            id=action.id,
            text=action.text,
            owner_initials=tuple(sorted(owner.participant.initials for owner in action.owners)),
            raised_in_title=action.raised_in.title,
            target_date=action.target_date,
            status=action.status,
            outcome_note=action.outcome_note,
            reviewed_here=action.reviewed_in_id == workshop_id,
        )
        for action in rows
    ]


def review_action(
    session: Session,
    action_id: uuid.UUID,
    workshop_id: uuid.UUID,
    status: ActionStatus,
    outcome_note: str = "",
) -> GuardResult:
    """Record what came of an action in the reviewing workshop: an update and a note."""
    if status not in REVIEW_STATUSES:
        raise InvalidInput("An action's update is done, in progress or dropped.")
    action = _action(session, action_id)
    workshop = get_workshop(session, workshop_id)
    if action.raised_in_id not in _earlier_workshops(session, workshop):
        raise InvalidInput("Only actions from earlier workshops in this series are reviewed here.")
    note = clean_text(outcome_note, "outcome note", TEXT_MAX)
    guarded = NameGuard.for_series(session, workshop.series_id).apply(note)
    action.status = status
    action.outcome_note = guarded.text
    action.reviewed_in_id = workshop_id
    return guarded
