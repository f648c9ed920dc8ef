"""The group agreement: statements the group writes, agrees to person by person, and keeps.

The agreement belongs to a series and is kept as numbered versions. Each
statement is agreed when at least one person has agreed to it and no one has
an open "change asked". Each person present answers each statement; answers are
stored against the person and shown by initials only.

While a version is being made (in its own workshop, before everyone here has
agreed every statement) changes are made to it directly; changing the words of
a statement clears the answers to it, since people agreed to other words.
Once a version is agreed, or when a later workshop revisits it, any change
makes a new version tied to the workshop doing the changing: the old version
stays as it was, in the history, and answers to the statements that did not
change carry over, so people are only asked about what is new to them.

Like the rest of the core this takes a ``Session`` and returns plain views.
"""

from __future__ import annotations

import enum
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from coprodesk import paths
from coprodesk.core.errors import InvalidInput, NotFound, UserFacingError
from coprodesk.core.minutes import add_entry
from coprodesk.core.models import (
    AgreementStatement,
    AgreementVersion,
    Attendance,
    AttendanceStatus,
    Consent,
    ConsentStatus,
    EntryKind,
    MinuteEntry,
    Participant,
    Workshop,
)
from coprodesk.core.nameguard import guard_text
from coprodesk.core.series import get_workshop
from coprodesk.core.text import clean_line, clean_text
from coprodesk.core.undo import Removed, _put_back, _snapshot, _table

STARTER_FILE = "agreement_statements.json"
AGREED, ASKED = ConsentStatus.AGREED, ConsentStatus.CHANGE_ASKED
STATEMENT_MAX = 500
NOTE_MAX = 1000


# The starter set ------------------------------------------------------------------------


@dataclass(frozen=True)
class StarterStatement:
    theme: str
    text: str


@cache
def starter_statements() -> tuple[StarterStatement, ...]:
    """The shipped starter set, checked; a missing or damaged file is a plain error."""
    path = paths.resources_dir() / STARTER_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        rows = data["statements"]
        if not isinstance(rows, list) or not rows:
            raise ValueError
        starters = tuple(StarterStatement(_text(row, "theme"), _text(row, "text")) for row in rows)
        if len({starter.text for starter in starters}) != len(starters):
            raise ValueError
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise UserFacingError(
            f"The starter statements file {path} is missing or damaged. Reinstalling "
            "CoproDesk restores it; your workshops and agreements are not affected."
        ) from error
    return starters


def _text(row: Any, key: str) -> str:
    value = row[key]
    if not isinstance(value, str) or not value.strip() or len(value) > STATEMENT_MAX:
        raise ValueError
    return value.strip()


# Views ----------------------------------------------------------------------------------


class StatementStatus(enum.StrEnum):
    AGREED = "agreed"
    NOT_YET = "not_yet"


@dataclass(frozen=True)
class ChangeAsked:
    initials: str
    note: str


@dataclass(frozen=True)
class StatementView:
    id: uuid.UUID
    number: int
    text: str
    status: StatementStatus
    agreed_by: tuple[str, ...]  # initials, sorted
    change_asked: tuple[ChangeAsked, ...]
    waiting_for: tuple[str, ...]  # initials of people here today with no answer yet

    @property
    def agreed(self) -> bool:
        return self.status is StatementStatus.AGREED

    def answer_of(self, initials: str) -> ConsentStatus | None:
        if initials in self.agreed_by:
            return ConsentStatus.AGREED
        if any(asked.initials == initials for asked in self.change_asked):
            return ConsentStatus.CHANGE_ASKED
        return None


@dataclass(frozen=True)
class PersonToAsk:
    """Someone here today, and how far they are through the current version."""

    participant_id: uuid.UUID
    name: str
    initials: str
    agreed: int
    changes_asked: int
    total: int

    @property
    def done(self) -> bool:
        return self.agreed == self.total


@dataclass(frozen=True)
class AgreementView:
    """The series' current agreement as seen from one workshop."""

    workshop_id: uuid.UUID
    series_id: uuid.UUID
    version_id: uuid.UUID | None
    number: int  # 0 when there is no agreement yet
    made_in: str  # title of the workshop the version was made in
    note: str
    statements: tuple[StatementView, ...]
    people: tuple[PersonToAsk, ...]  # everyone present, in name order
    revisiting: bool  # the version was made in another workshop
    kept_here: bool  # the group kept it as it is, in this workshop
    agreed: bool  # every statement agreed and everyone present has agreed all
    earlier_versions: int

    @property
    def exists(self) -> bool:
        return self.version_id is not None

    @property
    def to_ask(self) -> tuple[PersonToAsk, ...]:
        """People here who have not yet agreed to every statement of this version."""
        return tuple(person for person in self.people if not person.done)

    def statement(self, number: int) -> StatementView | None:
        return self.statements[number - 1] if 0 < number <= len(self.statements) else None


@dataclass(frozen=True)
class VersionView:
    number: int
    made_in: str
    made_at: datetime
    note: str
    statements: tuple[str, ...]


# Reading --------------------------------------------------------------------------------


def current_version(session: Session, series_id: uuid.UUID) -> AgreementVersion | None:
    return session.scalar(
        select(AgreementVersion)
        .where(AgreementVersion.series_id == series_id)
        .order_by(AgreementVersion.number.desc())
        .limit(1)
    )


def _present(session: Session, workshop_id: uuid.UUID) -> list[tuple[uuid.UUID, str, str]]:
    return [
        (row.id, row.name, row.initials)
        for row in session.execute(
            select(Participant.id, Participant.name, Participant.initials)
            .join(Attendance, Attendance.participant_id == Participant.id)
            .where(
                Attendance.workshop_id == workshop_id,
                Attendance.status == AttendanceStatus.PRESENT,
            )
            .order_by(Participant.name)
        )
    ]


def _keep_words(number: int) -> str:
    return f"We read our group agreement together and kept version {number} as it is."


def version_as_it_stood(session: Session, workshop_id: uuid.UUID) -> AgreementVersion | None:
    """The newest version made at this workshop or before it (by start), if any.

    For the workshop running now that is the current version; a past workshop is
    judged by the agreement it had, not by changes made later in the series.
    """
    workshop = get_workshop(session, workshop_id)
    starts = dict(
        session.execute(
            select(Workshop.id, Workshop.starts_at).where(Workshop.series_id == workshop.series_id)
        ).all()
    )
    versions = session.scalars(
        select(AgreementVersion)
        .where(AgreementVersion.series_id == workshop.series_id)
        .order_by(AgreementVersion.number.desc())
    )
    for version in versions:
        made_at = starts.get(version.workshop_id) if version.workshop_id else None
        if made_at is None or workshop.starts_at is None or made_at <= workshop.starts_at:
            return version
    return None


def agreement_view(
    session: Session, workshop_id: uuid.UUID, *, as_it_stood: bool = False
) -> AgreementView:
    """The agreement for this workshop: the current version (to work on), or with
    ``as_it_stood`` the version this workshop had (to judge a past workshop)."""
    session.flush()
    workshop = get_workshop(session, workshop_id)
    version = (
        version_as_it_stood(session, workshop_id)
        if as_it_stood
        else current_version(session, workshop.series_id)
    )
    present = _present(session, workshop_id)
    if version is None:
        return AgreementView(
            workshop_id, workshop.series_id, None, 0, "", "", (), (), False, False, False, 0
        )
    initials_of = dict(
        session.execute(
            select(Participant.id, Participant.initials).where(
                Participant.series_id == workshop.series_id
            )
        ).all()
    )
    present_ids = {pid for pid, _name, _initials in present}
    # Plain rows, not ORM objects: a round of 30 people answers hundreds of times.
    rows = session.execute(
        select(AgreementStatement.id, AgreementStatement.text)
        .where(AgreementStatement.version_id == version.id)
        .order_by(AgreementStatement.position)
    ).all()
    answers: dict[uuid.UUID, list[tuple[uuid.UUID, ConsentStatus, str]]] = {
        row.id: [] for row in rows
    }
    for consent in session.execute(
        select(Consent.statement_id, Consent.participant_id, Consent.status, Consent.note)
        .join(AgreementStatement, AgreementStatement.id == Consent.statement_id)
        .where(AgreementStatement.version_id == version.id)
    ):
        answers[consent.statement_id].append((consent.participant_id, consent.status, consent.note))
    statements: list[StatementView] = []
    agreed_count = dict.fromkeys(present_ids, 0)
    asked_count = dict.fromkeys(present_ids, 0)
    for number, row in enumerate(rows, start=1):
        given = answers[row.id]
        agreed = sorted(initials_of[pid] for pid, status, _ in given if status is AGREED)
        asked = sorted(
            (ChangeAsked(initials_of[pid], note) for pid, status, note in given if status is ASKED),
            key=lambda each: each.initials,
        )
        answered = {pid for pid, _status, _note in given}
        for pid, answer, _note in given:
            if pid in present_ids:
                counts = agreed_count if answer is AGREED else asked_count
                counts[pid] += 1
        standing = StatementStatus.AGREED if agreed and not asked else StatementStatus.NOT_YET
        statements.append(
            StatementView(
                row.id,
                number,
                row.text,
                standing,
                tuple(agreed),
                tuple(asked),
                tuple(sorted(initials_of[p] for p in present_ids - answered)),
            )
        )
    total = len(statements)
    people = tuple(
        PersonToAsk(pid, name, initials, agreed_count[pid], asked_count[pid], total)
        for pid, name, initials in present
    )
    made_in = session.get(Workshop, version.workshop_id) if version.workshop_id else None
    kept = session.scalar(
        select(MinuteEntry.id)
        .where(
            MinuteEntry.workshop_id == workshop_id,
            MinuteEntry.kind == EntryKind.DECISION,
            MinuteEntry.text == _keep_words(version.number),
        )
        .limit(1)
    )
    return AgreementView(
        workshop_id=workshop_id,
        series_id=workshop.series_id,
        version_id=version.id,
        number=version.number,
        made_in=made_in.title if made_in else "",
        note=version.note,
        statements=tuple(statements),
        people=people,
        revisiting=version.workshop_id != workshop_id,
        kept_here=kept is not None,
        agreed=_is_agreed(statements, people),
        earlier_versions=version.number - 1,
    )


def _is_agreed(statements: Sequence[StatementView], people: Sequence[PersonToAsk]) -> bool:
    return (
        bool(statements)
        and all(statement.agreed for statement in statements)
        and all(person.done for person in people)
    )


def statements_not_agreed(session: Session, workshop_id: uuid.UUID) -> list[StatementView]:
    """What is not yet agreed for this workshop: statements with an open "change asked",
    with no one agreeing yet, or that someone here today has not answered."""
    view = agreement_view(session, workshop_id, as_it_stood=True)
    return [s for s in view.statements if not s.agreed or s.waiting_for]


def history(session: Session, series_id: uuid.UUID) -> list[VersionView]:
    """Every version of the series' agreement, newest first."""
    titles: dict[uuid.UUID, str] = {
        row.id: row.title
        for row in session.execute(
            select(Workshop.id, Workshop.title).where(Workshop.series_id == series_id)
        )
    }
    versions = session.scalars(
        select(AgreementVersion)
        .where(AgreementVersion.series_id == series_id)
        .order_by(AgreementVersion.number.desc())
    ).all()
    return [
        VersionView(
            number=version.number,
            made_in=titles.get(version.workshop_id, "") if version.workshop_id else "",
            made_at=version.created_at,
            note=version.note,
            statements=tuple(statement.text for statement in version.statements),
        )
        for version in versions
    ]


# Writing the statements -----------------------------------------------------------------


def _statement_text(text: str) -> str:
    return clean_line(text, "statement", STATEMENT_MAX)


def start_agreement(
    session: Session, workshop_id: uuid.UUID, texts: Sequence[str] = ()
) -> uuid.UUID:
    """Begin the series' first agreement in this workshop, with ``texts`` (may be none)."""
    workshop = get_workshop(session, workshop_id)
    if current_version(session, workshop.series_id) is not None:
        raise InvalidInput("This series already has a group agreement. Change that one instead.")
    cleaned = list(dict.fromkeys(_statement_text(text) for text in texts))
    version = AgreementVersion(
        series_id=workshop.series_id, number=1, workshop_id=workshop_id, note="First agreement."
    )
    version.statements = [
        AgreementStatement(position=position, text=text)
        for position, text in enumerate(cleaned, start=1)
    ]
    session.add(version)
    session.flush()
    return version.id


def start_from_starter_set(session: Session, workshop_id: uuid.UUID) -> uuid.UUID:
    return start_agreement(session, workshop_id, [each.text for each in starter_statements()])


def _version_for(session: Session, workshop_id: uuid.UUID) -> AgreementVersion:
    workshop = get_workshop(session, workshop_id)
    version = current_version(session, workshop.series_id)
    if version is None:
        start_agreement(session, workshop_id)
        version = current_version(session, workshop.series_id)
    assert version is not None
    return version


def _writable(
    session: Session, workshop_id: uuid.UUID
) -> tuple[AgreementVersion, dict[uuid.UUID, uuid.UUID]]:
    """The version to change from this workshop, and how old statement ids map onto it.

    The current version itself while it is being made here; otherwise a new copy
    (statements and answers) tied to this workshop; ``_note_change`` says what changed.
    """
    version = _version_for(session, workshop_id)
    same = {statement.id: statement.id for statement in version.statements}
    if version.workshop_id == workshop_id and not agreement_view(session, workshop_id).agreed:
        return version, same
    copy = AgreementVersion(
        id=uuid.uuid4(),
        series_id=version.series_id,
        number=version.number + 1,
        workshop_id=workshop_id,
    )
    session.add(copy)
    session.flush()
    # Copied in bulk: the answers of a whole room come along with the statements.
    rows = session.execute(
        select(AgreementStatement.id, AgreementStatement.position, AgreementStatement.text).where(
            AgreementStatement.version_id == version.id
        )
    ).all()
    mapping = {row.id: uuid.uuid4() for row in rows}
    if rows:
        session.execute(
            insert(AgreementStatement),
            [
                {
                    "id": mapping[row.id],
                    "version_id": copy.id,
                    "position": row.position,
                    "text": row.text,
                }
                for row in rows
            ],
        )
    answers = session.execute(
        select(Consent.statement_id, Consent.participant_id, Consent.status, Consent.note)
        .join(AgreementStatement, AgreementStatement.id == Consent.statement_id)
        .where(AgreementStatement.version_id == version.id)
    ).all()
    if answers:
        session.execute(
            insert(Consent),
            [
                {
                    "statement_id": mapping[a.statement_id],
                    "participant_id": a.participant_id,
                    "status": a.status,
                    "note": a.note,
                }
                for a in answers
            ],
        )
    session.expire(copy)
    return copy, mapping


def _note_change(version: AgreementVersion, words: str) -> None:
    """Add what changed to the note of a version being made in a later workshop."""
    if version.number > 1 and words not in version.note:
        version.note = f"{version.note} {words}".strip() if version.note else words


def _statement(session: Session, statement_id: uuid.UUID) -> AgreementStatement:
    statement = session.get(AgreementStatement, statement_id)
    if statement is None:
        raise NotFound("That statement is no longer in the agreement. It may have been removed.")
    return statement


def _in_current(session: Session, workshop_id: uuid.UUID, statement_id: uuid.UUID) -> None:
    statement = _statement(session, statement_id)
    version = _version_for(session, workshop_id)
    if statement.version_id != version.id:
        raise InvalidInput(
            "That statement belongs to an earlier version of the agreement, "
            "which is kept as it was."
        )


def add_statement(
    session: Session, workshop_id: uuid.UUID, text: str, position: int | None = None
) -> uuid.UUID:
    """Add a statement (at the end, or at ``position``) and return its id."""
    cleaned = _statement_text(text)
    version, _mapping = _writable(session, workshop_id)
    if any(statement.text == cleaned for statement in version.statements):
        raise InvalidInput("That statement is already in the agreement.")
    count = len(version.statements)
    where = count + 1 if position is None else max(1, min(position, count + 1))
    _note_change(version, "Added a statement.")
    session.execute(
        update(AgreementStatement)
        .where(AgreementStatement.version_id == version.id, AgreementStatement.position >= where)
        .values(position=AgreementStatement.position + 1)
    )
    statement = AgreementStatement(
        id=uuid.uuid4(), version_id=version.id, position=where, text=cleaned
    )
    session.add(statement)
    session.flush()
    session.expire(version)
    return statement.id


def edit_statement(
    session: Session, workshop_id: uuid.UUID, statement_id: uuid.UUID, text: str
) -> uuid.UUID:
    """Change a statement's words; everyone is asked about it again. Returns its id now."""
    cleaned = _statement_text(text)
    _in_current(session, workshop_id, statement_id)
    if _statement(session, statement_id).text == cleaned:
        return statement_id
    version, mapping = _writable(session, workshop_id)
    statement = _statement(session, mapping[statement_id])
    _note_change(version, f"Changed statement {statement.position}.")
    statement.text = cleaned
    session.execute(delete(Consent).where(Consent.statement_id == statement.id))
    session.expire(statement)
    return statement.id


def move_statement(
    session: Session, workshop_id: uuid.UUID, statement_id: uuid.UUID, new_position: int
) -> uuid.UUID:
    """Move a statement to ``new_position`` (1-based, clamped). Returns its id now."""
    _in_current(session, workshop_id, statement_id)
    old = _statement(session, statement_id)
    count = len(old.version.statements)
    target = max(1, min(new_position, count))
    if target == old.position:
        return statement_id
    version, mapping = _writable(session, workshop_id)
    _note_change(version, "Changed the order.")
    moved = _statement(session, mapping[statement_id])
    others = [s for s in version.statements if s.id != moved.id]
    others.insert(target - 1, moved)
    for position, each in enumerate(others, start=1):
        each.position = position
    session.flush()
    session.expire(version)
    return moved.id


@dataclass(frozen=True)
class RemovedStatement:
    """What ``restore_statement`` needs to put a removed statement back."""

    removed: Removed
    made_version: uuid.UUID | None  # the version this removal made, if it made one
    text: str


def remove_statement(
    session: Session, workshop_id: uuid.UUID, statement_id: uuid.UUID
) -> RemovedStatement:
    """Remove a statement (and the answers to it); ``restore_statement`` undoes it."""
    _in_current(session, workshop_id, statement_id)
    before = _version_for(session, workshop_id).id
    version, mapping = _writable(session, workshop_id)
    statement = _statement(session, mapping[statement_id])
    _note_change(version, "Removed a statement.")
    removed = _snapshot(session, _table("agreement_statement"), statement.id, statement.text)
    position = statement.position
    session.delete(statement)
    session.flush()
    session.execute(
        update(AgreementStatement)
        .where(AgreementStatement.version_id == version.id, AgreementStatement.position > position)
        .values(position=AgreementStatement.position - 1)
    )
    session.expire(version)
    made = version.id if version.id != before else None
    return RemovedStatement(removed, made, removed.label)


def restore_statement(session: Session, removed: RemovedStatement) -> uuid.UUID:
    """Undo ``remove_statement``: the statement and its answers return to their place.

    If the removal had made a new version and nothing else changed in it, that
    version goes again, so an undo leaves no empty step in the history.
    """
    values = removed.removed.values
    version = session.get(AgreementVersion, values["version_id"])
    if version is None:
        raise NotFound("The version of the agreement it was in is no longer there.")
    session.execute(
        update(AgreementStatement)
        .where(
            AgreementStatement.version_id == version.id,
            AgreementStatement.position >= values["position"],
        )
        .values(position=AgreementStatement.position + 1)
    )
    _put_back(session, removed.removed)
    if removed.made_version == version.id:
        version = session.get(AgreementVersion, version.id)
        assert version is not None
        earlier = session.scalar(
            select(AgreementVersion).where(
                AgreementVersion.series_id == version.series_id,
                AgreementVersion.number == version.number - 1,
            )
        )
        if earlier is not None and [s.text for s in earlier.statements] == [
            s.text for s in version.statements
        ]:
            session.delete(version)
            session.flush()
            return _matching_statement(earlier, removed.text)
    return removed.removed.id


def _matching_statement(version: AgreementVersion, text: str) -> uuid.UUID:
    return next(statement.id for statement in version.statements if statement.text == text)


# The consent round ----------------------------------------------------------------------


def _check_present(session: Session, workshop_id: uuid.UUID, participant_id: uuid.UUID) -> None:
    status = session.scalar(
        select(Attendance.status).where(
            Attendance.workshop_id == workshop_id, Attendance.participant_id == participant_id
        )
    )
    if status is not AttendanceStatus.PRESENT:
        raise InvalidInput("Only people marked present today are asked. Mark them present first.")


def record_answer(
    session: Session,
    workshop_id: uuid.UUID,
    statement_id: uuid.UUID,
    participant_id: uuid.UUID,
    status: ConsentStatus,
    note: str = "",
) -> None:
    """Record one person's answer to one statement (replacing any answer before)."""
    _in_current(session, workshop_id, statement_id)
    _check_present(session, workshop_id, participant_id)
    cleaned = clean_text(note, "note", NOTE_MAX)
    if cleaned:
        cleaned = guard_text(session, get_workshop(session, workshop_id).series_id, cleaned)
    if status is ConsentStatus.AGREED:
        cleaned = ""
    consent = session.scalar(
        select(Consent).where(
            Consent.statement_id == statement_id, Consent.participant_id == participant_id
        )
    )
    if consent is None:
        session.add(
            Consent(
                statement_id=statement_id,
                participant_id=participant_id,
                status=status,
                note=cleaned,
            )
        )
    else:
        consent.status = status
        consent.note = cleaned
    session.flush()


def agree_to_all(session: Session, workshop_id: uuid.UUID, participant_id: uuid.UUID) -> int:
    """The person agrees to every statement they have not answered yet; returns how many.

    A change they asked for stays asked: only they can take it back, one statement at a time.
    """
    _check_present(session, workshop_id, participant_id)
    version = _version_for(session, workshop_id)
    answered = set(
        session.scalars(
            select(Consent.statement_id)
            .join(AgreementStatement, AgreementStatement.id == Consent.statement_id)
            .where(
                AgreementStatement.version_id == version.id,
                Consent.participant_id == participant_id,
            )
        )
    )
    new = [s.id for s in version.statements if s.id not in answered]
    for statement_id in new:
        session.add(
            Consent(
                statement_id=statement_id,
                participant_id=participant_id,
                status=ConsentStatus.AGREED,
            )
        )
    session.flush()
    return len(new)


def clear_answer(
    session: Session, workshop_id: uuid.UUID, statement_id: uuid.UUID, participant_id: uuid.UUID
) -> None:
    """Take back an answer given by mistake; the person is asked again."""
    _in_current(session, workshop_id, statement_id)
    session.execute(
        delete(Consent).where(
            Consent.statement_id == statement_id, Consent.participant_id == participant_id
        )
    )


# Revisiting and raising points ----------------------------------------------------------


def keep_agreement(session: Session, workshop_id: uuid.UUID) -> uuid.UUID:
    """The group read the agreement again and kept it: a decision in the minutes."""
    workshop = get_workshop(session, workshop_id)
    version = current_version(session, workshop.series_id)
    if version is None or not version.statements:
        raise InvalidInput("There is no agreement to keep yet. Write it with the group first.")
    view = agreement_view(session, workshop_id)
    if view.kept_here:
        return workshop_id
    return add_entry(
        session,
        workshop_id,
        _keep_words(version.number),
        kind=EntryKind.DECISION,
        decided_by_group=True,
        agenda_item_id=workshop.current_agenda_item_id,
    )


def point_words(number: int, text: str) -> str:
    return f"Agreement point {number} raised: {text}"


def raise_point(session: Session, workshop_id: uuid.UUID, number: int) -> uuid.UUID:
    """Record that someone raised statement ``number`` as a concern: in the minutes by
    number, with no name, under the agenda item that is running."""
    workshop = get_workshop(session, workshop_id)
    version = current_version(session, workshop.series_id)
    count = len(version.statements) if version else 0
    if not 1 <= number <= count:
        raise InvalidInput(
            f"The agreement has no point {number}."
            + (f" Choose a number from 1 to {count}." if count else " There is no agreement yet.")
        )
    assert version is not None
    text = guard_text(session, workshop.series_id, version.statements[number - 1].text)
    return add_entry(
        session,
        workshop_id,
        point_words(number, text),
        agenda_item_id=workshop.current_agenda_item_id,
        agreement_point=number,
    )
