"""What the coordinator's desk reads in one go, on the database worker."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from coprodesk.core.fair_load import FairLoad, fair_load
from coprodesk.core.recompense import SeriesDesk, Totals, series_desk, totals


@dataclass(frozen=True)
class DeskData:
    desk: SeriesDesk
    load: FairLoad
    range_totals: Totals


def read_desk(
    series_id: uuid.UUID,
    today: date,
    ratio: float,
    start: date | None = None,
    end: date | None = None,
) -> Callable[[Session], DeskData]:
    def read(session: Session) -> DeskData:
        return DeskData(
            desk=series_desk(session, series_id),
            load=fair_load(session, today, ratio=ratio),
            range_totals=totals(session, series_id, start, end),
        )

    return read
