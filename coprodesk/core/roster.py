"""People in a series, added by name only, and the rule for their initials.

Initials are the first letter of each part of a name, where a part is a word
or a piece of a hyphenated word: "Mary-Jane O'Neil" gives MJO. Lower-case
particles ("de", "la", "van") are skipped when other words remain, so
"Ana de la Cruz" gives AC. A single name gives its first two letters ("Bashir"
gives BA). Letters keep their accents and alphabet ("Łukasz Żółć" gives ŁŻ,
"Αλέξης Παππάς" gives ΑΠ); scripts without capitals keep their first
character. When initials are already taken in the series, the next letter of
the last part is added, then a number: AR, ARA, AR2, AR3.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from coprodesk.core.errors import InvalidInput, NotFound
from coprodesk.core.models import NAME_MAX, Participant
from coprodesk.core.text import clean_line

INITIALS_MAX = 12
# Lower-case words that join a family name rather than start one.
PARTICLES = frozenset(
    {"al", "bin", "bint", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du"}
    | {"el", "la", "le", "van", "von", "ten", "ter", "zu"}
)
_SPLIT = re.compile(r"[\s\-\u2010\u2011\u2012\u2013]+")


def _letters(word: str) -> str:
    """The word without apostrophes, dots and other marks between letters."""
    return "".join(char for char in word if unicodedata.category(char)[0] in "LN")


def name_parts(name: str) -> list[str]:
    words = [word for word in name.split() if _letters(word)]
    kept = [word for word in words if word not in PARTICLES] or words
    parts = [_letters(part) for word in kept for part in _SPLIT.split(word)]
    return [part for part in parts if part]


def derive_initials(name: str) -> str:
    parts = name_parts(name)
    if not parts:
        raise InvalidInput("Please give a name with at least one letter in it.")
    if len(parts) == 1:
        return parts[0][:2].upper()
    return "".join(part[0] for part in parts).upper()[:INITIALS_MAX]


def unique_initials(name: str, taken: Collection[str]) -> str:
    """The derived initials, lengthened or numbered until no one else has them."""
    base = derive_initials(name)
    taken_folded = {initials.casefold() for initials in taken}
    last = name_parts(name)[-1]
    candidates = [base] + [base + letter.upper() for letter in last[1:2]]
    candidates += [f"{base}{number}" for number in range(2, 1000)]
    for candidate in candidates:
        if candidate.casefold() not in taken_folded:
            return candidate
    raise InvalidInput("Too many people share these initials; please type initials yourself.")


def _initials_taken(initials: str) -> InvalidInput:
    return InvalidInput(
        f"Someone in this series already has the initials {initials}. "
        "Please choose different initials."
    )


def add_person(
    session: Session,
    series_id: uuid.UUID,
    name: str,
    *,
    initials: str | None = None,
    private_role: str = "",
    reveal_role_consent: bool = False,
) -> uuid.UUID:
    """Add someone to a series by name; initials are derived unless given."""
    name = clean_line(name, "name", NAME_MAX)
    taken = set(
        session.scalars(select(Participant.initials).where(Participant.series_id == series_id))
    )
    if initials is None:
        initials = unique_initials(name, taken)
    else:
        initials = clean_line(initials, "initials", INITIALS_MAX).upper()
        if initials.casefold() in {existing.casefold() for existing in taken}:
            raise _initials_taken(initials)
    person = Participant(
        series_id=series_id,
        name=name,
        initials=initials,
        private_role=clean_line(private_role, "role", 300, required=False),
        reveal_role_consent=reveal_role_consent,
    )
    session.add(person)
    session.flush()
    return person.id


@dataclass(frozen=True)
class Person:
    """A person as the facilitator sees them; ``private_role`` never goes public."""

    id: uuid.UUID
    name: str
    initials: str
    private_role: str
    reveal_role_consent: bool


def people(session: Session, series_id: uuid.UUID) -> list[Person]:
    rows = session.scalars(
        select(Participant).where(Participant.series_id == series_id).order_by(Participant.name)
    )
    return [
        Person(row.id, row.name, row.initials, row.private_role, row.reveal_role_consent)
        for row in rows
    ]


def _person(session: Session, participant_id: uuid.UUID) -> Participant:
    person = session.get(Participant, participant_id)
    if person is None:
        raise NotFound("That person is no longer in this series.")
    return person


def update_person(
    session: Session,
    participant_id: uuid.UUID,
    *,
    name: str | None = None,
    initials: str | None = None,
    private_role: str | None = None,
    reveal_role_consent: bool | None = None,
) -> None:
    """Change a person's details; initials that someone else has are refused."""
    person = _person(session, participant_id)
    if name is not None:
        person.name = clean_line(name, "name", NAME_MAX)
    if initials is not None:
        wanted = clean_line(initials, "initials", INITIALS_MAX).upper()
        others = session.scalars(
            select(Participant.initials).where(
                Participant.series_id == person.series_id, Participant.id != person.id
            )
        )
        if wanted.casefold() in {other.casefold() for other in others}:
            raise _initials_taken(wanted)
        person.initials = wanted
    if private_role is not None:
        person.private_role = clean_line(private_role, "role", 300, required=False)
    if reveal_role_consent is not None:
        person.reveal_role_consent = reveal_role_consent


def remove_person(session: Session, participant_id: uuid.UUID) -> None:
    session.delete(_person(session, participant_id))
