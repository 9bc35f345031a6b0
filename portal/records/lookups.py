"""Finding records by the keys case systems use, with a per-transaction cache, so a batch of a
thousand operations loads what it needs in a few queries instead of thousands."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from portal.models import (
    Case,
    CaseEvent,
    CaseType,
    Child,
    ChildOffer,
    Department,
    ExternalReference,
    GlossaryTerm,
    Meeting,
    Offer,
    StaffMember,
)

_MISSING = object()


class Lookups:
    def __init__(self, session: Session):
        self.session = session
        self._rows: dict[tuple, object] = {}

    def _cached(self, key: tuple, statement: Callable[[], Select]):
        """The cached row for `key`, else the result of the (lazily built) statement."""
        row = self._rows.get(key, _MISSING)
        if row is _MISSING:
            row = self.session.scalar(statement())
            self._rows[key] = row
        return row

    def remember(self, key: tuple, row) -> None:
        """Register a row created in this transaction under its lookup key."""
        self._rows[key] = row

    def department(self, code: str) -> Department:
        return self._cached(("department", code), lambda: select(Department).filter_by(code=code))

    def family_ref(self, department_id: int, external_id: str) -> ExternalReference | None:
        return self._cached(
            ("ref", department_id, "family", external_id),
            lambda: select(ExternalReference).filter_by(
                department_id=department_id, kind="family", external_id=external_id
            ),
        )

    def child_ref(self, department_id: int, external_id: str) -> ExternalReference | None:
        return self._cached(
            ("ref", department_id, "child", external_id),
            lambda: select(ExternalReference).filter_by(
                department_id=department_id, kind="child", external_id=external_id
            ),
        )

    def ref_of(self, department_id: int, kind: str, target_id: int) -> ExternalReference | None:
        """A department's own reference to a family or child, if it has one."""
        column = ExternalReference.family_id if kind == "family" else ExternalReference.child_id
        return self._cached(
            ("ref-of", department_id, kind, target_id),
            lambda: select(ExternalReference).where(
                ExternalReference.department_id == department_id, column == target_id
            ),
        )

    def children_by_hashes(self, person_number_hashes: list[str]) -> list[Child]:
        """Children anywhere in the portal with these person numbers, oldest rows first."""
        if not person_number_hashes:
            return []
        return self.session.scalars(
            select(Child)
            .where(Child.person_number_hash.in_(person_number_hashes))
            .order_by(Child.id)
        ).all()

    def staff(self, department_id: int, external_id: str) -> StaffMember | None:
        return self._cached(
            ("staff", department_id, external_id),
            lambda: select(StaffMember).filter_by(
                department_id=department_id, external_id=external_id
            ),
        )

    def case_type(self, code: str) -> CaseType | None:
        return self._cached(("case_type", code), lambda: select(CaseType).filter_by(code=code))

    def offer(self, code: str) -> Offer | None:
        return self._cached(("offer", code), lambda: select(Offer).filter_by(code=code))

    def glossary_term(self, slug: str) -> GlossaryTerm | None:
        return self._cached(("term", slug), lambda: select(GlossaryTerm).filter_by(slug=slug))

    def case(self, department_id: int, external_id: str) -> Case | None:
        return self._cached(
            ("case", department_id, external_id),
            lambda: select(Case).filter_by(department_id=department_id, external_id=external_id),
        )

    def event(self, case_id: int, external_id: str) -> CaseEvent | None:
        return self._cached(
            ("event", case_id, external_id),
            lambda: select(CaseEvent).filter_by(case_id=case_id, external_id=external_id),
        )

    def meeting(self, department_id: int, external_id: str) -> Meeting | None:
        return self._cached(
            ("meeting", department_id, external_id),
            lambda: select(Meeting).filter_by(department_id=department_id, external_id=external_id),
        )

    def child_offer(self, department_id: int, external_id: str) -> ChildOffer | None:
        return self._cached(
            ("child_offer", department_id, external_id),
            lambda: select(ChildOffer).filter_by(
                department_id=department_id, external_id=external_id
            ),
        )

    # Batches: load everything a list of operations will ask for in one query per kind.

    def prefetch_cases(self, department_id: int, external_ids: Iterable[str]) -> None:
        wanted = {e for e in external_ids if ("case", department_id, e) not in self._rows}
        if not wanted:
            return
        rows = self.session.scalars(
            select(Case)
            .where(Case.department_id == department_id, Case.external_id.in_(wanted))
            .options(selectinload(Case.child))
        ).all()
        found = {row.external_id: row for row in rows}
        for external_id in wanted:
            self._rows[("case", department_id, external_id)] = found.get(external_id)

    def prefetch_events(self, keys: Iterable[tuple[int, str]]) -> None:
        wanted = {k for k in keys if ("event", *k) not in self._rows}
        if not wanted:
            return
        rows = self.session.scalars(
            select(CaseEvent).where(
                CaseEvent.case_id.in_({case_id for case_id, _ in wanted}),
                CaseEvent.external_id.in_({external_id for _, external_id in wanted}),
            )
        ).all()
        found = {(row.case_id, row.external_id): row for row in rows}
        for key in wanted:
            self._rows[("event", *key)] = found.get(key)
