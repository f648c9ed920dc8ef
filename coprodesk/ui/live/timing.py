"""Times in words: "8 min left", "3 min over", "12:40". No Qt here."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime, timedelta

from coprodesk.core.live import ItemTiming, item_timing
from coprodesk.core.workshop import AgendaItemView

SEPARATOR = " · "


def whole_minutes(delta: timedelta) -> int:
    """Minutes, rounded up: 7 min 10 s left is "8 min left"; 10 s over is "1 min over"."""
    return math.ceil(abs(delta.total_seconds()) / 60)


def minutes_words(minutes: int) -> str:
    return f"{minutes} min"


def timer_words(timing: ItemTiming) -> str:
    if timing.over:
        return f"{minutes_words(whole_minutes(timing.remaining))} over"
    if timing.remaining == timedelta(0):
        return "Time is up"
    return f"{minutes_words(whole_minutes(timing.remaining))} left"


def clock_words(moment: datetime) -> str:
    return f"{moment:%H:%M}"


def date_words(moment: datetime) -> str:
    return f"{moment:%A} {moment.day} {moment:%B %Y}"


def when_words(starts_at: datetime | None, ends_at: datetime | None) -> str:
    if starts_at is None:
        return "No date set"
    text = f"{date_words(starts_at)}, {clock_words(starts_at)}"
    if ends_at is not None:
        text += f" to {clock_words(ends_at)}"
    return text


def item_line(item: AgendaItemView, timing: ItemTiming, local_now: datetime) -> str:
    """The running item as the window's top line shows it: "Bus times · 12:40 · 8 min left"."""
    return SEPARATOR.join((item.title, clock_words(local_now), timer_words(timing)))


def countdown_words(left: timedelta) -> str:
    """A short countdown for one person's turn: "0:45 left", then "Time is up"."""
    if left <= timedelta(0):
        return "Time is up"
    seconds = math.ceil(left.total_seconds())
    return f"{seconds // 60}:{seconds % 60:02d} left"


def agenda_line(
    agenda: Sequence[AgendaItemView],
    running: AgendaItemView | None,
    now: datetime,
    local_now: datetime,
) -> tuple[str, str, bool]:
    """The top line of the live window: (caption, text, over time?)."""
    if running is not None:
        timing = item_timing(running, now)
        return "Current item", item_line(running, timing, local_now), timing.over
    clock = clock_words(local_now)
    upcoming = next((item for item in agenda if item.ended_at is None), None)
    if upcoming is not None:
        text = SEPARATOR.join(
            (upcoming.title, clock, f"{minutes_words(upcoming.planned_minutes)} planned")
        )
        return "Next on the agenda", text, False
    if agenda:
        return "Agenda", SEPARATOR.join(("Every item is done", clock)), False
    return "Agenda", SEPARATOR.join(("No agenda for this workshop", clock)), False
