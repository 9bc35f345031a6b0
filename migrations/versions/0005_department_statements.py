"""each department's own statements about a shared family, its children and guardians

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 03:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

# Existing rows came from one shared record: every department that already deals with a family
# (has its own id for it, or runs one of its children's cases) is taken to have stated what the
# record holds, so nobody loses access by the upgrade.
INVOLVED = """
    SELECT family_id, department_id FROM external_references WHERE kind = 'family'
    UNION SELECT children.family_id, cases.department_id
      FROM cases JOIN children ON children.id = cases.child_id
    UNION SELECT children.family_id, cases.partner_department_id
      FROM cases JOIN children ON children.id = cases.child_id
      WHERE cases.partner_department_id IS NOT NULL
"""


def upgrade():
    op.create_table('family_statements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('contact_person_id', sa.Integer(), nullable=True),
    sa.Column('stated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['contact_person_id'], ['staff_members.id'], name=op.f('fk_family_statements_contact_person_id_staff_members'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_family_statements_department_id_departments')),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], name=op.f('fk_family_statements_family_id_families'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_family_statements')),
    sa.UniqueConstraint('family_id', 'department_id', name=op.f('uq_family_statements_family_id_department_id'))
    )
    with op.batch_alter_table('family_statements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_family_statements_contact_person_id'), ['contact_person_id'], unique=False)

    op.create_table('child_statements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('school', sa.String(length=200), nullable=True),
    sa.Column('stated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['children.id'], name=op.f('fk_child_statements_child_id_children'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_child_statements_department_id_departments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_child_statements')),
    sa.UniqueConstraint('child_id', 'department_id', name=op.f('uq_child_statements_child_id_department_id'))
    )
    op.create_table('guardian_statements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('guardian_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('access_level', sa.String(length=20), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('preferred_language', sa.String(length=2), nullable=False),
    sa.Column('notify_by', sa.String(length=10), nullable=False),
    sa.Column('stated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("access_level IN ('custody', 'information')", name=op.f('ck_guardian_statements_known_access')),
    sa.CheckConstraint("notify_by IN ('email', 'sms', 'none')", name=op.f('ck_guardian_statements_known_channel')),
    sa.CheckConstraint("preferred_language IN ('da', 'en', 'ar')", name=op.f('ck_guardian_statements_known_language')),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_guardian_statements_department_id_departments')),
    sa.ForeignKeyConstraint(['guardian_id'], ['guardians.id'], name=op.f('fk_guardian_statements_guardian_id_guardians'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guardian_statements')),
    sa.UniqueConstraint('guardian_id', 'department_id', name=op.f('uq_guardian_statements_guardian_id_department_id'))
    )
    with op.batch_alter_table('guardian_statements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_guardian_statements_department_id'), ['department_id'], unique=False)

    with op.batch_alter_table('guardians', schema=None) as batch_op:
        batch_op.add_column(sa.Column('contact_chosen_at', sa.DateTime(timezone=True), nullable=True))

    with op.batch_alter_table('children', schema=None) as batch_op:
        batch_op.drop_constraint('uq_children_person_number_hash', type_='unique')
        batch_op.create_index(batch_op.f('ix_children_person_number_hash'), ['person_number_hash'], unique=False)
        batch_op.create_unique_constraint(batch_op.f('uq_children_family_id_person_number_hash'), ['family_id', 'person_number_hash'])

    now = "CURRENT_TIMESTAMP"
    op.execute(f"""
        INSERT INTO family_statements (family_id, department_id, display_name, contact_person_id, stated_at)
        SELECT families.id, involved.department_id, families.display_name, families.contact_person_id, {now}
        FROM families JOIN ({INVOLVED}) AS involved ON involved.family_id = families.id
    """)
    op.execute(f"""
        INSERT INTO child_statements (child_id, department_id, first_name, last_name, birth_date, school, stated_at)
        SELECT children.id, involved.department_id, children.first_name, children.last_name,
               children.birth_date, children.school, {now}
        FROM children JOIN ({INVOLVED}) AS involved ON involved.family_id = children.family_id
    """)
    op.execute(f"""
        INSERT INTO guardian_statements (guardian_id, department_id, name, access_level, email, phone,
                                         preferred_language, notify_by, stated_at)
        SELECT guardians.id, involved.department_id, guardians.name, guardians.access_level,
               guardians.email, guardians.phone, guardians.preferred_language, guardians.notify_by, {now}
        FROM guardians JOIN ({INVOLVED}) AS involved ON involved.family_id = guardians.family_id
    """)


def downgrade():
    with op.batch_alter_table('children', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_children_family_id_person_number_hash'), type_='unique')
        batch_op.drop_index(batch_op.f('ix_children_person_number_hash'))
        batch_op.create_unique_constraint('uq_children_person_number_hash', ['person_number_hash'])

    with op.batch_alter_table('guardians', schema=None) as batch_op:
        batch_op.drop_column('contact_chosen_at')

    with op.batch_alter_table('guardian_statements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_guardian_statements_department_id'))
    op.drop_table('guardian_statements')
    op.drop_table('child_statements')
    with op.batch_alter_table('family_statements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_family_statements_contact_person_id'))
    op.drop_table('family_statements')
