"""the coordinator's desk: reward preferences, contributions, expenses

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _record() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=20)


def _links(table: str) -> list[sa.Column[object] | sa.ForeignKeyConstraint]:
    return [
        sa.Column("workshop_id", sa.Uuid(), nullable=False),
        sa.Column("participant_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshop.id"],
            name=op.f(f"fk_{table}_workshop_id_workshop"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f(f"fk_{table}_participant_id_participant"),
            ondelete="CASCADE",
        ),
    ]


def upgrade() -> None:
    op.create_table(
        "person_recompense",
        sa.Column("participant_id", sa.Uuid(), nullable=False),
        sa.Column(
            "choice",
            _enum(
                "recompense_choice",
                "not_asked",
                "voucher",
                "payment",
                "training",
                "nothing",
                "other",
            ),
            nullable=False,
            server_default="not_asked",
        ),
        sa.Column("note", sa.String(length=300), nullable=False, server_default=""),
        sa.Column("record_agreed_at", sa.DateTime(), nullable=True),
        *_record(),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_person_recompense_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_recompense")),
        sa.UniqueConstraint("participant_id", name=op.f("uq_person_recompense_participant_id")),
    )
    op.create_table(
        "contribution",
        *_links("contribution"),
        sa.Column("minutes_given", sa.Integer(), nullable=True),
        sa.Column("written", sa.Integer(), nullable=True),
        sa.Column("asked", sa.Boolean(), nullable=False, server_default=sa.false()),
        *_record(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contribution")),
        sa.UniqueConstraint("workshop_id", "participant_id", name=op.f("uq_contribution_workshop_id")),
    )
    op.create_table(
        "expense",
        *_links("expense"),
        sa.Column(
            "kind",
            _enum("expense_kind", "travel", "childcare", "subsistence", "reward", "other"),
            nullable=False,
        ),
        sa.Column("amount_pence", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("note", sa.String(length=300), nullable=False, server_default=""),
        sa.Column(
            "status",
            _enum("expense_status", "owed", "given"),
            nullable=False,
            server_default="owed",
        ),
        *_record(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_expense")),
    )
    for table in ("contribution", "expense"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(batch_op.f(f"ix_{table}_workshop_id"), ["workshop_id"])
            batch_op.create_index(batch_op.f(f"ix_{table}_participant_id"), ["participant_id"])


def downgrade() -> None:
    for table in ("expense", "contribution"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_participant_id"))
            batch_op.drop_index(batch_op.f(f"ix_{table}_workshop_id"))
        op.drop_table(table)
    op.drop_table("person_recompense")
