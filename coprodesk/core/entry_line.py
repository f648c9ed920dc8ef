"""Reading the one line a minute-taker types: who spoke, what kind of entry, what was said.

- Speakers lead the line as initials and a colon: ``AB: text``, ``AB, CD: text``,
  ``AB and CD: text``, ``AB/CD: text``. Anywhere in the line, ``@AB`` names a
  speaker too and is written as ``AB``.
- A kind word may lead the text: ``decision:``, ``question:``, ``parked:`` or
  ``note:`` (any case).
- Only initials of people in the series count; anything else stays as text, so
  "Note: bring cake" is a note that says "bring cake" and "PS: ..." stays as typed
  when no one has the initials PS.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from dataclasses import dataclass

from coprodesk.core.enums import EntryKind

_LEADING_SPEAKERS = re.compile(r"^\s*([^\s:]+(?:\s*(?:,|/|&|\band\b)\s*[^\s:,/&]+)*)\s*:\s*")
_SPEAKER_SPLIT = re.compile(r"\s*(?:,|/|&|\band\b)\s*")
_AT_SPEAKER = re.compile(r"@(\w+)")
_KIND_WORDS = {kind.value: kind for kind in EntryKind}
_LEADING_KIND = re.compile(rf"^\s*({'|'.join(_KIND_WORDS)})\s*:\s*", re.IGNORECASE)


@dataclass(frozen=True)
class ParsedLine:
    text: str
    speakers: tuple[str, ...]
    kind: EntryKind | None


@functools.lru_cache(maxsize=8)
def _by_fold(known_initials: tuple[str, ...]) -> dict[str, str]:
    """Initials by their case-folded form (built once per roster: Enter is the hot path)."""
    return {initials.casefold(): initials for initials in known_initials}


def parse_line(line: str, known_initials: Collection[str]) -> ParsedLine:
    """Split a typed line into speakers (as stored initials), kind and text."""
    by_fold = _by_fold(tuple(known_initials))
    speakers: list[str] = []
    kind: EntryKind | None = None
    text = line

    for _ in range(2):  # "AB: decision: ..." and "decision: AB: ..." both work
        kind_match = _LEADING_KIND.match(text)
        if kind_match and kind is None:
            kind = _KIND_WORDS[kind_match[1].lower()]
            text = text[kind_match.end() :]
            continue
        speaker_match = _LEADING_SPEAKERS.match(text)
        if speaker_match and not speakers:
            tokens = _SPEAKER_SPLIT.split(speaker_match[1].strip())
            if tokens and all(token.casefold() in by_fold for token in tokens):
                speakers = [by_fold[token.casefold()] for token in tokens]
                text = text[speaker_match.end() :]
                continue
        break

    def named(match: re.Match[str]) -> str:
        initials = by_fold.get(match[1].casefold())
        if initials is None:
            return match[0]
        speakers.append(initials)
        return initials

    text = _AT_SPEAKER.sub(named, text)
    return ParsedLine(text.strip(), tuple(dict.fromkeys(speakers)), kind)


def complete_initials(fragment: str, known_initials: Collection[str]) -> list[str]:
    """Initials that start with what has been typed so far, for completion."""
    folded = fragment.casefold()
    return sorted(initials for initials in known_initials if initials.casefold().startswith(folded))
