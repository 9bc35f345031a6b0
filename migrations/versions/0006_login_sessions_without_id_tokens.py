"""login sessions keep the provider's subject for logout, not the ID token with the person number

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 04:00:00

"""
import base64
import json
import re

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def _digits(value):
    return re.sub(r'\D', '', value)


def _subject(id_token):
    """The token's `sub`, unless it holds the person number (any ten-digit text claim)."""
    try:
        payload = id_token.split('.')[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + '=' * (-len(payload) % 4)))
        subject = claims['sub']
    except (AttributeError, IndexError, KeyError, TypeError, ValueError):
        return None
    if not isinstance(subject, str) or not 0 < len(subject) <= 255:
        return None
    numbers = [_digits(v) for v in claims.values() if isinstance(v, str) and len(_digits(v)) == 10]
    return None if any(number in _digits(subject) for number in numbers) else subject


def upgrade():
    with op.batch_alter_table('login_sessions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('logout_hint', sa.String(length=255), nullable=True))
    # Sessions open at the upgrade can still end the provider's session at logout. The subject
    # was checked with the token's signature when the session began.
    sessions = sa.table(
        'login_sessions',
        sa.column('id', sa.Integer),
        sa.column('id_token', sa.Text),
        sa.column('logout_hint', sa.String),
        sa.column('ended_at', sa.DateTime),
    )
    connection = op.get_bind()
    open_rows = connection.execute(
        sa.select(sessions.c.id, sessions.c.id_token).where(
            sessions.c.ended_at.is_(None), sessions.c.id_token.is_not(None)
        )
    ).all()
    for row_id, id_token in open_rows:
        connection.execute(
            sessions.update().where(sessions.c.id == row_id).values(logout_hint=_subject(id_token))
        )
    # Dropping the column drops every stored ID token, and with them the person numbers.
    with op.batch_alter_table('login_sessions', schema=None) as batch_op:
        batch_op.drop_column('id_token')


def downgrade():
    # The ID tokens are gone for good; logout after a downgrade just sends no hint.
    with op.batch_alter_table('login_sessions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('id_token', sa.Text(), nullable=True))
        batch_op.drop_column('logout_hint')
