"""Initials for real names, unique within a series."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coprodesk.core import roster, series
from coprodesk.core.db import Database
from coprodesk.core.errors import InvalidInput


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("Mary-Jane O'Neil", "MJO"),
        ("Ana de la Cruz", "AC"),
        ("Bashir", "BA"),
        ("Łukasz Żółć", "ŁŻ"),
        ("Zoë Ødegaard", "ZØ"),
        ("Αλέξης Παππάς", "ΑΠ"),
        ("Иван Петров", "ИП"),
        ("王 小明", "王小"),
        ("  aisha   rahman ", "AR"),
        ("De La Cruz", "DLC"),
        ("de la", "DL"),
    ],
)
def test_initials_for_real_names(name: str, initials: str) -> None:
    assert roster.derive_initials(name) == initials


def test_collisions_lengthen_then_number() -> None:
    assert roster.unique_initials("Aisha Rahman", {"AR"}) == "ARA"
    assert roster.unique_initials("Aisha Rahman", {"ar", "ARA"}) == "AR2"
    assert roster.unique_initials("Aisha Rahman", {"AR", "ARA", "AR2"}) == "AR3"


@given(st.text(min_size=1, max_size=60), st.sets(st.text(max_size=4), max_size=20))
def test_initials_are_never_taken_and_never_empty(name: str, taken: set[str]) -> None:
    try:
        initials = roster.unique_initials(name, taken)
    except InvalidInput:
        assert not roster.name_parts(name)
        return
    assert initials
    assert len(initials) <= roster.INITIALS_MAX
    assert initials.casefold() not in {existing.casefold() for existing in taken}


def test_people_in_a_series_get_unique_initials(db: Database) -> None:
    with db.transaction() as session:
        series_id = series.create_series(session, "Roster")
        roster.add_person(session, series_id, "Aisha Rahman")
        roster.add_person(session, series_id, "Ali Rahim")
        with pytest.raises(InvalidInput, match="already has the initials AR"):
            roster.add_person(session, series_id, "Amy Reed", initials="ar")
        with pytest.raises(InvalidInput):
            roster.add_person(session, series_id, "!!!")
    with db.reading() as session:
        people = series.get_series(session, series_id).participants
        assert sorted(person.initials for person in people) == ["AR", "ARA"]


@given(
    st.lists(
        st.text(alphabet=st.characters(categories=["Lu", "Ll", "Lo"]), min_size=1, max_size=12),
        min_size=1,
        max_size=5,
    )
)
def test_initials_come_from_the_first_letters_of_the_parts(words: list[str]) -> None:
    name = " ".join(words)
    parts = roster.name_parts(name)
    initials = roster.derive_initials(name)
    if len(parts) == 1:
        assert initials == parts[0][:2].upper()
    else:
        assert initials == "".join(part[0] for part in parts).upper()[: roster.INITIALS_MAX]


@given(st.text(alphabet=st.characters(categories=["Lo"]), min_size=1, max_size=6))
def test_scripts_without_capitals_keep_their_characters(word: str) -> None:
    assert roster.derive_initials(f"{word} {word}") == (word[0] + word[0]).upper()


@given(st.sets(st.sampled_from(["Aisha Rahman", "Ali Rahim", "Amy Reed", "Arun Rao"]), min_size=1))
def test_a_whole_room_gets_distinct_initials(names: set[str]) -> None:
    taken: list[str] = []
    for name in sorted(names):
        taken.append(roster.unique_initials(name, taken))
    assert len({initials.casefold() for initials in taken}) == len(taken)
