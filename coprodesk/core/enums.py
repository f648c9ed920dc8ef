"""The fixed choices of the domain, importable without loading SQLAlchemy."""

from __future__ import annotations

import enum


class WorkshopStatus(enum.StrEnum):
    PLANNED = "planned"
    LIVE = "live"
    CLOSED = "closed"


class AttendanceStatus(enum.StrEnum):
    PRESENT = "present"
    APOLOGIES = "apologies"
    IN_WRITING = "in_writing"


class EntryKind(enum.StrEnum):
    NOTE = "note"
    DECISION = "decision"
    QUESTION = "question"
    PARKED = "parked"


class ConsentStatus(enum.StrEnum):
    AGREED = "agreed"
    CHANGE_ASKED = "change_asked"


class ActionStatus(enum.StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class PromptOutcome(enum.StrEnum):
    SHOWN = "shown"
    ACTED_ON = "acted_on"
    DISMISSED = "dismissed"


class RecompenseChoice(enum.StrEnum):
    """How a person would like to be thanked for their time: their own choice."""

    NOT_ASKED = "not_asked"
    VOUCHER = "voucher"
    PAYMENT = "payment"
    TRAINING = "training"
    NOTHING = "nothing"
    OTHER = "other"


class ExpenseKind(enum.StrEnum):
    TRAVEL = "travel"
    CHILDCARE = "childcare"
    SUBSISTENCE = "subsistence"
    REWARD = "reward"
    OTHER = "other"


class ExpenseStatus(enum.StrEnum):
    OWED = "owed"
    GIVEN = "given"
