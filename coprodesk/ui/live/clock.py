"""Where the live window gets the time, so that tests and screenshots can set it.

The core stores moments in UTC without a zone; the window shows local wall-clock times.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """Now, in UTC, without a zone (as the core stores moments)."""
        ...

    def local(self, moment: datetime) -> datetime:
        """A UTC ``moment`` as wall-clock time here."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC).replace(tzinfo=None)

    def local(self, moment: datetime) -> datetime:
        return moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


class FixedClock:
    """A clock that moves only when told to; its local time is UTC."""

    def __init__(self, now: datetime) -> None:
        self.moment = now

    def now(self) -> datetime:
        return self.moment

    def local(self, moment: datetime) -> datetime:
        return moment

    def advance(self, *, minutes: float = 0, seconds: float = 0) -> None:
        self.moment += timedelta(minutes=minutes, seconds=seconds)
