"""The prompt library and glossary: shipped data checked, the facilitator's changes kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coprodesk import paths
from coprodesk.core import prompt_library as lib
from coprodesk.core.errors import InvalidInput, UserFacingError


def test_shipped_prompts_cover_every_moment_and_situation() -> None:
    shipped = lib.shipped_prompts()
    assert {prompt.when for prompt in shipped} == set(lib.WHEN_LABELS)
    for prompt in shipped:
        assert prompt.text
        assert prompt.why
        assert prompt.move
    glossary = {term.term for term in lib.shipped_glossary()}
    assert {"service user", "stakeholder", "MDT", "KPI", "safeguarding"} <= glossary


def test_a_damaged_shipped_file_gives_a_plain_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "prompts.json").write_text('{"prompts": [{"id": "x", "when": "never"}]}')
    (tmp_path / "glossary.json").write_text("not json")
    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path)
    lib.shipped_prompts.cache_clear()
    lib.shipped_glossary.cache_clear()
    try:
        with pytest.raises(UserFacingError, match="missing or damaged"):
            lib.shipped_prompts()
        with pytest.raises(UserFacingError, match="Reinstalling CoproDesk restores it"):
            lib.shipped_glossary()
    finally:
        lib.shipped_prompts.cache_clear()
        lib.shipped_glossary.cache_clear()


def test_own_prompts_edits_and_switches_survive_reopening(data_dir: Path) -> None:
    own = lib.add_prompt(
        "opening",
        "Ask who chose the venue.",
        "Venues carry history.",
        "Ask the room how the place feels.",
    )
    lib.edit_prompt("time_check", "We are over time.", "Later items get squeezed.", "Ask the room.")
    lib.switch_prompt("name_the_power", on=False)
    lib.add_term("PBR", "payment by results")
    lib.remove_term("stakeholder")
    lib.set_threshold("quiet_minutes", 15)
    stored = json.loads((data_dir / lib.CUSTOM_FILE).read_text(encoding="utf-8"))
    assert stored["off"] == ["name_the_power"]
    library = lib.load_library()
    mine = library.prompt(own)
    assert mine is not None
    assert not mine.shipped
    assert mine.on
    edited = library.prompt("time_check")
    assert edited is not None
    assert edited.edited
    assert edited.text == "We are over time."
    assert not library.prompt("name_the_power").on  # type: ignore[union-attr]
    terms = {term.term: term for term in library.glossary}
    assert terms["PBR"].plain == "payment by results"
    assert "stakeholder" not in terms
    assert library.thresholds.quiet_minutes == 15
    lib.restore_prompt("time_check")
    lib.switch_prompt("name_the_power", on=True)
    lib.remove_own_prompt(own)
    lib.add_term("stakeholder", "people with a part in this")
    again = lib.load_library()
    assert again.prompt("time_check").text == "This item is running over its time."  # type: ignore[union-attr]
    assert again.prompt(own) is None
    assert again.prompt("name_the_power").on
    assert {t.term: t.plain for t in again.glossary}["stakeholder"] == "people with a part in this"


def test_changes_survive_an_upgrade_that_ships_new_prompts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib.switch_prompt("time_check", on=False)
    lib.edit_prompt("break_due", "Break?", "People tire.", "Offer one.")
    shipped = json.loads((paths.resources_dir() / "prompts.json").read_text(encoding="utf-8"))
    shipped["prompts"].append(
        {"id": "new_one", "when": "close", "text": "New.", "why": "New.", "move": "New."}
    )
    (tmp_path / "prompts.json").write_text(json.dumps(shipped), encoding="utf-8")
    (tmp_path / "glossary.json").write_bytes((paths.resources_dir() / "glossary.json").read_bytes())
    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path)
    lib.shipped_prompts.cache_clear()
    try:
        library = lib.load_library()
        assert library.prompt("new_one") is not None
        assert not library.prompt("time_check").on  # type: ignore[union-attr]
        assert library.prompt("break_due").text == "Break?"  # type: ignore[union-attr]
    finally:
        lib.shipped_prompts.cache_clear()


def test_bad_input_is_refused_plainly_and_changes_nothing(data_dir: Path) -> None:
    with pytest.raises(InvalidInput, match="Please write the prompt"):
        lib.add_prompt("opening", "   ", "why", "move")
    with pytest.raises(InvalidInput, match="choose when"):
        lib.add_prompt("sometime", "a", "b", "c")
    with pytest.raises(InvalidInput, match="from 5 to 120"):
        lib.set_threshold("quiet_minutes", 500)
    assert not (data_dir / lib.CUSTOM_FILE).exists()


def test_a_damaged_changes_file_is_reported_and_left_alone(data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / lib.CUSTOM_FILE).write_text("{broken", encoding="utf-8")
    with pytest.raises(UserFacingError, match="has not been changed"):
        lib.load_library()
    assert (data_dir / lib.CUSTOM_FILE).read_text(encoding="utf-8") == "{broken"
