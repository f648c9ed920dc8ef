"""Series and their workshops: listing, creating, renaming and deleting.

Functions take an open session from ``Database.transaction()`` and return
plain frozen values, never ORM objects, so callers on any thread can keep them.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from coprodesk.core.errors import NotFound
from coprodesk.core.models import TEXT_MAX, TITLE_MAX, Series, Workshop
from coprodesk.core.summaries import SeriesSummary, read_series
from coprodesk.core.text import clean_line, clean_text


def list_series(session: Session) -> list[SeriesSummary]:
    """Every series, by title, each with its workshops in date order (undated last)."""
    # The session's own connection, so the list includes this transaction's changes.
    connection = session.connection().connection.driver_connection
    assert connection is not None
    return read_series(connection)


def get_series(session: Session, series_id: uuid.UUID) -> Series:
    series = session.get(Series, series_id)
    if series is None:
        raise NotFound(f"There is no series with id {series_id}. It may have been deleted.")
    return series


def get_workshop(session: Session, workshop_id: uuid.UUID) -> Workshop:
    workshop = session.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFound(f"There is no workshop with id {workshop_id}. It may have been deleted.")
    return workshop


def create_series(session: Session, title: str, purpose: str = "") -> uuid.UUID:
    series = Series(
        title=clean_line(title, "series title", TITLE_MAX),
        purpose=clean_text(purpose, "purpose", TEXT_MAX),
    )
    session.add(series)
    session.flush()
    return series.id


def rename_series(session: Session, series_id: uuid.UUID, title: str) -> None:
    get_series(session, series_id).title = clean_line(title, "series title", TITLE_MAX)


def delete_series(session: Session, series_id: uuid.UUID) -> None:
    session.delete(get_series(session, series_id))


def create_workshop(
    session: Session,
    series_id: uuid.UUID,
    title: str,
    *,
    starts_at: datetime | None = None,
    venue: str = "",
    purpose: str = "",
) -> uuid.UUID:
    get_series(session, series_id)
    workshop = Workshop(
        series_id=series_id,
        title=clean_line(title, "workshop title", TITLE_MAX),
        starts_at=starts_at,
        venue=clean_line(venue, "venue", TITLE_MAX, required=False),
        purpose=clean_text(purpose, "purpose", TEXT_MAX),
    )
    session.add(workshop)
    session.flush()
    return workshop.id


def rename_workshop(session: Session, workshop_id: uuid.UUID, title: str) -> None:
    get_workshop(session, workshop_id).title = clean_line(title, "workshop title", TITLE_MAX)


def delete_workshop(session: Session, workshop_id: uuid.UUID) -> None:
    session.delete(get_workshop(session, workshop_id))


def _find_id(
    session: Session, text: str, column: InstrumentedAttribute[uuid.UUID], what: str
) -> uuid.UUID:
    """An id of ``column`` from its full form or a unique start of it (as `list` prints)."""
    wanted = text.strip().lower().replace("-", "")
    if len(wanted) < 4 or any(char not in "0123456789abcdef" for char in wanted):
        raise NotFound(
            f"'{text}' is not a {what} id. Run `coprodesk list` to see the ids; "
            "the first eight characters are enough."
        )
    matches = [found for found in session.scalars(select(column)) if found.hex.startswith(wanted)]
    if not matches:
        raise NotFound(f"There is no {what} with id {text}. Run `coprodesk list` to see them.")
    if len(matches) > 1:
        raise NotFound(f"More than one {what} id starts with {text}; please give more of it.")
    return matches[0]


def find_workshop_id(session: Session, text: str) -> uuid.UUID:
    """A workshop id from its full form or a unique start of it (as `list` prints)."""
    return _find_id(session, text, Workshop.id, "workshop")


def find_series_id(session: Session, text: str) -> uuid.UUID:
    """A series id from its full form or a unique start of it (as `list` prints)."""
    return _find_id(session, text, Series.id, "series")
