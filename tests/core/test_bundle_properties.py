"""Properties over many generated inputs: text round-trips, and anything else is refused cleanly."""

from __future__ import annotations

import json
import re
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from builders import fixture_bundle, with_new_ids
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from coprodesk.core import bundle_check
from coprodesk.core.bundle import bundle_bytes, export_workshop, import_bundle, read_bundle
from coprodesk.core.db import Database
from coprodesk.core.errors import BundleError

# Text the schema accepts: no control characters and no broken (surrogate) characters;
# free text may also hold tabs and line breaks.
FORBIDDEN_IN_A_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
ONE_LINE = st.characters(exclude_categories=("Cs", "Cc"))
FREE_TEXT = st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t\n")
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=12,
)
WITH_A_DATABASE = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _write(data: Any, folder: Path, *, ascii_only: bool = False) -> Path:
    path = folder / "bundle.json"
    if ascii_only:  # escapes lone surrogates, which UTF-8 cannot hold
        path.write_text(json.dumps(data), encoding="ascii")
    else:
        path.write_bytes(bundle_bytes(data))
    return path


@WITH_A_DATABASE
@given(
    name=st.text(ONE_LINE, min_size=1, max_size=200),
    title=st.text(ONE_LINE, min_size=1, max_size=300),
    text=st.text(FREE_TEXT, max_size=3000),
)
def test_any_text_the_schema_accepts_round_trips_exactly(
    db: Database, tmp_path: Path, name: str, title: str, text: str
) -> None:
    data = with_new_ids(fixture_bundle())
    data["participants"][0]["name"] = name
    data["workshop"]["title"] = title
    data["workshop"]["minute_entries"][0]["text"] = text
    with db.transaction() as session:
        result = import_bundle(session, read_bundle(_write(data, tmp_path)))
    with db.reading() as session:
        exported = export_workshop(session, result.workshop_id)
    assert exported == data | {"app_version": exported["app_version"]}


@WITH_A_DATABASE
@given(name=st.text(min_size=1, max_size=40))
def test_any_name_at_all_is_either_kept_exactly_or_refused(
    db: Database, tmp_path: Path, name: str
) -> None:
    data = with_new_ids(fixture_bundle())
    data["participants"][1]["name"] = name
    path = _write(data, tmp_path, ascii_only=True)
    if FORBIDDEN_IN_A_LINE.search(name):
        with pytest.raises(BundleError, match=r"at participants\[1\]\.name, the text contains"):
            read_bundle(path)
        return
    bundle = read_bundle(path)
    with db.transaction() as session:
        import_bundle(session, bundle)
    with db.reading() as session:
        exported = export_workshop(session, uuid.UUID(bundle["workshop"]["id"]))
    assert exported["participants"] == data["participants"]


def _folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


@settings(max_examples=150, deadline=None)
@given(value=JSON_VALUES)
def test_random_json_is_refused_with_a_plain_message(value: Any) -> None:
    for folder in _folder():
        with pytest.raises(BundleError, match="Nothing was changed"):
            read_bundle(_write(value, folder, ascii_only=True))


@settings(max_examples=100, deadline=None)
@given(content=st.binary(max_size=200))
def test_random_bytes_are_refused_with_a_plain_message(content: bytes) -> None:
    for folder in _folder():
        path = folder / "bytes.json"
        path.write_bytes(content)
        with pytest.raises(BundleError, match="Nothing was changed"):
            read_bundle(path)


def _places(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a JSON value, as a path of keys and indexes."""
    if path:
        yield path
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _places(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _places(inner, (*path, index))


def _replace(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


@WITH_A_DATABASE
@given(choice=st.data())
def test_a_damaged_bundle_is_refused_or_imported_never_anything_else(
    db: Database, tmp_path: Path, choice: st.DataObject
) -> None:
    data = with_new_ids(fixture_bundle())
    place = choice.draw(st.sampled_from(sorted(_places(data), key=repr)))
    _replace(data, place, choice.draw(JSON_VALUES))

    shipped = Draft202012Validator(
        bundle_check.load_schema(), format_checker=bundle_check.validator().format_checker
    )
    assert shipped.is_valid(data) == bundle_check.validator().is_valid(data)
    message = "imported"
    try:
        bundle = read_bundle(_write(data, tmp_path, ascii_only=True))
        with db.transaction() as session:
            import_bundle(session, bundle)
    except BundleError as refused:
        message = str(refused)
    assert message == "imported" or message.endswith("Nothing was changed.")
