"""Timed speaking turns travel in a workshop bundle; bundles without them still import."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from builders import BuiltSeries, build_series, fixture_bundle

from coprodesk.core import speaking
from coprodesk.core.bundle import bundle_bytes, export_workshop, import_bundle, read_bundle
from coprodesk.core.db import Database, open_database
from coprodesk.core.errors import BundleError
from coprodesk.core.models import utcnow


@pytest.fixture
def built(db: Database) -> BuiltSeries:
    with db.transaction() as session:
        return build_series(session)


def _turns(database: Database, workshop_id: uuid.UUID) -> tuple[speaking.Turn, ...]:
    with database.reading() as session:
        return speaking.workshop_turns(session, workshop_id)


def test_turns_round_trip_with_a_running_one(
    db: Database, built: BuiltSeries, tmp_path: Path
) -> None:
    held = built.workshop_ids[1]
    with db.transaction() as session:
        speaking.start_turn(session, held, built.person("ΑΠ"), utcnow())
        data = export_workshop(session, held)
    assert len(data["workshop"]["speaking_turns"]) == 4
    assert data["workshop"]["speaking_turns"][-1]["ended_at"] is None
    path = tmp_path / "turns.json"
    path.write_bytes(bundle_bytes(data))

    laptop = open_database(tmp_path / "laptop.db")
    try:
        with laptop.transaction() as session:
            import_bundle(session, read_bundle(path))
        assert _turns(laptop, held) == _turns(db, held)
        with laptop.reading() as session:
            assert speaking.speaking_now(session, held) == built.person("ΑΠ")
            again = export_workshop(session, held)
    finally:
        laptop.close()
    assert bundle_bytes(again) == path.read_bytes()


def test_a_bundle_from_before_turns_were_stored_still_imports(db: Database) -> None:
    data = fixture_bundle()
    assert "speaking_turns" not in data["workshop"]
    with db.transaction() as session:
        result = import_bundle(session, data)
    assert _turns(db, result.workshop_id) == ()


def _with_turn(change: dict[str, Any]) -> dict[str, Any]:
    data = fixture_bundle()
    turn = {
        "id": "d0000000-0000-4000-8000-0000000000aa",
        "created_at": "2026-05-09T10:00:00.000000Z",
        "updated_at": "2026-05-09T10:00:00.000000Z",
        "participant_id": data["participants"][0]["id"],
        "agenda_item_id": None,
        "started_at": "2026-05-09T10:00:00.000000Z",
        "ended_at": "2026-05-09T10:01:30.000000Z",
    }
    data["workshop"]["speaking_turns"] = [turn | change]
    return data


def test_a_turn_in_a_small_bundle_imports(db: Database) -> None:
    data = _with_turn({})
    with db.transaction() as session:
        result = import_bundle(session, data)
    (turn,) = _turns(db, result.workshop_id)
    assert str(turn.participant_id) == data["participants"][0]["id"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"participant_id": "b0000000-0000-4000-8000-0000000000ff"},
            "at workshop.speaking_turns[0].participant_id, the person "
            "b0000000-0000-4000-8000-0000000000ff is not in the bundle",
        ),
        (
            {"agenda_item_id": "b0000000-0000-4000-8000-0000000000fe"},
            "at workshop.speaking_turns[0].agenda_item_id, the agenda item",
        ),
        ({"started_at": "yesterday"}, "at workshop.speaking_turns[0].started_at"),
        ({"volume": "loud"}, "workshop.speaking_turns[0]"),
    ],
)
def test_a_bad_turn_is_refused_and_changes_nothing(
    db: Database, change: dict[str, Any], expected: str
) -> None:
    with db.transaction() as session, pytest.raises(BundleError) as refused:
        import_bundle(session, _with_turn(change))
    assert expected in str(refused.value)
    assert "Nothing was changed" in str(refused.value)


def test_a_workshop_without_timed_turns_gives_a_bundle_without_the_list(
    db: Database, built: BuiltSeries
) -> None:
    planned = built.workshop_ids[2]
    with db.reading() as session:
        data = export_workshop(session, planned)
    assert "speaking_turns" not in data["workshop"]  # So older copies of CoproDesk can read it.
