"""The whole CoproDesk domain as SQLAlchemy 2 typed models.

Every record has a UUID key so that bundles from several laptops merge by id,
and an ``updated_at`` stamp (UTC) so that a merge keeps the newer copy.
Wall-clock times of meetings (a workshop's start, a planned session) are
stored as the local time people agreed on, without a zone.
"""

from __future__ import annotations

import enum
import uuid
from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Re-exported, so that the whole domain can be imported from here.
from coprodesk.core.enums import ActionStatus as ActionStatus
from coprodesk.core.enums import AttendanceStatus as AttendanceStatus
from coprodesk.core.enums import ConsentStatus as ConsentStatus
from coprodesk.core.enums import EntryKind as EntryKind
from coprodesk.core.enums import ExpenseKind as ExpenseKind
from coprodesk.core.enums import ExpenseStatus as ExpenseStatus
from coprodesk.core.enums import PromptOutcome as PromptOutcome
from coprodesk.core.enums import RecompenseChoice as RecompenseChoice
from coprodesk.core.enums import WorkshopStatus as WorkshopStatus

NAME_MAX = 200
TITLE_MAX = 300
TEXT_MAX = 20_000


def utcnow() -> datetime:
    """Now, in UTC, without a zone (SQLite keeps no zones)."""
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


class Record:
    """Columns every stored record has."""

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


def _enum(enum_class: type[enum.Enum], name: str) -> Enum:
    return Enum(
        enum_class,
        name=name,
        native_enum=False,
        length=20,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


class Series(Record, Base):
    """A coproduction project: a run of workshops with a shared purpose."""

    __tablename__ = "series"

    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    purpose: Mapped[str] = mapped_column(Text, default="")
    support_text: Mapped[str] = mapped_column(Text, default="")

    planned_sessions: Mapped[list[PlannedSession]] = relationship(
        back_populates="series", cascade="all, delete-orphan", order_by="PlannedSession.planned_on"
    )
    workshops: Mapped[list[Workshop]] = relationship(
        back_populates="series", cascade="all, delete-orphan", order_by="Workshop.starts_at"
    )
    participants: Mapped[list[Participant]] = relationship(
        back_populates="series", cascade="all, delete-orphan", order_by="Participant.initials"
    )
    agreement_versions: Mapped[list[AgreementVersion]] = relationship(
        back_populates="series", cascade="all, delete-orphan", order_by="AgreementVersion.number"
    )


class PlannedSession(Record, Base):
    """One date on a series' planned timeline."""

    __tablename__ = "planned_session"

    series_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("series.id", ondelete="CASCADE"))
    planned_on: Mapped[date] = mapped_column(Date)
    label: Mapped[str] = mapped_column(String(TITLE_MAX), default="")

    series: Mapped[Series] = relationship(back_populates="planned_sessions")


class Workshop(Record, Base):
    __tablename__ = "workshop"

    series_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("series.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    starts_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    venue: Mapped[str] = mapped_column(String(TITLE_MAX), default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    # For the briefing pack: what people are asked to bring or think about, and
    # practical notes (access, expenses, refreshments).
    bring_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    practical_notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    status: Mapped[WorkshopStatus] = mapped_column(
        _enum(WorkshopStatus, "workshop_status"), default=WorkshopStatus.PLANNED
    )
    current_step: Mapped[str] = mapped_column(String(40), default="")
    # Live state: which agenda item is running (no key, so items can be deleted freely).
    current_agenda_item_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    started_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)

    series: Mapped[Series] = relationship(back_populates="workshops")
    attendance: Mapped[list[Attendance]] = relationship(
        back_populates="workshop", cascade="all, delete-orphan"
    )
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="workshop",
        cascade="all, delete-orphan",
        order_by="AgendaItem.position",
    )
    entries: Mapped[list[MinuteEntry]] = relationship(
        back_populates="workshop", cascade="all, delete-orphan", order_by="MinuteEntry.position"
    )
    actions_raised: Mapped[list[Action]] = relationship(
        back_populates="raised_in",
        cascade="all, delete-orphan",
        foreign_keys="Action.raised_in_id",
        order_by="Action.created_at",
    )
    prompt_log: Mapped[list[PromptLogEntry]] = relationship(
        back_populates="workshop", cascade="all, delete-orphan", order_by="PromptLogEntry.shown_at"
    )


class Participant(Record, Base):
    """A person in a series. Only name and initials ever reach a public surface."""

    __tablename__ = "participant"
    __table_args__ = (UniqueConstraint("series_id", "initials"),)

    series_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("series.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    initials: Mapped[str] = mapped_column(String(12))
    private_role: Mapped[str] = mapped_column(String(TITLE_MAX), default="")
    reveal_role_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    contact: Mapped[str] = mapped_column(String(TITLE_MAX), default="")

    series: Mapped[Series] = relationship(back_populates="participants")


class Attendance(Record, Base):
    """How one person takes part in one workshop."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("workshop_id", "participant_id"),)

    workshop_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workshop.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE")
    )
    status: Mapped[AttendanceStatus] = mapped_column(_enum(AttendanceStatus, "attendance_status"))
    arrived_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    # A respectful "not this time" in place of an action, with its reason.
    no_action_reason: Mapped[str] = mapped_column(String(TITLE_MAX), default="")

    workshop: Mapped[Workshop] = relationship(back_populates="attendance")
    participant: Mapped[Participant] = relationship()


class AgendaItem(Record, Base):
    __tablename__ = "agenda_item"

    workshop_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workshop.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    planned_minutes: Mapped[int] = mapped_column(Integer, default=10)
    is_break: Mapped[bool] = mapped_column(Boolean, default=False)
    content_note: Mapped[str] = mapped_column(String(TITLE_MAX), default="")
    started_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)

    workshop: Mapped[Workshop] = relationship(back_populates="agenda_items")


class MinuteEntry(Record, Base):
    """One line of the minutes: who said what, by initials only."""

    __tablename__ = "minute_entry"
    __table_args__ = (Index("ix_minute_entry_workshop_position", "workshop_id", "position"),)

    workshop_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("workshop.id", ondelete="CASCADE"))
    agenda_item_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL"), default=None
    )
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[EntryKind] = mapped_column(_enum(EntryKind, "entry_kind"), default=EntryKind.NOTE)
    text: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # For a decision: True when the whole group made it; otherwise its speakers did.
    decided_by_group: Mapped[bool] = mapped_column(Boolean, default=False)
    sent_in_writing: Mapped[bool] = mapped_column(Boolean, default=False)
    # "agreed", "corrected" or "" until the minutes are read back.
    read_back: Mapped[str] = mapped_column(String(20), default="")
    # Number of the agreement statement raised as a concern, if this entry records one.
    agreement_point: Mapped[int | None] = mapped_column(Integer, default=None)

    workshop: Mapped[Workshop] = relationship(back_populates="entries")
    agenda_item: Mapped[AgendaItem | None] = relationship()
    speakers: Mapped[list[EntrySpeaker]] = relationship(
        back_populates="entry", cascade="all, delete-orphan"
    )


class EntrySpeaker(Base):
    __tablename__ = "entry_speaker"

    entry_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("minute_entry.id", ondelete="CASCADE"), primary_key=True
    )
    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True
    )

    entry: Mapped[MinuteEntry] = relationship(back_populates="speakers")
    participant: Mapped[Participant] = relationship()


class AgreementVersion(Record, Base):
    """One version of a series' group agreement; each change makes a new one."""

    __tablename__ = "agreement_version"
    __table_args__ = (UniqueConstraint("series_id", "number"),)

    series_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("series.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    workshop_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("workshop.id", ondelete="SET NULL"), default=None
    )
    note: Mapped[str] = mapped_column(Text, default="")

    series: Mapped[Series] = relationship(back_populates="agreement_versions")
    statements: Mapped[list[AgreementStatement]] = relationship(
        back_populates="version",
        cascade="all, delete-orphan",
        order_by="AgreementStatement.position",
    )


class AgreementStatement(Record, Base):
    __tablename__ = "agreement_statement"

    version_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("agreement_version.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    version: Mapped[AgreementVersion] = relationship(back_populates="statements")
    consents: Mapped[list[Consent]] = relationship(
        back_populates="statement", cascade="all, delete-orphan"
    )


class Consent(Record, Base):
    """One person's answer to one statement."""

    __tablename__ = "consent"
    __table_args__ = (UniqueConstraint("statement_id", "participant_id"),)

    statement_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("agreement_statement.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE")
    )
    status: Mapped[ConsentStatus] = mapped_column(_enum(ConsentStatus, "consent_status"))
    note: Mapped[str] = mapped_column(Text, default="")

    statement: Mapped[AgreementStatement] = relationship(back_populates="consents")
    participant: Mapped[Participant] = relationship()


class Action(Record, Base):
    __tablename__ = "action"

    raised_in_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workshop.id", ondelete="CASCADE"), index=True
    )
    reviewed_in_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("workshop.id", ondelete="SET NULL"), default=None
    )
    source_entry_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("minute_entry.id", ondelete="SET NULL"), default=None
    )
    text: Mapped[str] = mapped_column(Text)
    target_date: Mapped[date | None] = mapped_column(Date, default=None)
    support_buddy_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("participant.id", ondelete="SET NULL"), default=None
    )
    status: Mapped[ActionStatus] = mapped_column(
        _enum(ActionStatus, "action_status"), default=ActionStatus.OPEN
    )
    outcome_note: Mapped[str] = mapped_column(Text, default="")

    raised_in: Mapped[Workshop] = relationship(
        back_populates="actions_raised", foreign_keys=[raised_in_id]
    )
    reviewed_in: Mapped[Workshop | None] = relationship(foreign_keys=[reviewed_in_id])
    owners: Mapped[list[ActionOwner]] = relationship(
        back_populates="action", cascade="all, delete-orphan"
    )


class ActionOwner(Base):
    """An owner of an action, and whether they have accepted it."""

    __tablename__ = "action_owner"

    action_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("action.id", ondelete="CASCADE"), primary_key=True
    )
    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True
    )
    accepted: Mapped[bool] = mapped_column(Boolean, default=False)

    action: Mapped[Action] = relationship(back_populates="owners")
    participant: Mapped[Participant] = relationship()


class PromptLogEntry(Record, Base):
    """A facilitator prompt that was shown, for the facilitator's own reflection."""

    __tablename__ = "prompt_log"

    workshop_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workshop.id", ondelete="CASCADE"), index=True
    )
    prompt_key: Mapped[str] = mapped_column(String(80))
    shown_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    outcome: Mapped[PromptOutcome] = mapped_column(
        _enum(PromptOutcome, "prompt_outcome"), default=PromptOutcome.SHOWN
    )
    note: Mapped[str] = mapped_column(Text, default="")

    workshop: Mapped[Workshop] = relationship(back_populates="prompt_log")


class SpeakingTurn(Record, Base):
    """One timed turn at speaking, tapped by the facilitator; for the facilitator only.

    At most one turn in a workshop is running (no ``ended_at``) at a time.
    """

    __tablename__ = "speaking_turn"

    workshop_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workshop.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE")
    )
    agenda_item_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL"), default=None
    )
    started_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


# The coordinator's desk: recognition, recompense and fair load. These records hold
# names and money, so they stay on this laptop: no bundle, minutes or projector
# carries them (docs/bundle-format.md, docs/coordinator.md).


class PersonRecompense(Record, Base):
    """One person's reward preference and their agreement to a record of contribution."""

    __tablename__ = "person_recompense"

    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), unique=True
    )
    choice: Mapped[RecompenseChoice] = mapped_column(
        _enum(RecompenseChoice, "recompense_choice"), default=RecompenseChoice.NOT_ASKED
    )
    note: Mapped[str] = mapped_column(String(TITLE_MAX), default="")
    # When the person agreed to a record of contribution naming them (None: not agreed).
    record_agreed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class Contribution(Record, Base):
    """One person's part in one workshop, as the coordinator records it afterwards.

    ``minutes_given`` and ``written`` override what CoproDesk works out from the
    attendance, the agenda and the minutes (None: use the worked-out figure).
    ``asked``: the person was asked to take part (for fair load), even if they did not.
    """

    __tablename__ = "contribution"
    __table_args__ = (UniqueConstraint("workshop_id", "participant_id"),)

    workshop_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workshop.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    minutes_given: Mapped[int | None] = mapped_column(Integer, default=None)
    written: Mapped[int | None] = mapped_column(Integer, default=None)
    asked: Mapped[bool] = mapped_column(Boolean, default=False)


class Expense(Record, Base):
    """Money owed to or given to one person for one workshop, in whole pence."""

    __tablename__ = "expense"

    workshop_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("workshop.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[ExpenseKind] = mapped_column(_enum(ExpenseKind, "expense_kind"))
    amount_pence: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(String(TITLE_MAX), default="")
    status: Mapped[ExpenseStatus] = mapped_column(
        _enum(ExpenseStatus, "expense_status"), default=ExpenseStatus.OWED
    )


COORDINATOR_ONLY_TABLES = frozenset(
    {PersonRecompense.__tablename__, Contribution.__tablename__, Expense.__tablename__}
)
"""Tables that never travel in a workshop bundle: they hold names and money."""
