"""Minute entries: who said what, by initials, committed one by one."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import cast

from sqlalchemy import Table, bindparam, func, insert, select
from sqlalchemy.orm import Session

from coprodesk.core.models import TEXT_MAX, EntryKind, EntrySpeaker, MinuteEntry, utcnow
from coprodesk.core.text import clean_text

_ENTRIES = cast(Table, MinuteEntry.__table__)
_SPEAKERS = cast(Table, EntrySpeaker.__table__)
# Built once: the hot path of live minute-taking commits on every Enter.
_INSERT_ENTRY = insert(_ENTRIES).values(
    position=select(func.coalesce(func.max(_ENTRIES.c.position), 0) + 1)
    .where(_ENTRIES.c.workshop_id == bindparam("of_workshop"))
    .scalar_subquery()
)
_INSERT_SPEAKER = insert(_SPEAKERS)


def add_entry(
    session: Session,
    workshop_id: uuid.UUID,
    text: str,
    *,
    speakers: Sequence[uuid.UUID] = (),
    kind: EntryKind = EntryKind.NOTE,
    agenda_item_id: uuid.UUID | None = None,
    decided_by_group: bool = False,
    recorded_at: datetime | None = None,
) -> uuid.UUID:
    """Add an entry at the end of a workshop's minutes and return its id."""
    entry_id = uuid.uuid4()
    session.execute(
        _INSERT_ENTRY,
        {
            "id": entry_id,
            "workshop_id": workshop_id,
            "of_workshop": workshop_id,
            "agenda_item_id": agenda_item_id,
            "kind": kind,
            "text": clean_text(text, "note", TEXT_MAX, required=True),
            "decided_by_group": decided_by_group,
            "recorded_at": recorded_at or utcnow(),
        },
    )
    unique_speakers = list(dict.fromkeys(speakers))
    if unique_speakers:
        session.execute(
            _INSERT_SPEAKER,
            [{"entry_id": entry_id, "participant_id": speaker} for speaker in unique_speakers],
        )
    return entry_id
