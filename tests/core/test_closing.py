"""The closing gate holds on every path that closes a workshop; what is not yet agreed."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from builders import build_series, fixture_bundle, with_new_ids
from sqlalchemy import select

from coprodesk.core import actions, attendance, closing, live, roster, series
from coprodesk.core.bundle import import_bundle, read_bundle
from coprodesk.core.closing import ActionsMissing, readiness
from coprodesk.core.db import Database
from coprodesk.core.demo import create_demo_series
from coprodesk.core.errors import BundleError, InvalidInput, UserFacingError
from coprodesk.core.models import (
    AgreementStatement,
    AgreementVersion,
    AttendanceStatus,
    Consent,
    ConsentStatus,
    Workshop,
    WorkshopStatus,
)


def _open_workshop(db: Database) -> tuple[uuid.UUID, dict[str, uuid.UUID]]:
    with db.transaction() as session:
        series_id = series.create_series(session, "Drop-in")
        workshop_id = series.create_workshop(session, series_id, "First")
        ids = {}
        for name in ("Aisha Rahman", "Ben Cole", "Cat Doyle"):
            person = roster.add_person(session, series_id, name)
            ids[name.split()[0]] = person
        attendance.set_status(session, workshop_id, ids["Aisha"], AttendanceStatus.PRESENT)
        attendance.set_status(session, workshop_id, ids["Ben"], AttendanceStatus.PRESENT)
        attendance.set_status(session, workshop_id, ids["Cat"], AttendanceStatus.APOLOGIES)
        live.go_to_step(session, workshop_id, live.Step.CLOSE)
    return workshop_id, ids


def _status(db: Database, workshop_id: uuid.UUID) -> WorkshopStatus:
    with db.reading() as session:
        return session.get_one(Workshop, workshop_id).status


def test_live_close_is_refused_naming_who_by_initials(db: Database) -> None:
    workshop_id, ids = _open_workshop(db)
    with db.transaction() as session:
        actions.add_action(session, workshop_id, "Poster", ["AR", "BC"], accepted=["AR"])
    with pytest.raises(ActionsMissing) as refused, db.transaction() as session:
        live.close_workshop(session, workshop_id)
    assert isinstance(refused.value, UserFacingError)
    message = str(refused.value)
    assert "BC has no accepted action" in message
    for not_named in ("Ben", "AR", "CD"):
        assert not_named not in message
    assert _status(db, workshop_id) is WorkshopStatus.LIVE
    with db.transaction() as session:
        actions.set_not_this_time(session, workshop_id, ids["Ben"], "Has a lot on right now")
        live.close_workshop(session, workshop_id)
    assert _status(db, workshop_id) is WorkshopStatus.CLOSED


def test_an_accepted_action_opens_the_gate(db: Database) -> None:
    workshop_id, ids = _open_workshop(db)
    with db.transaction() as session:
        action_id = actions.add_action(session, workshop_id, "Poster", ["AR", "BC"]).action_id
    with pytest.raises(ActionsMissing, match="AR, BC have no"), db.transaction() as session:
        live.close_workshop(session, workshop_id)
    with db.transaction() as session:
        for person in ("Aisha", "Ben"):
            actions.set_accepted(session, action_id, ids[person], True)
        live.close_workshop(session, workshop_id)
    assert _status(db, workshop_id) is WorkshopStatus.CLOSED


def test_the_demo_closes_its_workshops_through_the_gate(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[uuid.UUID] = []
    real = closing.check_can_close

    def spy(session: object, workshop_id: uuid.UUID) -> None:
        checked.append(workshop_id)
        real(session, workshop_id)  # type: ignore[arg-type]

    monkeypatch.setattr(closing, "check_can_close", spy)
    with db.transaction() as session:
        create_demo_series(session)
        closed = set(
            session.scalars(select(Workshop.id).where(Workshop.status == WorkshopStatus.CLOSED))
        )
    assert len(closed) >= 2  # the drop-in's two, and the food bank panel's
    assert set(checked) == closed
    with db.reading() as session:
        assert all(readiness(session, workshop_id).ready for workshop_id in closed)


def _write(data: object, folder: Path) -> Path:
    path = folder / "bundle.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_bundle_cannot_bring_in_a_workshop_closed_past_the_gate(
    db: Database, tmp_path: Path
) -> None:
    data = with_new_ids(fixture_bundle())
    for row in data["workshop"]["attendance"]:
        row["no_action_reason"] = ""  # TW (present, no action) loses the "not this time"
    with pytest.raises(BundleError) as refused, db.transaction() as session:
        import_bundle(session, read_bundle(_write(data, tmp_path)))
    assert "TW present there had no accepted action" in str(refused.value)
    assert "Nothing was changed" in str(refused.value)
    with db.reading() as session:
        assert session.scalars(select(Workshop)).all() == []
    data["workshop"]["status"] = "live"  # open, it comes in, and closes once TW has an action
    with db.transaction() as session:
        result = import_bundle(session, read_bundle(_write(data, tmp_path)))
    with pytest.raises(ActionsMissing, match="TW has no"), db.transaction() as session:
        live.close_workshop(session, result.workshop_id)


def test_a_bundle_cannot_close_a_workshop_that_is_open_here(db: Database, tmp_path: Path) -> None:
    data = with_new_ids(fixture_bundle())
    data["workshop"]["status"] = "live"
    data["workshop"]["closed_at"] = None
    with db.transaction() as session:
        result = import_bundle(session, read_bundle(_write(data, tmp_path)))
    later = "2027-01-01T00:00:00.000000Z"  # newer than here, so the bundle's copy wins
    for row in data["workshop"]["attendance"]:
        row |= {"no_action_reason": "", "updated_at": later}
    data["workshop"] |= {"status": "closed", "updated_at": later}
    with pytest.raises(BundleError, match="TW present"), db.transaction() as session:
        import_bundle(session, read_bundle(_write(data, tmp_path)))
    assert _status(db, result.workshop_id) is WorkshopStatus.LIVE


def test_builders_closed_workshops_keep_the_gate(db: Database) -> None:
    with db.transaction() as session:
        built = build_series(session)
    with db.reading() as session:
        first, second, _third = built.workshop_ids
        assert closing.people_without_action(session, first) == ()
        assert closing.people_without_action(session, second) == ()


def _agreement(db: Database, workshop_id: uuid.UUID, ids: dict[str, uuid.UUID]) -> None:
    """Two versions; in the latest, Aisha (present) and Cat (absent) ask for changes."""
    with db.transaction() as session:
        series_id = session.get_one(Workshop, workshop_id).series_id
        for number in (1, 2):
            version = AgreementVersion(series_id=series_id, number=number)
            for position, text in enumerate(("We listen.", "We take breaks.", "We pass."), 1):
                statement = AgreementStatement(position=position, text=f"{text} v{number}")
                asks = {"Aisha": position == 2, "Ben": number == 1, "Cat": position == 3}
                statement.consents = [
                    Consent(
                        participant_id=ids[person],
                        status=ConsentStatus.CHANGE_ASKED if asked else ConsentStatus.AGREED,
                    )
                    for person, asked in asks.items()
                ]
                version.statements.append(statement)
            session.add(version)


def test_readiness_lists_what_is_not_agreed_in_the_latest_version(db: Database) -> None:
    """The agreement's own rule: any open "change asked", even by someone not here today."""
    workshop_id, ids = _open_workshop(db)
    with db.reading() as session:
        assert readiness(session, workshop_id).not_agreed == ()
    _agreement(db, workshop_id, ids)
    with db.reading() as session:
        found = readiness(session, workshop_id).not_agreed
    assert [(s.number, s.text, [a.initials for a in s.change_asked]) for s in found] == [
        (2, "We take breaks. v2", ["AR"]),
        (3, "We pass. v2", ["CD"]),
    ]


def test_readiness_lines(db: Database) -> None:
    workshop_id, ids = _open_workshop(db)
    _agreement(db, workshop_id, ids)
    with db.reading() as session:
        ready = readiness(session, workshop_id)
    assert not ready.ready
    assert ready.lines() == [
        "First: not ready to close.",
        "No accepted action yet: AR, BC.",
        "Not yet agreed: statement 2, “We take breaks. v2” (change asked by AR).",
        "Not yet agreed: statement 3, “We pass. v2” (change asked by CD).",
    ]


def test_a_closed_workshop_keeps_the_gate_after_closing(db: Database) -> None:
    workshop_id, ids = _open_workshop(db)
    with db.transaction() as session:
        action_id = actions.add_action(
            session, workshop_id, "Poster", ["AR", "BC"], accepted=["AR", "BC"]
        ).action_id
        live.close_workshop(session, workshop_id)
    for change in (
        lambda session: actions.remove_action(session, action_id),
        lambda session: actions.set_accepted(session, action_id, ids["Ben"], False),
        lambda session: actions.edit_action(session, action_id, owners=["AR", "CD"]),
    ):
        refused = pytest.raises(InvalidInput, match="BC without an accepted action")
        with refused, db.transaction() as session:
            change(session)
    with db.reading() as session:
        assert actions.action_detail(session, action_id).all_accepted
    with db.transaction() as session:  # changes that keep everyone covered are fine
        actions.edit_action(session, action_id, text="Poster for the stops")
        live.reopen_workshop(session, workshop_id)
        actions.set_accepted(session, action_id, ids["Ben"], False)  # open again: allowed
