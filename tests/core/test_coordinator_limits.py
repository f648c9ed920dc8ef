"""The coordinator's records hold names and money; they stay on the coordinator's desk.

Each test puts distinctive preferences, notes and amounts on the desk, then looks
for them where they must never be: the minutes, the projector's snapshot, a
workshop bundle, the "you said, we did" update and someone's record of contribution.
"""

from __future__ import annotations

import ast
import json
from datetime import date, datetime
from pathlib import Path

import pytest
from builders import PEOPLE, BuiltSeries, build_series

import coprodesk
from coprodesk.core import bundle_export, live, minutes, recompense
from coprodesk.core.contribution_record import record_of_contribution
from coprodesk.core.db import Database
from coprodesk.core.errors import InvalidInput
from coprodesk.core.models import (
    COORDINATOR_ONLY_TABLES,
    Action,
    ActionOwner,
    ActionStatus,
    ExpenseKind,
    RecompenseChoice,
)
from coprodesk.core.series_update import Naming, series_update

SECRETS = ("Secret preference note", "Secret expense note", "987.65", "98765", "Voucher")
FULL_NAMES = tuple(name for name, *_ in PEOPLE)


def _desk(db: Database) -> BuiltSeries:
    with db.transaction() as session:
        built = build_series(session)
        for initials in ("MJO", "AO"):
            recompense.set_choice(
                session, built.person(initials), RecompenseChoice.VOUCHER, "Secret preference note"
            )
            for workshop_id in built.workshop_ids:
                recompense.add_expense(
                    session,
                    workshop_id,
                    built.person(initials),
                    ExpenseKind.TRAVEL,
                    98765,
                    note="Secret expense note",
                )
        recompense.set_record_agreement(
            session, built.person("MJO"), True, now=datetime(2026, 4, 2, 9)
        )
        # A completed action whose words name someone else in full.
        action = Action(
            raised_in_id=built.workshop_ids[1],
            text="Help Łukasz Żółć write to Zoë Ødegaard about the gate.",
            status=ActionStatus.DONE,
            outcome_note="Amara Okafor posted it.",
        )
        session.add(action)
        session.flush()
        session.add(ActionOwner(action_id=action.id, participant_id=built.person("MJO")))
    return built


def _assert_clean(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


def test_the_minutes_hold_nothing_from_the_desk(db: Database) -> None:
    built = _desk(db)
    with db.reading() as session:
        for workshop_id in built.workshop_ids:
            _assert_clean(repr(minutes.entries(session, workshop_id)))


def test_the_projector_snapshot_holds_nothing_from_the_desk(db: Database) -> None:
    built = _desk(db)
    with db.reading() as session:
        for workshop_id in built.workshop_ids:
            _assert_clean(repr(live.snapshot(session, workshop_id).public))


def test_a_workshop_bundle_carries_no_desk_records(db: Database) -> None:
    built = _desk(db)
    with db.reading() as session:
        for workshop_id in built.workshop_ids:
            text = json.dumps(bundle_export.export_workshop(session, workshop_id), default=str)
            _assert_clean(text)
            for table in COORDINATOR_ONLY_TABLES:
                assert table not in text


@pytest.mark.parametrize("naming", list(Naming))
def test_the_series_update_holds_no_money_and_no_full_names(db: Database, naming: Naming) -> None:
    built = _desk(db)
    with db.reading() as session:
        update = series_update(session, built.series_id, naming, date(2026, 4, 20))
    text = repr(update)
    _assert_clean(text)
    for name in FULL_NAMES:
        assert name not in text
    assert "Help ŁŻ write to ZØ about the gate." in [action.text for action in update.actions]


def test_a_record_of_contribution_names_only_its_person(db: Database) -> None:
    built = _desk(db)
    with db.reading() as session:
        record = record_of_contribution(session, built.person("MJO"), date(2026, 4, 20))
    text = repr(record)
    _assert_clean(text)
    assert record.person_name == "Mary-Jane O'Neil"
    for name in FULL_NAMES[1:]:
        assert name not in text
    assert "Help ŁŻ write to ZØ about the gate." in [a.text for a in record.actions_completed]
    assert "AO posted it." in [a.outcome for a in record.actions_completed]


def test_no_record_of_contribution_without_the_persons_agreement(db: Database) -> None:
    built = _desk(db)
    with pytest.raises(InvalidInput, match="agreed"), db.reading() as session:
        record_of_contribution(session, built.person("AO"), date(2026, 4, 20))
    with db.transaction() as session:
        recompense.set_record_agreement(session, built.person("MJO"), False)
    with pytest.raises(InvalidInput), db.reading() as session:
        record_of_contribution(session, built.person("MJO"), date(2026, 4, 20))


# Modules that build what others see; none may read the money or preference records.
PUBLIC_MODULES = (
    "core/live.py",
    "core/live_view.py",
    "core/minutes.py",
    "core/bundle_export.py",
    "core/bundle_shapes.py",
    "core/series_update.py",
    "core/contribution_record.py",
    "ui/live/projector.py",
    "ui/live/projector_content.py",
)
MONEY_NAMES = {"Expense", "recompense", "PersonDesk", "series_desk", "finance_rows", "fair_load"}


@pytest.mark.parametrize("module", PUBLIC_MODULES)
def test_public_builders_never_import_the_money_records(module: str) -> None:
    path = Path(coprodesk.__file__).parent / module
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            imported.update(alias.name for alias in node.names)
            imported.update((node.module or "").split("."))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                imported.update(alias.name.split("."))
    assert imported.isdisjoint(MONEY_NAMES), f"{module} imports {imported & MONEY_NAMES}"
