"""The name guard: participants' names typed into text become their initials.

Minutes are initials-only, so a name typed by mistake must never reach the minutes
or an export. The guard replaces every whole-word occurrence of a participant's
full name, given name or family name, in any case and with or without accents,
by that person's initials: "aisha's idea" becomes "AR's idea". A name two people
share ("Sam") becomes both sets of initials, "SB/SO", and is reported as
ambiguous so that the minute-taker can be asked.

One occurrence can be kept as typed ("Will" meaning the word, not the person):
``mark_not_a_name`` puts it back followed by an invisible keep mark that is a
fingerprint of that word. The guard keeps a single word whose keep mark matches
it; if the word is edited into anything else, the mark no longer matches and the
guard replaces it as usual. Exports remove keep marks with ``strip_markers``.

Matching works on a folded copy of the text (lower case, no accents, one kind of
apostrophe and hyphen) with one precompiled pattern, and maps each match back to
the text as typed. See docs/name-guard.md.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from coprodesk.core.models import Participant
from coprodesk.core.roster import PARTICLES

# A keep mark is one of the 240 variation selectors VS17 to VS256: invisible, and part
# of the letter before it, so an editor's cursor never stops between word and mark.
KEEP_MARKS = range(0xE0100, 0xE01F0)
_KEEP_MARK = re.compile(f"[{chr(KEEP_MARKS[0])}-{chr(KEEP_MARKS[-1])}]")

# Letters that NFKD leaves whole, spelled as people write them without accents;
# and every apostrophe and hyphen folded to one of each.
_FOLDS = {
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "ħ": "h",
    "ŧ": "t",
    "\u0131": "i",  # dotless i
    "ĸ": "k",
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "þ": "th",
    "\u0640": "",  # Arabic tatweel, which only stretches a word
    **dict.fromkeys("\u2019\u2018\u02bc\u00b4\u2032`", "'"),
    **dict.fromkeys("\u2010\u2011\u2012\u2013", "-"),
}
# Marks (accents, keep marks) and invisible format characters (soft hyphen, zero-width space).
_DROPPED = frozenset({"Mn", "Mc", "Me", "Cf"})
_FOLD_CACHE: dict[str, str] = {}

_LETTER = r"[^\W\d_]"
_NAME_WORD = re.compile(rf"{_LETTER}+(?:['-]{_LETTER}+)*")
_SEPARATORS = re.compile(r"[\s-]+")


@dataclass(frozen=True)
class RosterName:
    """One person the guard protects."""

    participant_id: uuid.UUID
    name: str
    initials: str


@dataclass(frozen=True)
class Replacement:
    """One name the guard replaced.

    ``start`` and ``end`` are where the initials now stand in the guarded text
    they came with; ``original`` is the name as it was typed.
    """

    start: int
    end: int
    original: str
    initials: str
    participant_ids: tuple[uuid.UUID, ...]

    @property
    def ambiguous(self) -> bool:
        """True when the name belongs to more than one person ("Sam")."""
        return len(self.participant_ids) > 1

    @property
    def participant_id(self) -> uuid.UUID | None:
        """The one person named, or None when the name is ambiguous."""
        return self.participant_ids[0] if len(self.participant_ids) == 1 else None

    @property
    def can_keep(self) -> bool:
        """True when this occurrence can be marked "not a name": a single word."""
        return not _has_space(self.original)


@dataclass(frozen=True)
class GuardResult:
    """The guarded text and what was replaced in it, in order."""

    text: str
    replacements: tuple[Replacement, ...] = field(default=())

    @property
    def ambiguous(self) -> tuple[Replacement, ...]:
        """Replacements the minute-taker should be asked about."""
        return tuple(replacement for replacement in self.replacements if replacement.ambiguous)


@dataclass(frozen=True)
class _Target:
    initials: str
    participant_ids: tuple[uuid.UUID, ...]
    keep_mark: str
    is_short: bool  # two letters: a word of its own only, never part of "al-Hassan"


class _TrieNode:
    __slots__ = ("children", "is_end")

    def __init__(self) -> None:
        self.children: dict[str, _TrieNode] = {}
        self.is_end = False


def _fold_char(char: str) -> str:
    folded = _FOLD_CACHE.get(char)
    if folded is None:
        folded = _FOLDS.get(char)
        if folded is None:
            folded = "".join(
                _FOLDS.get(part, part)
                for part in unicodedata.normalize("NFKD", char.casefold())
                if unicodedata.category(part) not in _DROPPED
            )
        _FOLD_CACHE[char] = folded
    return folded


def fold(text: str) -> str:
    """Text as the guard compares it: lower case, no accents, plain ' and -."""
    if text.isascii():
        return text.lower().replace("`", "'")
    return "".join(map(_fold_char, text))


def strip_markers(text: str) -> str:
    """The text without keep marks, for export and for copying out of CoproDesk."""
    return _KEEP_MARK.sub("", text)


def _keep_mark(key: str) -> str:
    """The keep mark for one word: a fingerprint of its folded spelling."""
    return chr(KEEP_MARKS[zlib.crc32(key.encode()) % len(KEEP_MARKS)])


def mark_not_a_name(text: str, replacement: Replacement) -> str:
    """Put back one replaced word as typed, with the keep mark the guard respects.

    ``text`` is the guarded text that ``replacement`` came with.
    """
    if not replacement.can_keep:
        raise ValueError("Only a single word can be kept as not a name.")
    if text[replacement.start : replacement.end] != replacement.initials:
        raise ValueError("The text has changed since this name was replaced.")
    kept = replacement.original + _keep_mark(_lookup_key(fold(replacement.original)))
    return text[: replacement.start] + kept + text[replacement.end :]


def _letter_count(word: str) -> int:
    return sum(char.isalpha() for char in word)


def _name_keys(name: str) -> set[str]:
    """The folded forms of a name that the guard looks for.

    The full name, the given name (first word), the family name (the other
    words, "de la cruz") and given plus last name; every word of two or more
    letters; and each hyphenated piece of three or more letters. Particles
    ("de", "van") after the first word and single letters never count alone.
    Hyphens become spaces: the pattern takes a hyphen or spaces between words.
    Apostrophes and full stops in a key are optional in the text.
    """
    words = _NAME_WORD.findall(fold(name))
    keys: set[str] = set()
    for index, word in enumerate(words):
        if index and word in PARTICLES:
            continue
        if _letter_count(word) >= 2:
            keys.add(word)
        if "-" in word:
            keys.update(
                piece
                for piece in word.split("-")
                if _letter_count(piece) >= 3 and piece not in PARTICLES
            )
    # In a longer name, a single letter may be written with a full stop: "Mary A. Yusuf".
    words = [word + "." if _letter_count(word) == 1 else word for word in words]
    if len(words) >= 2:
        keys.add(" ".join(words))
    if len(words) >= 3:
        keys.add(f"{words[0]} {words[-1]}")
        if _letter_count(words[1]) > 1:  # "a. yusuf" would take the "a" of "a Yusuf"
            keys.add(" ".join(words[1:]))
    return {key.replace("-", " ") for key in keys}


def _lookup_key(folded: str) -> str:
    """One spelling for keys and matches: single spaces, no apostrophes or full stops."""
    return _SEPARATORS.sub(" ", folded).replace("'", "").replace(".", "")


def _atom(char: str) -> str:
    if char == " ":
        return r"[\s-]+"
    if char in "'.":
        return re.escape(char) + "?"
    return re.escape(char)


def _trie_pattern(node: _TrieNode) -> str:
    """An alternation shaped like a trie, longest first, so matching stays fast."""
    branches = [_atom(char) + _trie_pattern(child) for char, child in sorted(node.children.items())]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if node.is_end else body


def _compile(keys: Iterable[str]) -> re.Pattern[str] | None:
    root = _TrieNode()
    for key in keys:
        node = root
        for char in key:
            node = node.children.setdefault(char, _TrieNode())
        node.is_end = True
    if not root.children:
        return None
    # A name is a whole word: no letter just before or after it (digits are fine).
    return re.compile(rf"(?<!{_LETTER})(?:{_trie_pattern(root)})(?!{_LETTER})")


class NameGuard:
    """Replaces the names of a roster by initials; build once, apply often.

    Build a new one when the roster changes. Safe to share between threads.
    """

    def __init__(self, roster: Iterable[RosterName]) -> None:
        owners: dict[str, dict[uuid.UUID, str]] = {}
        pattern_keys: set[str] = set()
        initials: set[str] = set()
        self.people: dict[str, uuid.UUID] = {}
        """Everyone the guard knows, by initials (what minutes link speakers with)."""
        for person in roster:
            initials.add(person.initials)
            self.people[person.initials] = person.participant_id
            for key in _name_keys(person.name):
                pattern_keys.add(key)
                owners.setdefault(_lookup_key(key), {})[person.participant_id] = person.initials
        self._initials = frozenset(initials)
        self._targets = {key: _target(key, people) for key, people in owners.items()}
        self._pattern = _compile(pattern_keys)

    @classmethod
    def for_series(cls, session: Session, series_id: uuid.UUID) -> NameGuard:
        rows = session.execute(
            select(Participant.id, Participant.name, Participant.initials).where(
                Participant.series_id == series_id
            )
        )
        return cls(RosterName(row.id, row.name, row.initials) for row in rows)

    def apply(self, text: str) -> GuardResult:
        """The text with every name replaced, except single words marked "not a name"."""
        if self._pattern is None:
            return GuardResult(text)
        per_char: list[str] | None = None
        if text.isascii():
            folded = text.lower().replace("`", "'")
        else:
            per_char = [_fold_char(char) for char in text]
            folded = "".join(per_char)
        matches = list(self._pattern.finditer(folded))
        if not matches:
            return GuardResult(text)

        # Where each folded character came from in the text as typed.
        origins: Sequence[int] = (
            range(len(text))
            if per_char is None
            else [index for index, piece in enumerate(per_char) for _ in piece]
        )
        pieces: list[str] = []
        replacements: list[Replacement] = []
        cursor = length = 0
        for match in matches:
            start = origins[match.start()]
            end = origins[match.end() - 1] + 1
            while end < len(text) and unicodedata.category(text[end])[0] == "M":
                end += 1  # accents typed as separate marks, and keep marks, go with the word
            original = text[start:end]
            target = self._targets[_lookup_key(match[0])]
            if original in self._initials:
                continue  # initials typed as initials ("MAY" for May A. Yusuf)
            if target.is_short and _hyphenated(folded, match.start(), match.end()):
                continue
            if original[-1] == target.keep_mark and not _has_space(original):
                continue  # marked "not a name", and still the same word
            pieces += [text[cursor:start], target.initials]
            length += start - cursor
            replacements.append(
                Replacement(
                    start=length,
                    end=length + len(target.initials),
                    original=strip_markers(original),
                    initials=target.initials,
                    participant_ids=target.participant_ids,
                )
            )
            length += len(target.initials)
            cursor = end
        pieces.append(text[cursor:])
        return GuardResult("".join(pieces), tuple(replacements))

    def export_text(self, text: str) -> str:
        """Text ready to leave CoproDesk: names replaced, markers removed."""
        return strip_markers(self.apply(text).text)


def _target(key: str, people: dict[uuid.UUID, str]) -> _Target:
    ordered = sorted(people.items(), key=lambda item: (item[1], str(item[0])))
    return _Target(
        initials="/".join(dict.fromkeys(initials for _, initials in ordered)),
        participant_ids=tuple(participant_id for participant_id, _ in ordered),
        keep_mark=_keep_mark(key),
        is_short=len(key) <= 2,
    )


def _has_space(text: str) -> bool:
    return any(char.isspace() for char in text)


def _hyphenated(folded: str, start: int, end: int) -> bool:
    """True when a hyphen joins the span to a letter on either side."""
    before = folded[max(0, start - 2) : start]
    after = folded[end : end + 2]
    return (before[-1:] == "-" and before[:1].isalpha()) or (
        after[:1] == "-" and after[-1:].isalpha()
    )


def guard_text(session: Session, series_id: uuid.UUID, text: str) -> str:
    """Text from a series ready to show or export: names replaced, markers removed.

    For many texts, build one ``NameGuard.for_series`` and call ``export_text`` on each.
    """
    return NameGuard.for_series(session, series_id).export_text(text)
