"""The order of the introductions round. No Qt here.

The order is chosen once (list order or shuffled) and kept as a list of ids,
so marking people or adding a late arrival never reshuffles the room. People
not in that list yet (late arrivals) go at the end of the round; people
contributing in writing and people sending apologies come after everyone in
the room, so that they can still be changed.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from coprodesk.core.attendance import PersonAttendance, introduction_order
from coprodesk.core.models import AttendanceStatus

STATUS_WORDS = {
    None: "not marked yet",
    AttendanceStatus.PRESENT: "here",
    AttendanceStatus.IN_WRITING: "contributing in writing",
    AttendanceStatus.APOLOGIES: "sent apologies",
}


def in_the_room(person: PersonAttendance) -> bool:
    return person.status in (None, AttendanceStatus.PRESENT)


def choose_order(
    people: Sequence[PersonAttendance], *, shuffle: bool, seed: int | None = None
) -> list[uuid.UUID]:
    return [
        person.participant_id for person in introduction_order(people, shuffle=shuffle, seed=seed)
    ]


def arrange(
    people: Sequence[PersonAttendance], order: Sequence[uuid.UUID]
) -> list[PersonAttendance]:
    """Everyone, in the round's order: the room first, then in writing, then apologies."""
    position = {participant_id: index for index, participant_id in enumerate(order)}
    ordered = sorted(people, key=lambda person: position.get(person.participant_id, len(order)))
    writing = [p for p in ordered if p.status is AttendanceStatus.IN_WRITING]
    apologies = [p for p in ordered if p.status is AttendanceStatus.APOLOGIES]
    return [p for p in ordered if in_the_room(p)] + writing + apologies
