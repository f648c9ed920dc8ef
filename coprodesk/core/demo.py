"""The demo series: invented people and three workshops, to explore at once.

Everyone here is invented. Names come from several alphabets so that every
screen and export shows how CoproDesk handles them.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from coprodesk.core import attendance, live, minutes, roster, series
from coprodesk.core.demo_coordinator import add_coordinator_records
from coprodesk.core.models import (
    Action,
    ActionOwner,
    ActionStatus,
    AgendaItem,
    AgreementStatement,
    AgreementVersion,
    Attendance,
    AttendanceStatus,
    Consent,
    ConsentStatus,
    EntryKind,
    PlannedSession,
    PromptLogEntry,
    PromptOutcome,
    SpeakingTurn,
    Workshop,
    WorkshopStatus,
)
from coprodesk.core.nameguard import NameGuard, mark_not_a_name
from coprodesk.core.workshop import add_agenda_item, update_workshop

DEMO_TITLE = "Riverside drop-in: shaping it together"

PEOPLE = (
    # name, private role, agreed to reveal the role at the end
    ("Aisha Rahman", "Centre manager", True),
    ("Mary-Jane O'Neil", "Lived experience of homelessness", True),
    ("Łukasz Żółć", "Volunteer at the food bank", False),
    ("Αλέξης Παππάς", "Outreach worker", True),
    ("Zoë Ødegaard", "Council commissioner", False),
    ("Ana de la Cruz", "Lived experience of recovery", True),
    ("Will Mensah", "Peer mentor", False),
    ("Sam Okafor", "", False),
)

AGREEMENT = (
    "We listen to each other and speak one at a time.",
    "Everyone's experience counts the same here.",
    "Anyone can pass, and no one has to explain why.",
    "We use plain words and explain any short forms.",
    "What people share about their lives stays in this room.",
    "We take a break whenever someone needs one.",
)
ADDED_IN_SECOND_VERSION = "We say honestly what can change and what cannot."


def create_demo_series(session: Session) -> uuid.UUID:
    """Add the demo series to the open session and return its id."""
    series_id = series.create_series(
        session,
        DEMO_TITLE,
        "Decide together how the Riverside drop-in welcomes people, when it opens, "
        "and how everyone hears what changed.",
    )
    demo = series.get_series(session, series_id)
    demo.support_text = (
        "If today brought up something difficult, the Riverside team is on 01632 960 123 "
        "(weekdays 9 to 5). Out of hours, call 116 123 at any time."
    )
    for offset, label in enumerate(("Getting started", "Opening hours", "The welcome desk")):
        session.add(
            PlannedSession(
                series_id=series_id,
                planned_on=date(2026, 9, 14) + timedelta(weeks=4 * offset),
                label=label,
            )
        )
    people = [
        roster.add_person(session, series_id, name, private_role=role, reveal_role_consent=reveal)
        for name, role, reveal in PEOPLE
    ]
    first = _first_workshop(session, series_id, people)
    second = _second_workshop(session, series_id, people, first)
    for held in (first, second):
        # Closed the way every workshop is: through the closing gate.
        assert held.started_at is not None
        live.close_workshop(session, held.id, held.started_at + timedelta(hours=2))
    _next_workshop(session, series_id, people)
    session.flush()
    add_coordinator_records(session, series_id, people, first.id, second.id)
    return series_id


def _next_workshop(session: Session, series_id: uuid.UUID, people: list[uuid.UUID]) -> None:
    """The coming workshop: planned, with an agenda, ready to run live."""
    workshop_id = series.create_workshop(
        session,
        series_id,
        "The welcome desk",
        starts_at=datetime(2026, 12, 7, 10, 0),
        venue="Riverside Community Hall, small room",
        purpose="Agree what a good first welcome looks like, from the door to the first cup "
        "of tea.",
    )
    items = [
        add_agenda_item(session, workshop_id, title, planned, is_break=is_break, content_note=note)
        for title, planned, is_break, note in (
            ("Welcome and introductions", 15, False, ""),
            ("What we agreed: keep, change or add", 10, False, ""),
            ("What came of our actions", 20, False, ""),
            ("Break", 10, True, ""),
            (
                "First impressions of the welcome desk",
                35,
                False,
                "May touch on difficult experiences.",
            ),
            ("Actions and check-out", 15, False, ""),
        )
    ]
    update_workshop(
        session,
        workshop_id,
        bring="Think of the first time you came to the drop-in: what helped, and what did "
        "not? Bring one idea for the welcome desk, written down or just in your head.",
        practical="Step-free entrance by the car park; the lift is on the left. Bus fares "
        "and childcare are paid back on the day in cash. Tea, coffee and lunch are free, "
        "with a vegetarian and a halal choice. The quiet room is upstairs.",
    )
    zoe = people[4]
    attendance.set_status(session, workshop_id, zoe, AttendanceStatus.APOLOGIES)
    # Her view came in writing, in service words: the prompts offer plain ones at once.
    minutes.add_entry(
        session,
        workshop_id,
        "Sent in writing: the KPI for the desk is how quickly people are signposted.",
        speakers=[zoe],
        agenda_item_id=items[4],
        sent_in_writing=True,
        recorded_at=datetime(2026, 12, 6, 9, 0),
    )


def _workshop(
    session: Session, series_id: uuid.UUID, title: str, starts_at: datetime, purpose: str
) -> Workshop:
    workshop_id = series.create_workshop(
        session,
        series_id,
        title,
        starts_at=starts_at,
        venue="Riverside Community Hall, small room",
        purpose=purpose,
    )
    workshop = series.get_workshop(session, workshop_id)
    workshop.status = WorkshopStatus.LIVE
    workshop.started_at = starts_at
    return workshop


def _agenda(
    session: Session, workshop: Workshop, items: list[tuple[str, int, str]]
) -> list[uuid.UUID]:
    assert workshop.started_at is not None
    clock = workshop.started_at
    ids = []
    for position, (title, planned, note) in enumerate(items, start=1):
        item = AgendaItem(
            id=uuid.uuid4(),
            workshop_id=workshop.id,
            position=position,
            title=title,
            planned_minutes=planned,
            is_break=title == "Break",
            content_note=note,
            started_at=clock,
            ended_at=clock + timedelta(minutes=planned + (3 if position == 2 else 0)),
        )
        clock = item.ended_at or clock
        session.add(item)
        ids.append(item.id)
    return ids


def _attend(session: Session, workshop: Workshop, people: list[uuid.UUID], statuses: str) -> None:
    """``statuses`` has one letter a person: P present, A apologies, W in writing, - absent."""
    codes = {
        "P": AttendanceStatus.PRESENT,
        "A": AttendanceStatus.APOLOGIES,
        "W": AttendanceStatus.IN_WRITING,
    }
    for person, code in zip(people, statuses, strict=True):
        if code in codes:
            session.add(
                Attendance(
                    workshop_id=workshop.id,
                    participant_id=person,
                    status=codes[code],
                    arrived_at=workshop.started_at if code == "P" else None,
                )
            )


def _action(
    session: Session,
    workshop: Workshop,
    text: str,
    owners: list[uuid.UUID],
    target: date,
    *,
    buddy: uuid.UUID | None = None,
) -> Action:
    action = Action(
        id=uuid.uuid4(),
        raised_in_id=workshop.id,
        text=text,
        target_date=target,
        support_buddy_id=buddy,
    )
    action.owners = [ActionOwner(participant_id=owner, accepted=True) for owner in owners]
    session.add(action)
    return action


def _first_workshop(session: Session, series_id: uuid.UUID, people: list[uuid.UUID]) -> Workshop:
    aisha, mary_jane, lukasz, alexis, zoe, ana, will, sam = people
    workshop = _workshop(
        session,
        series_id,
        "Getting started",
        datetime(2026, 9, 14, 10, 0),
        "Meet each other, agree how we work together, and choose what to change first.",
    )
    _attend(session, workshop, people, "PPPPPPAW")
    welcome, agreement, ideas, _break, priorities = _agenda(
        session,
        workshop,
        [
            ("Welcome and introductions", 15, ""),
            ("What we agree", 20, ""),
            (
                "What works and what doesn't at the drop-in",
                35,
                "May touch on difficult experiences.",
            ),
            ("Break", 10, ""),
            ("Choosing what to change first", 30, ""),
        ],
    )
    version = AgreementVersion(
        id=uuid.uuid4(),
        series_id=series_id,
        number=1,
        workshop_id=workshop.id,
        created_at=workshop.starts_at,
        note="First agreement.",
    )
    present = [aisha, mary_jane, lukasz, alexis, zoe, ana]
    for position, text in enumerate(AGREEMENT, start=1):
        statement = AgreementStatement(id=uuid.uuid4(), position=position, text=text)
        statement.consents = [
            Consent(participant_id=person, status=ConsentStatus.AGREED) for person in present
        ]
        version.statements.append(statement)
    session.add(version)

    clock = workshop.started_at or datetime(2026, 9, 14, 10, 0)
    notes = [
        (welcome, EntryKind.NOTE, [aisha], "Welcome. Everyone introduced themselves by name."),
        (agreement, EntryKind.NOTE, [ana], "Asked that we agree to take breaks when needed."),
        (agreement, EntryKind.DECISION, [], "The group agreed the six statements."),
        (
            ideas,
            EntryKind.NOTE,
            [mary_jane],
            "The door is locked until 10, and the queue outside "
            "in the rain puts people off coming back.",
        ),
        (ideas, EntryKind.NOTE, [lukasz, alexis], "Hot food runs out by 12 on Mondays."),
        (ideas, EntryKind.QUESTION, [zoe], "Could the lunch budget move from Friday to Monday?"),
        (ideas, EntryKind.NOTE, [sam], "Sent in writing: the forms at the desk are hard to read."),
        (
            priorities,
            EntryKind.DECISION,
            [],
            "We will look at opening hours first, then the welcome desk.",
        ),
        (priorities, EntryKind.PARKED, [alexis], "Transport to the drop-in from the east side."),
    ]
    guard = NameGuard.for_series(session, workshop.series_id)
    for offset, (item, kind, speakers, text) in enumerate(notes):
        minutes.add_entry(
            session,
            workshop.id,
            _as_kept(guard, text),
            speakers=speakers,
            kind=kind,
            agenda_item_id=item,
            decided_by_group=kind is EntryKind.DECISION,
            recorded_at=clock + timedelta(minutes=5 + 12 * offset),
        )
    session.flush()

    done = _action(
        session,
        workshop,
        "Ask the team if the door can open at 9:30.",
        [aisha],
        date(2026, 9, 30),
    )
    done.status, done.outcome_note = ActionStatus.DONE, "The door opens at 9:30 from October."
    _action(
        session,
        workshop,
        "Count how many people are turned away at lunch for two weeks.",
        [lukasz, will],
        date(2026, 10, 9),
        buddy=alexis,
    )
    _action(
        session,
        workshop,
        "Tell Will and Sam what we decided today.",
        [mary_jane],
        date(2026, 9, 21),
    ).status = ActionStatus.DONE
    _action(
        session,
        workshop,
        "Bring one idea about the welcome desk next time.",
        [ana, alexis],
        date(2026, 10, 12),
    )
    _action(
        session,
        workshop,
        "Find out whether the lunch budget can move.",
        [zoe],
        date(2026, 10, 12),
    )
    session.add(
        PromptLogEntry(
            workshop_id=workshop.id,
            prompt_key="opening-name-power",
            shown_at=clock + timedelta(minutes=3),
            outcome=PromptOutcome.ACTED_ON,
        )
    )
    # The facilitator timed a few turns while ideas were shared (seen in the balance of voices).
    start = clock + timedelta(minutes=40)
    for person, seconds in ((mary_jane, 95), (lukasz, 40), (zoe, 70), (ana, 25)):
        session.add(
            SpeakingTurn(
                workshop_id=workshop.id,
                participant_id=person,
                agenda_item_id=ideas,
                started_at=start,
                ended_at=start + timedelta(seconds=seconds),
            )
        )
        start += timedelta(seconds=seconds + 20)
    return workshop


def _second_workshop(
    session: Session, series_id: uuid.UUID, people: list[uuid.UUID], first: Workshop
) -> Workshop:
    aisha, mary_jane, lukasz, alexis, zoe, ana, will, sam = people
    workshop = _workshop(
        session,
        series_id,
        "Opening hours",
        datetime(2026, 10, 12, 10, 0),
        "Hear what came of last time's actions and agree new opening hours to try.",
    )
    _attend(session, workshop, people, "PPAPWPPP")
    review, hours, _break, close = _agenda(
        session,
        workshop,
        [
            ("What came of our actions", 20, ""),
            ("Opening hours to try", 40, ""),
            ("Break", 10, ""),
            ("Actions and check-out", 20, ""),
        ],
    )
    version = AgreementVersion(
        id=uuid.uuid4(),
        series_id=series_id,
        number=2,
        workshop_id=workshop.id,
        created_at=workshop.starts_at,
        note="Kept all six statements and added one.",
    )
    present = [aisha, mary_jane, alexis, ana, will, sam]
    # Answers to the six kept statements carry over from the first workshop, so Łukasz
    # and Zoë, who were not here, are only asked about the new one when they next come.
    earlier = [aisha, mary_jane, lukasz, alexis, zoe, ana]
    for position, text in enumerate((*AGREEMENT, ADDED_IN_SECOND_VERSION), start=1):
        statement = AgreementStatement(id=uuid.uuid4(), position=position, text=text)
        agreed = present if text == ADDED_IN_SECOND_VERSION else dict.fromkeys(earlier + present)
        statement.consents = [
            Consent(participant_id=person, status=ConsentStatus.AGREED) for person in agreed
        ]
        version.statements.append(statement)
    session.add(version)
    session.flush()

    for action in first.actions_raised:
        action.reviewed_in_id = workshop.id
        if action.status is ActionStatus.OPEN:
            action.status = ActionStatus.IN_PROGRESS
            action.outcome_note = "Started; more to report next time."

    clock = workshop.started_at or datetime(2026, 10, 12, 10, 0)
    notes = [
        (review, EntryKind.NOTE, [aisha], "The door now opens at 9:30. People noticed."),
        (
            review,
            EntryKind.NOTE,
            [lukasz],
            "Sent in writing: 23 people were turned away at lunch over two weeks.",
        ),
        (
            hours,
            EntryKind.NOTE,
            [mary_jane, will],
            "Evenings matter for people in work or on day programmes.",
        ),
        (hours, EntryKind.DECISION, [], "Try a Thursday evening opening, 5 to 8, for six weeks."),
        (hours, EntryKind.QUESTION, [zoe], "Who will staff the evening? Answer due next time."),
        (close, EntryKind.NOTE, [ana], "Everyone left with an action."),
    ]
    guard = NameGuard.for_series(session, workshop.series_id)
    for offset, (item, kind, speakers, text) in enumerate(notes):
        minutes.add_entry(
            session,
            workshop.id,
            _as_kept(guard, text),
            speakers=speakers,
            kind=kind,
            agenda_item_id=item,
            decided_by_group=kind is EntryKind.DECISION,
            recorded_at=clock + timedelta(minutes=4 + 15 * offset),
        )
    # Someone felt talked over: recorded by number, with no name, before the last note.
    point = minutes.add_entry(
        session,
        workshop.id,
        f"Agreement point 1 raised: {AGREEMENT[0]}",
        agenda_item_id=hours,
        recorded_at=clock + timedelta(minutes=70),
        agreement_point=1,
    )
    minutes.move_entry(session, point, len(notes))
    _action(
        session,
        workshop,
        "Draft a poster for the Thursday evening opening.",
        [mary_jane, sam, ana],
        date(2026, 11, 2),
    )
    _action(
        session,
        workshop,
        "Ask two volunteers if they could help on Thursdays.",
        [will],
        date(2026, 11, 2),
    )
    _action(
        session,
        workshop,
        "Read the draft minutes and suggest one change.",
        [alexis],
        date(2026, 10, 19),
    )
    _action(
        session,
        workshop,
        "Check the evening staffing budget.",
        [aisha],
        date(2026, 11, 30),
    )
    return workshop


def _as_kept(guard: NameGuard, text: str) -> str:
    """Text as the minute-taker keeps it: "will" the word marked "not a name", as in the app."""
    result = guard.apply(text)
    kept = result.text
    for replacement in reversed(result.replacements):  # from the end, so places stay right
        if replacement.original.islower() and replacement.can_keep:
            kept = mark_not_a_name(kept, replacement)
    return kept
