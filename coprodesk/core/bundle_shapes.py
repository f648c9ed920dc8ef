"""How each kind of record looks inside a workshop bundle.

A shape lists the columns a record carries. How each value is written follows
from the column's type, so export and import cannot drift apart: ids as
lower-case UUIDs, stamps in UTC with a ``Z``, meeting times as local
wall-clock times, dates as ``YYYY-MM-DD`` and choices by their stored value.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Any

import sqlalchemy as sa

from coprodesk.core.models import (
    Action,
    AgendaItem,
    AgreementStatement,
    AgreementVersion,
    Attendance,
    Base,
    Consent,
    MinuteEntry,
    Participant,
    PlannedSession,
    PromptLogEntry,
    Series,
    SpeakingTurn,
    Workshop,
)

FORMAT_NAME = "coprodesk-workshop-bundle"
FORMAT_VERSION = 1
RECORD_COLUMNS = ("id", "created_at", "updated_at")
# Meeting times people agreed on are local wall-clock times; every other stamp is UTC.
LOCAL_TIME_COLUMNS = frozenset({"workshop.starts_at"})
UTC_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"

Convert = Callable[[Any], Any]


def _utc_to_json(value: datetime) -> str:
    return value.strftime(UTC_FORMAT)


def _utc_from_json(text: str) -> datetime:
    return datetime.fromisoformat(text.removesuffix("Z"))


def _converters(table: str, column: sa.Column[Any]) -> tuple[Convert, Convert]:
    """(to JSON, from JSON) for one column, chosen by its type."""
    kind = column.type
    if isinstance(kind, sa.Uuid):
        return str, uuid.UUID
    if isinstance(kind, sa.DateTime):
        if f"{table}.{column.name}" in LOCAL_TIME_COLUMNS:
            return datetime.isoformat, datetime.fromisoformat
        return _utc_to_json, _utc_from_json
    if isinstance(kind, sa.Date):
        return date.isoformat, date.fromisoformat
    if isinstance(kind, sa.Enum):  # before String: an Enum is a String
        enum_class: Any = kind.enum_class
        return (lambda member: member.value), enum_class
    if isinstance(kind, sa.Boolean):
        return bool, bool
    if isinstance(kind, sa.Integer):
        return int, int
    if isinstance(kind, sa.String):
        return str, str
    raise TypeError(f"no bundle form for column {table}.{column.name}")  # pragma: no cover


def _nullable(convert: Convert) -> Convert:
    return lambda value: None if value is None else convert(value)


@dataclass(frozen=True)
class Field:
    name: str
    to_json: Convert
    from_json: Convert


@dataclass(frozen=True)
class Shape:
    """The columns one kind of record carries in a bundle."""

    model: type[Base]
    columns: tuple[str, ...]
    noun: str  # a plain word for messages
    parent: str | None = None  # the column implied by where the record sits
    # Columns added after bundle format 1 was released, with their defaults: left out of
    # a bundle when at the default, and taken as the default when a bundle leaves them out.
    defaults: tuple[tuple[str, Any], ...] = ()

    @property
    def table(self) -> sa.Table:
        table: sa.Table = self.model.__table__  # type: ignore[assignment]
        return table

    @cached_property
    def fields(self) -> tuple[Field, ...]:
        fields = []
        for name in RECORD_COLUMNS + self.columns:
            to_json, from_json = _converters(self.table.name, self.table.c[name])
            fields.append(Field(name, _nullable(to_json), _nullable(from_json)))
        return tuple(fields)

    def select(self) -> sa.Select[Any]:
        """A query for the carried columns (and the parent column)."""
        names = RECORD_COLUMNS + self.columns
        if self.parent is not None and self.parent not in names:
            names += (self.parent,)
        return sa.select(*(self.table.c[name] for name in names))

    def to_json(self, row: Mapping[Any, Any]) -> dict[str, Any]:
        """The record as JSON; a newer column still at its default is left out, so that
        the bundle still imports into an older CoproDesk."""
        defaults = dict(self.defaults)
        return {
            field.name: field.to_json(row[field.name])
            for field in self.fields
            if field.name not in defaults or row[field.name] != defaults[field.name]
        }

    def from_json(self, item: Mapping[str, Any]) -> dict[str, Any]:
        defaults = dict(self.defaults)
        return {
            field.name: field.from_json(
                item[field.name]
                if field.name in item or field.name not in defaults
                else defaults[field.name]
            )
            for field in self.fields
        }


SERIES = Shape(Series, ("title", "purpose", "support_text"), "series")
PLANNED_SESSION = Shape(PlannedSession, ("planned_on", "label"), "planned session", "series_id")
PARTICIPANT = Shape(
    Participant,
    ("name", "initials", "private_role", "reveal_role_consent", "contact"),
    "person",
    "series_id",
)
_WORKSHOP_COLUMNS = (
    "title",
    "starts_at",
    "venue",
    "purpose",
    "status",
    "current_step",
    "current_agenda_item_id",
    "started_at",
    "closed_at",
    "bring_text",
    "practical_notes",
)
WORKSHOP = Shape(
    Workshop,
    _WORKSHOP_COLUMNS,
    "workshop",
    "series_id",
    defaults=(("bring_text", ""), ("practical_notes", "")),
)
ATTENDANCE = Shape(
    Attendance,
    ("participant_id", "status", "arrived_at", "no_action_reason"),
    "attendance record",
    "workshop_id",
)
AGENDA_ITEM = Shape(
    AgendaItem,
    (
        "position",
        "title",
        "planned_minutes",
        "is_break",
        "content_note",
        "started_at",
        "ended_at",
    ),
    "agenda item",
    "workshop_id",
)
_ENTRY_COLUMNS = (
    "position",
    "kind",
    "text",
    "recorded_at",
    "decided_by_group",
    "sent_in_writing",
    "read_back",
    "agreement_point",
)
MINUTE_ENTRY = Shape(
    MinuteEntry, ("agenda_item_id", *_ENTRY_COLUMNS), "minute entry", "workshop_id"
)
# An entry of another workshop carries its workshop but not its agenda item,
# which is not in the bundle.
OTHER_MINUTE_ENTRY = Shape(
    MinuteEntry, ("workshop_id", *_ENTRY_COLUMNS), "minute entry", "workshop_id"
)
PROMPT_LOG_ENTRY = Shape(
    PromptLogEntry, ("prompt_key", "shown_at", "outcome", "note"), "prompt log entry", "workshop_id"
)
SPEAKING_TURN = Shape(
    SpeakingTurn,
    ("participant_id", "agenda_item_id", "started_at", "ended_at"),
    "speaking turn",
    "workshop_id",
)
AGREEMENT_VERSION = Shape(
    AgreementVersion, ("number", "workshop_id", "note"), "agreement version", "series_id"
)
AGREEMENT_STATEMENT = Shape(
    AgreementStatement, ("position", "text"), "agreement statement", "version_id"
)
CONSENT = Shape(Consent, ("participant_id", "status", "note"), "consent", "statement_id")
ACTION = Shape(
    Action,
    (
        "raised_in_id",
        "reviewed_in_id",
        "source_entry_id",
        "text",
        "target_date",
        "support_buddy_id",
        "status",
        "outcome_note",
    ),
    "action",
)
