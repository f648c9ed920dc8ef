"""The list of series and workshops, read with plain SQL.

One query serves both the app's first look at the data folder (straight from
``sqlite3``, before SQLAlchemy has loaded) and every later listing (through a
session's own connection), so the two can never disagree.
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from coprodesk.core.enums import WorkshopStatus


@dataclass(frozen=True)
class WorkshopSummary:
    id: uuid.UUID
    series_id: uuid.UUID
    title: str
    starts_at: datetime | None
    venue: str
    status: WorkshopStatus


@dataclass(frozen=True)
class SeriesSummary:
    id: uuid.UUID
    title: str
    purpose: str
    workshops: tuple[WorkshopSummary, ...]
    people: int


class Cursorish(Protocol):
    def execute(self, sql: str, /) -> Any: ...


_SERIES = """
    SELECT series.id, series.title, series.purpose,
           (SELECT count(*) FROM participant WHERE participant.series_id = series.id)
    FROM series
"""
_WORKSHOPS = """
    SELECT id, series_id, title, starts_at, venue, status FROM workshop
    ORDER BY starts_at IS NULL, starts_at, title
"""


def _uuid(value: str | bytes) -> uuid.UUID:
    return uuid.UUID(value.decode() if isinstance(value, bytes) else value)


def read_series(connection: Cursorish) -> list[SeriesSummary]:
    """Every series by title (ignoring case), each with its workshops by date, undated last."""
    workshops: dict[uuid.UUID, list[WorkshopSummary]] = {}
    for row_id, series_id, title, starts_at, venue, status in connection.execute(_WORKSHOPS):
        summary = WorkshopSummary(
            id=_uuid(row_id),
            series_id=_uuid(series_id),
            title=title,
            starts_at=datetime.fromisoformat(starts_at) if starts_at else None,
            venue=venue,
            status=WorkshopStatus(status),
        )
        workshops.setdefault(summary.series_id, []).append(summary)
    summaries = [
        SeriesSummary(
            id=_uuid(row_id),
            title=title,
            purpose=purpose,
            workshops=tuple(workshops.get(_uuid(row_id), ())),
            people=people,
        )
        for row_id, title, purpose, people in connection.execute(_SERIES)
    ]
    return sorted(summaries, key=lambda summary: (summary.title.casefold(), summary.title))


def read_series_file(path: Path) -> list[SeriesSummary]:
    """The same list straight from a database file, opened read-only."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return read_series(connection)
    finally:
        connection.close()
