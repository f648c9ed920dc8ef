"""Exporting one workshop, and what it needs of its series, as a bundle.

The result depends only on the stored data: lists are sorted by a natural
key and then by id, and nothing records when the export was made. So an
export, imported into an empty data folder and exported again, gives the same
bytes.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from coprodesk import __version__
from coprodesk.core.bundle_shapes import (
    ACTION,
    AGENDA_ITEM,
    AGREEMENT_STATEMENT,
    AGREEMENT_VERSION,
    ATTENDANCE,
    CONSENT,
    FORMAT_NAME,
    FORMAT_VERSION,
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
from coprodesk.core.errors import BundleError, NotFound
from coprodesk.core.models import (
    Action,
    ActionOwner,
    AgendaItem,
    AgreementStatement,
    AgreementVersion,
    Attendance,
    Consent,
    EntrySpeaker,
    MinuteEntry,
    Participant,
    PlannedSession,
    PromptLogEntry,
    Series,
    SpeakingTurn,
    Workshop,
)

Item = dict[str, Any]


def _items(
    session: Session, shape: Shape, where: sa.ColumnElement[bool], *order: str
) -> list[Item]:
    """Records as bundle items, sorted by ``order`` and then id."""
    rows = session.execute(shape.select().where(where)).mappings()
    items = []
    for row in rows:
        item = shape.to_json(row)
        if shape.parent is not None:
            item["_parent"] = str(row[shape.parent])
        items.append(item)
    items.sort(key=lambda item: (*(item[key] for key in order), item["id"]))
    return items


def _under(children: list[Item], key: str, parents: Iterable[Item]) -> None:
    """Put each child in its parent's list ``key``."""
    by_parent: defaultdict[str, list[Item]] = defaultdict(list)
    for child in children:
        by_parent[child.pop("_parent")].append(child)
    for parent in parents:
        parent[key] = by_parent[parent["id"]]


def _drop_parent(items: list[Item]) -> list[Item]:
    for item in items:
        item.pop("_parent", None)
    return items


def _speakers(session: Session, where: sa.ColumnElement[bool]) -> defaultdict[str, list[str]]:
    speakers: defaultdict[str, list[str]] = defaultdict(list)
    query = sa.select(EntrySpeaker.entry_id, EntrySpeaker.participant_id).join(MinuteEntry)
    for entry_id, participant_id in session.execute(query.where(where)):
        speakers[str(entry_id)].append(str(participant_id))
    return speakers


def _with_speakers(
    session: Session, entries: list[Item], where: sa.ColumnElement[bool]
) -> list[Item]:
    speakers = _speakers(session, where)
    for entry in entries:
        entry["speakers"] = sorted(speakers[entry["id"]])
    return entries


def export_workshop(session: Session, workshop_id: uuid.UUID) -> dict[str, Any]:
    """The bundle for one workshop, as plain JSON values."""
    if session.get(Workshop, workshop_id) is None:
        raise NotFound(f"There is no workshop with id {workshop_id}. It may have been deleted.")
    [workshop] = _items(session, WORKSHOP, Workshop.id == workshop_id)
    series_id = uuid.UUID(workshop.pop("_parent"))
    [series] = _drop_parent(_items(session, SERIES, Series.id == series_id))
    series["planned_sessions"] = _drop_parent(
        _items(session, PLANNED_SESSION, PlannedSession.series_id == series_id, "planned_on")
    )
    participants = _drop_parent(
        _items(session, PARTICIPANT, Participant.series_id == series_id, "initials")
    )

    workshop["attendance"] = _drop_parent(
        _items(session, ATTENDANCE, Attendance.workshop_id == workshop_id, "participant_id")
    )
    workshop["agenda_items"] = _drop_parent(
        _items(session, AGENDA_ITEM, AgendaItem.workshop_id == workshop_id, "position")
    )
    in_workshop = MinuteEntry.workshop_id == workshop_id
    workshop["minute_entries"] = _with_speakers(
        session, _drop_parent(_items(session, MINUTE_ENTRY, in_workshop, "position")), in_workshop
    )
    workshop["prompt_log"] = _drop_parent(
        _items(session, PROMPT_LOG_ENTRY, PromptLogEntry.workshop_id == workshop_id, "shown_at")
    )
    turns = _drop_parent(
        _items(session, SPEAKING_TURN, SpeakingTurn.workshop_id == workshop_id, "started_at")
    )
    if turns:  # Optional, so that a workshop without timed turns gives the bundle it always did.
        workshop["speaking_turns"] = turns

    versions = _agreement_versions(session, series_id)
    actions = _actions(session, workshop_id)
    entry_ids = {entry["id"] for entry in workshop["minute_entries"]}
    other_entries = _other_entries(session, actions, entry_ids)
    other_workshops = _other_workshops(
        session, series_id, workshop["id"], [*versions, *actions, *other_entries]
    )
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "app_version": __version__,
        "series": series,
        "participants": participants,
        "agreement_versions": versions,
        "workshop": workshop,
        "actions": actions,
        "other_workshops": other_workshops,
        "other_minute_entries": other_entries,
    }


def _agreement_versions(session: Session, series_id: uuid.UUID) -> list[Item]:
    in_series = AgreementVersion.series_id == series_id
    versions = _items(session, AGREEMENT_VERSION, in_series, "number")
    statements = _items(
        session,
        AGREEMENT_STATEMENT,
        AgreementStatement.version_id.in_(sa.select(AgreementVersion.id).where(in_series)),
        "position",
    )
    consents = _items(
        session,
        CONSENT,
        Consent.statement_id.in_(
            sa.select(AgreementStatement.id).join(AgreementVersion).where(in_series)
        ),
        "participant_id",
    )
    _under(consents, "consents", statements)
    _under(statements, "statements", versions)
    return _drop_parent(versions)


def _actions(session: Session, workshop_id: uuid.UUID) -> list[Item]:
    """Actions raised in the workshop, and actions reviewed in it."""
    in_workshop = sa.or_(Action.raised_in_id == workshop_id, Action.reviewed_in_id == workshop_id)
    actions = _items(session, ACTION, in_workshop, "created_at")
    owners: defaultdict[str, list[Item]] = defaultdict(list)
    query = sa.select(ActionOwner.action_id, ActionOwner.participant_id, ActionOwner.accepted)
    for action_id, participant_id, accepted in session.execute(
        query.join(Action).where(in_workshop)
    ):
        owners[str(action_id)].append(
            {"participant_id": str(participant_id), "accepted": bool(accepted)}
        )
    for action in actions:
        action["owners"] = sorted(owners[action["id"]], key=lambda owner: owner["participant_id"])
    return actions


def _other_entries(session: Session, actions: list[Item], entry_ids: set[str]) -> list[Item]:
    """Entries of other workshops that actions came from (without their agenda item)."""
    wanted = {
        uuid.UUID(action["source_entry_id"])
        for action in actions
        if action["source_entry_id"] is not None and action["source_entry_id"] not in entry_ids
    }
    if not wanted:
        return []
    chosen = MinuteEntry.id.in_(wanted)
    entries = _drop_parent(_items(session, OTHER_MINUTE_ENTRY, chosen))
    return _with_speakers(session, entries, chosen)


def _other_workshops(
    session: Session, series_id: uuid.UUID, workshop_id: str, items: list[Item]
) -> list[Item]:
    """Other workshops that records in the bundle point to, without their contents."""
    keys = ("workshop_id", "raised_in_id", "reviewed_in_id")
    wanted = {
        uuid.UUID(item[key]) for item in items for key in keys if item.get(key) is not None
    } - {uuid.UUID(workshop_id)}
    if not wanted:
        return []
    workshops = _items(session, WORKSHOP, Workshop.id.in_(wanted))
    if any(item["_parent"] != str(series_id) for item in workshops):
        raise BundleError(
            "The workshop cannot be exported: some of its actions or agreement versions are "
            "linked to a workshop of another series. Nothing was written."
        )
    return _drop_parent(workshops)
