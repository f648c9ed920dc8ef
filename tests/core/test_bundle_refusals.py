"""Bad bundle files are refused in plain words, and the database is left exactly as it was."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any

import pytest
from builders import (
    FIXTURE_BUNDLES,
    BuiltSeries,
    build_series,
    dump_tables,
    fixture_bundle,
)

from coprodesk.core import bundle_import
from coprodesk.core.bundle import (
    MAX_BUNDLE_BYTES,
    bundle_bytes,
    export_workshop,
    import_bundle,
    read_bundle,
)
from coprodesk.core.bundle_check import BundleProblem
from coprodesk.core.db import Database
from coprodesk.core.errors import BundleError


@pytest.fixture
def built(db: Database) -> BuiltSeries:
    """A database that already holds a series, so that a refusal has something to spare."""
    with db.transaction() as session:
        return build_series(session)


def _refused(db: Database, path: Path) -> str:
    """Try to import ``path`` as the app does; return the message; check nothing changed."""
    before = dump_tables(db)
    with pytest.raises(BundleError) as refused, db.transaction() as session:
        import_bundle(session, read_bundle(path))
    assert dump_tables(db) == before
    message = str(refused.value)
    assert message.startswith(f"The bundle file {path.name} cannot be imported: ")
    assert message.endswith(" Nothing was changed.")
    return message


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("bad-not-json.json", "it is not valid JSON (the problem is at line 1, column 42)"),
        ("bad-empty.json", "the file is empty"),
        ("bad-array.json", "the file holds a list, not a CoproDesk workshop bundle"),
        ("bad-wrong-format.json", "it is not a CoproDesk workshop bundle"),
        ("bad-newer-version.json", "it was made by a newer CoproDesk (bundle version 2"),
        ("bad-missing-field.json", 'at participants[1], the field "initials" is missing'),
        (
            "bad-mistyped-field.json",
            "at workshop.agenda_items[0].planned_minutes, the value should be a whole number, "
            "but it is text",
        ),
        (
            "bad-control-character.json",
            "at participants[0].name, the text contains an invisible control character (U+0007)",
        ),
        ("bad-uuid.json", 'at workshop.attendance[1].id, "2-2" is not a valid id'),
        (
            "bad-unknown-participant.json",
            "at workshop.minute_entries[0].speakers[0], the person "
            "b0000000-0000-4000-8000-000000000009 is not in the bundle",
        ),
        (
            "bad-unknown-field.json",
            'at participants[2], there is a field "nickname" that CoproDesk does not know',
        ),
        ("bad-not-utf8.json", "it is not text in UTF-8"),
    ],
)
def test_a_bad_file_is_refused_with_what_and_where(
    db: Database, built: BuiltSeries, name: str, expected: str
) -> None:
    assert expected in _refused(db, FIXTURE_BUNDLES / name)


def test_the_good_fixture_imports(db: Database) -> None:
    with db.transaction() as session:
        result = import_bundle(session, read_bundle(FIXTURE_BUNDLES / "good-small.json"))
    assert result.workshop_id == uuid.UUID("c0000000-0000-4000-8000-000000000001")
    assert result.added == 19  # every record in the file
    assert (result.updated, result.unchanged) == (0, 0)


def test_a_name_of_100000_characters_is_refused_in_the_words_users_see(
    db: Database, built: BuiltSeries, tmp_path: Path
) -> None:
    with db.reading() as session:
        data = export_workshop(session, built.workshop_ids[0])
    data["participants"][2]["name"] = "x" * 100_000
    path = tmp_path / "bad.json"
    path.write_bytes(bundle_bytes(data))
    assert _refused(db, path) == (
        "The bundle file bad.json cannot be imported: at participants[2].name, the text is "
        "longer than 200 characters (it has 100000). Nothing was changed."
    )


def test_a_line_break_in_a_name_is_refused_but_allowed_in_free_text(
    db: Database, built: BuiltSeries, tmp_path: Path
) -> None:
    data = fixture_bundle()
    data["workshop"]["minute_entries"][0]["text"] = "First line\n\tsecond line"
    data["participants"][0]["name"] = "Noor\nHaddad"
    path = tmp_path / "line-break.json"
    path.write_bytes(bundle_bytes(data))
    message = _refused(db, path)
    assert "at participants[0].name, the text contains a tab or line break" in message
    # The message never repeats the text itself: it may be personal.
    assert "Noor" not in message


def test_a_missing_file_is_refused(db: Database, built: BuiltSeries, tmp_path: Path) -> None:
    assert "there is no such file" in _refused(db, tmp_path / "missing.json")


def test_a_folder_is_refused(db: Database, built: BuiltSeries, tmp_path: Path) -> None:
    folder = tmp_path / "folder.json"
    folder.mkdir()
    assert "it is a folder, not a file" in _refused(db, folder)


def test_a_huge_file_is_refused_before_it_is_read(
    db: Database, built: BuiltSeries, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as file:
        file.truncate(MAX_BUNDLE_BYTES + 1)  # sparse: no disk space or time needed

    def no_reading(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a huge file must not be read")

    monkeypatch.setattr(Path, "open", no_reading)
    assert "the file is larger than 50 MB" in _refused(db, huge)


def test_a_field_given_twice_is_refused(db: Database, built: BuiltSeries, tmp_path: Path) -> None:
    path = tmp_path / "twice.json"
    text = (FIXTURE_BUNDLES / "good-small.json").read_text(encoding="utf-8")
    path.write_text(text.replace('"version": 1,', '"version": 1,\n  "version": 2,'), "utf-8")
    assert 'the field "version" appears twice in one place' in _refused(db, path)


def test_deeply_nested_json_is_refused(db: Database, built: BuiltSeries, tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert "not valid JSON" in _refused(db, path)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(version=0), "its bundle version 0 is not one CoproDesk has made"),
        (lambda d: d.update(version="1"), "at version, the value must be 1"),
        (lambda d: d.pop("workshop"), 'at the top level, the field "workshop" is missing'),
        (
            lambda d: d["workshop"].update(status="finished"),
            'at workshop.status, "finished" is not one of the allowed values ("planned", "live"',
        ),
        (
            lambda d: d["workshop"]["agenda_items"][0].update(position=-1),
            "at workshop.agenda_items[0].position, the number must be at least 0 (it is -1)",
        ),
        (
            lambda d: d["workshop"].update(starts_at="2026-02-30T10:00:00"),
            'at workshop.starts_at, "2026-02-30T10:00:00" is not a local time',
        ),
        (
            lambda d: d["series"].update(updated_at="2026-05-09 10:00"),
            'at series.updated_at, "2026-05-09 10:00" is not a moment in UTC',
        ),
        (
            lambda d: d["series"]["planned_sessions"][0].update(planned_on="9 May"),
            'at series.planned_sessions[0].planned_on, "9 May" is not a date',
        ),
        (
            lambda d: d["participants"][1].update(initials="nh"),
            "at participants[1].initials, two people in the bundle have the same initials",
        ),
        (
            lambda d: d["participants"][1].update(id=d["participants"][0]["id"]),
            "at participants[1].id, the id b0000000-0000-4000-8000-000000000001 is used twice",
        ),
        (
            lambda d: d["workshop"]["minute_entries"][0].update(
                speakers=[d["participants"][0]["id"]] * 2
            ),
            "at workshop.minute_entries[0].speakers, the same id is listed twice",
        ),
        (
            lambda d: d["actions"][0].update(raised_in_id="c0000000-0000-4000-8000-000000000009"),
            "at actions[0].raised_in_id, the workshop c0000000-0000-4000-8000-000000000009 is not "
            "in the bundle",
        ),
        (
            lambda d: d["workshop"]["attendance"][1].update(
                participant_id=d["participants"][0]["id"]
            ),
            "this person's attendance is listed twice",
        ),
        (
            lambda d: d["workshop"]["minute_entries"][0].update(text="x" * 20_001),
            "the text is longer than 20000 characters (it has 20001)",
        ),
        (lambda d: d["participants"][0].update(reveal_role_consent="yes"), "true or false"),
    ],
)
def test_more_broken_bundles_are_refused(
    db: Database, built: BuiltSeries, tmp_path: Path, change: Any, expected: str
) -> None:
    data = fixture_bundle()
    change(data)
    path = tmp_path / "broken.json"
    path.write_bytes(bundle_bytes(data))
    assert expected in _refused(db, path)


def test_import_checks_a_bundle_it_is_given_directly(db: Database, built: BuiltSeries) -> None:
    data = fixture_bundle()
    data["participants"][2]["name"] = "x" * 201
    before = dump_tables(db)
    with pytest.raises(BundleError) as refused, db.transaction() as session:
        import_bundle(session, data)
    assert str(refused.value) == (
        "The bundle cannot be imported: at participants[2].name, the text is longer than 200 "
        "characters (it has 201). Nothing was changed."
    )
    assert dump_tables(db) == before


def test_a_failure_late_in_an_import_rolls_back_everything(
    db: Database, built: BuiltSeries, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_args: object) -> None:
        raise BundleProblem("something went wrong at the very end")

    monkeypatch.setattr(bundle_import._Import, "_replace_owners", fail)
    before = dump_tables(db)
    with pytest.raises(BundleError, match="at the very end"), db.transaction() as session:
        import_bundle(session, fixture_bundle())
    assert dump_tables(db) == before


def test_a_file_we_may_not_read_is_refused(
    db: Database, built: BuiltSeries, tmp_path: Path
) -> None:
    if os.name != "posix" or os.geteuid() == 0:
        pytest.skip("file permissions do not stop this user")
    path = tmp_path / "private.json"
    path.write_text(json.dumps(fixture_bundle()), encoding="utf-8")
    path.chmod(0)
    assert "not allowed to read it" in _refused(db, path)
