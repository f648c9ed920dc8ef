"""The name guard: names typed into text become initials, and only marked words survive."""

# Names and text in several alphabets, and typographic apostrophes, are the point here.
# ruff: noqa: RUF001

from __future__ import annotations

import re
import unicodedata
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coprodesk.core import minutes, roster, series
from coprodesk.core.db import Database
from coprodesk.core.models import MinuteEntry
from coprodesk.core.nameguard import (
    KEEP_MARKS,
    GuardResult,
    NameGuard,
    RosterName,
    fold,
    guard_text,
    mark_not_a_name,
    strip_markers,
)

NAMES = (
    "Mary-Jane O'Neil",
    "Ana de la Cruz",
    "Łukasz Żółć",
    "Zoë Ødegaard",
    "Αλέξης Παππάς",
    "Иван Петров",
    "Bashir",
    "Will Mensah",
    "Hope Mensah-Boateng",
    "Sam Okafor",
    "Sam Brown",
    "Aisha Rahman",
    "James Cole",
    "Bo Li",
    "May Ansah",
    "Mary A. Yusuf",
)


def make_roster(names: tuple[str, ...] | list[str]) -> list[RosterName]:
    taken: set[str] = set()
    people = []
    for name in names:
        initials = roster.unique_initials(name, taken)
        taken.add(initials)
        people.append(RosterName(uuid.uuid4(), name, initials))
    return people


ROSTER = make_roster(NAMES)
GUARD = NameGuard(ROSTER)
ID = {person.name: person.participant_id for person in ROSTER}


def guarded(text: str) -> str:
    return GUARD.apply(text).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aisha Rahman said", "AR said"),
        ("aisha's idea", "AR's idea"),
        ("AISHA’S idea", "AR’S idea"),
        ("James' coat", "JC' coat"),
        ("James’ coat", "JC’ coat"),
        ("Zoe Odegaard agreed", "ZØ agreed"),
        ("zoë ødegaard", "ZØ"),
        ("ZOË asked", "ZØ asked"),
        ("Zoe\u0308 asked", "ZØ asked"),  # the accent typed as a separate mark
        ("Lukasz Zolc", "ŁŻ"),
        ("ŁUKASZ and żółć", "ŁŻ and ŁŻ"),
        ("Αλέξης, ΑΛΈΞΗΣ, αλεξης", "ΑΠ, ΑΠ, ΑΠ"),
        ("ο Παππάς", "ο ΑΠ"),
        ("Иван Петров и иван", "ИП и ИП"),
        ("Mary-Jane O'Neil spoke", "MJO spoke"),
        ("Mary\u2011Jane O’Neil spoke", "MJO spoke"),
        ("Mary Jane O'Neil", "MJO"),
        ("Mary-Jane", "MJO"),
        ("O’Neil's point", "MJO's point"),
        ("ONeil", "MJO"),
        ("Mary-Jane's", "MJO's"),
        ("Mary A. Yusuf and Mary A Yusuf", "MAY and MAY"),
        ("a Yusuf", "a MAY"),
        ("Ana de la Cruz", "AC"),
        ("ANA DE LA CRUZ", "AC"),
        ("Ana Cruz", "AC"),
        ("de la Cruz", "AC"),
        ("la Cruz", "la AC"),
        ("Aná", "AC"),
        ("Bashir", "BA"),
        ("(Bashir)", "(BA)"),
        ("Thanks, Bashir.", "Thanks, BA."),
        ("Bashir2 and 3Bashir", "BA2 and 3BA"),
        ("Bo said", "BL said"),
        ("Li agreed", "BL agreed"),
        ("Hope Mensah-Boateng", "HMB"),
        ("Hope Mensah Boateng", "HMB"),
        ("Boateng", "HMB"),
        ("Will Mensah", "WM"),
        ("Ai\u00adsha", "AR"),  # a soft hyphen hidden in the name
        ("Aisha\nRahman", "AR"),
        ("Aisha–Rahman", "AR"),
        ("Aisha at the end: Aisha", "AR at the end: AR"),
        (unicodedata.normalize("NFD", "Zoë Ødegaard, ΑΛΈΞΗΣ"), "ZØ, ΑΠ"),
    ],
)
def test_names_become_initials(text: str, expected: str) -> None:
    assert guarded(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "willing",
        "banana",
        "the Mayor",
        "Samuel and samosas",
        "Bashirs",  # no apostrophe: another word
        "de la",
        "la",
        "Anaïs",
        "Zoëlle",
        "Иванов",
        "Bob and Boa",
        "O",
        "AR, SB/SO, MAY and MA agreed",  # initials typed as initials
        "",
    ],
)
def test_other_words_are_left_alone(text: str) -> None:
    result = GUARD.apply(text)
    assert result.text == text
    assert result.replacements == ()


def test_two_letter_names_count_only_as_words_of_their_own() -> None:
    guard = NameGuard(make_roster(["Al Smith", "Bo Li", "Jo-Ann Reid"]))
    assert guard.apply("Al said; al-Hassan too").text == "AS said; al-Hassan too"
    assert guard.apply("Bo-Kaap, Li-Na, bo, LI").text == "Bo-Kaap, Li-Na, BL, BL"
    # "Jo" is only half of a given name, so only "Jo-Ann" and "Ann" count.
    assert guard.apply("Jo, Ann and Jo-Ann").text == "Jo, JAR and JAR"


def test_replacements_say_where_and_who() -> None:
    result = GUARD.apply("Before (Aisha’s) and Zoë.")
    assert result.text == "Before (AR’s) and ZØ."
    first, second = result.replacements
    assert result.text[first.start : first.end] == first.initials == "AR"
    assert first.original == "Aisha"
    assert first.participant_id == ID["Aisha Rahman"]
    assert result.text[second.start : second.end] == "ZØ"
    assert second.original == "Zoë"
    assert not first.ambiguous
    assert result.ambiguous == ()


def test_a_full_name_is_replaced_whole() -> None:
    result = GUARD.apply("Mary-Jane O’Neil and Sam Okafor")
    assert result.text == "MJO and SO"
    assert [replacement.original for replacement in result.replacements] == [
        "Mary-Jane O’Neil",
        "Sam Okafor",
    ]
    assert not result.replacements[1].can_keep


def test_a_shared_name_is_ambiguous() -> None:
    result = GUARD.apply("Sam said, then Mensah")
    assert result.text == "SB/SO said, then HMB/WM"
    sam, mensah = result.ambiguous
    assert sam.participant_id is None
    assert set(sam.participant_ids) == {ID["Sam Okafor"], ID["Sam Brown"]}
    assert set(mensah.participant_ids) == {ID["Will Mensah"], ID["Hope Mensah-Boateng"]}
    assert GUARD.apply(result.text).text == result.text


def test_a_word_marked_not_a_name_is_kept_until_export() -> None:
    result = GUARD.apply("Will said we will meet in May")
    assert result.text == "WM said we WM meet in MA"
    marked = mark_not_a_name(result.text, result.replacements[1])
    assert strip_markers(marked) == "WM said we will meet in MA"
    again = GUARD.apply(marked)
    assert again.text == marked
    assert again.replacements == ()
    assert GUARD.export_text(marked) == "WM said we will meet in MA"


def test_each_occurrence_is_marked_on_its_own() -> None:
    result = GUARD.apply("Will said we will meet in May")
    marked = result.text
    # Later ones first, so that the positions of earlier ones still hold.
    for replacement in reversed(result.replacements[1:]):
        marked = mark_not_a_name(marked, replacement)
    assert GUARD.export_text(marked) == "WM said we will meet in May"


def test_a_marked_word_survives_edits_around_it() -> None:
    result = GUARD.apply("we will see")
    marked = mark_not_a_name(result.text, result.replacements[0])
    edited = "On Monday " + marked.replace("see", "see how it goes") + ", Bashir said"
    assert GUARD.export_text(edited) == "On Monday we will see how it goes, BA said"


def _kept(word: str) -> str:
    """The word as it is stored once marked "not a name"."""
    result = GUARD.apply(word)
    return mark_not_a_name(result.text, result.replacements[0])


def test_a_keep_mark_is_one_invisible_character_after_the_word() -> None:
    kept = _kept("Will")
    assert kept[:-1] == "Will"
    assert ord(kept[-1]) in KEEP_MARKS
    assert unicodedata.category(kept[-1]) == "Mn"  # part of the letter before it
    assert strip_markers(kept) == "Will"


WILL = _kept("Will")


@pytest.mark.parametrize(
    ("stored", "exported"),
    [
        (WILL, "Will"),
        (WILL.replace("Will", "WILL"), "WILL"),  # the same word in capitals
        (WILL.replace("Will", "Aisha"), "AR"),  # edited into another name
        (WILL.replace("Will", "Wills"), "Wills"),  # edited into a word that is no name
        (WILL.replace("Will", "Sam"), "SB/SO"),
        (WILL + " Mensah", "WM"),  # now it is a full name
        ("Sam " + WILL, "SB/SO Will"),
        ("Wi" + WILL[-1] + "ll", "WM"),  # a mark inside the word keeps nothing
        (WILL[-1] + "Will", "WM"),
        ("Will Mensah" + WILL[-1], "WM"),
    ],
)
def test_only_the_marked_word_survives(stored: str, exported: str) -> None:
    assert GUARD.export_text(stored) == exported


def test_keep_marks_are_removed_for_export() -> None:
    stray = "".join(chr(code) for code in KEEP_MARKS[::37])
    assert strip_markers(f"a{stray}b c") == "ab c"
    assert GUARD.export_text(f"{WILL} and {stray}Aisha{stray}") == "Will and AR"
    assert NameGuard([]).export_text(WILL) == "Will"


def test_marking_needs_the_text_it_came_with() -> None:
    result = GUARD.apply("Aisha and Sam Okafor")
    with pytest.raises(ValueError, match="changed"):
        mark_not_a_name("something else", result.replacements[0])
    with pytest.raises(ValueError, match="single word"):
        mark_not_a_name(result.text, result.replacements[1])


def test_an_ambiguous_word_can_be_marked() -> None:
    result = GUARD.apply("the sam thing")
    marked = mark_not_a_name(result.text, result.ambiguous[0])
    assert GUARD.export_text(marked) == "the sam thing"


def test_letters_without_a_decomposition_are_folded() -> None:
    guard = NameGuard(make_roster(["Ægir Þórsson", "Jörg Strauß", "Đorđe Đukić", "Ayşe Yılmaz"]))
    assert guard.apply("Aegir THORSSON").text == "ÆÞ"
    assert guard.apply("Herr Strauss").text == "Herr JS"
    assert guard.apply("Dorde said").text == "ĐĐ said"
    assert guard.apply("AYSE YILMAZ").text == "AY"
    assert fold("Øre Łódź ß æ Œ Þ ı Đ ’ ‐") == "ore lodz ss ae oe th i d ' -"


def test_an_empty_roster_changes_nothing() -> None:
    assert NameGuard([]).apply("Aisha said") == GuardResult("Aisha said")


def test_the_guard_reads_the_roster_of_a_series(db: Database) -> None:
    with db.transaction() as session:
        series_id = series.create_series(session, "Housing")
        other_id = series.create_series(session, "Elsewhere")
        roster.add_person(session, series_id, "Aisha Rahman")
        roster.add_person(session, series_id, "Will Mensah")
        roster.add_person(session, other_id, "Bashir")
        workshop_id = series.create_workshop(session, series_id, "First")
    with db.transaction() as session:
        guard = NameGuard.for_series(session, series_id)
        result = guard.apply("Aisha and Bashir: will look")
        assert result.text == "AR and Bashir: WM look"
        marked = mark_not_a_name(result.text, result.replacements[1])
        entry_id = minutes.add_entry(session, workshop_id, marked)
    with db.transaction() as session:
        stored = session.get(MinuteEntry, entry_id)
        assert stored is not None
        assert stored.text == marked
        assert guard_text(session, series_id, stored.text) == "AR and Bashir: will look"


# Property-based tests: invented rosters and text around their names.

# fmt: off
GIVEN = [
    "Aisha", "Amir", "Bashir", "Chidi", "Dara", "Grace", "Hope", "Ines", "Jonas", "Kemi",
    "Mary-Jane", "Nadia", "Priya", "Rosa", "Sam", "Tomasz", "Will", "Zoë", "Łukasz", "Αλέξης",
    "Ελένη", "Иван", "Ольга", "Søren", "José", "Bo", "Efe",
]
FAMILY = [
    "Rahman", "Okafor", "Brown", "O'Neil", "Mensah", "Mensah-Boateng", "Ødegaard", "Żółć",
    "Silva", "Haddad", "Müller", "Núñez", "Παππάς", "Петров", "Yılmaz", "Þórsdóttir", "Li",
    "de la Cruz", "van Dijk", "A. Yusuf",
]
FILLER = [
    "the", "bus", "stops", "at", "six", "so", "evening", "sessions", "are", "hard", "willing",
    "banana", "Mayor", "samosa", "hopeful", "library", "agreed", "и", "в", "και", "2024", "—",
    "(note)", "ok.",
]
# fmt: on
LETTER = r"[^\W\d_]"

names = st.builds(
    lambda given, family: f"{given} {family}".strip(),
    st.sampled_from(GIVEN),
    st.sampled_from(["", *FAMILY]),
)
rosters = st.lists(names, min_size=1, max_size=6, unique=True).map(make_roster)
separators = st.sampled_from([" ", ", ", ". ", "\n", " (", ") ", " — ", "2", "'s ", "’s ", ": "])
keep_marks = st.sampled_from(KEEP_MARKS).map(chr)
any_text = st.text(
    st.characters(codec="utf-8", exclude_characters=list(map(chr, KEEP_MARKS))),
    max_size=8,
)


def _plain(text: str) -> str:
    """Accents dropped, as someone typing quickly might."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _spoken_forms(name: str) -> list[str]:
    words = name.split()
    forms = [name, words[0], words[-1], " ".join(words[1:])]
    return [form for form in forms if form]


@st.composite
def roster_and_text(draw: st.DrawFn, *, with_names: bool = True) -> tuple[list[RosterName], str]:
    people = draw(rosters)
    forms = [form for person in people for form in _spoken_forms(person.name)]
    name_forms = st.sampled_from(forms).flatmap(
        lambda form: st.sampled_from([form, form.upper(), form.lower(), _plain(form)])
    )
    chunk = st.one_of(name_forms, st.sampled_from(FILLER), any_text) if with_names else any_text
    chunks = draw(st.lists(st.tuples(chunk, separators), max_size=12))
    return people, "".join(word + separator for word, separator in chunks)


def _checked_words(person: RosterName) -> list[str]:
    """Given, family and full name, folded, of three or more letters and not particles."""
    words = person.name.split()
    candidates = [words[0], words[-1], " ".join(words[1:]), person.name]
    return [
        fold(word)
        for word in candidates
        if len(re.sub(r"\W", "", word)) >= 3 and word not in roster.PARTICLES
    ]


def _names_left(people: list[RosterName], text: str) -> list[str]:
    folded = fold(text)
    initials = {fold(person.initials) for person in people}
    return [
        word
        for person in people
        for word in _checked_words(person)
        if word not in initials
        and re.search(rf"(?<!{LETTER}){re.escape(word)}(?!{LETTER})", folded)
    ]


@settings(max_examples=150, deadline=None)
@given(roster_and_text())
def test_no_name_is_left(case: tuple[list[RosterName], str]) -> None:
    people, text = case
    assert _names_left(people, NameGuard(people).apply(text).text) == []


@settings(max_examples=150, deadline=None)
@given(roster_and_text(), st.lists(st.tuples(st.integers(0, 200), keep_marks), max_size=4))
def test_guarding_twice_is_guarding_once(
    case: tuple[list[RosterName], str], stray_marks: list[tuple[int, str]]
) -> None:
    people, text = case
    for position, mark in stray_marks:
        text = text[:position] + mark + text[position:]
    guard = NameGuard(people)
    once = guard.apply(text).text
    assert guard.apply(once).text == once


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_marked_words_survive_and_nothing_else(data: st.DataObject) -> None:
    people, text = data.draw(roster_and_text())
    guard = NameGuard(people)
    result = guard.apply(text)
    keepable = [replacement for replacement in result.replacements if replacement.can_keep]
    if not keepable:
        return
    chosen = data.draw(st.sampled_from(keepable))
    marked = mark_not_a_name(result.text, chosen)
    again = guard.apply(marked)
    assert again.text == marked
    exported = guard.export_text(marked)
    assert exported == strip_markers(marked)
    cut = chosen.start + len(chosen.original)
    assert _names_left(people, exported[: chosen.start] + exported[cut:]) == []


@settings(max_examples=150, deadline=None)
@given(roster_and_text(with_names=False), st.lists(st.sampled_from(FILLER), max_size=8))
def test_text_without_names_is_unchanged(
    case: tuple[list[RosterName], str], words: list[str]
) -> None:
    people, text = case
    text = text + " ".join(words)
    # Random letters can spell a name ("Li", "Bo"); only text with none is in question.
    if _names_present(people, text):
        return
    result = NameGuard(people).apply(text)
    assert result.text == text
    assert result.replacements == ()


def _names_present(people: list[RosterName], text: str) -> bool:
    folded = fold(text)
    parts = {
        fold(piece)
        for person in people
        for piece in re.split(r"[\s\-\u2010\u2011]+", person.name)
        if piece not in roster.PARTICLES and len(piece) >= 2
    }
    return any(re.search(rf"(?<!{LETTER}){re.escape(part)}(?!{LETTER})", folded) for part in parts)
