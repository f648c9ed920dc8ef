"""Exporting a workshop bundle: contents, determinism, and writing the file safely."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from builders import BuiltSeries, build_series, dump_tables
from sqlalchemy.orm import Session

from coprodesk.core import bundle as bundle_module
from coprodesk.core.bundle import (
    bundle_bytes,
    export_workshop,
    import_bundle,
    read_bundle,
    write_bundle,
)
from coprodesk.core.db import Database, open_database
from coprodesk.core.errors import BundleError, NotFound
from coprodesk.core.models import Participant


@pytest.fixture
def built(db: Database) -> BuiltSeries:
    with db.transaction() as session:
        return build_series(session)


def _export(db: Database, workshop_id: uuid.UUID) -> dict[str, Any]:
    with db.reading() as session:
        return export_workshop(session, workshop_id)


def test_bundle_holds_the_workshop_and_what_it_needs_of_its_series(
    db: Database, built: BuiltSeries
) -> None:
    first, second, third = built.workshop_ids
    data = _export(db, second)

    assert data["format"] == "coprodesk-workshop-bundle"
    assert data["version"] == 1
    assert data["app_version"]
    assert data["series"]["id"] == str(built.series_id)
    assert data["series"]["support_text"].startswith("Quiet room")
    assert len(data["series"]["planned_sessions"]) == 3
    people = {person["initials"]: person for person in data["participants"]}
    assert set(people) == {"MJO", "ŁŻ", "ΑΠ", "ZØ", "AO"}
    # Nothing personal is left behind: the bundle moves data between laptops.
    assert people["ŁŻ"]["name"] == "Łukasz Żółć"
    assert people["ŁŻ"]["private_role"] == "Carer for his father"
    assert people["ŁŻ"]["contact"] == "07700 900123"
    assert people["MJO"]["reveal_role_consent"] is True

    workshop = data["workshop"]
    assert workshop["id"] == str(second)
    assert len(workshop["attendance"]) == 5
    assert [item["position"] for item in workshop["agenda_items"]] == [0, 1, 2]
    assert [entry["position"] for entry in workshop["minute_entries"]] == [0, 1, 2, 3, 4]
    decision = workshop["minute_entries"][3]
    assert decision["kind"] == "decision"
    assert decision["speakers"] == sorted([str(built.person("MJO")), str(built.person("AO"))])
    assert len(workshop["prompt_log"]) == 2

    assert [version["number"] for version in data["agreement_versions"]] == [1, 2]
    consents = data["agreement_versions"][0]["statements"][2]["consents"]
    assert {consent["status"] for consent in consents} == {"agreed", "change_asked"}

    # Actions raised here, and actions from the first workshop reviewed here.
    raised = [a for a in data["actions"] if a["raised_in_id"] == str(second)]
    reviewed = [a for a in data["actions"] if a["reviewed_in_id"] == str(second)]
    assert len(raised) == 2
    assert len(reviewed) == 2
    owners = next(a for a in data["actions"] if a["text"].startswith("Ask the council"))["owners"]
    assert {(o["participant_id"], o["accepted"]) for o in owners} == {
        (str(built.person("MJO")), True),
        (str(built.person("ŁŻ")), False),
    }
    # The other workshops those actions and agreement versions point to, without contents.
    assert {w["id"] for w in data["other_workshops"]} == {str(first), str(third)}
    assert all("attendance" not in w for w in data["other_workshops"])
    assert [e["workshop_id"] for e in data["other_minute_entries"]] == [str(first)]


def test_every_record_carries_its_id_and_stamps(db: Database, built: BuiltSeries) -> None:
    data = _export(db, built.workshop_ids[1])

    def records(value: Any) -> list[dict[str, Any]]:
        found = []
        if isinstance(value, dict):
            if "updated_at" in value:
                found.append(value)
            for inner in value.values():
                found += records(inner)
        elif isinstance(value, list):
            for inner in value:
                found += records(inner)
        return found

    stamped = records(data)
    assert len(stamped) > 50
    for record in stamped:
        uuid.UUID(record["id"])
        assert record["updated_at"].endswith("Z")
        assert record["created_at"].endswith("Z")


def test_export_is_deterministic_and_has_no_export_time(db: Database, built: BuiltSeries) -> None:
    workshop_id = built.workshop_ids[1]
    first = bundle_bytes(_export(db, workshop_id))
    second = bundle_bytes(_export(db, workshop_id))
    assert first == second
    text = first.decode("utf-8")
    assert "Łukasz Żółć" in text  # readable, not \u-escaped
    assert list(json.loads(text)) == sorted(json.loads(text))
    assert "exported_at" not in text


def test_export_then_import_into_an_empty_folder_then_export_gives_the_same_bytes(
    db: Database, built: BuiltSeries, tmp_path: Path
) -> None:
    for workshop_id in built.workshop_ids:
        original = tmp_path / f"{workshop_id}.json"
        with db.reading() as session:
            write_bundle(session, workshop_id, original)
        laptop = open_database(tmp_path / f"laptop-{workshop_id}.db")
        try:
            with laptop.transaction() as session:
                import_bundle(session, read_bundle(original))
            again = tmp_path / f"again-{workshop_id}.json"
            with laptop.reading() as session:
                write_bundle(session, workshop_id, again)
        finally:
            laptop.close()
        assert again.read_bytes() == original.read_bytes()


def test_write_replaces_a_file_atomically_and_leaves_no_temporary_file(
    db: Database, built: BuiltSeries, tmp_path: Path
) -> None:
    target = tmp_path / "bundle.json"
    target.write_text("old content", encoding="utf-8")
    with db.reading() as session:
        write_bundle(session, built.workshop_ids[0], target)
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "coprodesk-workshop-bundle"
    assert sorted(path.name for path in tmp_path.iterdir() if path.is_file()) == ["bundle.json"]


def test_a_failed_write_keeps_the_old_file(
    db: Database, built: BuiltSeries, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "bundle.json"
    target.write_text("old content", encoding="utf-8")

    def disk_full(_descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(bundle_module.os, "fsync", disk_full)
    with db.reading() as session, pytest.raises(BundleError, match="No space left"):
        write_bundle(session, built.workshop_ids[0], target)
    assert target.read_text(encoding="utf-8") == "old content"
    assert [path.name for path in tmp_path.iterdir() if path.is_file()] == ["bundle.json"]


def test_write_into_a_missing_folder_is_a_plain_error(
    db: Database, built: BuiltSeries, tmp_path: Path
) -> None:
    with db.reading() as session, pytest.raises(BundleError, match="could not be written"):
        write_bundle(session, built.workshop_ids[0], tmp_path / "no such folder" / "b.json")


def test_export_of_an_unknown_workshop_says_so(db: Database) -> None:
    with db.reading() as session, pytest.raises(NotFound, match="no workshop"):
        export_workshop(session, uuid.uuid4())


def test_a_bundle_that_would_not_import_again_is_not_written(
    db: Database, built: BuiltSeries, tmp_path: Path
) -> None:
    with db.transaction() as session:
        _rename(session, built.person("AO"), "A" * 250)
    target = tmp_path / "bundle.json"
    with db.reading() as session, pytest.raises(BundleError) as refused:
        write_bundle(session, built.workshop_ids[0], target)
    assert "longer than 200 characters (it has 250)" in str(refused.value)
    assert "No file was written" in str(refused.value)
    assert not target.exists()


def _rename(session: Session, person_id: uuid.UUID, name: str) -> None:
    session.execute(sa.update(Participant).where(Participant.id == person_id).values(name=name))


def test_export_changes_nothing(db: Database, built: BuiltSeries, tmp_path: Path) -> None:
    before = dump_tables(db)
    with db.reading() as session:
        write_bundle(session, built.workshop_ids[1], tmp_path / "b.json")
    assert dump_tables(db) == before


def test_briefing_notes_travel_in_a_bundle_and_are_left_out_when_empty(
    db: Database, built: BuiltSeries, tmp_path: Path
) -> None:
    from coprodesk.core.workshop import update_workshop

    planned = built.workshop_ids[2]
    assert "bring_text" not in _export(db, planned)["workshop"]  # an older CoproDesk reads it
    with db.transaction() as session:
        update_workshop(session, planned, bring="A photo of a garden you like.", practical="")
    data = _export(db, planned)
    assert data["workshop"]["bring_text"] == "A photo of a garden you like."
    assert "practical_notes" not in data["workshop"]
    path = tmp_path / "planned.json"
    path.write_bytes(bundle_bytes(data))
    laptop = open_database(tmp_path / "laptop.db")
    try:
        with laptop.transaction() as session:
            import_bundle(session, read_bundle(path))
        with laptop.reading() as session:
            assert export_workshop(session, planned)["workshop"] == data["workshop"]
    finally:
        laptop.close()
