"""Fair load: who is asked to take part, how often, across every series.

So that the same few people are not asked again and again. A person counts as
asked for a workshop when their attendance is recorded (present, in writing or
apologies: someone asked them) or the coordinator ticked "asked"; they took
part when they were present or sent something in writing. Only dated workshops
count. The same person in several series is matched by name (letter case,
accents and spacing aside), since each series keeps its own list of people.

A gentle warning goes to anyone asked at least ``MIN_ASKED_FOR_WARNING`` times
in the longer period and more than ``ratio`` times as often as the typical
person asked in that period (the median of everyone else asked). The ratio is a
setting; ``DEFAULT_RATIO`` is the default.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from coprodesk.core.errors import InvalidInput
from coprodesk.core.models import (
    Attendance,
    AttendanceStatus,
    Contribution,
    Participant,
    Series,
    Workshop,
)
from coprodesk.core.nameguard import fold

DEFAULT_RECENT_WEEKS = 6
DEFAULT_LONGER_WEEKS = 26
DEFAULT_RATIO = 2.0
MIN_RATIO = 1.2
MAX_RATIO = 10.0
MIN_ASKED_FOR_WARNING = 3

TOOK_PART = frozenset({AttendanceStatus.PRESENT, AttendanceStatus.IN_WRITING})


@dataclass(frozen=True)
class PersonLoad:
    name: str
    series: tuple[str, ...]
    asked_recent: int
    took_part_recent: int
    asked_longer: int
    took_part_longer: int
    last_asked: date | None
    warning: str = ""


@dataclass(frozen=True)
class FairLoad:
    today: date
    recent_weeks: int
    longer_weeks: int
    ratio: float
    people: tuple[PersonLoad, ...]
    typical: float
    not_asked_lately: tuple[PersonLoad, ...] = field(default=())

    @property
    def warnings(self) -> tuple[PersonLoad, ...]:
        return tuple(person for person in self.people if person.warning)


def person_key(name: str) -> str:
    """How one person is recognised across series: their name, folded."""
    return " ".join(fold(name).split())


def checked_ratio(ratio: float) -> float:
    if not MIN_RATIO <= ratio <= MAX_RATIO:
        raise InvalidInput(
            f"The warning level must be from {MIN_RATIO:g} to {MAX_RATIO:g} times as often."
        )
    return ratio


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _as_often(ratio: float) -> str:
    return "twice as often" if ratio == 2 else f"{ratio:g} times as often"


def _period(weeks: int) -> str:
    if weeks >= 13:
        return f"{round(weeks * 7 / 30.44)} months"
    return "1 week" if weeks == 1 else f"{weeks} weeks"


def fair_load(
    session: Session,
    today: date,
    *,
    recent_weeks: int = DEFAULT_RECENT_WEEKS,
    longer_weeks: int = DEFAULT_LONGER_WEEKS,
    ratio: float = DEFAULT_RATIO,
) -> FairLoad:
    """How often each person was asked and took part, lately and over the longer period."""
    checked_ratio(ratio)
    if not 1 <= recent_weeks <= longer_weeks:
        raise InvalidInput("The recent period must be at least a week and within the longer one.")
    recent_from = today - timedelta(weeks=recent_weeks)
    longer_from = today - timedelta(weeks=longer_weeks)

    names: dict[str, str] = {}
    series_of: dict[str, set[str]] = defaultdict(set)
    for name, title in session.execute(
        select(Participant.name, Series.title).join(Series, Series.id == Participant.series_id)
    ):
        key = person_key(name)
        names.setdefault(key, name)
        series_of[key].add(title)

    # (person key, workshop id) -> (date, took part)
    asked: dict[tuple[str, object], tuple[date, bool]] = {}
    attendance = session.execute(
        select(Participant.name, Workshop.id, Workshop.starts_at, Attendance.status)
        .join(Attendance, Attendance.participant_id == Participant.id)
        .join(Workshop, Workshop.id == Attendance.workshop_id)
        .where(Workshop.starts_at.is_not(None))
    )
    for name, workshop_id, starts_at, status in attendance:
        assert starts_at is not None
        asked[(person_key(name), workshop_id)] = (starts_at.date(), status in TOOK_PART)
    ticked = session.execute(
        select(Participant.name, Workshop.id, Workshop.starts_at)
        .join(Contribution, Contribution.participant_id == Participant.id)
        .join(Workshop, Workshop.id == Contribution.workshop_id)
        .where(Contribution.asked, Workshop.starts_at.is_not(None))
    )
    for name, workshop_id, starts_at in ticked:
        assert starts_at is not None
        asked.setdefault((person_key(name), workshop_id), (starts_at.date(), False))

    counts: dict[str, list[int]] = {key: [0, 0, 0, 0] for key in names}
    last: dict[str, date] = {}
    for (key, _workshop), (on, took_part) in asked.items():
        if key not in counts:
            continue
        if on <= today and (key not in last or on > last[key]):
            last[key] = on
        if on >= longer_from:
            counts[key][2] += 1
            counts[key][3] += took_part
        if on >= recent_from:
            counts[key][0] += 1
            counts[key][1] += took_part

    longer_counts = {key: values[2] for key, values in counts.items() if values[2] > 0}
    typical = statistics.median(longer_counts.values()) if longer_counts else 0.0
    people = []
    for key, (asked_recent, took_recent, asked_longer, took_longer) in counts.items():
        warning = ""
        others = [count for other, count in longer_counts.items() if other != key]
        if others and asked_longer >= MIN_ASKED_FOR_WARNING:
            usual = statistics.median(others)
            if asked_longer > ratio * usual:
                warning = (
                    f"Asked {_times(asked_longer)} in the last {_period(longer_weeks)}: more "
                    f"than {_as_often(ratio)} as most people (usually {usual:g}). "
                    "Think about asking someone else next time, and check they are not "
                    "carrying too much."
                )
        people.append(
            PersonLoad(
                name=names[key],
                series=tuple(sorted(series_of[key])),
                asked_recent=asked_recent,
                took_part_recent=took_recent,
                asked_longer=asked_longer,
                took_part_longer=took_longer,
                last_asked=last.get(key),
                warning=warning,
            )
        )
    people.sort(key=lambda person: (-person.asked_longer, person.name.casefold()))
    not_lately = sorted(
        (person for person in people if person.asked_recent == 0),
        key=lambda person: (person.last_asked or date.min, person.name.casefold()),
    )
    return FairLoad(
        today=today,
        recent_weeks=recent_weeks,
        longer_weeks=longer_weeks,
        ratio=ratio,
        people=tuple(people),
        typical=float(typical),
        not_asked_lately=tuple(not_lately),
    )


def period_words(weeks: int) -> str:
    """``6`` gives "6 weeks", ``26`` gives "6 months"."""
    return _period(weeks)
