"""A case system's read of a family (its guardians' contact details are personal data) is
written to that family's audit log, like every look through the other doors (access.md API2)."""

from __future__ import annotations

from sqlalchemy import select

from portal.extensions import db
from portal.models import AuditEntry, ExternalReference
from tests.api.conftest import new_family


def reads_of(app, external_id: str) -> list[AuditEntry]:
    with app.app_context():
        family_id = db.session.scalar(
            select(ExternalReference.family_id).filter_by(external_id=external_id)
        )
        rows = db.session.scalars(
            select(AuditEntry).filter_by(family_id=family_id, action="read")
        ).all()
        db.session.remove()
    return rows


def test_reading_a_family_back_is_audited(app, buf):
    family, _ = new_family(buf)
    assert reads_of(app, family) == []
    assert buf.get(f"/families/{family}").status_code == 200
    [entry] = reads_of(app, family)
    assert (entry.actor_kind, entry.actor_department, entry.object_type) == ("api", "buf", "family")


def test_listing_families_audits_each_family_listed(app, buf):
    family, _ = new_family(buf)
    cursor = None
    while True:
        page = buf.get("/families", **({"cursor": cursor} if cursor else {})).json
        if page["next_cursor"] is None:
            break
        cursor = page["next_cursor"]
    assert [e.detail for e in reads_of(app, family)] == ["api: family list"]
