"""Merging a bundle's records with this laptop's: which copy wins, and which rules hold.

Records match by id. A record only in the bundle is added; when a record is in
both, the copy with the newer ``updated_at`` wins, and on a tie the local copy
stays. Before anything is written, the merged result is checked against the
rules the database keeps (unique initials in a series, one attendance per
person and workshop, one answer per person and statement, one agreement
version per number), so a clash is refused in plain words naming initials,
never names.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from coprodesk.core.bundle_problem import BundleProblem
from coprodesk.core.bundle_shapes import (
    AGREEMENT_VERSION,
    ATTENDANCE,
    CONSENT,
    PARTICIPANT,
    Shape,
)
from coprodesk.core.models import AgreementVersion, Attendance, Consent, Participant

Row = dict[str, Any]
_CHUNK = 500  # ids per IN (...) query
_PARENT_NOUNS = {
    "series_id": "series",
    "workshop_id": "workshop",
    "version_id": "agreement version",
    "statement_id": "agreement statement",
}


def chunks(values: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


@dataclass
class Plan:
    """What to do with one kind of record from the bundle."""

    shape: Shape
    inserts: list[Row] = field(default_factory=list)
    updates: list[Row] = field(default_factory=list)
    unchanged: int = 0

    @property
    def winners(self) -> list[Row]:
        """Bundle copies that will be stored: new records and newer copies."""
        return self.inserts + self.updates


def plan_records(session: Session, shape: Shape, rows: list[Row]) -> Plan:
    """Sort bundle records into new ones, newer copies of ours, and the rest."""
    table = shape.table
    parent = table.c[shape.parent] if shape.parent is not None else table.c.id
    local: dict[uuid.UUID, tuple[datetime, uuid.UUID]] = {}
    for chunk in chunks([row["id"] for row in rows]):
        query = sa.select(table.c.id, table.c.updated_at, parent).where(table.c.id.in_(chunk))
        for record_id, updated_at, parent_id in session.execute(query):
            local[record_id] = (updated_at, parent_id)
    result = Plan(shape)
    for row in rows:
        if row["id"] not in local:
            result.inserts.append(row)
            continue
        updated_at, parent_id = local[row["id"]]
        if shape.parent is not None and parent_id != row[shape.parent]:
            raise BundleProblem(
                f"the {shape.noun} {row['id']} belongs to a different "
                f"{_PARENT_NOUNS[shape.parent]} on this laptop than in the bundle"
            )
        if row["updated_at"] > updated_at:
            result.updates.append(row)
        else:
            result.unchanged += 1
    return result


class MergeRules:
    """Checks the merged result of a bundle and this laptop against the database's rules."""

    def __init__(
        self,
        session: Session,
        plans: Mapping[Shape, Plan],
        series_id: uuid.UUID,
        workshop_id: uuid.UUID,
    ) -> None:
        self.session = session
        self.plans = plans
        self.series_id = series_id
        self.workshop_id = workshop_id
        self.local_initials: dict[uuid.UUID, str] = {}

    def check(self) -> None:
        initials = self._check_initials(self.plans[PARTICIPANT])
        self._check_attendance(self.plans[ATTENDANCE], initials)
        self._check_versions(self.plans[AGREEMENT_VERSION])
        self._check_consents(self.plans[CONSENT], initials)

    def _after_merge(
        self, queries: Iterable[sa.Executable], plan: Plan, *columns: str
    ) -> dict[uuid.UUID, tuple[Any, ...]]:
        """Some columns of each record as they will be after the merge.

        ``queries`` select the id and ``columns`` of the local records concerned.
        """
        result = {
            row[0]: tuple(row[1:]) for query in queries for row in self.session.execute(query)
        }
        for row in plan.winners:
            result[row["id"]] = tuple(row[column] for column in columns)
        return result

    def _check_initials(self, plan: Plan) -> dict[uuid.UUID, str]:
        """Everyone's initials in the series after the merge; refuse a clash."""
        query = sa.select(Participant.id, Participant.initials).where(
            Participant.series_id == self.series_id
        )
        self.local_initials = dict(self.session.execute(query).all())
        final = {
            key: value for key, (value,) in self._after_merge([query], plan, "initials").items()
        }
        # As when people are added, initials differing only in case count as the same.
        taken: set[str] = set()
        for initials in final.values():
            if initials.casefold() in taken:
                raise BundleProblem(
                    "a different person in this series on this laptop already has the initials "
                    f'"{initials}". Change the initials of one of them, then export and import '
                    "again"
                )
            taken.add(initials.casefold())
        return final

    def _check_attendance(self, plan: Plan, initials: dict[uuid.UUID, str]) -> None:
        query = sa.select(Attendance.id, Attendance.participant_id).where(
            Attendance.workshop_id == self.workshop_id
        )
        repeated = _first_repeat(self._after_merge([query], plan, "participant_id").values())
        if repeated is not None:
            raise BundleProblem(
                f'the attendance of "{initials.get(repeated[0], "?")}" at this workshop was '
                "recorded separately on this laptop and in the bundle"
            )

    def _check_versions(self, plan: Plan) -> None:
        query = sa.select(AgreementVersion.id, AgreementVersion.number).where(
            AgreementVersion.series_id == self.series_id
        )
        repeated = _first_repeat(self._after_merge([query], plan, "number").values())
        if repeated is not None:
            raise BundleProblem(
                f"version {repeated[0]} of the group agreement was made separately on this "
                "laptop and in the bundle"
            )

    def _check_consents(self, plan: Plan, initials: dict[uuid.UUID, str]) -> None:
        statements = list({row["statement_id"] for row in plan.winners})
        queries = [
            sa.select(Consent.id, Consent.statement_id, Consent.participant_id).where(
                Consent.statement_id.in_(chunk)
            )
            for chunk in chunks(statements)
        ]
        final = self._after_merge(queries, plan, "statement_id", "participant_id")
        repeated = _first_repeat(final.values())
        if repeated is not None:
            raise BundleProblem(
                f'an answer of "{initials.get(repeated[1], "?")}" to a statement of the group '
                "agreement was recorded separately on this laptop and in the bundle"
            )


def _first_repeat(values: Iterable[Any]) -> Any:
    """The first value that comes again, or None."""
    seen = set()
    for value in values:
        if value in seen:
            return value
        seen.add(value)
    return None
