"""participants added in the portal live next to those a case system sends

A case system that sends a meeting's participants again replaces only those it sent; those
added in the portal (a booking, an invitation by staff) stay.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 11:25:00

"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("added_in_portal", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    # The participants of meetings booked in the portal were added by the booking.
    op.execute(
        "UPDATE participants SET added_in_portal = true WHERE meeting_id IN "
        "(SELECT id FROM meetings WHERE booked_by_id IS NOT NULL)"
    )


def downgrade():
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.drop_column("added_in_portal")
