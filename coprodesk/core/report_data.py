"""What the PDF exports print, read from the database into plain frozen dataclasses.

One function per document reads one unit of work. Every piece of text typed by
people (titles, minutes, actions, agreement statements, notes) passes through
the series' name guard again on the way out, and people appear by their
initials only. Nothing here reads a private role or a contact, and nothing pairs
initials with names: the only names that leave are a slip's own holder (when the
facilitator chooses it) and first names on a briefing's list of who is coming.

No Qt and no ReportLab: the builders in ``coprodesk.export`` take these views.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from coprodesk.core.enums import ActionStatus, AttendanceStatus, ConsentStatus, EntryKind
from coprodesk.core.errors import InvalidInput, NotFound
from coprodesk.core.models import (
    Action,
    AgreementStatement,
    AgreementVersion,
    MinuteEntry,
    Participant,
    Series,
    Workshop,
)
from coprodesk.core.nameguard import NameGuard

KIND_WORDS = {
    EntryKind.NOTE: "Note",
    EntryKind.DECISION: "Decision",
    EntryKind.QUESTION: "Question",
    EntryKind.PARKED: "Parked",
}
STATUS_WORDS = {
    ActionStatus.OPEN: "Not started",
    ActionStatus.IN_PROGRESS: "In progress",
    ActionStatus.DONE: "Done",
    ActionStatus.DROPPED: "Dropped",
}


@dataclass(frozen=True)
class WorkshopHeading:
    series_title: str
    title: str
    starts_at: datetime | None
    venue: str
    purpose: str


@dataclass(frozen=True)
class AttendanceData:
    """Initials only, sorted, for each way of taking part."""

    present: tuple[str, ...]
    apologies: tuple[str, ...]
    in_writing: tuple[str, ...]


@dataclass(frozen=True)
class StatementData:
    number: int
    text: str
    agreed: int
    change_asked: int


@dataclass(frozen=True)
class AgreementData:
    version: int
    statements: tuple[StatementData, ...]


@dataclass(frozen=True)
class EntryData:
    kind: str  # a word from KIND_WORDS
    text: str
    speakers: tuple[str, ...]
    decided_by_group: bool
    sent_in_writing: bool
    agreement_point: int | None

    @property
    def decided_by(self) -> str:
        """Who made a decision, in words ("" for other kinds)."""
        if self.kind != KIND_WORDS[EntryKind.DECISION]:
            return ""
        if self.decided_by_group or not self.speakers:
            return "the whole group"
        return ", ".join(self.speakers)


@dataclass(frozen=True)
class AgendaSection:
    title: str
    planned_minutes: int
    is_break: bool
    content_note: str
    entries: tuple[EntryData, ...]


@dataclass(frozen=True)
class ActionData:
    owners: tuple[str, ...]  # initials
    text: str
    target_date: date | None
    status: str  # a word from STATUS_WORDS
    buddy: str  # initials, or ""
    outcome_note: str
    raised_in: str  # the workshop's title
    raised_on: date | None


@dataclass(frozen=True)
class MinutesData:
    heading: WorkshopHeading
    attendance: AttendanceData
    agreement: AgreementData | None
    sections: tuple[AgendaSection, ...]
    concerns: tuple[EntryData, ...]  # entries that raise an agreement point
    actions: tuple[ActionData, ...]  # raised in this workshop
    reviewed: tuple[ActionData, ...]  # earlier actions reviewed in this workshop


@dataclass(frozen=True)
class SlipAction:
    text: str
    target_date: date | None
    buddy: str  # first name or initials of the support buddy, or ""
    shared_with: tuple[str, ...]  # other owners' initials


@dataclass(frozen=True)
class Slip:
    holder: str  # the person's name or initials, as the facilitator chose
    actions: tuple[SlipAction, ...]


@dataclass(frozen=True)
class SlipsData:
    heading: WorkshopHeading
    slips: tuple[Slip, ...]


@dataclass(frozen=True)
class PosterData:
    series_title: str
    agreement: AgreementData | None


@dataclass(frozen=True)
class BriefingItem:
    title: str
    planned_minutes: int
    is_break: bool
    content_note: str


@dataclass(frozen=True)
class BriefingData:
    heading: WorkshopHeading
    ends_at: datetime | None
    total_minutes: int
    agenda: tuple[BriefingItem, ...]
    coming: tuple[str, ...]  # first names only
    bring: str
    practical: str
    support: str


@dataclass(frozen=True)
class SeriesReportData:
    title: str
    purpose: str
    date_from: date | None
    date_to: date | None
    workshops: tuple[MinutesData, ...]
    actions: tuple[ActionData, ...]  # every action raised in these workshops


class _Reader:
    """Reads one series with its guard and its initials, for one unit of work."""

    def __init__(self, session: Session, series: Series) -> None:
        self.session = session
        self.series = series
        self.guard = NameGuard.for_series(session, series.id)
        rows = session.execute(
            select(Participant.id, Participant.initials, Participant.name).where(
                Participant.series_id == series.id
            )
        )
        self.initials: dict[uuid.UUID, str] = {}
        self._names: dict[uuid.UUID, str] = {}
        for row in rows:
            self.initials[row.id] = row.initials
            self._names[row.id] = row.name

    def text(self, text: str) -> str:
        return self.guard.export_text(text)

    def first_name(self, participant_id: uuid.UUID) -> str:
        words = self._names[participant_id].split()
        return words[0] if words else self.initials[participant_id]

    def full_name(self, participant_id: uuid.UUID) -> str:
        return self._names[participant_id]

    def heading(self, workshop: Workshop) -> WorkshopHeading:
        return WorkshopHeading(
            series_title=self.text(self.series.title),
            title=self.text(workshop.title),
            starts_at=workshop.starts_at,
            venue=self.text(workshop.venue),
            purpose=self.text(workshop.purpose),
        )

    def _sorted_initials(self, ids: Iterable[uuid.UUID]) -> tuple[str, ...]:
        return tuple(sorted(self.initials[person] for person in ids))

    def attendance(self, workshop: Workshop) -> AttendanceData:
        by_status: dict[AttendanceStatus, list[uuid.UUID]] = {
            status: [] for status in AttendanceStatus
        }
        for row in workshop.attendance:
            by_status[row.status].append(row.participant_id)
        return AttendanceData(
            present=self._sorted_initials(by_status[AttendanceStatus.PRESENT]),
            apologies=self._sorted_initials(by_status[AttendanceStatus.APOLOGIES]),
            in_writing=self._sorted_initials(by_status[AttendanceStatus.IN_WRITING]),
        )

    @cached_property
    def _versions(self) -> list[AgreementVersion]:
        return list(
            self.session.scalars(
                select(AgreementVersion)
                .where(AgreementVersion.series_id == self.series.id)
                .options(
                    selectinload(AgreementVersion.statements).selectinload(
                        AgreementStatement.consents
                    )
                )
                .order_by(AgreementVersion.number)
            )
        )

    @cached_property
    def _starts(self) -> dict[uuid.UUID, datetime | None]:
        return {
            row.id: row.starts_at
            for row in self.session.execute(
                select(Workshop.id, Workshop.starts_at).where(Workshop.series_id == self.series.id)
            )
        }

    def agreement(self, workshop: Workshop | None) -> AgreementData | None:
        """The agreement as it stood at the end of ``workshop`` (the latest when None)."""
        versions = self._versions
        if workshop is not None:
            starts = self._starts

            def stood(version: AgreementVersion) -> bool:
                if version.workshop_id is None or version.workshop_id == workshop.id:
                    return True
                made_at = starts.get(version.workshop_id)
                return (
                    made_at is not None
                    and workshop.starts_at is not None
                    and made_at < workshop.starts_at
                )

            versions = [version for version in versions if stood(version)]
        if not versions:
            return None
        return self._agreement_view(versions[-1])

    @functools.cache  # noqa: B019 (a reader lives for one unit of work)
    def _agreement_view(self, version: AgreementVersion) -> AgreementData:
        return AgreementData(
            version=version.number,
            statements=tuple(
                StatementData(
                    number=index,
                    text=self.text(statement.text),
                    agreed=sum(c.status is ConsentStatus.AGREED for c in statement.consents),
                    change_asked=sum(
                        c.status is ConsentStatus.CHANGE_ASKED for c in statement.consents
                    ),
                )
                for index, statement in enumerate(version.statements, start=1)
            ),
        )

    def entry(self, entry: MinuteEntry) -> EntryData:
        return EntryData(
            kind=KIND_WORDS[entry.kind],
            text=self.text(entry.text),
            speakers=self._sorted_initials(speaker.participant_id for speaker in entry.speakers),
            decided_by_group=entry.decided_by_group,
            sent_in_writing=entry.sent_in_writing,
            agreement_point=entry.agreement_point,
        )

    def action(self, action: Action) -> ActionData:
        raised_in = action.raised_in
        return ActionData(
            owners=self._sorted_initials(owner.participant_id for owner in action.owners),
            text=self.text(action.text),
            target_date=action.target_date,
            status=STATUS_WORDS[action.status],
            buddy=self.initials.get(action.support_buddy_id, "") if action.support_buddy_id else "",
            outcome_note=self.text(action.outcome_note),
            raised_in=self.text(raised_in.title),
            raised_on=raised_in.starts_at.date() if raised_in.starts_at else None,
        )

    def _actions(self, *conditions: object) -> list[Action]:
        return list(
            self.session.scalars(
                select(Action)
                .where(*conditions)  # type: ignore[arg-type]
                .options(selectinload(Action.owners), selectinload(Action.raised_in))
                .order_by(Action.created_at, Action.id)
            )
        )

    def minutes(
        self,
        workshop: Workshop,
        agreement: AgreementData | None,
        *,
        entries: Sequence[MinuteEntry] | None = None,
        raised: Sequence[Action] | None = None,
        reviewed: Sequence[Action] | None = None,
    ) -> MinutesData:
        """One workshop's minutes; a series report passes what it has read for all at once."""
        if entries is None:
            entries = self.session.scalars(
                select(MinuteEntry)
                .where(MinuteEntry.workshop_id == workshop.id)
                .options(selectinload(MinuteEntry.speakers))
                .order_by(MinuteEntry.position)
            ).all()
        if raised is None:
            raised = self._actions(Action.raised_in_id == workshop.id)
        if reviewed is None:
            reviewed = self._actions(Action.reviewed_in_id == workshop.id)
        by_item: dict[uuid.UUID | None, list[EntryData]] = {}
        concerns: list[EntryData] = []
        for entry in entries:
            data = self.entry(entry)
            by_item.setdefault(entry.agenda_item_id, []).append(data)
            if entry.agreement_point is not None:
                concerns.append(data)
        sections = [
            AgendaSection(
                title=self.text(item.title),
                planned_minutes=item.planned_minutes,
                is_break=item.is_break,
                content_note=self.text(item.content_note),
                entries=tuple(by_item.pop(item.id, ())),
            )
            for item in workshop.agenda_items
        ]
        loose = [entry for entries in by_item.values() for entry in entries]
        if loose:
            sections.append(AgendaSection("Other business", 0, False, "", tuple(loose)))
        return MinutesData(
            heading=self.heading(workshop),
            attendance=self.attendance(workshop),
            agreement=agreement,
            sections=tuple(sections),
            concerns=tuple(concerns),
            actions=tuple(self.action(action) for action in raised),
            reviewed=tuple(self.action(action) for action in reviewed),
        )


def _workshop(session: Session, workshop_id: uuid.UUID) -> tuple[_Reader, Workshop]:
    workshop = session.get(
        Workshop,
        workshop_id,
        options=[selectinload(Workshop.agenda_items), selectinload(Workshop.attendance)],
    )
    if workshop is None:
        raise NotFound("That workshop no longer exists. It may have been deleted.")
    return _Reader(session, workshop.series), workshop


def minutes_data(session: Session, workshop_id: uuid.UUID) -> MinutesData:
    """The minutes of one workshop, initials only, every text guarded again."""
    reader, workshop = _workshop(session, workshop_id)
    return reader.minutes(workshop, reader.agreement(workshop))


def slips_data(session: Session, workshop_id: uuid.UUID, *, show_names: bool) -> SlipsData:
    """One slip per person who owns an action raised in the workshop.

    ``show_names``: the slip is its holder's own, so the facilitator may print the
    holder's name (and the buddy's first name) instead of initials. Other owners of a
    shared action still appear by initials.
    """
    reader, workshop = _workshop(session, workshop_id)
    actions = reader._actions(Action.raised_in_id == workshop.id)
    per_person: dict[uuid.UUID, list[SlipAction]] = {}
    for action in actions:
        owner_ids = [owner.participant_id for owner in action.owners]
        buddy = ""
        if action.support_buddy_id is not None and action.support_buddy_id in reader.initials:
            buddy = (
                reader.first_name(action.support_buddy_id)
                if show_names
                else reader.initials[action.support_buddy_id]
            )
        for owner in owner_ids:
            others = reader._sorted_initials(other for other in owner_ids if other != owner)
            per_person.setdefault(owner, []).append(
                SlipAction(reader.text(action.text), action.target_date, buddy, others)
            )
    order = sorted(per_person, key=lambda person: reader.initials[person])
    slips = tuple(
        Slip(
            holder=reader.full_name(person) if show_names else reader.initials[person],
            actions=tuple(per_person[person]),
        )
        for person in order
    )
    return SlipsData(reader.heading(workshop), slips)


def poster_data(session: Session, workshop_id: uuid.UUID) -> PosterData:
    """The group agreement as it stood at the end of the workshop, for a poster."""
    reader, workshop = _workshop(session, workshop_id)
    return PosterData(reader.text(reader.series.title), reader.agreement(workshop))


def briefing_data(session: Session, workshop_id: uuid.UUID) -> BriefingData:
    """A plain-English briefing for a coming workshop; first names only for who is coming."""
    reader, workshop = _workshop(session, workshop_id)
    items = tuple(
        BriefingItem(
            title=reader.text(item.title),
            planned_minutes=item.planned_minutes,
            is_break=item.is_break,
            content_note=reader.text(item.content_note),
        )
        for item in workshop.agenda_items
    )
    total = sum(item.planned_minutes for item in items)
    ends_at = (
        workshop.starts_at + timedelta(minutes=total) if workshop.starts_at and total else None
    )
    # Everyone in the series is invited, except those who have sent apologies.
    away = {
        row.participant_id
        for row in workshop.attendance
        if row.status is AttendanceStatus.APOLOGIES
    }
    coming_ids = [person for person in reader.initials if person not in away]
    coming = tuple(sorted((reader.first_name(person) for person in coming_ids), key=str.casefold))
    return BriefingData(
        heading=reader.heading(workshop),
        ends_at=ends_at,
        total_minutes=total,
        agenda=items,
        coming=coming,
        bring=reader.text(workshop.bring_text),
        practical=reader.text(workshop.practical_notes),
        support=reader.text(reader.series.support_text),
    )


def series_report_data(
    session: Session,
    series_id: uuid.UUID,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
) -> SeriesReportData:
    """Every workshop of a series (or those in a date range), with actions and outcomes."""
    if date_from is not None and date_to is not None and date_from > date_to:
        raise InvalidInput("The start of the date range is after its end.")
    series = session.get(Series, series_id)
    if series is None:
        raise NotFound("That series no longer exists. It may have been deleted.")
    reader = _Reader(session, series)
    workshops = session.scalars(
        select(Workshop)
        .where(Workshop.series_id == series.id)
        .options(selectinload(Workshop.agenda_items), selectinload(Workshop.attendance))
        .order_by(Workshop.starts_at, Workshop.created_at)
    ).all()

    def in_range(workshop: Workshop) -> bool:
        if date_from is None and date_to is None:
            return True
        if workshop.starts_at is None:
            return False
        day = workshop.starts_at.date()
        return (date_from is None or day >= date_from) and (date_to is None or day <= date_to)

    chosen = [workshop for workshop in workshops if in_range(workshop)]
    minutes = tuple(reader.minutes(workshop, reader.agreement(workshop)) for workshop in chosen)
    chosen_ids = [workshop.id for workshop in chosen]
    actions = tuple(
        reader.action(action) for action in reader._actions(Action.raised_in_id.in_(chosen_ids))
    )
    return SeriesReportData(
        title=reader.text(series.title),
        purpose=reader.text(series.purpose),
        date_from=date_from,
        date_to=date_to,
        workshops=minutes,
        actions=actions,
    )
