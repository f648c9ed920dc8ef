"""The closing gate: no one present leaves without an action.

A workshop cannot be closed while someone present has no accepted action,
unless a respectful "not this time" is recorded for them. Every path that sets
a workshop CLOSED calls ``check_can_close`` (the live window through
``live.close_workshop``, the bundle import, the demo), so no path skips it.

``readiness`` is what ``coprodesk check`` prints: the gate, and the statements
of the group agreement not yet agreed (``agreements.statements_not_agreed``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from coprodesk.core import agreements
from coprodesk.core.actions import PersonRef, coverage
from coprodesk.core.agreements import StatementView
from coprodesk.core.errors import UserFacingError
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
class Readiness:
    title: str
    without_action: tuple[PersonRef, ...]
    not_agreed: tuple[StatementView, ...]  # agreements.statements_not_agreed

    @property
    def ready(self) -> bool:
        return not self.without_action and not self.not_agreed

    def lines(self) -> list[str]:
        """Plain lines for the check command, initials only."""
        if self.ready:
            return [
                f"{self.title}: ready to close.",
                "Everyone present has an accepted action or a “not this time”, and every "
                "statement of the group agreement is agreed.",
            ]
        lines = [f"{self.title}: not ready to close."]
        if self.without_action:
            initials = ", ".join(person.initials for person in self.without_action)
            lines.append(f"No accepted action yet: {initials}.")
        for statement in self.not_agreed:
            lines.append(
                f"Not yet agreed: statement {statement.number}, “{statement.text}” "
                f"({_why_not_agreed(statement)})."
            )
        return lines


def readiness(session: Session, workshop_id: uuid.UUID) -> Readiness:
    workshop = get_workshop(session, workshop_id)
    return Readiness(
        title=workshop.title,
        without_action=people_without_action(session, workshop_id),
        not_agreed=tuple(agreements.statements_not_agreed(session, workshop_id)),
    )


def _why_not_agreed(statement: StatementView) -> str:
    reasons = []
    if statement.change_asked:
        reasons.append(
            "change asked by " + ", ".join(ask.initials for ask in statement.change_asked)
        )
    if statement.waiting_for:
        reasons.append("no answer yet from " + ", ".join(statement.waiting_for))
    return "; ".join(reasons) or "no one has agreed to it yet"
