"""Prompts for the facilitator: by moment, and from what is happening in the room.

``room_state`` reads what the rules need (step, who is present, who has been
recorded as contributing and when, the agenda and its timing, the words in
the agenda and minutes, and who has no action yet). ``due_prompts`` is a pure
function of that state, the library and ``now``. ``refresh`` turns the due
prompts into cards and logs each one the first time it is shown; the
facilitator's answer (acted on, dismissed) is logged with ``answer``.

Everything here is for the facilitator alone: initials appear in a card's
detail so that they know whom to make room for, but a suggested move never
singles anyone out in front of the room. The log never reaches the minutes.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from coprodesk.core import closing
from coprodesk.core.balance import Turn
from coprodesk.core.errors import NotFound
from coprodesk.core.live import Step, current_step, item_timing
from coprodesk.core.models import (
    Attendance,
    AttendanceStatus,
    EntrySpeaker,
    MinuteEntry,
    Participant,
    PromptLogEntry,
    PromptOutcome,
    WorkshopStatus,
)
from coprodesk.core.prompt_library import MOMENTS, GlossaryTerm, Library, Prompt
from coprodesk.core.series import get_workshop
from coprodesk.core.workshop import AgendaItemView, agenda

OPENING_STEPS = (Step.WELCOME, Step.INTRODUCTIONS, Step.AGREEMENT)
CLOSING_STEPS = (Step.ACTIONS, Step.CHECK_OUT, Step.CLOSE)
DECISION_WORDS = re.compile(
    r"\b(decid\w*|decision\w*|choos\w*|chose|agree|vote\w*|pick\w*|priorit\w*)\b", re.IGNORECASE
)
# An item needs this many recorded contributions before anyone counts as quiet in it.
ITEM_CONTRIBUTIONS_BEFORE_QUIET = 3
KEY_MAX = 80


@dataclass(frozen=True)
class Present:
    participant_id: uuid.UUID
    initials: str
    arrived_at: datetime | None


@dataclass(frozen=True)
class Contribution:
    participant_id: uuid.UUID
    at: datetime
    agenda_item_id: uuid.UUID | None


@dataclass(frozen=True)
class RoomState:
    step: Step
    live: bool
    started_at: datetime | None
    present: tuple[Present, ...]
    apologies: int
    in_writing: int
    contributions: tuple[Contribution, ...]
    agenda: tuple[AgendaItemView, ...]
    running: AgendaItemView | None
    texts: tuple[str, ...]
    without_action: tuple[str, ...]


@dataclass(frozen=True)
class Due:
    """A prompt that applies now. ``key`` is what the log records."""

    key: str
    prompt: Prompt
    detail: str = ""


@dataclass(frozen=True)
class PromptCard:
    log_id: uuid.UUID
    key: str
    prompt: Prompt
    detail: str
    shown_at: datetime


# Reading the room ------------------------------------------------------------------------


def room_state(session: Session, workshop_id: uuid.UUID, turns: Sequence[Turn] = ()) -> RoomState:
    """What the rules look at. Timed speaking turns count as contributions."""
    workshop = get_workshop(session, workshop_id)
    rows = session.execute(
        select(
            Participant.id,
            Participant.initials,
            Attendance.status,
            Attendance.arrived_at,
        )
        .join(Attendance, Attendance.participant_id == Participant.id)
        .where(Attendance.workshop_id == workshop_id)
        .order_by(Participant.initials)
    ).all()
    present = tuple(
        Present(pid, initials, arrived)
        for pid, initials, status, arrived in rows
        if status is AttendanceStatus.PRESENT
    )
    contributions = [
        Contribution(pid, at, item_id)
        for pid, at, item_id in session.execute(
            select(EntrySpeaker.participant_id, MinuteEntry.recorded_at, MinuteEntry.agenda_item_id)
            .join(MinuteEntry, MinuteEntry.id == EntrySpeaker.entry_id)
            .where(MinuteEntry.workshop_id == workshop_id)
        )
    ]
    contributions += [
        Contribution(turn.participant_id, turn.started_at, turn.agenda_item_id) for turn in turns
    ]
    items = tuple(agenda(session, workshop_id))
    running = next((item for item in items if item.id == workshop.current_agenda_item_id), None)
    texts = [item.title for item in items] + [item.content_note for item in items]
    texts += list(
        session.scalars(select(MinuteEntry.text).where(MinuteEntry.workshop_id == workshop_id))
    )
    # The closing gate's own rule, so the prompt and the gate never disagree.
    without = tuple(
        sorted(person.initials for person in closing.people_without_action(session, workshop_id))
    )
    counts = dict.fromkeys(AttendanceStatus, 0)
    for _pid, _initials, status, _arrived in rows:
        counts[status] += 1
    return RoomState(
        step=current_step(session, workshop_id),
        live=workshop.status is WorkshopStatus.LIVE,
        started_at=workshop.started_at,
        present=present,
        apologies=counts[AttendanceStatus.APOLOGIES],
        in_writing=counts[AttendanceStatus.IN_WRITING],
        contributions=tuple(sorted(contributions, key=lambda each: each.at)),
        agenda=items,
        running=running,
        texts=tuple(text for text in texts if text),
        without_action=without,
    )


# The rules -------------------------------------------------------------------------------


def _minutes(value: int) -> timedelta:
    return timedelta(minutes=value)


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def moment(state: RoomState) -> str | None:
    """Which of the three moments the room is at, if any."""
    if state.step in OPENING_STEPS:
        return "opening"
    if state.step in CLOSING_STEPS:
        return "close"
    running = state.running
    if (
        running is not None
        and not running.is_break
        and DECISION_WORDS.search(f"{running.title} {running.content_note}")
    ):
        return "before_decision"
    return None


def _moment_prompts(state: RoomState, library: Library) -> list[Due]:
    now_moment = moment(state)
    if now_moment is None:
        return []
    due = []
    for prompt in library.active(now_moment):
        detail = ""
        if prompt.id == "everyone_an_action":
            if not state.present or not state.without_action:
                continue
            detail = (
                "No action yet for "
                + _plural(len(state.without_action), "person here", "people here")
                + ": "
                + ", ".join(state.without_action)
                + "."
            )
        elif prompt.id == "people_not_here":
            away = []
            if state.apologies:
                away.append(f"{state.apologies} sent apologies")
            if state.in_writing:
                away.append(f"{state.in_writing} took part in writing")
            detail = (" and ".join(away) + ".").capitalize() if away else ""
        due.append(Due(prompt.id, prompt, detail))
    return due


def quiet_people(
    state: RoomState, library: Library, now: datetime
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Initials of people present not heard for a while, and of those not heard in this item."""
    limits = library.thresholds
    window = _minutes(limits.quiet_minutes)
    last_heard: dict[uuid.UUID, datetime] = {}
    in_item: dict[uuid.UUID, int] = {}
    running = state.running
    for each in state.contributions:
        last_heard[each.participant_id] = each.at
        if running is not None and each.agenda_item_id == running.id:
            in_item[each.participant_id] = in_item.get(each.participant_id, 0) + 1
    for_a_while = []
    for person in state.present:
        known = [when for when in (person.arrived_at, state.started_at) if when is not None]
        heard = last_heard.get(person.participant_id)
        here_long_enough = bool(known) and now - max(known) >= window
        if here_long_enough and (heard is None or now - heard >= window):
            for_a_while.append(person.initials)
    in_this_item: list[str] = []
    if running is not None and not running.is_break and running.started_at is not None:
        long_enough = now - running.started_at >= _minutes(limits.quiet_item_minutes)
        if long_enough and sum(in_item.values()) >= ITEM_CONTRIBUTIONS_BEFORE_QUIET:
            in_this_item = [
                person.initials
                for person in state.present
                if person.participant_id not in in_item and person.initials not in for_a_while
            ]
    return tuple(for_a_while), tuple(in_this_item)


def shares(state: RoomState) -> dict[uuid.UUID, int]:
    """Contributions by each person present (views sent in by others are not shares)."""
    here = {person.participant_id for person in state.present}
    counted: dict[uuid.UUID, int] = {}
    for each in state.contributions:
        if each.participant_id in here:
            counted[each.participant_id] = counted.get(each.participant_id, 0) + 1
    return counted


def _room_prompts(state: RoomState, library: Library, now: datetime) -> list[Due]:
    limits = library.thresholds
    due: list[Due] = []
    in_agenda = state.step is Step.AGENDA
    if in_agenda:
        for_a_while, in_item = quiet_people(state, library, now)
        if for_a_while or in_item:
            parts = []
            if for_a_while:
                parts.append(
                    f"Not heard in the last {limits.quiet_minutes} minutes: "
                    + ", ".join(for_a_while)
                    + "."
                )
            if in_item:
                parts.append("Not heard yet in this item: " + ", ".join(in_item) + ".")
            due += [Due(p.id, p, " ".join(parts)) for p in library.active("quiet_voices")]
        counted = shares(state)
        total = sum(counted.values())
        if total >= limits.dominant_min_contributions and len(state.present) >= 3:
            top_id, top = max(counted.items(), key=lambda pair: pair[1])
            share = round(100 * top / total)
            if share >= limits.dominant_share_percent:
                initials = next(
                    (p.initials for p in state.present if p.participant_id == top_id), "Someone"
                )
                detail = f"{initials}: {top} of {total} contributions ({share}%)."
                due += [Due(p.id, p, detail) for p in library.active("dominant_voice")]
        running = state.running
        if running is not None:
            timing = item_timing(running, now)
            over = timing.elapsed - timing.planned
            if over > timedelta(0) and over >= _minutes(limits.item_over_minutes):
                detail = (
                    f"“{running.title}” was planned for {running.planned_minutes} minutes "
                    f"and has run {int(timing.elapsed.total_seconds() // 60)}."
                )
                due += [Due(p.id, p, detail) for p in library.active("item_long")]
    if state.step not in CLOSING_STEPS:
        stretch = _since_break(state, now)
        if stretch is not None and stretch >= _minutes(limits.break_after_minutes):
            detail = f"{int(stretch.total_seconds() // 60)} minutes since the start or last break."
            due += [Due(p.id, p, detail) for p in library.active("no_break")]
    return due


def _since_break(state: RoomState, now: datetime) -> timedelta | None:
    running = state.running
    if running is not None and running.is_break:
        return None
    ends = [item.ended_at for item in state.agenda if item.is_break and item.ended_at]
    starts = [moment for moment in (state.started_at, *ends) if moment is not None]
    if not starts:
        return None
    return now - max(starts)


def _term_pattern(term: str) -> re.Pattern[str]:
    flags = 0 if any(char.isupper() for char in term) else re.IGNORECASE
    return re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", flags)


def jargon_found(texts: Sequence[str], glossary: Sequence[GlossaryTerm]) -> list[GlossaryTerm]:
    """The glossary words used in ``texts``, in glossary order."""
    joined = "\n".join(texts)
    return [term for term in glossary if _term_pattern(term.term).search(joined)]


def _jargon_prompts(state: RoomState, library: Library) -> list[Due]:
    found = jargon_found(state.texts, library.glossary)
    return [
        Due(
            f"{prompt.id}:{term.term.casefold()}"[:KEY_MAX],
            prompt,
            f"“{term.term}”: try “{term.plain}”.",
        )
        for prompt in library.active("jargon")
        for term in found
    ]


def due_prompts(state: RoomState, library: Library, now: datetime) -> list[Due]:
    """Every prompt that applies now, moments first. None once the workshop is closed."""
    if not state.live:
        return []
    state = replace(
        state, contributions=tuple(each for each in state.contributions if each.at <= now)
    )
    return [
        *_moment_prompts(state, library),
        *_room_prompts(state, library, now),
        *_jargon_prompts(state, library),
    ]


# Cards and the log -----------------------------------------------------------------------


def _once_only(due: Due) -> bool:
    return due.prompt.when in MOMENTS or due.prompt.when == "jargon"


def refresh(
    session: Session,
    workshop_id: uuid.UUID,
    library: Library,
    now: datetime,
    turns: Sequence[Turn] = (),
) -> list[PromptCard]:
    """The cards to show now; a prompt shown for the first time is logged as shown.

    A card stays until it is answered or stops applying. An answered prompt about a
    moment or a word does not come back in this workshop; one about the room may come
    back once ``repeat_minutes`` have passed since the answer, if it still applies.
    """
    due = due_prompts(room_state(session, workshop_id, turns), library, now)
    latest: dict[str, PromptLogEntry] = {}
    for entry in session.scalars(
        select(PromptLogEntry)
        .where(PromptLogEntry.workshop_id == workshop_id)
        .order_by(PromptLogEntry.shown_at)
    ):
        latest[entry.prompt_key] = entry
    repeat = _minutes(library.thresholds.repeat_minutes)
    cards = []
    for each in due:
        last = latest.get(each.key)
        if last is not None and last.outcome is not PromptOutcome.SHOWN:
            if _once_only(each) or now - last.updated_at < repeat:
                continue
            last = None
        if last is None:
            last = PromptLogEntry(
                id=uuid.uuid4(),
                workshop_id=workshop_id,
                prompt_key=each.key,
                shown_at=now,
                outcome=PromptOutcome.SHOWN,
                updated_at=now,
            )
            session.add(last)
        cards.append(PromptCard(last.id, each.key, each.prompt, each.detail, last.shown_at))
    session.flush()
    return cards


def answer(
    session: Session,
    log_id: uuid.UUID,
    outcome: PromptOutcome,
    now: datetime,
    note: str | None = None,
) -> None:
    """Record what the facilitator did with a prompt: acted on it, or dismissed it."""
    entry = session.get(PromptLogEntry, log_id)
    if entry is None:
        raise NotFound("That prompt is no longer in the log.")
    entry.outcome = outcome
    if note is not None:
        entry.note = note.strip()[:2000]
    entry.updated_at = now
    flag_modified(entry, "updated_at")  # Even when unchanged, so the clock's time is kept.


def note_prompt(session: Session, log_id: uuid.UUID, note: str) -> None:
    """The facilitator's own note on a prompt, for reflection afterwards."""
    entry = session.get(PromptLogEntry, log_id)
    if entry is None:
        raise NotFound("That prompt is no longer in the log.")
    entry.note = note.strip()[:2000]


@dataclass(frozen=True)
class LogLine:
    id: uuid.UUID
    shown_at: datetime
    key: str
    text: str
    outcome: PromptOutcome
    note: str


OUTCOME_WORDS = {
    PromptOutcome.SHOWN: "Shown, no answer",
    PromptOutcome.ACTED_ON: "Acted on",
    PromptOutcome.DISMISSED: "Dismissed",
}


def prompt_log(session: Session, workshop_id: uuid.UUID, library: Library) -> list[LogLine]:
    """The workshop's prompt log, oldest first, for the facilitator's reflection."""
    lines = []
    for entry in session.scalars(
        select(PromptLogEntry)
        .where(PromptLogEntry.workshop_id == workshop_id)
        .order_by(PromptLogEntry.shown_at)
    ):
        prompt_id, _colon, word = entry.prompt_key.partition(":")
        prompt = library.prompt(prompt_id)
        text = (
            prompt.text
            if prompt is not None
            else f"A prompt no longer in the library ({prompt_id})"
        )
        if word:
            spelt = next(
                (term.term for term in library.glossary if term.term.casefold() == word), word
            )
            text = f"{text} (“{spelt}”)"
        lines.append(
            LogLine(entry.id, entry.shown_at, entry.prompt_key, text, entry.outcome, entry.note)
        )
    return lines
