"""Checking text that people type or that arrives in a file."""

from __future__ import annotations

import re
import unicodedata

from coprodesk.core.errors import InvalidInput

# Control characters other than tab and newline never belong in stored text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"[\t\r\n\u2028\u2029]+")


def has_control_characters(value: str) -> bool:
    return bool(_CONTROL.search(value))


def clean_line(value: str, field: str, max_length: int, *, required: bool = True) -> str:
    """One line of text (a title, a name): trimmed, breaks folded, controls dropped."""
    cleaned = _CONTROL.sub("", _LINE_BREAKS.sub(" ", unicodedata.normalize("NFC", value))).strip()
    if required and not cleaned:
        raise InvalidInput(f"Please give a {field}: it cannot be empty.")
    if len(cleaned) > max_length:
        raise InvalidInput(
            f"A {field} can be at most {max_length} characters; this one has {len(cleaned)}. "
            "Please shorten it."
        )
    return cleaned


def clean_text(value: str, field: str, max_length: int, *, required: bool = False) -> str:
    """Free text (a purpose, a note): line breaks kept, other controls dropped."""
    cleaned = _CONTROL.sub("", unicodedata.normalize("NFC", value).replace("\r\n", "\n")).strip()
    if required and not cleaned:
        raise InvalidInput(f"Please write the {field}: it cannot be empty.")
    if len(cleaned) > max_length:
        raise InvalidInput(
            f"The {field} can be at most {max_length} characters; this one has {len(cleaned)}. "
            "Please shorten it."
        )
    return cleaned
