"""stage norms in calendar months: the law counts "4 months", not 120 days

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 20:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

OLD_KIND_RULE = (
    "(norm_days IS NULL AND deadline_kind IS NULL)"
    " OR (norm_days IS NOT NULL AND deadline_kind IN ('legal', 'target'))"
)
NEW_KIND_RULE = (
    "(norm_days IS NULL AND norm_months IS NULL AND deadline_kind IS NULL)"
    " OR ((norm_days IS NOT NULL OR norm_months IS NOT NULL)"
    " AND deadline_kind IS NOT NULL AND deadline_kind IN ('legal', 'target'))"
)


def upgrade():
    with op.batch_alter_table('stage_types', schema=None) as batch_op:
        batch_op.add_column(sa.Column('norm_months', sa.Integer(), nullable=True))
        batch_op.drop_constraint(batch_op.f('ck_stage_types_deadline_kind_with_norm'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_stage_types_deadline_kind_with_norm'), NEW_KIND_RULE)
        batch_op.create_check_constraint(batch_op.f('ck_stage_types_norm_months_positive'), 'norm_months IS NULL OR norm_months > 0')
        batch_op.create_check_constraint(batch_op.f('ck_stage_types_one_norm_unit'), 'norm_days IS NULL OR norm_months IS NULL')
    # Legal clocks kept as whole 30-day months were meant as calendar months.
    op.execute(
        "UPDATE stage_types SET norm_months = norm_days / 30, norm_days = NULL"
        " WHERE deadline_kind = 'legal' AND norm_days % 30 = 0"
    )


def downgrade():
    # Months become their usual 30-day approximation again.
    op.execute("UPDATE stage_types SET norm_days = norm_months * 30 WHERE norm_months IS NOT NULL")
    with op.batch_alter_table('stage_types', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_stage_types_one_norm_unit'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_stage_types_norm_months_positive'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_stage_types_deadline_kind_with_norm'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_stage_types_deadline_kind_with_norm'), OLD_KIND_RULE)
        batch_op.drop_column('norm_months')
