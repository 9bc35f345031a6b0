"""The caseload, "Mine familier" (docs/access.md T1, T5): every family a staff member works
with, the most urgent first, each saying in words why it is there; filters and a search in the
address that work without JavaScript (and narrow in place with htmx), a clear 400 for filters
that make no sense, nothing from a department that gives the staff member nothing, and a cost
that does not grow with the number of families. Texts are read in English: the Danish and
Arabic catalogues come with the merge."""

from __future__ import annotations

from babel.dates import format_date
from sqlalchemy import select
from sqlalchemy.orm import strategies

from portal.domain.clocks import copenhagen_today
from portal.extensions import db
from portal.models import AuditEntry
from tests.integration import caseload_helpers
from tests.integration.caseload_helpers import (
    CaseSpec,
    ChildSpec,
    caseload_rows,
    legal_due,
    started_for_legal_due,
    text_of,
)
from tests.integration.test_family_overview import count_queries

desk = caseload_helpers.desk  # the fixture

CASELOAD = "/medarbejder/"
INVESTIGATION = ("boernefaglig-undersoegelse", "undersoegelse")  # SOF, 4 months in law
PPR = ("ppr-vurdering", "observation-og-samtaler")  # BUF, the municipality's target: 45 days


def english(day) -> str:
    return format_date(day, "d MMMM y", locale="en")


def investigation(days_ago: int, **kwargs) -> CaseSpec:
    return CaseSpec(*INVESTIGATION, days_ago, **kwargs)


def test_the_most_urgent_family_comes_first_and_each_says_why(desk):
    me, subject = desk.new_staff("sof", "Kim Kontakt")
    today = copenhagen_today()
    late_days = 9
    late_start = started_for_legal_due(-late_days)
    soon_start = started_for_legal_due(5)
    calm = desk.family(
        "Familien Ro",
        contact=me,
        children=[ChildSpec("Rasmus", [investigation(10)])],
    )
    legal = desk.family(
        "Familien Lov",
        contact=me,
        children=[ChildSpec("Oliver", [investigation(late_start)])],
    )
    target = desk.family(
        "Familien Mål",
        contact=me,
        children=[ChildSpec("Maja", [CaseSpec(*PPR, 60)])],
    )
    soon = desk.family(
        "Familien Snart",
        contact=me,
        children=[ChildSpec("Sofus", [investigation(soon_start)])],
    )
    writes = desk.family("Familien Skriver", contact=me)
    asks = desk.family("Familien Spørger", contact=me)
    meets = desk.family("Familien Møde", contact=me)
    desk.waiting_message(writes)
    desk.waiting_message(writes)  # the same conversation: still one waiting
    desk.no_time_fits(asks)
    desk.meeting(meets, organizer=me, in_days=2, title="Samtale om Mia")

    html = desk.client(subject).get(CASELOAD).get_data(as_text=True)
    rows = caseload_rows(html)
    assert [family_id for family_id, _ in rows] == [
        f.id for f in (legal, target, soon, writes, asks, meets, calm)
    ]
    said = dict(rows)
    assert (
        "1 deadline has passed: Child welfare assessment, step “Assessment” (Oliver): "
        f"the deadline was {english(legal_due(late_start))}. {late_days} days late. "
        "Deadline in law (Barnets lov § 20, stk. 3)."
    ) in said[legal.id]
    assert "(Maja): the deadline was" in said[target.id]
    assert "15 days late. The municipality's own target, not a deadline in law." in said[target.id]
    assert (
        "1 deadline in the next 14 days: Child welfare assessment, step “Assessment” "
        f"(Sofus): must be done by {english(legal_due(soon_start))}. In 5 days."
    ) in said[soon.id]
    assert "1 conversation is waiting for your answer, the oldest since" in said[writes.id]
    assert (
        f"1 request for another meeting time is not handled: Forælder Test found no time "
        f"that fits, {english(today)}" in said[asks.id]
    )
    assert "1 meeting in the next 7 days: Samtale om Mia" in said[meets.id]
    assert "Nothing urgent right now." in said[calm.id]
    assert "Children: Rasmus Test" in said[calm.id]
    soup_headings = [h for h in ("Needs your attention", "Other families") if h in html]
    assert soup_headings == ["Needs your attention", "Other families"]


def test_case_holders_and_meeting_participants_see_the_family_too(desk):
    """T1: not only the contact person. A participant from the other department's meeting (T3)
    sees that meeting and nothing of the family's children or cases."""
    holder, holder_subject = desk.new_staff("sof", "Hanne Holder")
    guest, guest_subject = desk.new_staff("buf", "Gitte Gæst")
    organizer = desk.colleague("sof")
    family = desk.family(
        "Familien Deler",
        contact=desk.colleague("sof", 1),
        children=[ChildSpec("Ida", [investigation(started_for_legal_due(-3), holder=holder)])],
    )
    desk.meeting(family, organizer=organizer, staff=[guest], title="SOF-møde om Ida", in_days=1)

    held = dict(caseload_rows(desk.client(holder_subject).get(CASELOAD).get_data(as_text=True)))
    assert "1 deadline has passed" in held[family.id] and "(Ida)" in held[family.id]
    assert "Children: Ida Test" in held[family.id]

    guest_client = desk.client(guest_subject)
    seen = dict(caseload_rows(guest_client.get(CASELOAD).get_data(as_text=True)))
    assert list(seen) == [family.id]
    assert "1 meeting in the next 7 days: SOF-møde om Ida" in seen[family.id]
    assert "Ida" not in seen[family.id].replace("SOF-møde om Ida", "")
    assert "deadline" not in seen[family.id]
    found = guest_client.get(CASELOAD, query_string={"soeg": "Ida Test"})
    assert caseload_rows(found.get_data(as_text=True)) == []
    by_name = guest_client.get(CASELOAD, query_string={"soeg": "deler"})
    assert [i for i, _ in caseload_rows(by_name.get_data(as_text=True))] == [family.id]


def test_filters_and_search_narrow_the_list_and_only_what_is_shown_is_logged(app, desk):
    me, subject = desk.new_staff("sof", "Filippa Filter")
    late = started_for_legal_due(-2)
    sof_late = desk.family(
        "Familien Østergård",
        contact=me,
        children=[ChildSpec("Åse", [investigation(late)])],
    )
    buf_only = desk.family(
        "Familien Berg", contact=me, children=[ChildSpec("Bo", [CaseSpec(*PPR, 5)])]
    )
    nothing = desk.family("Familien Tom", contact=me)
    client = desk.client(subject)

    def shown(**filters) -> list[int]:
        answer = client.get(CASELOAD, query_string=filters)
        assert answer.status_code == 200, filters
        return [family_id for family_id, _ in caseload_rows(answer.get_data(as_text=True))]

    assert shown() == [sof_late.id, buf_only.id, nothing.id]
    assert shown(afdeling="sof") == [sof_late.id]
    assert shown(afdeling="buf") == [buf_only.id]
    assert shown(sagstype="ppr-vurdering") == [buf_only.id]
    assert shown(frist="overskredet") == [sof_late.id]
    assert shown(soeg="  østergård ") == [sof_late.id]  # any case, spaces around
    assert shown(soeg="ÅSE") == [sof_late.id]  # a child's name
    assert shown(soeg="bo test") == [buf_only.id]
    assert shown(soeg="Berg", afdeling="sof") == []
    answer = client.get(CASELOAD, query_string={"soeg": "Berg", "afdeling": "sof"})
    assert "No families match." in text_of(answer.get_data(as_text=True))
    assert "0 of 3 families match." in text_of(answer.get_data(as_text=True))

    with app.app_context():
        before = db.session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))
    assert shown(afdeling="buf") == [buf_only.id]
    with app.app_context():
        listed = db.session.scalars(
            select(AuditEntry).where(AuditEntry.id > before, AuditEntry.action == "list")
        ).all()
        assert [(e.family_id, e.actor_name) for e in listed] == [(buf_only.id, "Filippa Filter")]


def test_filters_that_make_no_sense_answer_400_with_an_error_summary(desk):
    me, subject = desk.new_staff("sof")
    family = desk.family("Familien Fejl", contact=me)
    client = desk.client(subject)
    for wrong, message in (
        ({"afdeling": "xyz"}, "Choose a department from the list"),
        ({"sagstype": "<script>"}, "Choose a case type from the list"),
        ({"frist": "igaar"}, "Choose the deadline filter from the list"),
        ({"soeg": "x" * 101}, "Write 100 characters or fewer"),
    ):
        answer = client.get(CASELOAD, query_string=wrong)
        assert answer.status_code == 400, wrong
        html = answer.get_data(as_text=True)
        assert "<title>Error: Your families" in html
        summary = text_of(html.split('id="error-summary"')[1].split("</div>")[0])
        assert message in summary
        assert "<script>" not in html.split("<main")[1]
        # A wrong filter narrows nothing: the list is still there.
        assert [i for i, _ in caseload_rows(html)] == [family.id]


def test_htmx_narrows_the_list_in_place(desk):
    me, subject = desk.new_staff("sof")
    one = desk.family("Familien Et", contact=me)
    desk.family("Familien To", contact=me)
    client = desk.client(subject)
    answer = client.get(CASELOAD, query_string={"soeg": "et"}, headers={"HX-Request": "true"})
    html = answer.get_data(as_text=True)
    assert answer.status_code == 200 and "<html" not in html
    assert [i for i, _ in caseload_rows(html)] == [one.id]
    assert 'id="caseload-count"' in html and 'hx-swap-oob="true"' in html
    assert "1 of 2 families matches." in text_of(html)
    # In place, htmx swaps only what answers 2xx: the problem is said in the list itself.
    wrong = client.get(CASELOAD, query_string={"afdeling": "x"}, headers={"HX-Request": "true"})
    assert wrong.status_code == 200 and "Choose a department from the list" in text_of(
        wrong.get_data(as_text=True)
    )
    full = client.get(CASELOAD, query_string={"soeg": "et"})
    assert "<html" in full.get_data(as_text=True) and 'action="/medarbejder/"' in full.get_data(
        as_text=True
    )


def test_the_caseload_costs_the_same_for_2_and_20_families(app, desk, monkeypatch):
    """Every kind of urgency in every family, so each loader has rows to load. A caseload of 200
    families holds more than a thousand cases and steps: with SQLAlchemy's `selectinload` batch
    of 500 ids shrunk to 3, 20 families show what that many would cost."""
    # SQLAlchemy's own (private) batch size; if it moves, this fails rather than passing idly.
    monkeypatch.setattr(strategies._SelectInLoader, "_chunksize", 3)
    counts = {}
    for size in (2, 20):
        me, subject = desk.new_staff("sof", f"Kim {size}")
        for n in range(size):
            family = desk.family(
                f"Familien Nr {size}-{n}",
                contact=me,
                children=[
                    ChildSpec(f"Barn{n}", [investigation(200), CaseSpec(*PPR, 30)]),
                    ChildSpec(f"Søster{n}", [investigation(10)]),
                ],
            )
            desk.waiting_message(family)
            desk.no_time_fits(family)
            desk.meeting(family, organizer=me, in_days=1 + n % 5)
        client = desk.client(subject)
        client.get(CASELOAD)  # warm-up
        counts[size] = count_queries(app, client, CASELOAD)
        assert len(caseload_rows(client.get(CASELOAD).get_data(as_text=True))) == size
    assert counts[2] == counts[20], counts


def test_another_departments_cases_children_and_meetings_stay_out_of_sight(desk):
    """T2, T4: BUF made a staff member the contact person; SOF did not. What SOF alone knows
    (its case, a child only SOF has stated, its meeting) neither shows nor matches."""
    me, subject = desk.new_staff("buf", "Bente BUF")
    family = desk.family(
        "Familien Todelt",
        contact=me,
        contact_by=("buf",),
        children=[
            ChildSpec("Liva", [investigation(started_for_legal_due(-20)), CaseSpec(*PPR, 5)]),
            ChildSpec("Hemmelig", stated_by=("sof",)),
        ],
    )
    desk.meeting(family, organizer=desk.colleague("sof"), title="SOF alene", in_days=1)
    client = desk.client(subject)
    [(family_id, said)] = caseload_rows(client.get(CASELOAD).get_data(as_text=True))
    assert family_id == family.id
    assert "Children: Liva Test" in said and "Hemmelig" not in said
    assert "Child welfare assessment" not in said and "deadline has passed" not in said
    assert "SOF alene" not in said
    assert "Nothing urgent right now." in said
    for filters in ({"soeg": "Hemmelig"}, {"afdeling": "sof"}, {"frist": "overskredet"}):
        answer = client.get(CASELOAD, query_string=filters)
        assert caseload_rows(answer.get_data(as_text=True)) == [], filters
    assert [
        i
        for i, _ in caseload_rows(
            client.get(CASELOAD, query_string={"afdeling": "buf"}).get_data(as_text=True)
        )
    ] == [family.id]


def test_the_demo_contact_person_finds_the_overdue_family_at_the_top(desk):
    html = desk.client("staff-sara").get(CASELOAD).get_data(as_text=True)
    rows = caseload_rows(html)
    assert rows[0][1].startswith("Familien Hansen")
    assert "1 deadline has passed" in rows[0][1]
    nielsen = next(said for _, said in rows if said.startswith("Familien Nielsen Özdemir"))
    assert "Sofie Nielsen found no time that fits" in nielsen


def test_a_manager_without_families_is_told_how_families_come(desk):
    _, subject = desk.new_staff("sof", "Maria Leder", role="manager")
    answer = desk.client(subject).get(CASELOAD)
    assert answer.status_code == 200
    said = text_of(answer.get_data(as_text=True))
    assert "You are not assigned to any family yet." in said
    assert "when you hold one of its cases" in said


def test_an_old_deadline_ranks_above_a_new_one(desk):
    """Within overdue deadlines: one in law first, then the longest overdue."""
    me, subject = desk.new_staff("sof")
    newer = desk.family(
        "Familien A",
        contact=me,
        children=[ChildSpec("A", [investigation(started_for_legal_due(-2))])],
    )
    older = desk.family(
        "Familien B",
        contact=me,
        children=[ChildSpec("B", [investigation(started_for_legal_due(-30))])],
    )
    target = desk.family("Familien C", contact=me, children=[ChildSpec("C", [CaseSpec(*PPR, 200)])])
    rows = caseload_rows(desk.client(subject).get(CASELOAD).get_data(as_text=True))
    assert [i for i, _ in rows] == [older.id, newer.id, target.id]
