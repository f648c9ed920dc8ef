"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "series",
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("support_text", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series")),
    )
    op.create_table(
        "participant",
        sa.Column("series_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("initials", sa.String(length=12), nullable=False),
        sa.Column("private_role", sa.String(length=300), nullable=False),
        sa.Column("reveal_role_consent", sa.Boolean(), nullable=False),
        sa.Column("contact", sa.String(length=300), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["series.id"],
            name=op.f("fk_participant_series_id_series"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participant")),
        sa.UniqueConstraint("series_id", "initials", name=op.f("uq_participant_series_id")),
    )
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_participant_series_id"), ["series_id"], unique=False)

    op.create_table(
        "planned_session",
        sa.Column("series_id", sa.Uuid(), nullable=False),
        sa.Column("planned_on", sa.Date(), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["series.id"],
            name=op.f("fk_planned_session_series_id_series"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_planned_session")),
    )
    op.create_table(
        "workshop",
        sa.Column("series_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=True),
        sa.Column("venue", sa.String(length=300), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "planned", "live", "closed", name="workshop_status", native_enum=False, length=20
            ),
            nullable=False,
        ),
        sa.Column("current_step", sa.String(length=40), nullable=False),
        sa.Column("current_agenda_item_id", sa.Uuid(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["series.id"],
            name=op.f("fk_workshop_series_id_series"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workshop")),
    )
    with op.batch_alter_table("workshop", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_workshop_series_id"), ["series_id"], unique=False)

    op.create_table(
        "agenda_item",
        sa.Column("workshop_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("planned_minutes", sa.Integer(), nullable=False),
        sa.Column("is_break", sa.Boolean(), nullable=False),
        sa.Column("content_note", sa.String(length=300), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshop.id"],
            name=op.f("fk_agenda_item_workshop_id_workshop"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_item")),
    )
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agenda_item_workshop_id"), ["workshop_id"], unique=False
        )

    op.create_table(
        "agreement_version",
        sa.Column("series_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("workshop_id", sa.Uuid(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["series.id"],
            name=op.f("fk_agreement_version_series_id_series"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshop.id"],
            name=op.f("fk_agreement_version_workshop_id_workshop"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_version")),
        sa.UniqueConstraint("series_id", "number", name=op.f("uq_agreement_version_series_id")),
    )
    with op.batch_alter_table("agreement_version", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreement_version_series_id"), ["series_id"], unique=False
        )

    op.create_table(
        "attendance",
        sa.Column("workshop_id", sa.Uuid(), nullable=False),
        sa.Column("participant_id", sa.Uuid(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "present",
                "apologies",
                "in_writing",
                name="attendance_status",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("arrived_at", sa.DateTime(), nullable=True),
        sa.Column("no_action_reason", sa.String(length=300), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_attendance_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshop.id"],
            name=op.f("fk_attendance_workshop_id_workshop"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance")),
        sa.UniqueConstraint(
            "workshop_id", "participant_id", name=op.f("uq_attendance_workshop_id")
        ),
    )
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_attendance_workshop_id"), ["workshop_id"], unique=False
        )

    op.create_table(
        "prompt_log",
        sa.Column("workshop_id", sa.Uuid(), nullable=False),
        sa.Column("prompt_key", sa.String(length=80), nullable=False),
        sa.Column("shown_at", sa.DateTime(), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum(
                "shown",
                "acted_on",
                "dismissed",
                name="prompt_outcome",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshop.id"],
            name=op.f("fk_prompt_log_workshop_id_workshop"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prompt_log")),
    )
    with op.batch_alter_table("prompt_log", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_prompt_log_workshop_id"), ["workshop_id"], unique=False
        )

    op.create_table(
        "agreement_statement",
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["agreement_version.id"],
            name=op.f("fk_agreement_statement_version_id_agreement_version"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_statement")),
    )
    with op.batch_alter_table("agreement_statement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreement_statement_version_id"), ["version_id"], unique=False
        )

    op.create_table(
        "minute_entry",
        sa.Column("workshop_id", sa.Uuid(), nullable=False),
        sa.Column("agenda_item_id", sa.Uuid(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "note",
                "decision",
                "question",
                "parked",
                name="entry_kind",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("decided_by_group", sa.Boolean(), nullable=False),
        sa.Column("sent_in_writing", sa.Boolean(), nullable=False),
        sa.Column("read_back", sa.String(length=20), nullable=False),
        sa.Column("agreement_point", sa.Integer(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_minute_entry_agenda_item_id_agenda_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshop.id"],
            name=op.f("fk_minute_entry_workshop_id_workshop"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minute_entry")),
    )
    with op.batch_alter_table("minute_entry", schema=None) as batch_op:
        batch_op.create_index(
            "ix_minute_entry_workshop_position", ["workshop_id", "position"], unique=False
        )

    op.create_table(
        "action",
        sa.Column("raised_in_id", sa.Uuid(), nullable=False),
        sa.Column("reviewed_in_id", sa.Uuid(), nullable=True),
        sa.Column("source_entry_id", sa.Uuid(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("support_buddy_id", sa.Uuid(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "in_progress",
                "done",
                "dropped",
                name="action_status",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("outcome_note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["raised_in_id"],
            ["workshop.id"],
            name=op.f("fk_action_raised_in_id_workshop"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_in_id"],
            ["workshop.id"],
            name=op.f("fk_action_reviewed_in_id_workshop"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["source_entry_id"],
            ["minute_entry.id"],
            name=op.f("fk_action_source_entry_id_minute_entry"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["support_buddy_id"],
            ["participant.id"],
            name=op.f("fk_action_support_buddy_id_participant"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action")),
    )
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_raised_in_id"), ["raised_in_id"], unique=False)

    op.create_table(
        "consent",
        sa.Column("statement_id", sa.Uuid(), nullable=False),
        sa.Column("participant_id", sa.Uuid(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("agreed", "change_asked", name="consent_status", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_consent_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["agreement_statement.id"],
            name=op.f("fk_consent_statement_id_agreement_statement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent")),
        sa.UniqueConstraint("statement_id", "participant_id", name=op.f("uq_consent_statement_id")),
    )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consent_statement_id"), ["statement_id"], unique=False)

    op.create_table(
        "entry_speaker",
        sa.Column("entry_id", sa.Uuid(), nullable=False),
        sa.Column("participant_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["minute_entry.id"],
            name=op.f("fk_entry_speaker_entry_id_minute_entry"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_entry_speaker_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entry_id", "participant_id", name=op.f("pk_entry_speaker")),
    )
    op.create_table(
        "action_owner",
        sa.Column("action_id", sa.Uuid(), nullable=False),
        sa.Column("participant_id", sa.Uuid(), nullable=False),
        sa.Column("accepted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["action.id"],
            name=op.f("fk_action_owner_action_id_action"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_action_owner_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("action_id", "participant_id", name=op.f("pk_action_owner")),
    )


def downgrade() -> None:
    op.drop_table("action_owner")
    op.drop_table("entry_speaker")
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_statement_id"))

    op.drop_table("consent")
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_raised_in_id"))

    op.drop_table("action")
    with op.batch_alter_table("minute_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_minute_entry_workshop_position")

    op.drop_table("minute_entry")
    with op.batch_alter_table("agreement_statement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_statement_version_id"))

    op.drop_table("agreement_statement")
    with op.batch_alter_table("prompt_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_prompt_log_workshop_id"))

    op.drop_table("prompt_log")
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendance_workshop_id"))

    op.drop_table("attendance")
    with op.batch_alter_table("agreement_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_version_series_id"))

    op.drop_table("agreement_version")
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_item_workshop_id"))

    op.drop_table("agenda_item")
    with op.batch_alter_table("workshop", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_workshop_series_id"))

    op.drop_table("workshop")
    op.drop_table("planned_session")
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participant_series_id"))

    op.drop_table("participant")
    op.drop_table("series")
