"""From the ids a department's case system uses to the portal's rows: the API's one place for
looking rows up by a department's external ids (and by person number, as the API matches
people), with the refusals the API answers when an id is unknown.

The records functions (portal/records) take the rows found here. Lookups are cached for the
transaction, so a batch of a thousand operations loads what it needs in a few queries instead
of thousands; a row created in the transaction is remembered under its key (`remember`).
"""

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
    ClockAdjustment,
    Department,
    ExternalReference,
    Family,
    GlossaryTerm,
    Guardian,
    Meeting,
    Offer,
    StaffMember,
    Stage,
    StageType,
)
from portal.records import NotFound, UnitOfWork, invalid
from portal.records.cases import NOT_A_STAGE_TYPE, NOT_OWN_CASE_TYPE, NOT_OWN_STAFF
from portal.records.child_offers import NOT_IN_CATALOGUE
from portal.records.meetings import NOT_A_GUARDIAN, NOT_OWN_CASE
from portal.records.unit import Actor, require_own

_MISSING = object()
NO_FAMILY = "no family with this external id for your department"
NO_CASE = "no case with this external id in your department"


class Rows:
    """The rows a department's client names, found for one transaction (`Rows.of(unit)` for
    a write, `Rows(session, actor)` for a read)."""

    def __init__(
        self,
        session: Session,
        actor: Actor,
        unit: UnitOfWork | None = None,
        department: Department | None = None,
    ):
        self.session = session
        self.actor = actor
        self.unit = unit
        self._rows: dict[tuple, object] = {}
        if department is not None:
            self._rows[("department", department.code)] = department

    @classmethod
    def of(cls, unit: UnitOfWork, department: Department | None = None) -> Rows:
        """The rows for a write in `unit`; `department` is the client's own, if already loaded."""
        return cls(unit.session, unit.actor, unit, department)

    @property
    def own(self) -> int:
        """The id of the client's department: every external id is one of its ids."""
        return self.actor.department_id

    def _cached(self, key: tuple, statement: Callable[[], Select]):
        """The cached row for `key`, else the result of the (lazily built) statement."""
        row = self._rows.get(key, _MISSING)
        if row is _MISSING:
            row = self.session.scalar(statement())
            self._rows[key] = row
        return row

    def remember(self, row) -> None:
        """Register a row created in this transaction, so the next lookup finds it."""
        self._rows[_key_of(row)] = row

    # Departments: the client's own, and others named by code.

    def department(self, code: str) -> Department:
        return self._cached(("department", code), lambda: select(Department).filter_by(code=code))

    def own_department(self, code: str | None = None) -> Department:
        """The client's own department; `code` (from the path) must name it, or 403."""
        if code is not None:
            require_own(self.actor, code)
        key = ("department", self.actor.department_code)
        if key not in self._rows:
            self._rows[key] = self.session.get(Department, self.actor.department_id)
        return self._rows[key]

    # Lookups: the row, or None when the department has no such id.

    def family_ref(self, external_id: str) -> ExternalReference | None:
        return self._cached(
            ("ref", self.own, "family", external_id),
            lambda: select(ExternalReference).filter_by(
                department_id=self.own, kind="family", external_id=external_id
            ),
        )

    def child_ref(self, external_id: str) -> ExternalReference | None:
        return self._cached(
            ("ref", self.own, "child", external_id),
            lambda: select(ExternalReference).filter_by(
                department_id=self.own, kind="child", external_id=external_id
            ),
        )

    def ref_of(self, kind: str, target_id: int) -> ExternalReference | None:
        """The department's own reference to a family or child, if it has one."""
        column = ExternalReference.family_id if kind == "family" else ExternalReference.child_id
        return self._cached(
            ("ref-of", self.own, kind, target_id),
            lambda: select(ExternalReference).where(
                ExternalReference.department_id == self.own, column == target_id
            ),
        )

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

    def case(self, external_id: str) -> Case | None:
        return self._cached(
            ("case", self.own, external_id),
            lambda: select(Case).filter_by(department_id=self.own, external_id=external_id),
        )

    def event(self, case: Case, external_id: str) -> CaseEvent | None:
        if case.id is None:  # a case new in this transaction has no events yet
            return None
        return self._cached(
            ("event", case.id, external_id),
            lambda: select(CaseEvent).filter_by(case_id=case.id, external_id=external_id),
        )

    def clock_adjustment(self, case: Case, external_id: str) -> ClockAdjustment | None:
        return self.session.scalar(
            select(ClockAdjustment)
            .join(Stage)
            .where(Stage.case_id == case.id, ClockAdjustment.external_id == external_id)
        )

    def meeting(self, external_id: str) -> Meeting | None:
        return self._cached(
            ("meeting", self.own, external_id),
            lambda: select(Meeting).filter_by(department_id=self.own, external_id=external_id),
        )

    def child_offer(self, external_id: str) -> ChildOffer | None:
        return self._cached(
            ("child_offer", self.own, external_id),
            lambda: select(ChildOffer).filter_by(department_id=self.own, external_id=external_id),
        )

    # Finding what a request names, or answering why not (404 for the address, 422 for a field).

    def family(self, external_id: str) -> Family:
        ref = self.family_ref(external_id)
        if ref is None:
            raise NotFound(NO_FAMILY)
        return ref.family

    def family_field(self, external_id: str, field: str = "family_id") -> Family:
        ref = self.family_ref(external_id)
        if ref is None:
            raise invalid(field, NO_FAMILY)
        return ref.family

    def child(self, external_id: str, field: str | tuple = "child_id") -> Child:
        ref = self.child_ref(external_id)
        if ref is None:
            raise invalid(field, "no child with this external id for your department")
        return ref.child

    def case_in(self, department: str, external_id: str) -> Case:
        """The case at /departments/{department}/cases/{case}."""
        require_own(self.actor, department)
        case = self.case(external_id)
        if case is None:
            raise NotFound(NO_CASE)
        return case

    def case_field(self, external_id: str, field: str = "case_id") -> Case:
        case = self.case(external_id)
        if case is None:
            raise invalid(field, NOT_OWN_CASE)
        return case

    def own_staff(self, external_id: str, field: str | tuple) -> StaffMember:
        staff = self.staff(self.own, external_id)
        if staff is None:
            raise invalid(field, NOT_OWN_STAFF)
        return staff

    def holder(self, holder: dict | None) -> tuple[StaffMember | None, str | None]:
        """Who holds a case or stage: a staff member of the department and/or a team."""
        if holder is None:
            return None, None
        staff = None
        if holder.get("staff_id") is not None:
            staff = self.own_staff(holder["staff_id"], ("holder", "staff_id"))
        return staff, holder.get("team")

    def own_case_type(self, code: str) -> CaseType:
        case_type = self.case_type(code)
        if case_type is None:
            raise invalid("case_type", NOT_OWN_CASE_TYPE)
        return case_type

    def stage_type(self, case: Case, code: str) -> StageType:
        found = next((t for t in case.case_type.stage_types if t.code == code), None)
        if found is None:
            raise invalid("stage_type", NOT_A_STAGE_TYPE)
        return found

    def catalogue_offer(self, code: str) -> Offer:
        offer = self.offer(code)
        if offer is None:
            raise invalid("offer", NOT_IN_CATALOGUE)
        return offer

    # People, matched by person number (sent only in request bodies, kept only as a hash).

    def person_hashes(self, people: list[dict], field: str) -> list[str]:
        """The keyed hashes of the listed people's person numbers; a person listed twice is
        refused."""
        hashes = [self.unit.person_hash(person["person_number"]) for person in people]
        seen: set[str] = set()
        for index, hashed in enumerate(hashes):
            if hashed in seen:
                raise invalid((field, index, "person_number"), "this person is listed twice")
            seen.add(hashed)
        return hashes

    def family_to_join(self, child_hashes: list[str]) -> Family | None:
        """A family new to the department joins the portal's family of the first listed child
        that is already known, unless the department already has its own id for that family
        (docs/access.md, S2)."""
        if not child_hashes:
            return None
        children = self.session.scalars(
            select(Child).where(Child.person_number_hash.in_(child_hashes)).order_by(Child.id)
        ).all()
        for child in children:
            if self.ref_of("family", child.family_id) is None:
                return child.family
        return None

    def participants(self, family: Family, people: list[dict]) -> list[dict]:
        """Meeting participants from the request: staff of either department by their
        department's id, guardians of this family the department has stated by person number,
        or others by name. Whether the other department knows a person number must not show in
        the answer (docs/access.md, S4)."""
        found: list[dict] = []
        guardians = None
        for index, person in enumerate(people):
            values: dict = {"role": person.get("role")}
            if person["kind"] == "staff":
                department = self.department(person["department"])
                staff = self.staff(department.id, person["staff_id"])
                if staff is None:
                    raise invalid(
                        ("participants", index, "staff_id"), "no staff member with this id"
                    )
                values["staff"] = staff
            elif person["kind"] == "guardian":
                if guardians is None:
                    guardians = self._stated_guardians(family)
                guardian = guardians.get(self.unit.person_hash(person["person_number"]))
                if guardian is None:
                    raise invalid(("participants", index, "person_number"), NOT_A_GUARDIAN)
                values["guardian"] = guardian
            else:
                values["name"] = person["name"]
            found.append(values)
        return found

    def _stated_guardians(self, family: Family) -> dict[str, Guardian]:
        return {
            g.person_number_hash: g
            for g in family.guardians
            if any(s.department_id == self.own for s in g.statements)
        }

    # Reading back: the department's own rows only; another's answer 404 like unknown ones.

    def family_reference(self, external_id: str) -> ExternalReference:
        ref = self.family_ref(external_id)
        if ref is None:
            raise NotFound(NO_FAMILY)
        return ref

    def case_event_in(self, department: str, case_id: str, external_id: str) -> CaseEvent:
        case = self.case_in(department, case_id)
        event = self.event(case, external_id)
        if event is None:
            raise NotFound("no event with this external id in this case")
        return event

    def meeting_in(self, department: str, external_id: str) -> Meeting:
        require_own(self.actor, department)
        meeting = self.meeting(external_id)
        if meeting is None:
            raise NotFound("no meeting with this external id in your department")
        return meeting

    def child_offer_in(self, department: str, external_id: str) -> ChildOffer:
        require_own(self.actor, department)
        row = self.child_offer(external_id)
        if row is None:
            raise NotFound("no child offer with this external id in your department")
        return row

    def staff_in(self, department: str, external_id: str) -> StaffMember:
        require_own(self.actor, department)
        staff = self.staff(self.own, external_id)
        if staff is None:
            raise NotFound("no staff member with this external id in your department")
        return staff

    def child_ids(self, child_ids: list[int]) -> dict[int, str]:
        """The department's own ids for these children (children it never named are left out)."""
        if not child_ids:
            return {}
        found = self.session.execute(
            select(ExternalReference.child_id, ExternalReference.external_id).where(
                ExternalReference.department_id == self.own,
                ExternalReference.child_id.in_(child_ids),
            )
        )
        return dict(found.all())

    # Batches: load everything a list of operations will ask for in one query per kind.

    def prefetch_cases(self, external_ids: Iterable[str]) -> None:
        wanted = {e for e in external_ids if ("case", self.own, e) not in self._rows}
        if not wanted:
            return
        found = self.session.scalars(
            select(Case)
            .where(Case.department_id == self.own, Case.external_id.in_(wanted))
            .options(selectinload(Case.child))
        ).all()
        by_id = {row.external_id: row for row in found}
        for external_id in wanted:
            self._rows[("case", self.own, external_id)] = by_id.get(external_id)

    def prefetch_events(self, keys: Iterable[tuple[int, str]]) -> None:
        wanted = {k for k in keys if ("event", *k) not in self._rows}
        if not wanted:
            return
        found = self.session.scalars(
            select(CaseEvent).where(
                CaseEvent.case_id.in_({case_id for case_id, _ in wanted}),
                CaseEvent.external_id.in_({external_id for _, external_id in wanted}),
            )
        ).all()
        by_key = {(row.case_id, row.external_id): row for row in found}
        for key in wanted:
            self._rows[("event", *key)] = by_key.get(key)


def _key_of(row) -> tuple:
    """The cache key a lookup uses for `row` (see the methods above)."""
    match row:
        case ExternalReference():
            return ("ref", row.department_id, row.kind, row.external_id)
        case Case() | Meeting() | ChildOffer() | StaffMember():
            kind = {Case: "case", Meeting: "meeting", ChildOffer: "child_offer"}.get(
                type(row), "staff"
            )
            return (kind, row.department_id, row.external_id)
        case CaseEvent():
            case_id = row.case_id if row.case_id is not None else row.case.id
            return ("event", case_id, row.external_id)
        case CaseType() | Offer():
            return ("case_type" if isinstance(row, CaseType) else "offer", row.code)
        case GlossaryTerm():
            return ("term", row.slug)
    raise TypeError(f"no lookup for {type(row).__name__}")
