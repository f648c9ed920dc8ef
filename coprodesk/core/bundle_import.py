"""Importing a workshop bundle: all or nothing, merging by id.

Everything happens in the caller's session and nothing is committed here: on
any problem this raises, so the caller's transaction rolls back and the
database is exactly as it was. Which copy of a record wins, and the rules a
merge must keep, are in ``bundle_merge``. Speakers and action owners follow
their entry or action. Nothing is ever deleted except the speakers and owners
of a record the bundle replaces.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coprodesk.core.bundle_check import BundleProblem, check_bundle
from coprodesk.core.bundle_merge import MergeRules, Plan, Row, chunks, plan_records
from coprodesk.core.bundle_shapes import (
    ACTION,
    AGENDA_ITEM,
    AGREEMENT_STATEMENT,
    AGREEMENT_VERSION,
    ATTENDANCE,
    CONSENT,
    MINUTE_ENTRY,
    OTHER_MINUTE_ENTRY,
    PARTICIPANT,
    PLANNED_SESSION,
    PROMPT_LOG_ENTRY,
    SERIES,
    SPEAKING_TURN,
    WORKSHOP,
    Shape,
)
from coprodesk.core.closing import people_without_action
from coprodesk.core.errors import BundleError
from coprodesk.core.models import (
    ActionOwner,
    Base,
    EntrySpeaker,
    Participant,
    Workshop,
    WorkshopStatus,
)


@dataclass(frozen=True)
class ImportResult:
    """What an import did, counted in records (people, entries, actions and so on)."""

    series_id: uuid.UUID
    workshop_id: uuid.UUID
    added: int
    updated: int
    unchanged: int

    def describe(self) -> str:
        """A plain summary, such as "58 records added, 2 updated, 40 unchanged."."""
        return f"{self.added} records added, {self.updated} updated, {self.unchanged} unchanged."


def import_bundle(session: Session, data: Mapping[str, Any]) -> ImportResult:
    """Merge a bundle into the database; raise ``BundleError`` (changing nothing) if unsafe."""
    try:
        bundle = check_bundle(data)
        session.flush()
        result = _Import(session, bundle).run()
    except BundleProblem as problem:
        raise BundleError(
            f"The bundle cannot be imported: {problem.detail}. Nothing was changed."
        ) from None
    # Bulk statements bypass the identity map; let loaded objects reload.
    session.expire_all()
    others = [uuid.UUID(str(other["id"])) for other in bundle["other_workshops"]]
    for workshop_id in (result.workshop_id, *others):
        _check_closing_gate(session, workshop_id)
    return result


def _check_closing_gate(session: Session, workshop_id: uuid.UUID) -> None:
    """A workshop arrives closed only if it could be closed here: the closing gate holds."""
    workshop = session.get(Workshop, workshop_id)
    if workshop is None or workshop.status is not WorkshopStatus.CLOSED:
        return
    missing = people_without_action(session, workshop_id)
    if missing:
        initials = ", ".join(person.initials for person in missing)
        raise BundleError(
            "The bundle cannot be imported: its workshop is marked closed, but "
            f"{initials} present there had no accepted action and no “not this time”. "
            "Reopen the workshop on the laptop it came from, finish the actions, close it "
            "and export it again. Nothing was changed."
        )


def speaking_turns(workshop: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """Timed turns: optional, since bundles written before they were stored have none."""
    turns: list[Mapping[str, Any]] = workshop.get("speaking_turns", [])
    return turns


def _rows(shape: Shape, items: Iterable[Mapping[str, Any]], **parent: uuid.UUID) -> list[Row]:
    return [shape.from_json(item) | parent for item in items]


class _Import:
    def __init__(self, session: Session, bundle: Mapping[str, Any]) -> None:
        self.session = session
        self.bundle = bundle
        self.series_id = uuid.UUID(bundle["series"]["id"])
        self.workshop_id = uuid.UUID(bundle["workshop"]["id"])

    def run(self) -> ImportResult:
        plans = [plan_records(self.session, shape, rows) for shape, rows in self._tables()]
        by_shape = {each.shape: each for each in plans}
        rules = MergeRules(self.session, by_shape, self.series_id, self.workshop_id)
        rules.check()
        try:
            self._park_changed_initials(by_shape[PARTICIPANT], rules.local_initials)
            for plan in plans:
                self._apply(plan)
            self._replace_speakers(by_shape[MINUTE_ENTRY], by_shape[OTHER_MINUTE_ENTRY])
            self._replace_owners(by_shape[ACTION])
        except IntegrityError as error:
            raise BundleProblem(
                "it clashes with records on this laptop in a way CoproDesk cannot merge"
            ) from error
        return ImportResult(
            series_id=self.series_id,
            workshop_id=self.workshop_id,
            added=sum(len(plan.inserts) for plan in plans),
            updated=sum(len(plan.updates) for plan in plans),
            unchanged=sum(plan.unchanged for plan in plans),
        )

    def _tables(self) -> list[tuple[Shape, list[Row]]]:
        """Every record in the bundle as column values, parents before children."""
        bundle, workshop = self.bundle, self.bundle["workshop"]
        in_series = {"series_id": self.series_id}
        in_workshop = {"workshop_id": self.workshop_id}
        statements: list[Row] = []
        consents: list[Row] = []
        for version in bundle["agreement_versions"]:
            version_id = uuid.UUID(version["id"])
            for statement in version["statements"]:
                statements += _rows(AGREEMENT_STATEMENT, [statement], version_id=version_id)
                statement_id = uuid.UUID(statement["id"])
                consents += _rows(CONSENT, statement["consents"], statement_id=statement_id)
        return [
            (SERIES, _rows(SERIES, [bundle["series"]])),
            (
                PLANNED_SESSION,
                _rows(PLANNED_SESSION, bundle["series"]["planned_sessions"], **in_series),
            ),
            (PARTICIPANT, _rows(PARTICIPANT, bundle["participants"], **in_series)),
            (WORKSHOP, _rows(WORKSHOP, [workshop, *bundle["other_workshops"]], **in_series)),
            (AGENDA_ITEM, _rows(AGENDA_ITEM, workshop["agenda_items"], **in_workshop)),
            (MINUTE_ENTRY, _rows(MINUTE_ENTRY, workshop["minute_entries"], **in_workshop)),
            (OTHER_MINUTE_ENTRY, _rows(OTHER_MINUTE_ENTRY, bundle["other_minute_entries"])),
            (ATTENDANCE, _rows(ATTENDANCE, workshop["attendance"], **in_workshop)),
            (PROMPT_LOG_ENTRY, _rows(PROMPT_LOG_ENTRY, workshop["prompt_log"], **in_workshop)),
            (SPEAKING_TURN, _rows(SPEAKING_TURN, speaking_turns(workshop), **in_workshop)),
            (
                AGREEMENT_VERSION,
                _rows(AGREEMENT_VERSION, bundle["agreement_versions"], **in_series),
            ),
            (AGREEMENT_STATEMENT, statements),
            (CONSENT, consents),
            (ACTION, _rows(ACTION, bundle["actions"])),
        ]

    def _park_changed_initials(self, changes: Plan, local: Mapping[uuid.UUID, str]) -> None:
        """Let people swap initials: park changed ones on a unique value first."""
        changing = [
            {"id": row["id"], "initials": str(row["id"])}
            for row in changes.updates
            if local.get(row["id"]) != row["initials"]
        ]
        if changing:
            self.session.execute(sa.update(Participant), changing)

    def _apply(self, plan: Plan) -> None:
        model = plan.shape.model
        if plan.inserts:
            self.session.execute(sa.insert(model), plan.inserts)
        if plan.updates:
            self.session.execute(sa.update(model), plan.updates)

    def _replace_links(
        self,
        model: type[Base],
        key: str,
        plans: Iterable[Plan],
        links: Mapping[uuid.UUID, list[Row]],
    ) -> None:
        """Links of a replaced record follow the bundle; a new record gets the bundle's."""
        replaced = [row["id"] for plan in plans for row in plan.updates]
        column = getattr(model, key)
        for chunk in chunks(replaced):
            self.session.execute(
                sa.delete(model).where(column.in_(chunk)),
                execution_options={"synchronize_session": False},
            )
        rows = [link for plan in plans for row in plan.winners for link in links[row["id"]]]
        if rows:
            self.session.execute(sa.insert(model), rows)

    def _replace_speakers(self, *plans: Plan) -> None:
        entries = [*self.bundle["workshop"]["minute_entries"], *self.bundle["other_minute_entries"]]
        links = {
            uuid.UUID(entry["id"]): [
                {"entry_id": uuid.UUID(entry["id"]), "participant_id": uuid.UUID(speaker)}
                for speaker in entry["speakers"]
            ]
            for entry in entries
        }
        self._replace_links(EntrySpeaker, "entry_id", plans, links)

    def _replace_owners(self, plan: Plan) -> None:
        links = {
            uuid.UUID(action["id"]): [
                {
                    "action_id": uuid.UUID(action["id"]),
                    "participant_id": uuid.UUID(owner["participant_id"]),
                    "accepted": owner["accepted"],
                }
                for owner in action["owners"]
            ]
            for action in self.bundle["actions"]
        }
        self._replace_links(ActionOwner, "action_id", [plan], links)
