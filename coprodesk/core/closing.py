"""The closing gate: no one present leaves without an action.

A workshop cannot be closed while someone present has no accepted action,
unless a respectful "not this time" is recorded for them. Every path that sets
a workshop CLOSED calls ``check_can_close`` (the live window through
``live.close_workshop``, the bundle import, the demo), so no path skips it.

``readiness`` is what ``coprodesk check`` prints: the gate, and the statements
of the group agreement someone present has asked to change.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from coprodesk.core.actions import PersonRef, coverage
from coprodesk.core.errors import UserFacingError
from coprodesk.core.models import (
    AgreementStatement,
    AgreementVersion,
    Attendance,
    AttendanceStatus,
    Consent,
    ConsentStatus,
    Participant,
)
from coprodesk.core.series import get_workshop


class ActionsMissing(UserFacingError):
    """The workshop cannot close: someone present has no accepted action."""

    def __init__(self, people: tuple[PersonRef, ...]) -> None:
        self.people = people
        initials = ", ".join(person.initials for person in people)
        have = "has" if len(people) == 1 else "have"
        super().__init__(
            f"The workshop is still open: {initials} {have} no accepted action yet. "
            "Agree a small action with each of them, or record a “not this time” with a "
            "reason, then close."
        )


def people_without_action(session: Session, workshop_id: uuid.UUID) -> tuple[PersonRef, ...]:
    """People present with no accepted action and no "not this time"."""
    return coverage(session, workshop_id).without_action


def check_can_close(session: Session, workshop_id: uuid.UUID) -> None:
    """Raise ``ActionsMissing`` (naming who, by initials) if the workshop may not close."""
    session.flush()
    missing = people_without_action(session, workshop_id)
    if missing:
        raise ActionsMissing(missing)


@dataclass(frozen=True)
class NotAgreed:
    """A statement of the latest agreement someone present asked to change."""

    number: int
    text: str
    asked_by: tuple[str, ...]  # initials


def statements_not_agreed(session: Session, workshop_id: uuid.UUID) -> list[NotAgreed]:
    """Statements of the series' latest agreement version with a change asked by someone
    present at this workshop, in order, with who asked (initials)."""
    workshop = get_workshop(session, workshop_id)
    latest = (
        select(AgreementVersion.id)
        .where(AgreementVersion.series_id == workshop.series_id)
        .order_by(AgreementVersion.number.desc())
        .limit(1)
        .scalar_subquery()
    )
    rows = session.execute(
        select(AgreementStatement.id, AgreementStatement.text, Participant.initials)
        .join(Consent, Consent.statement_id == AgreementStatement.id)
        .join(Participant, Participant.id == Consent.participant_id)
        .join(
            Attendance,
            (Attendance.participant_id == Consent.participant_id)
            & (Attendance.workshop_id == workshop_id),
        )
        .where(
            AgreementStatement.version_id == latest,
            Consent.status == ConsentStatus.CHANGE_ASKED,
            Attendance.status == AttendanceStatus.PRESENT,
        )
        .order_by(AgreementStatement.position, Participant.initials)
    ).all()
    positions = {
        statement_id: number
        for number, statement_id in enumerate(
            session.scalars(
                select(AgreementStatement.id)
                .where(AgreementStatement.version_id == latest)
                .order_by(AgreementStatement.position)
            ),
            start=1,
        )
    }
    grouped: dict[uuid.UUID, tuple[str, list[str]]] = {}
    for statement_id, text, initials in rows:
        grouped.setdefault(statement_id, (text, []))[1].append(initials)
    return [
        NotAgreed(positions[statement_id], text, tuple(initials))
        for statement_id, (text, initials) in grouped.items()
    ]


@dataclass(frozen=True)
class Readiness:
    title: str
    without_action: tuple[PersonRef, ...]
    not_agreed: tuple[NotAgreed, ...]

    @property
    def ready(self) -> bool:
        return not self.without_action and not self.not_agreed

    def lines(self) -> list[str]:
        """Plain lines for the check command, initials only."""
        if self.ready:
            return [
                f"{self.title}: ready to close.",
                "Everyone present has an accepted action or a “not this time”, and no one "
                "present has asked to change the group agreement.",
            ]
        lines = [f"{self.title}: not ready to close."]
        if self.without_action:
            initials = ", ".join(person.initials for person in self.without_action)
            lines.append(f"No accepted action yet: {initials}.")
        for statement in self.not_agreed:
            asked = ", ".join(statement.asked_by)
            lines.append(
                f"Not yet agreed: statement {statement.number}, “{statement.text}” "
                f"(change asked by {asked})."
            )
        return lines


def readiness(session: Session, workshop_id: uuid.UUID) -> Readiness:
    workshop = get_workshop(session, workshop_id)
    return Readiness(
        title=workshop.title,
        without_action=people_without_action(session, workshop_id),
        not_agreed=tuple(statements_not_agreed(session, workshop_id)),
    )
