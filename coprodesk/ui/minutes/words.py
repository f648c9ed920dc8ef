"""The minutes in plain words, and the typed line taken apart. No Qt here.

Everything the panel says about an entry (its heading line, what a screen
reader hears, the line an edit starts from) and every notice text is built
here, so the words are the same everywhere and easy to test.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime

from coprodesk.core.enums import EntryKind
from coprodesk.core.minutes import AttendanceByInitials, EntryView
from coprodesk.core.nameguard import Replacement, strip_markers

SEPARATOR = " · "
KIND_WORDS = {
    EntryKind.NOTE: "Note",
    EntryKind.DECISION: "Decision",
    EntryKind.QUESTION: "Question",
    EntryKind.PARKED: "Parked",
}
NO_AGENDA_ITEM = "Not on the agenda"
READ_BACK_WORDS = {"agreed": "Agreed ✓", "corrected": "Corrected ✎"}
READ_BACK_SPOKEN = {"agreed": "agreed", "corrected": "corrected"}

_LEADING_KIND = re.compile(
    rf"^\s*(?:{'|'.join(kind.value for kind in EntryKind)})\s*:\s*", re.IGNORECASE
)
# What may stand before the initials being typed for them to name a speaker: a kind
# word, then other initials joined as the line syntax allows ("decision: AB, CD and E").
_SPEAKER_LIST = re.compile(
    rf"^\s*(?:(?:{'|'.join(kind.value for kind in EntryKind)})\s*:\s*)?"
    r"(?:[^\s:,/&@]+\s*(?:,|/|&|\band\b)\s*)*$",
    re.IGNORECASE,
)
_WORD_BEFORE_CURSOR = re.compile(r"[^\s:,/&@]*$")


def local_time(moment: datetime) -> datetime:
    """A stored UTC moment as wall-clock time on this laptop."""
    return moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def time_words(moment: datetime) -> str:
    return f"{local_time(moment):%H:%M}"


def speakers_words(speakers: Sequence[str]) -> str:
    return ", ".join(speakers)


def meta_words(entry: EntryView) -> str:
    """The entry's heading line: who, and what kind of entry.

    "AR", "Decision (whole group)", "Decision (AR, SO)", "Question (ZØ)",
    "Parked", "Note" (a note with no speaker); "sent in writing" added when so.
    """
    who = speakers_words(entry.speakers)
    if entry.kind is EntryKind.DECISION:
        group = entry.decided_by_group or not who
        words = "Decision (whole group)" if group else f"Decision ({who})"
    elif entry.kind is EntryKind.NOTE:
        words = who or "Note"
    else:
        kind = KIND_WORDS[entry.kind]
        words = f"{kind} ({who})" if who else kind
    if entry.sent_in_writing:
        words += SEPARATOR + "sent in writing"
    return words


def shown_text(entry: EntryView) -> str:
    """The entry's text as shown: keep marks removed (they are invisible anyway)."""
    return strip_markers(entry.text)


def heading_words(agenda_item_id: uuid.UUID | None, titles: Mapping[uuid.UUID, str]) -> str:
    if agenda_item_id is None:
        return NO_AGENDA_ITEM
    return titles.get(agenda_item_id, NO_AGENDA_ITEM)


def spoken_words(entry: EntryView, heading: str | None = None) -> str:
    """What a screen reader hears for one entry."""
    parts = [heading] if heading else []
    parts += [time_words(entry.recorded_at), meta_words(entry)]
    text = f"{', '.join(parts)}: {shown_text(entry)}"
    if entry.read_back:
        text += f" ({READ_BACK_SPOKEN.get(entry.read_back, entry.read_back)} at read-back)"
    return text


def compose_line(entry: EntryView) -> str:
    """The entry as it would be typed, for editing: "decision: AR, SO: text".

    Editing reads the line back the same way, so speakers and kind can be
    changed along with the text. A note gets "note:" only when its text would
    otherwise be read as a kind word.
    """
    prefix = ""
    if entry.kind is not EntryKind.NOTE:
        prefix = f"{entry.kind.value}: "
    elif _LEADING_KIND.match(entry.text):
        prefix = "note: "
    if entry.speakers:
        prefix += f"{speakers_words(entry.speakers)}: "
    return prefix + entry.text


def leading_kind(line: str) -> EntryKind | None:
    """The kind word a line starts with ("decision: ..."), if any."""
    match = _LEADING_KIND.match(line)
    if match is None:
        return None
    return EntryKind(match[0].split(":", 1)[0].strip().lower())


def with_kind(line: str, kind: EntryKind) -> str:
    """The line with its leading kind word set to ``kind`` (none for a note)."""
    match = _LEADING_KIND.match(line)
    rest = line[match.end() :] if match else line
    return rest if kind is EntryKind.NOTE else f"{kind.value}: {rest}"


def initials_fragment(before_cursor: str) -> str | None:
    """The initials being typed just before the cursor, or None where none belong.

    Initials belong at the start of the line (speakers, "AB, CD: ...") and
    straight after "@" anywhere. Returns what was typed of them so far ("" just
    after "@"); None in ordinary text, so completion stays out of the way.
    """
    fragment = _WORD_BEFORE_CURSOR.search(before_cursor)
    assert fragment is not None  # the pattern matches the empty string at the end
    start = fragment.start()
    if start > 0 and before_cursor[start - 1] == "@":
        return fragment[0]
    if fragment[0] and _SPEAKER_LIST.match(before_cursor[:start]):
        return fragment[0]
    return None


def attendance_words(attendance: AttendanceByInitials) -> str:
    """ "Present 6: AR, MJO, … · Apologies 1: ZØ · In writing 1: LŻ"."""
    parts = []
    for label, initials in (
        ("Present", attendance.present),
        ("Apologies", attendance.apologies),
        ("In writing", attendance.in_writing),
    ):
        if initials:
            parts.append(f"{label} {len(initials)}: {', '.join(initials)}")
    return SEPARATOR.join(parts) if parts else "No attendance recorded yet."


def progress_words(read: int, total: int) -> str:
    return f"{read} of {total} read back"


# Name guard notices ---------------------------------------------------------------------------


def replaced_words(replacements: Collection[Replacement]) -> str:
    """ "Replaced 'Aisha' with AR — names stay out of the minutes."."""
    pairs = [f"'{each.original}' with {each.initials}" for each in replacements]
    listed = pairs[0] if len(pairs) == 1 else ", ".join(pairs[:-1]) + " and " + pairs[-1]
    return f"Replaced {listed} — names stay out of the minutes."


def ambiguous_words(replacement: Replacement) -> str:
    choices = replacement.initials.split("/")
    listed = ", ".join(choices[:-1]) + " or " + choices[-1]
    return f"'{replacement.original}' could be {listed}. Who was meant?"


def keep_words(replacement: Replacement) -> str:
    return f"Keep '{replacement.original}' as typed"


def kept_words(replacement: Replacement) -> str:
    return f"Kept '{replacement.original}' as typed: it stays as it is in the minutes."


def chosen_words(replacement: Replacement, initials: str) -> str:
    return f"Changed {replacement.initials} to {initials}."


def shifted(
    replacements: Sequence[Replacement], changed: Replacement, new_length: int
) -> list[Replacement]:
    """The other replacements of one text after ``changed`` became ``new_length`` characters."""
    delta = new_length - (changed.end - changed.start)
    return [
        replace(each, start=each.start + delta, end=each.end + delta)
        if each.start >= changed.end
        else each
        for each in replacements
        if each != changed
    ]


# Qt counts text in UTF-16 units; Python in code points. Keep marks and many
# emoji are two UTF-16 units, so cursor positions are converted at the edge.


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def index_from_utf16(text: str, position: int) -> int:
    """The Python index of Qt's cursor ``position`` in ``text``."""
    units = 0
    for index, char in enumerate(text):
        if units >= position:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)
