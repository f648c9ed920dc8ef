"""The facilitator's prompt library, glossary and thresholds: shipped, then made their own.

The shipped library (``resources/prompts.json``) and glossary
(``resources/glossary.json``) are read and checked once. A facilitator's own
changes (their own prompts, edits to shipped ones, prompts switched off, added
or removed glossary words, and thresholds) live in one small file in the data
folder, ``prompt-library.json``. It records only the changes, so a new version
of CoproDesk can ship new prompts without losing them. Every change is written
at once (to a temporary file, then moved into place).
"""

from __future__ import annotations

import json
import os
import re
import uuid
from dataclasses import asdict, dataclass, field, fields, replace
from functools import cache
from pathlib import Path
from typing import Any

from coprodesk import paths
from coprodesk.core.errors import InvalidInput, UserFacingError

PROMPTS_FILE = "prompts.json"
GLOSSARY_FILE = "glossary.json"
CUSTOM_FILE = "prompt-library.json"
TEXT_LIMIT = 600
TERM_LIMIT = 60

# When a prompt applies: the three moments, then what the rules notice in the room.
WHEN_LABELS = {
    "opening": "At the opening",
    "before_decision": "Before a decision",
    "close": "At the close",
    "quiet_voices": "People not heard for a while",
    "dominant_voice": "One voice holding a large share",
    "jargon": "Jargon or an acronym used",
    "item_long": "An item running long",
    "no_break": "A long stretch with no break",
}
MOMENTS = ("opening", "before_decision", "close")


@dataclass(frozen=True)
class Prompt:
    id: str
    when: str
    text: str
    why: str
    move: str
    shipped: bool = True
    edited: bool = False
    on: bool = True

    @property
    def when_label(self) -> str:
        return WHEN_LABELS[self.when]


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    plain: str
    shipped: bool = True


@dataclass(frozen=True)
class Thresholds:
    """When the rules speak up. Minutes unless the name says otherwise."""

    quiet_minutes: int = 20
    quiet_item_minutes: int = 10
    dominant_share_percent: int = 40
    dominant_min_contributions: int = 8
    item_over_minutes: int = 5
    break_after_minutes: int = 75
    repeat_minutes: int = 20


THRESHOLD_LABELS = {
    "quiet_minutes": "Minutes without a contribution before someone counts as not heard",
    "quiet_item_minutes": "Minutes into an item before asking who has not spoken in it",
    "dominant_share_percent": "Share of contributions (per cent) that counts as a large share",
    "dominant_min_contributions": "Contributions recorded before shares are compared",
    "item_over_minutes": "Minutes over its time before an item counts as running long",
    "break_after_minutes": "Minutes without a break before suggesting one",
    "repeat_minutes": "Minutes before a dismissed prompt about the room may come back",
}
THRESHOLD_RANGES = {
    "quiet_minutes": (5, 120),
    "quiet_item_minutes": (3, 120),
    "dominant_share_percent": (20, 90),
    "dominant_min_contributions": (3, 100),
    "item_over_minutes": (0, 60),
    "break_after_minutes": (20, 240),
    "repeat_minutes": (5, 240),
}


@dataclass(frozen=True)
class Library:
    prompts: tuple[Prompt, ...]
    glossary: tuple[GlossaryTerm, ...]
    thresholds: Thresholds

    def active(self, when: str) -> list[Prompt]:
        return [prompt for prompt in self.prompts if prompt.on and prompt.when == when]

    def prompt(self, prompt_id: str) -> Prompt | None:
        return next((prompt for prompt in self.prompts if prompt.id == prompt_id), None)


@dataclass
class Customisations:
    """Only what the facilitator changed."""

    own_prompts: list[dict[str, str]] = field(default_factory=list)
    edited: dict[str, dict[str, str]] = field(default_factory=dict)
    off: list[str] = field(default_factory=list)
    glossary_added: list[dict[str, str]] = field(default_factory=list)
    glossary_removed: list[str] = field(default_factory=list)
    thresholds: dict[str, int] = field(default_factory=dict)


# The shipped files -----------------------------------------------------------------------


def _shipped_problem(path: Path) -> UserFacingError:
    return UserFacingError(
        f"The file {path} is missing or damaged. Reinstalling CoproDesk restores it; "
        "your workshops are not affected."
    )


def _check_prompt(raw: Any) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise ValueError("not an object")
    keys = ("id", "when", "text", "why", "move")
    if not all(isinstance(raw.get(key), str) and raw[key].strip() for key in keys):
        raise ValueError("a prompt needs an id, when, text, why and move")
    if raw["when"] not in WHEN_LABELS:
        raise ValueError(f"unknown when: {raw['when']}")
    return {key: raw[key].strip() for key in keys}


def _prompt(raw: dict[str, str], **flags: bool) -> Prompt:
    return Prompt(raw["id"], raw["when"], raw["text"], raw["why"], raw["move"], **flags)


@cache
def shipped_prompts() -> tuple[Prompt, ...]:
    path = paths.resources_dir() / PROMPTS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        checked = [_check_prompt(raw) for raw in data["prompts"]]
        ids = [prompt["id"] for prompt in checked]
        if not checked or len(set(ids)) != len(ids):
            raise ValueError("no prompts, or an id used twice")
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise _shipped_problem(path) from error
    return tuple(_prompt(raw) for raw in checked)


@cache
def shipped_glossary() -> tuple[GlossaryTerm, ...]:
    path = paths.resources_dir() / GLOSSARY_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        terms = [GlossaryTerm(raw["term"].strip(), raw["plain"].strip()) for raw in data["terms"]]
        if not terms or not all(term.term and term.plain for term in terms):
            raise ValueError("an empty term")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise _shipped_problem(path) from error
    return tuple(terms)


# The facilitator's own changes -----------------------------------------------------------


def custom_path() -> Path:
    return paths.data_dir() / CUSTOM_FILE


def load_customisations() -> Customisations:
    """The facilitator's changes; none yet is an empty set of changes."""
    path = custom_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Customisations()
    except OSError as error:
        raise UserFacingError(
            f"CoproDesk could not read your prompt changes in {path}. "
            "The shipped prompts are used meanwhile; your file has not been changed."
        ) from error
    try:
        data = json.loads(text)
        custom = Customisations(
            own_prompts=[_check_prompt(raw) for raw in data.get("own_prompts", [])],
            edited={
                str(key): {part: str(value[part]) for part in ("text", "why", "move")}
                for key, value in dict(data.get("edited", {})).items()
            },
            off=[str(each) for each in data.get("off", [])],
            glossary_added=[
                {"term": str(raw["term"]), "plain": str(raw["plain"])}
                for raw in data.get("glossary_added", [])
            ],
            glossary_removed=[str(each) for each in data.get("glossary_removed", [])],
            thresholds={str(key): int(value) for key, value in data.get("thresholds", {}).items()},
        )
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise UserFacingError(
            f"Your prompt changes in {path} are damaged, so the shipped prompts are used. "
            "Your file has not been changed; move it away to start afresh."
        ) from error
    return custom


def save_customisations(custom: Customisations) -> None:
    path = custom_path()
    paths.ensure_data_dir()
    temporary = path.with_suffix(".json.new")
    with temporary.open("w", encoding="utf-8") as handle:
        json.dump(asdict(custom), handle, ensure_ascii=False, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    temporary.replace(path)


def thresholds_from(values: dict[str, int]) -> Thresholds:
    known = {each.name for each in fields(Thresholds)}
    chosen: dict[str, int] = {}
    for name, value in values.items():
        if name in known:
            low, high = THRESHOLD_RANGES[name]
            chosen[name] = max(low, min(high, value))
    return replace(Thresholds(), **chosen)


def build_library(custom: Customisations) -> Library:
    off = set(custom.off)
    prompts = []
    for prompt in shipped_prompts():
        edit = custom.edited.get(prompt.id)
        if edit:
            prompt = replace(
                prompt, text=edit["text"], why=edit["why"], move=edit["move"], edited=True
            )
        prompts.append(replace(prompt, on=prompt.id not in off))
    for own in custom.own_prompts:
        edit = custom.edited.get(own["id"], {})
        prompts.append(_prompt({**own, **edit}, shipped=False, on=own["id"] not in off))
    removed = {term.casefold() for term in custom.glossary_removed}
    glossary = [term for term in shipped_glossary() if term.term.casefold() not in removed]
    added = [
        GlossaryTerm(raw["term"], raw["plain"], shipped=False) for raw in custom.glossary_added
    ]
    replaced = {term.term.casefold() for term in added}
    glossary = [term for term in glossary if term.term.casefold() not in replaced] + added
    return Library(tuple(prompts), tuple(glossary), thresholds_from(custom.thresholds))


def load_library() -> Library:
    return build_library(load_customisations())


# Changing it -----------------------------------------------------------------------------


def _clean(value: str, what: str, limit: int = TEXT_LIMIT) -> str:
    cleaned = re.sub(r"\s+", " ", value).strip()
    if not cleaned:
        raise InvalidInput(f"Please write the {what}.")
    if len(cleaned) > limit:
        raise InvalidInput(f"The {what} is too long: please keep it under {limit} characters.")
    return cleaned


def _parts(text: str, why: str, move: str) -> dict[str, str]:
    return {
        "text": _clean(text, "prompt"),
        "why": _clean(why, "reason it matters"),
        "move": _clean(move, "suggested move"),
    }


def add_prompt(when: str, text: str, why: str, move: str) -> str:
    """Add the facilitator's own prompt; returns its id."""
    if when not in WHEN_LABELS:
        raise InvalidInput("Please choose when the prompt applies.")
    custom = load_customisations()
    prompt_id = f"own-{uuid.uuid4().hex[:8]}"
    custom.own_prompts.append({"id": prompt_id, "when": when, **_parts(text, why, move)})
    save_customisations(custom)
    return prompt_id


def edit_prompt(prompt_id: str, text: str, why: str, move: str) -> None:
    custom = load_customisations()
    known = {prompt.id for prompt in build_library(custom).prompts}
    if prompt_id not in known:
        raise InvalidInput("That prompt is no longer in the library.")
    custom.edited[prompt_id] = _parts(text, why, move)
    save_customisations(custom)


def restore_prompt(prompt_id: str) -> None:
    """Go back to the shipped words of a prompt the facilitator edited."""
    custom = load_customisations()
    custom.edited.pop(prompt_id, None)
    save_customisations(custom)


def remove_own_prompt(prompt_id: str) -> None:
    custom = load_customisations()
    custom.own_prompts = [raw for raw in custom.own_prompts if raw["id"] != prompt_id]
    custom.edited.pop(prompt_id, None)
    custom.off = [each for each in custom.off if each != prompt_id]
    save_customisations(custom)


def switch_prompt(prompt_id: str, on: bool) -> None:
    custom = load_customisations()
    off = [each for each in custom.off if each != prompt_id]
    custom.off = off if on else [*off, prompt_id]
    save_customisations(custom)


def add_term(term: str, plain: str) -> None:
    """Add a word to the glossary (or change the plain words for one already there)."""
    term = _clean(term, "word or acronym", TERM_LIMIT)
    plain = _clean(plain, "plain words", TEXT_LIMIT)
    custom = load_customisations()
    folded = term.casefold()
    custom.glossary_added = [
        raw for raw in custom.glossary_added if raw["term"].casefold() != folded
    ] + [{"term": term, "plain": plain}]
    custom.glossary_removed = [
        each for each in custom.glossary_removed if each.casefold() != folded
    ]
    save_customisations(custom)


def remove_term(term: str) -> None:
    custom = load_customisations()
    folded = term.casefold()
    custom.glossary_added = [
        raw for raw in custom.glossary_added if raw["term"].casefold() != folded
    ]
    if any(each.term.casefold() == folded for each in shipped_glossary()):
        custom.glossary_removed.append(term)
    save_customisations(custom)


def set_threshold(name: str, value: int) -> None:
    if name not in THRESHOLD_RANGES:
        raise InvalidInput("That setting is not one CoproDesk knows.")
    low, high = THRESHOLD_RANGES[name]
    if not low <= value <= high:
        raise InvalidInput(f"Please choose a number from {low} to {high}.")
    custom = load_customisations()
    custom.thresholds[name] = value
    save_customisations(custom)
