"""A bundle is closed: every id it points to is a record in the same bundle.

Run after the schema check, so every field is known to be there and of the
right type. A problem names its place, such as
``at workshop.minute_entries[0].speakers[1], the person ... is not in the bundle``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coprodesk.core.bundle_problem import BundleProblem

Items = list[Mapping[str, Any]]


class _Ids:
    """Every record id seen so far, and where, to refuse an id used twice."""

    def __init__(self) -> None:
        self.places: dict[str, str] = {}

    def add_one(self, item: Mapping[str, Any], place: str) -> str:
        record_id: str = item["id"]
        if record_id in self.places:
            raise BundleProblem.at(
                f"{place}.id",
                f"the id {record_id} is used twice (also at {self.places[record_id]})",
            )
        self.places[record_id] = place
        return record_id

    def add(self, items: Items, place: str) -> set[str]:
        return {self.add_one(item, f"{place}[{index}]") for index, item in enumerate(items)}


def _need(items: Items, key: str, known: set[str], place: str, what: str) -> None:
    """Each item's ``key`` is empty or one of ``known``."""
    for index, item in enumerate(items):
        value = item[key]
        if value is not None and value not in known:
            raise BundleProblem.at(
                f"{place}[{index}].{key}", f"{what} {value} is not in the bundle"
            )


def _once(items: Items, key: str, place: str, what: str) -> None:
    """No two items share a value of ``key`` (text compared regardless of case)."""
    first: dict[object, str] = {}
    for index, item in enumerate(items):
        here, value = f"{place}[{index}].{key}", item[key]
        if isinstance(value, str):
            value = value.casefold()
        if value in first:
            raise BundleProblem.at(here, f"{what} (also at {first[value]})")
        first[value] = here


def _speakers(entries: Items, people: set[str], place: str) -> None:
    for index, entry in enumerate(entries):
        for number, speaker in enumerate(entry["speakers"]):
            if speaker not in people:
                raise BundleProblem.at(
                    f"{place}[{index}].speakers[{number}]",
                    f"the person {speaker} is not in the bundle",
                )


def check_links(data: Mapping[str, Any]) -> None:
    """Refuse ids used twice, and references to records the bundle does not hold."""
    ids = _Ids()
    workshop = data["workshop"]
    ids.add_one(data["series"], "series")
    ids.add(data["series"]["planned_sessions"], "series.planned_sessions")
    people = ids.add(data["participants"], "participants")
    same_initials = "two people in the bundle have the same initials"
    _once(data["participants"], "initials", "participants", same_initials)

    workshop_id = ids.add_one(workshop, "workshop")
    others = ids.add(data["other_workshops"], "other_workshops")
    agenda = ids.add(workshop["agenda_items"], "workshop.agenda_items")
    entries = ids.add(workshop["minute_entries"], "workshop.minute_entries")
    entries |= ids.add(data["other_minute_entries"], "other_minute_entries")
    ids.add(workshop["prompt_log"], "workshop.prompt_log")
    ids.add(workshop["attendance"], "workshop.attendance")
    turns = workshop.get("speaking_turns", [])  # Optional: older bundles have none.
    ids.add(turns, "workshop.speaking_turns")

    attendance = workshop["attendance"]
    _need(attendance, "participant_id", people, "workshop.attendance", "the person")
    twice = "this person's attendance is listed twice"
    _once(attendance, "participant_id", "workshop.attendance", twice)
    minutes = workshop["minute_entries"]
    _need(minutes, "agenda_item_id", agenda, "workshop.minute_entries", "the agenda item")
    _speakers(minutes, people, "workshop.minute_entries")
    _need(turns, "participant_id", people, "workshop.speaking_turns", "the person")
    _need(turns, "agenda_item_id", agenda, "workshop.speaking_turns", "the agenda item")
    other_minutes = data["other_minute_entries"]
    _need(other_minutes, "workshop_id", others, "other_minute_entries", "the other workshop")
    _speakers(other_minutes, people, "other_minute_entries")

    _check_agreement(ids, data["agreement_versions"], people, others | {workshop_id})
    _check_actions(ids, data["actions"], workshop_id, people, others | {workshop_id}, entries)


def _check_agreement(ids: _Ids, versions: Items, people: set[str], workshops: set[str]) -> None:
    ids.add(versions, "agreement_versions")
    _need(versions, "workshop_id", workshops, "agreement_versions", "the workshop")
    _once(versions, "number", "agreement_versions", "two agreement versions have the same number")
    for index, version in enumerate(versions):
        place = f"agreement_versions[{index}].statements"
        ids.add(version["statements"], place)
        for number, statement in enumerate(version["statements"]):
            consents, inner = statement["consents"], f"{place}[{number}].consents"
            ids.add(consents, inner)
            _need(consents, "participant_id", people, inner, "the person")
            _once(consents, "participant_id", inner, "this person's answer is listed twice")


def _check_actions(
    ids: _Ids,
    actions: Items,
    workshop_id: str,
    people: set[str],
    workshops: set[str],
    entries: set[str],
) -> None:
    ids.add(actions, "actions")
    _need(actions, "raised_in_id", workshops, "actions", "the workshop")
    _need(actions, "reviewed_in_id", workshops, "actions", "the workshop")
    _need(actions, "source_entry_id", entries, "actions", "the minute entry")
    _need(actions, "support_buddy_id", people, "actions", "the person")
    for index, action in enumerate(actions):
        if workshop_id not in (action["raised_in_id"], action["reviewed_in_id"]):
            raise BundleProblem.at(
                f"actions[{index}]",
                "the action was neither raised nor reviewed in the bundle's workshop",
            )
        place = f"actions[{index}].owners"
        _need(action["owners"], "participant_id", people, place, "the person")
        _once(action["owners"], "participant_id", place, "this person is listed twice as an owner")
