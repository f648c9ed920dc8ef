"""Importing into a data folder that already has the series: merging by id and by age."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from builders import BuiltSeries, build_series, dump_tables

from coprodesk.core.bundle import import_bundle, read_bundle, write_bundle
from coprodesk.core.db import Database, open_database
from coprodesk.core.errors import BundleError
from coprodesk.core.models import (
    Attendance,
    AttendanceStatus,
    EntrySpeaker,
    MinuteEntry,
    Participant,
    Series,
    Workshop,
    utcnow,
)


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    """Two data folders, as on two laptops."""
    first, second = open_database(tmp_path / "a.db"), open_database(tmp_path / "b.db")
    yield first, second
    first.close()
    second.close()


@pytest.fixture
def built(laptops: tuple[Database, Database]) -> BuiltSeries:
    with laptops[0].transaction() as session:
        return build_series(session)


def _carry(source: Database, target: Database, workshop_id: uuid.UUID, path: Path) -> str:
    """Export from one laptop and import into the other; return the result summary."""
    with source.reading() as session:
        write_bundle(session, workshop_id, path)
    with target.transaction() as session:
        return import_bundle(session, read_bundle(path)).describe()


def _count(database: Database, model: type[object], *where: sa.ColumnElement[bool]) -> int:
    with database.reading() as session:
        return session.scalar(sa.select(sa.func.count()).select_from(model).where(*where)) or 0


def test_importing_the_same_bundle_twice_changes_nothing(
    laptops: tuple[Database, Database], built: BuiltSeries, tmp_path: Path
) -> None:
    a, b = laptops
    first = _carry(a, b, built.workshop_ids[1], tmp_path / "bundle.json")
    assert first.startswith("61 records added, 0 updated, 0 unchanged")
    before = dump_tables(b)
    with b.transaction() as session:
        result = import_bundle(session, read_bundle(tmp_path / "bundle.json"))
    assert (result.added, result.updated, result.unchanged) == (0, 0, 61)
    assert dump_tables(b) == before


def test_importing_into_the_laptop_it_came_from_changes_nothing(
    laptops: tuple[Database, Database], built: BuiltSeries, tmp_path: Path
) -> None:
    a, _ = laptops
    before = dump_tables(a)
    assert _carry(a, a, built.workshop_ids[1], tmp_path / "b.json").startswith("0 records added")
    assert dump_tables(a) == before


def test_a_workshop_of_a_known_series_joins_it_without_a_second_series(
    laptops: tuple[Database, Database], built: BuiltSeries, tmp_path: Path
) -> None:
    a, b = laptops
    first, second, _ = built.workshop_ids
    _carry(a, b, first, tmp_path / "first.json")
    _carry(a, b, second, tmp_path / "second.json")
    assert _count(b, Series) == 1
    assert _count(b, Participant) == 5
    for workshop_id in (first, second):
        assert _count(b, Attendance, Attendance.workshop_id == workshop_id) == 5
        assert _count(b, MinuteEntry, MinuteEntry.workshop_id == workshop_id) == 5


def test_merge_keeps_the_newer_copy_of_each_record(
    laptops: tuple[Database, Database], built: BuiltSeries, tmp_path: Path
) -> None:
    a, b = laptops
    second = built.workshop_ids[1]
    _carry(a, b, second, tmp_path / "start.json")
    zoe = built.person("ZØ")
    later = utcnow() + timedelta(minutes=1)

    # Laptop A edits Zoë's contact, then laptop B does so later and adds a workshop.
    with a.transaction() as session:
        person = session.get_one(Participant, zoe)
        person.contact, person.updated_at = "zoe@a.example.org", later
        entry = session.scalars(
            sa.select(MinuteEntry).where(MinuteEntry.workshop_id == second)
        ).first()
        assert entry is not None
        entry_id = entry.id
        entry.text, entry.updated_at = "Corrected on laptop A.", later
        entry.speakers = [EntrySpeaker(participant_id=built.person("ΑΠ"))]
    with b.transaction() as session:
        person = session.get_one(Participant, zoe)
        person.contact, person.updated_at = "zoe@b.example.org", later + timedelta(minutes=1)
        extra = Workshop(series_id=built.series_id, title="Extra session on laptop B")
        session.add(extra)
        session.flush()
        extra_id = extra.id

    summary = _carry(a, b, second, tmp_path / "merge.json")
    assert summary.startswith("0 records added, 1 updated, 60 unchanged")
    with b.reading() as session:
        assert session.get_one(Participant, zoe).contact == "zoe@b.example.org"
        merged = session.get_one(MinuteEntry, entry_id)
        assert merged.text == "Corrected on laptop A."
        assert [s.participant_id for s in merged.speakers] == [built.person("ΑΠ")]
        assert session.get(Workshop, second) is not None
        assert session.get(Workshop, extra_id) is not None
    assert _count(b, Series) == 1

    # And back: laptop A takes B's newer contact and keeps its own entry.
    _carry(b, a, second, tmp_path / "back.json")
    with a.reading() as session:
        assert session.get_one(Participant, zoe).contact == "zoe@b.example.org"
        assert session.get_one(MinuteEntry, entry_id).text == "Corrected on laptop A."


def test_an_older_copy_keeps_the_local_speakers(
    laptops: tuple[Database, Database], built: BuiltSeries, tmp_path: Path
) -> None:
    a, b = laptops
    second = built.workshop_ids[1]
    _carry(a, b, second, tmp_path / "start.json")
    with b.transaction() as session:
        entry = session.scalars(
            sa.select(MinuteEntry).where(MinuteEntry.workshop_id == second)
        ).first()
        assert entry is not None
        entry.speakers = [EntrySpeaker(participant_id=built.person("ZØ"))]
        entry.updated_at = utcnow() + timedelta(minutes=1)
        entry_id = entry.id
    _carry(a, b, second, tmp_path / "again.json")
    with b.reading() as session:
        speakers = session.get_one(MinuteEntry, entry_id).speakers
        assert [s.participant_id for s in speakers] == [built.person("ZØ")]


def test_people_may_swap_initials(
    laptops: tuple[Database, Database], built: BuiltSeries, tmp_path: Path
) -> None:
    a, b = laptops
    _carry(a, b, built.workshop_ids[1], tmp_path / "start.json")
    later = utcnow() + timedelta(minutes=1)
    with a.transaction() as session:
        first = session.get_one(Participant, built.person("MJO"))
        second = session.get_one(Participant, built.person("AO"))
        first.initials = "TEMP"
        session.flush()
        second.initials, second.updated_at = "MJO", later
        session.flush()
        first.initials, first.updated_at = "AO", later
    _carry(a, b, built.workshop_ids[1], tmp_path / "swapped.json")
    with b.reading() as session:
        assert session.get_one(Participant, built.person("MJO")).initials == "AO"
        assert session.get_one(Participant, built.person("AO")).initials == "MJO"


@pytest.mark.parametrize("initials_on_b", ["KM", "km"])
def test_a_clash_of_initials_is_refused_naming_the_initials_not_the_names(
    laptops: tuple[Database, Database], built: BuiltSeries, tmp_path: Path, initials_on_b: str
) -> None:
    a, b = laptops
    second = built.workshop_ids[1]
    _carry(a, b, second, tmp_path / "start.json")
    with a.transaction() as session:
        session.add(Participant(series_id=built.series_id, name="Kemal Mert", initials="KM"))
    with b.transaction() as session:
        session.add(Participant(series_id=built.series_id, name="Kim Moss", initials=initials_on_b))
    before = dump_tables(b)
    with pytest.raises(BundleError) as refused:
        _carry(a, b, second, tmp_path / "clash.json")
    message = str(refused.value)
    assert '"KM"' in message
    assert "Kemal" not in message
    assert "Kim" not in message
    assert message.endswith("Nothing was changed.")
    assert dump_tables(b) == before


def test_attendance_recorded_on_both_laptops_is_refused(
    laptops: tuple[Database, Database], built: BuiltSeries, tmp_path: Path
) -> None:
    a, b = laptops
    _, second, third = built.workshop_ids
    _carry(a, b, second, tmp_path / "start.json")  # an action there points to the third
    for laptop in (a, b):
        with laptop.transaction() as session:
            session.add(
                Attendance(
                    workshop_id=third,
                    participant_id=built.person("ŁŻ"),
                    status=AttendanceStatus.PRESENT,
                )
            )
    before = dump_tables(b)
    with pytest.raises(BundleError, match='attendance of "ŁŻ"'):
        _carry(a, b, third, tmp_path / "clash.json")
    assert dump_tables(b) == before


def test_a_workshop_filed_under_another_series_is_refused(
    laptops: tuple[Database, Database], built: BuiltSeries, tmp_path: Path
) -> None:
    a, _ = laptops
    path = tmp_path / "bundle.json"
    with a.reading() as session:
        write_bundle(session, built.workshop_ids[1], path)
    text = path.read_text(encoding="utf-8").replace(str(built.series_id), str(uuid.uuid4()))
    path.write_text(text, encoding="utf-8")
    before = dump_tables(a)
    with (
        pytest.raises(BundleError, match="belongs to a different series"),
        a.transaction() as session,
    ):
        import_bundle(session, read_bundle(path))
    assert dump_tables(a) == before
