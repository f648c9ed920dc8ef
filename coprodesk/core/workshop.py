"""Setting up a series and a workshop: details, the planned timeline and the agenda."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from coprodesk.core.errors import InvalidInput, NotFound
from coprodesk.core.models import TEXT_MAX, TITLE_MAX, AgendaItem, PlannedSession
from coprodesk.core.series import get_series, get_workshop
from coprodesk.core.text import clean_line, clean_text

MAX_ITEM_MINUTES = 8 * 60


@dataclass(frozen=True)
class AgendaItemView:
    id: uuid.UUID
    position: int
    title: str
    planned_minutes: int
    is_break: bool
    content_note: str
    started_at: datetime | None
    ended_at: datetime | None


@dataclass(frozen=True)
class PlannedSessionView:
    id: uuid.UUID
    planned_on: date
    label: str


def update_series(
    session: Session,
    series_id: uuid.UUID,
    *,
    title: str | None = None,
    purpose: str | None = None,
    support_text: str | None = None,
) -> None:
    """Change whichever details are given; the rest stay as they are."""
    series = get_series(session, series_id)
    if title is not None:
        series.title = clean_line(title, "series title", TITLE_MAX)
    if purpose is not None:
        series.purpose = clean_text(purpose, "purpose", TEXT_MAX)
    if support_text is not None:
        series.support_text = clean_text(support_text, "support text", TEXT_MAX)


def planned_sessions(session: Session, series_id: uuid.UUID) -> list[PlannedSessionView]:
    rows = session.scalars(
        select(PlannedSession)
        .where(PlannedSession.series_id == series_id)
        .order_by(PlannedSession.planned_on)
    )
    return [PlannedSessionView(row.id, row.planned_on, row.label) for row in rows]


def add_planned_session(
    session: Session, series_id: uuid.UUID, planned_on: date, label: str = ""
) -> uuid.UUID:
    get_series(session, series_id)
    row = PlannedSession(
        id=uuid.uuid4(),
        series_id=series_id,
        planned_on=planned_on,
        label=clean_line(label, "label", TITLE_MAX, required=False),
    )
    session.add(row)
    return row.id


def remove_planned_session(session: Session, planned_id: uuid.UUID) -> None:
    row = session.get(PlannedSession, planned_id)
    if row is not None:
        session.delete(row)


def update_workshop(
    session: Session,
    workshop_id: uuid.UUID,
    *,
    title: str | None = None,
    starts_at: datetime | None = None,
    clear_start: bool = False,
    venue: str | None = None,
    purpose: str | None = None,
    bring: str | None = None,
    practical: str | None = None,
) -> None:
    workshop = get_workshop(session, workshop_id)
    if title is not None:
        workshop.title = clean_line(title, "workshop title", TITLE_MAX)
    if starts_at is not None or clear_start:
        workshop.starts_at = starts_at
    if venue is not None:
        workshop.venue = clean_line(venue, "venue", TITLE_MAX, required=False)
    if purpose is not None:
        workshop.purpose = clean_text(purpose, "purpose", TEXT_MAX)
    if bring is not None:
        workshop.bring_text = clean_text(bring, "what to bring", TEXT_MAX)
    if practical is not None:
        workshop.practical_notes = clean_text(practical, "practical notes", TEXT_MAX)


def _view(item: AgendaItem) -> AgendaItemView:
    return AgendaItemView(
        id=item.id,
        position=item.position,
        title=item.title,
        planned_minutes=item.planned_minutes,
        is_break=item.is_break,
        content_note=item.content_note,
        started_at=item.started_at,
        ended_at=item.ended_at,
    )


def _items(session: Session, workshop_id: uuid.UUID) -> list[AgendaItem]:
    return list(
        session.scalars(
            select(AgendaItem)
            .where(AgendaItem.workshop_id == workshop_id)
            .order_by(AgendaItem.position)
        )
    )


def agenda(session: Session, workshop_id: uuid.UUID) -> list[AgendaItemView]:
    return [_view(item) for item in _items(session, workshop_id)]


def _minutes(planned_minutes: int) -> int:
    if not 1 <= planned_minutes <= MAX_ITEM_MINUTES:
        raise InvalidInput(
            f"An agenda item can be planned for 1 to {MAX_ITEM_MINUTES} minutes; "
            f"{planned_minutes} is outside that."
        )
    return planned_minutes


def add_agenda_item(
    session: Session,
    workshop_id: uuid.UUID,
    title: str,
    planned_minutes: int = 15,
    *,
    is_break: bool = False,
    content_note: str = "",
) -> uuid.UUID:
    get_workshop(session, workshop_id)
    items = _items(session, workshop_id)
    item = AgendaItem(
        id=uuid.uuid4(),
        workshop_id=workshop_id,
        position=len(items) + 1,
        title=clean_line(title, "title for the agenda item", TITLE_MAX),
        planned_minutes=_minutes(planned_minutes),
        is_break=is_break,
        content_note=clean_line(content_note, "content note", TITLE_MAX, required=False),
    )
    session.add(item)
    return item.id


def _item(session: Session, item_id: uuid.UUID) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFound("That agenda item is no longer there. It may have been deleted.")
    return item


def update_agenda_item(
    session: Session,
    item_id: uuid.UUID,
    *,
    title: str | None = None,
    planned_minutes: int | None = None,
    is_break: bool | None = None,
    content_note: str | None = None,
) -> None:
    item = _item(session, item_id)
    if title is not None:
        item.title = clean_line(title, "title for the agenda item", TITLE_MAX)
    if planned_minutes is not None:
        item.planned_minutes = _minutes(planned_minutes)
    if is_break is not None:
        item.is_break = is_break
    if content_note is not None:
        item.content_note = clean_line(content_note, "content note", TITLE_MAX, required=False)


def move_agenda_item(session: Session, item_id: uuid.UUID, new_position: int) -> None:
    """Move an item to ``new_position`` (1-based, clamped) and renumber the rest."""
    item = _item(session, item_id)
    items = [other for other in _items(session, item.workshop_id) if other.id != item.id]
    index = max(0, min(new_position - 1, len(items)))
    items.insert(index, item)
    for position, each in enumerate(items, start=1):
        each.position = position


def delete_agenda_item(session: Session, item_id: uuid.UUID) -> None:
    item = _item(session, item_id)
    workshop = get_workshop(session, item.workshop_id)
    if workshop.current_agenda_item_id == item.id:
        workshop.current_agenda_item_id = None
    session.delete(item)
    session.flush()
    for position, each in enumerate(_items(session, workshop.id), start=1):
        each.position = position


def planned_end(starts_at: datetime | None, items: list[AgendaItemView]) -> datetime | None:
    """When the workshop will end if every item takes its planned time."""
    if starts_at is None:
        return None
    return starts_at + timedelta(minutes=sum(item.planned_minutes for item in items))
