"""Checking a workshop bundle's content: the shipped JSON Schema, then its links.

A problem is raised as ``BundleProblem`` with a plain description of what is
wrong and where (``at participants[2].name, ...``); the caller adds which file
it was and that nothing was changed. Text content is never repeated in a
message, because it may be personal: only its length or the code of a bad
character is.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, ValidationError
from jsonschema.exceptions import best_match

from coprodesk.core.bundle_links import check_links
from coprodesk.core.bundle_problem import BundleProblem
from coprodesk.core.bundle_shapes import FORMAT_NAME, FORMAT_VERSION
from coprodesk.paths import resources_dir

SCHEMA_NAME = f"workshop-bundle-{FORMAT_VERSION}.schema.json"
_SHOWN_MAX = 60


def schema_path() -> Path:
    return resources_dir() / "schema" / SCHEMA_NAME


def _is_uuid(value: object) -> bool:
    return not isinstance(value, str) or bool(uuid.UUID(value))


def _is_date(value: object) -> bool:
    return not isinstance(value, str) or bool(date.fromisoformat(value))


def _is_time(value: object) -> bool:
    return not isinstance(value, str) or bool(datetime.fromisoformat(value.removesuffix("Z")))


def _format_checker() -> FormatChecker:
    """Only the formats the bundle uses, checked the same way everywhere."""
    checker = FormatChecker(formats=())
    checker.checks("uuid", raises=ValueError)(_is_uuid)
    checker.checks("date", raises=ValueError)(_is_date)
    checker.checks("date-time", raises=ValueError)(_is_time)
    checker.checks("local-date-time", raises=ValueError)(_is_time)
    return checker


def load_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(schema_path().read_text(encoding="utf-8"))
    return schema


_ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "title", "description", "$comment"})


def expand_references(schema: dict[str, Any]) -> dict[str, Any]:
    """The same rules with every ``$ref`` written out in place, which checks twice as fast.

    A reference is merged with the keywords beside it (the bundle schema never
    repeats a keyword there), so each value is checked in one step.
    """
    definitions = schema.get("$defs", {})

    def expand(node: Any) -> Any:
        if isinstance(node, list):
            return [expand(item) for item in node]
        if not isinstance(node, dict):
            return node
        rules: dict[str, Any] = {
            # "properties" maps field names (such as "title") to rules: expand each rule.
            key: {name: expand(rule) for name, rule in value.items()}
            if key == "properties"
            else expand(value)
            for key, value in node.items()
            if key not in _ANNOTATIONS
        }
        reference = rules.pop("$ref", None)
        if reference is None:
            return rules
        target = expand(definitions[reference.removeprefix("#/$defs/")])
        if set(target) & set(rules):
            return {"allOf": [target], **rules}
        return target | rules

    return {"$schema": schema["$schema"], **expand(schema)}


@cache
def validator() -> Draft202012Validator:
    """The shipped schema's validator, with format checks for ids, dates and times."""
    return Draft202012Validator(expand_references(load_schema()), format_checker=_format_checker())


class CheckedBundle(dict[str, Any]):
    """A bundle that passed ``check_bundle``, so importing it need not check it again.

    Change nothing in it between reading and importing.
    """


def check_bundle(data: object) -> CheckedBundle:
    """Return ``data`` as a checked bundle, or raise ``BundleProblem`` saying what is wrong."""
    if isinstance(data, CheckedBundle):
        return data
    check_format(data)
    assert isinstance(data, dict)
    error = best_match(validator().iter_errors(data))
    if error is not None:
        raise BundleProblem.at(where(error.absolute_path), describe(error))
    check_links(data)
    return CheckedBundle(data)


def check_format(data: object) -> None:
    """Is this a CoproDesk bundle of a version this CoproDesk reads?"""
    if not isinstance(data, dict):
        raise BundleProblem(f"the file holds {_kind(data)}, not a CoproDesk workshop bundle")
    if data.get("format") != FORMAT_NAME:
        raise BundleProblem(
            f'it is not a CoproDesk workshop bundle (it lacks "format": "{FORMAT_NAME}")'
        )
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool):
        if version > FORMAT_VERSION:
            raise BundleProblem(
                f"it was made by a newer CoproDesk (bundle version {version}; this CoproDesk "
                f"reads up to version {FORMAT_VERSION}). Install the newer CoproDesk to import it"
            )
        if version < 1:
            raise BundleProblem(f"its bundle version {version} is not one CoproDesk has made")


def where(path: Iterable[str | int]) -> str:
    """``["participants", 2, "name"]`` as ``participants[2].name``."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else f".{step}" if text else str(step)
    return text or "the top level"


def _shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 1] + "…"


_KIND_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a group of named fields",
    "null": "null (empty)",
}


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of named fields"
    return "null (empty)"


_FORM_WORDS = {
    "uuid": "a valid id (ids look like 0f8fad5b-d9cb-469f-a165-70867728950e)",
    "date": "a date written as YYYY-MM-DD, such as 2026-03-14",
    "date-time": "a moment in UTC written like 2026-03-14T10:30:00.000000Z",
    "local-date-time": "a local time written like 2026-03-14T10:30:00",
}


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _bad_character(text: str, one_line: bool) -> str:
    """Name the first character the schema's "not" rule forbids."""
    for character in text:
        code = ord(character)
        if one_line and character in "\t\n":
            return "a tab or line break, which this one-line text cannot have"
        if 0xD800 <= code <= 0xDFFF:
            return f"a broken character (U+{code:04X}), which is not valid text"
        if _CONTROL.match(character):
            return f"an invisible control character (U+{code:04X}), which is not allowed"
    return "a character that is not allowed"  # pragma: no cover


def describe(error: ValidationError) -> str:
    """One schema error in plain words (without where it is)."""
    keyword, rule, value = error.validator, error.validator_value, error.instance
    if keyword == "required":
        missing = next(name for name in rule if name not in value)
        return f'the field "{missing}" is missing'
    if keyword == "additionalProperties":
        unknown = sorted(set(value) - set(error.schema.get("properties", {})))
        return f"there is a field {_shown(unknown[0])} that CoproDesk does not know"
    if keyword == "type":
        expected = " or ".join(
            _KIND_WORDS[name] for name in ([rule] if isinstance(rule, str) else rule)
        )
        return f"the value should be {expected}, but it is {_kind(value)}"
    if keyword == "maxLength":
        return f"the text is longer than {rule} characters (it has {len(value)})"
    if keyword == "minLength":
        return "the text is empty, and it must not be"
    if keyword == "not":
        one_line = re.search(rule["pattern"], "\n") is not None
        return f"the text contains {_bad_character(value, one_line)}"
    if keyword in ("pattern", "format"):
        form = error.schema.get("format", "")
        return f"{_shown(value)} is not {_FORM_WORDS.get(form, 'in the expected form')}"
    if keyword == "enum":
        allowed = ", ".join(_shown(choice) for choice in rule)
        return f"{_shown(value)} is not one of the allowed values ({allowed})"
    if keyword == "const":
        return f"the value must be {_shown(rule)}"
    if keyword == "minimum":
        return f"the number must be at least {rule} (it is {_shown(value)})"
    if keyword == "maximum":
        return f"the number must be at most {rule} (it is {_shown(value)})"
    if keyword == "uniqueItems":
        return "the same id is listed twice"
    return f'the value breaks the bundle rule "{keyword}"'  # pragma: no cover


__all__ = ["BundleProblem", "CheckedBundle", "check_bundle", "check_links", "describe", "where"]
