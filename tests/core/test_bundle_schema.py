"""The shipped JSON Schema: valid, complete, and in step with the models."""

from __future__ import annotations

import json
from typing import Any

import pytest
from builders import FIXTURE_BUNDLES, fixture_bundle
from jsonschema import Draft202012Validator

from coprodesk.core import bundle_check
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
    RECORD_COLUMNS,
    SERIES,
    SPEAKING_TURN,
    WORKSHOP,
    Shape,
)
from coprodesk.core.models import COORDINATOR_ONLY_TABLES, ActionOwner, Base, EntrySpeaker

# Schema definition -> (shape, lists of child records or ids it holds)
DEFINITIONS: dict[str, tuple[Shape, set[str]]] = {
    "series": (SERIES, {"planned_sessions"}),
    "planned_session": (PLANNED_SESSION, set()),
    "participant": (PARTICIPANT, set()),
    "agreement_version": (AGREEMENT_VERSION, {"statements"}),
    "agreement_statement": (AGREEMENT_STATEMENT, {"consents"}),
    "consent": (CONSENT, set()),
    "workshop": (
        WORKSHOP,
        {"attendance", "agenda_items", "minute_entries", "prompt_log", "speaking_turns"},
    ),
    "other_workshop": (WORKSHOP, set()),
    "attendance": (ATTENDANCE, set()),
    "agenda_item": (AGENDA_ITEM, set()),
    "minute_entry": (MINUTE_ENTRY, {"speakers"}),
    "other_minute_entry": (OTHER_MINUTE_ENTRY, {"speakers"}),
    "prompt_log_entry": (PROMPT_LOG_ENTRY, set()),
    "speaking_turn": (SPEAKING_TURN, set()),
    "action": (ACTION, {"owners"}),
}
# Lists added after the first bundles were written: optional, so those bundles stay valid.
OPTIONAL: dict[str, set[str]] = {"workshop": {"speaking_turns"}}


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return bundle_check.load_schema()


def test_the_schema_is_valid_json_schema_2020_12(schema: dict[str, Any]) -> None:
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert bundle_check.schema_path().name == "workshop-bundle-1.schema.json"


@pytest.mark.parametrize("name", sorted(DEFINITIONS))
def test_each_record_in_the_schema_matches_what_export_writes(
    schema: dict[str, Any], name: str
) -> None:
    shape, children = DEFINITIONS[name]
    definition = schema["$defs"][name]
    expected = {*RECORD_COLUMNS, *shape.columns, *children}
    assert set(definition["properties"]) == expected
    # Columns added after format 1 was released, and lists of records added since, may be
    # left out (older bundles lack them).
    optional = {column for column, _ in shape.defaults} | OPTIONAL.get(name, set())
    assert set(definition["required"]) == expected - optional
    for child in OPTIONAL.get(name, set()):
        assert definition["properties"][child]["default"] == []
    assert definition["additionalProperties"] is False


def test_every_column_of_every_table_travels_in_a_bundle() -> None:
    """Nothing may be lost: a new column needs a place in the bundle (and a new version)."""
    implied = {"series_id", "workshop_id", "version_id", "statement_id"}
    carried: dict[str, set[str]] = {}
    for shape, _children in DEFINITIONS.values():
        columns = {*RECORD_COLUMNS, *shape.columns}
        if shape.parent is not None:
            columns.add(shape.parent)
        carried.setdefault(shape.table.name, set()).update(columns)
    carried[EntrySpeaker.__tablename__] = {"entry_id", "participant_id"}
    carried[ActionOwner.__tablename__] = {"action_id", "participant_id", "accepted"}
    for table in Base.metadata.sorted_tables:
        if table.name in COORDINATOR_ONLY_TABLES:
            # Names and money from the coordinator's desk stay on this laptop, by design.
            assert table.name not in carried
            continue
        missing = {column.name for column in table.columns} - carried[table.name] - implied
        assert missing == set(), f"{table.name} has columns no bundle carries: {missing}"


def test_text_limits_follow_the_models(schema: dict[str, Any]) -> None:
    from coprodesk.core.models import NAME_MAX, TEXT_MAX, TITLE_MAX

    participant = schema["$defs"]["participant"]["properties"]
    assert participant["name"]["maxLength"] == NAME_MAX
    assert schema["$defs"]["workshop"]["properties"]["title"]["maxLength"] == TITLE_MAX
    assert schema["$defs"]["text"]["maxLength"] == TEXT_MAX


def _samples() -> list[Any]:
    samples: list[Any] = []
    for path in sorted(FIXTURE_BUNDLES.glob("*.json")):
        try:
            samples.append(json.loads(path.read_bytes()))
        except ValueError:
            continue
    good = fixture_bundle()
    good["participants"][0]["name"] = "x" * 201
    samples.append(good)
    good = fixture_bundle()
    good["workshop"]["title"] = "Line\nbreak"
    samples.append(good)
    return samples


@pytest.mark.parametrize("sample", _samples())
def test_the_faster_expanded_schema_judges_like_the_shipped_one(
    schema: dict[str, Any], sample: Any
) -> None:
    shipped = Draft202012Validator(schema, format_checker=bundle_check.validator().format_checker)
    assert shipped.is_valid(sample) == bundle_check.validator().is_valid(sample)
