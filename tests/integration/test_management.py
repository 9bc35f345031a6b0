"""The management view (docs/access.md MG1): a manager sees aggregates across both departments,
as charts, tables and CSV files, with no names; a count below 5 reads "under 5" and a median of
fewer than 5 cases is withheld; everyone else gets 404; the cost does not grow with the
number of families.

Each test counts cases of case types of its own, so the demo data and other tests' families
(in the same database) do not change what it looks for."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime, time, timedelta

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select

from portal.domain.clocks import copenhagen_today
from portal.models import AuditEntry, CaseType, StaffMember
from portal.records import cases as case_records
from portal.records import catalogue, families
from portal.records import meetings as meeting_records
from tests.conftest import logged_in_client
from tests.factories import staff_of, unique, writing
from tests.integration.test_family_overview import count_queries

PAGE = "/medarbejder/ledelse"
LABEL_COLUMNS = {"open-cases": 3, "deadlines": 2, "stage-waits": 3, "first-meetings": 2}
CSV_FILES = {
    "open-cases": "/medarbejder/ledelse/aabne-sager.csv",
    "deadlines": "/medarbejder/ledelse/frister.csv",
    "stage-waits": "/medarbejder/ledelse/dage-pr-trin.csv",
    "first-meetings": "/medarbejder/ledelse/dage-til-foerste-moede.csv",
}
MANAGER, CONTACT_PERSON = "staff-birgitte", "staff-sara"
UNDER_5, TOO_FEW = "under 5", "too few cases"


def case_type(session, code: str, name: str):
    """Three steps of 30 days (a service target) each, the last one final."""
    department, _ = staff_of(session, code)
    steps = [
        {
            "code": f"trin-{position}",
            "name": {"da": f"{name} trin {position}"},
            "citizen_text": {"da": "Vi arbejder på sagen."},
            "norm_days": None if position == 3 else 30,
            "deadline_kind": None if position == 3 else "target",
            "final": position == 3,
        }
        for position in (1, 2, 3)
    ]
    with writing(session) as unit:
        return catalogue.add_case_type(
            unit, department, unique("mg"), name={"da": name}, stage_types=steps
        )


def family_with_cases(session, kind: CaseType, name: str, cases: list[dict], meetings=()):
    """One family, one child, and a case of `kind` per entry: {"opened": days ago, "second":
    days ago the second step began (or None), "pause": days ago an open pause began}; and
    meetings as (kind, days ago, status)."""
    today = copenhagen_today()
    department, staff = staff_of(session, kind.department.code)
    steps = kind.stage_types
    with writing(session) as unit:
        family = families.add_family(
            unit, department, display_name=f"Familien {name}", external_id=unique("family")
        )
        child = families.add_child(
            unit,
            family,
            department,
            external_id=unique("child"),
            first_name=f"Pil{name}",
            last_name=name,
            birth_date=today.replace(year=today.year - 9),
        )
        for spec in cases:
            case = case_records.open_case(
                unit,
                department,
                unique("case"),
                child=child,
                case_type=kind,
                opened_on=today - timedelta(days=spec["opened"]),
                holder=staff[0],
            )
            case_records.change_stage(
                unit, case, steps[0], started_on=case.opened_on, holder=staff[0]
            )
            if spec.get("second") is not None:
                started = today - timedelta(days=spec["second"])
                case_records.change_stage(unit, case, steps[1], started_on=started)
            if spec.get("pause") is not None:
                case_records.add_clock_adjustment(
                    unit,
                    case,
                    kind="pause",
                    starts_on=today - timedelta(days=spec["pause"]),
                    reason={"da": "Vi venter på lægen."},
                )
        for meeting_kind, days_ago, status in meetings:
            starts = datetime.combine(today - timedelta(days=days_ago), time(10), UTC)
            meeting_records.plan_meeting(
                unit,
                department,
                family,
                kind=meeting_kind,
                title="Møde om Pil",
                starts_at=starts,
                ends_at=starts + timedelta(hours=1),
                status=status,
            )
    return family


@pytest.fixture(scope="module")
def figures(app):
    """A small case type (BUF, 3 cases) and a bigger one (SOF, 8 cases), with their names."""
    from portal.extensions import db

    with app.app_context():
        session = db.session
        small = case_type(session, "buf", unique("Lillesag"))
        # 3 cases at step 1 since 60 days: all overdue; one coordination meeting for them.
        family_with_cases(
            session,
            small,
            "Smaafolk",
            [{"opened": 60}, {"opened": 61}, {"opened": 62}],
            [("tvaerfagligt", 50, "held")],
        )
        big = case_type(session, "sof", unique("Storsag"))
        # Step 1 took 3, 5, 7, 9, 12, 13, 15 and 17 days (median 10.5). Six cases have been at
        # step 2 for 40 days (overdue, but one clock is paused: 5 overdue), two for 20 days
        # (due in 10 days). The family's first coordination meeting was 2 days ago: the cases
        # waited 33, 35, 41, 43, 45, 47, 50 and 51 days for it (median 44).
        waits = [(40, 3), (40, 5), (40, 7), (40, 9), (40, 12), (40, 13), (20, 15), (20, 17)]
        cases = [{"opened": second + first, "second": second} for second, first in waits]
        cases[5]["pause"] = 10
        family_with_cases(
            session,
            big,
            "Storfamilie",
            cases,
            [
                ("tvaerfagligt", 2, "held"),
                ("tvaerfagligt", 5, "cancelled"),  # not held: does not count
                ("samtale", 10, "held"),  # not a coordination meeting
                ("tvaerfagligt", 70, "held"),  # before the cases were opened
            ],
        )
        names = {"small": small.name_da, "big": big.name_da}
        db.session.remove()
    return names


def manager(app, identity_provider, language="en"):
    return logged_in_client(app, identity_provider, MANAGER, language, door="staff")


def table_rows(html: str, key: str, case_type_name: str) -> list[list[str]]:
    """The table's rows about the case type, each as [department, case type, (step,) values],
    from the group headings ("SOF · case type", or "SOF") and the rows under them."""
    table = BeautifulSoup(html, "html.parser").find(id=f"{key}-table")
    found = []
    for group in table.find_all("tbody"):
        heading, *rows = group.find_all("tr")
        labels = heading.get_text(strip=True).split(" · ")
        for row in rows:
            found.append(
                [*labels, *(c.get_text(" ", strip=True) for c in row.find_all(["th", "td"]))]
            )
    return [row for row in found if row[1] == case_type_name]


def chart_texts(html: str, key: str, case_type_name: str) -> tuple[list[str], int]:
    """The chart's texts about the case type (its rows' labels and values) and how many bars
    it draws for it. Steps are grouped under "department · case type"; otherwise the row
    itself is the case type."""
    chart = BeautifulSoup(html, "html.parser").find(
        "svg", attrs={"aria-labelledby": re.compile(f"^{key}-chart-title")}
    )
    texts, bars, in_group, in_row = [], 0, False, False
    for element in chart.find_all(["text", "rect"]):
        classes = element.get("class", [])
        if "portal-bar-chart__group" in classes:
            in_group = element.get_text().endswith(case_type_name)
            continue
        if "portal-bar-chart__label" in classes:
            in_row = in_group or element.get_text() == case_type_name
        if in_row and element.name == "rect":
            bars += 1
        elif in_row:
            texts.append(element.get_text())
    return texts, bars


def csv_rows(response, case_type_name: str) -> list[list[str]]:
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert re.match(
        r'attachment; filename="familieportalen-[a-z-]+-\d{4}-\d\d-\d\d\.csv"',
        response.headers["Content-Disposition"],
    )
    rows = list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))
    return [row for row in rows[1:] if row[1] == case_type_name]


def no_digit_but_the_5(value: str) -> bool:
    """A value (in a chart after its series' name, e.g. "Due within 14 days: under 5")."""
    return not re.search(r"\d", value.rsplit(": ", 1)[-1].replace(UNDER_5, ""))


def test_a_manager_sees_the_figures_as_charts_tables_and_csv(app, identity_provider, figures):
    client = manager(app, identity_provider)
    start = client.get("/medarbejder/").get_data(as_text=True)
    assert f'href="{PAGE}"' in start  # the start page links to the view
    page = client.get(PAGE)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    big = figures["big"]

    assert table_rows(html, "open-cases", big) == [["SOF", big, f"{big} trin 2", "8"]]
    assert table_rows(html, "deadlines", big) == [["SOF", big, "5", UNDER_5]]
    assert table_rows(html, "stage-waits", big) == [
        ["SOF", big, f"{big} trin 1", "8", "10.5", UNDER_5, TOO_FEW],
        ["SOF", big, f"{big} trin 2", UNDER_5, TOO_FEW, "8", "40"],
    ]
    assert table_rows(html, "first-meetings", big) == [["SOF", big, "8", "44"]]

    # The charts say the same in words beside each bar; a withheld value draws no bar.
    texts, bars = chart_texts(html, "deadlines", big)
    assert texts == [big, "Overdue: 5", f"Due within 14 days: {UNDER_5}"] and bars == 1
    texts, bars = chart_texts(html, "stage-waits", big)
    assert (
        texts
        == [
            f"{big} trin 1",
            "Finished: 10.5",
            f"Open, so far: {TOO_FEW}",
            f"{big} trin 2",
            f"Finished: {TOO_FEW}",
            "Open, so far: 40",
        ]
        and bars == 2
    )
    soup = BeautifulSoup(html, "html.parser")
    for chart in soup.find_all("svg"):
        assert chart["role"] == "img"
        title = soup.find(id=chart["aria-labelledby"].split()[0])
        assert title.name == "title" and title.get_text()
    for table in soup.find_all("table"):
        assert table.caption.get_text(strip=True)
        assert all(th.get("scope") in ("col", "row", "rowgroup") for th in table.find_all("th"))

    # The CSV files hold the same values, "under 5" as words.
    assert csv_rows(client.get(CSV_FILES["deadlines"]), big) == [["SOF", big, "5", UNDER_5]]
    assert csv_rows(client.get(CSV_FILES["stage-waits"]), big) == [
        ["SOF", big, f"{big} trin 1", "8", "10.5", UNDER_5, TOO_FEW],
        ["SOF", big, f"{big} trin 2", UNDER_5, TOO_FEW, "8", "40"],
    ]
    assert csv_rows(client.get(CSV_FILES["first-meetings"]), big) == [["SOF", big, "8", "44"]]

    # In Danish the numbers are written the Danish way.
    danish = manager(app, identity_provider, "da").get(PAGE).get_data(as_text=True)
    assert table_rows(danish, "first-meetings", big)[0][2:] == ["8", "44"]
    assert table_rows(danish, "stage-waits", big)[0][4] == "10,5"


def test_a_small_group_never_shows_a_count_below_5(app, identity_provider, figures):
    """access.md MG1: a case type with 3 cases shows "under 5" everywhere, never the digit."""
    client = manager(app, identity_provider)
    html = client.get(PAGE).get_data(as_text=True)
    small = figures["small"]
    for key, labels in LABEL_COLUMNS.items():
        rows = table_rows(html, key, small)
        assert rows, key
        values = [value for row in rows for value in row[labels:]]
        texts, bars = chart_texts(html, key, small)
        texts = [text for text in texts if not text.startswith(small)]  # the rows' labels
        downloaded = csv_rows(client.get(CSV_FILES[key]), small)
        csv_values = [value for row in downloaded for value in row[labels:]]
        assert bars == 0, key  # a bar's length would tell the number
        assert values and texts and csv_values, key
        for value in values + texts + csv_values:
            assert no_digit_but_the_5(value), (key, value)
        assert UNDER_5 in values and UNDER_5 in csv_values
    assert table_rows(html, "open-cases", small)[0][3] == UNDER_5
    assert table_rows(html, "first-meetings", small) == [["BUF", small, UNDER_5, TOO_FEW]]


def test_the_figures_name_no_family_or_child(app, identity_provider, figures):
    client = manager(app, identity_provider)
    shown = client.get(PAGE).get_data(as_text=True)
    shown += "".join(client.get(url).get_data(as_text=True) for url in CSV_FILES.values())
    for name in ("Smaafolk", "Storfamilie", "PilSmaafolk", "Familien Hansen", "Møde om Pil"):
        assert name not in shown


def test_only_an_active_manager_opens_the_figures(app, identity_provider, figures, session):
    contact = logged_in_client(app, identity_provider, CONTACT_PERSON, "en", door="staff")
    assert f'href="{PAGE}"' not in contact.get("/medarbejder/").get_data(as_text=True)
    for url in (PAGE, *CSV_FILES.values()):
        assert contact.get(url).status_code == 404, url
    parent = logged_in_client(app, identity_provider, "guardian-hansen-1")
    assert parent.get(PAGE).status_code == 404

    # Each look is audited, about no family.
    client = manager(app, identity_provider)
    client.get(PAGE)
    client.get(CSV_FILES["deadlines"])
    birgitte = session.scalar(select(StaffMember).where(StaffMember.subject.like("%:birgitte")))
    looks = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.actor_id == birgitte.id, AuditEntry.object_type == "management")
        .order_by(AuditEntry.id.desc())
        .limit(2)
    ).all()
    assert [(e.action, e.family_id, e.detail) for e in looks] == [
        ("read", None, "management figures, CSV deadlines"),
        ("read", None, "management figures"),
    ]


def test_the_cost_does_not_grow_with_the_number_of_families(app, identity_provider, session):
    client = manager(app, identity_provider)
    kind = case_type(session, "sof", unique("Vækstsag"))
    family_with_cases(session, kind, "Vækst0", [{"opened": 30}], [("tvaerfagligt", 1, "held")])
    client.get(PAGE)  # warm-up
    few = count_queries(app, client, PAGE), count_queries(app, client, CSV_FILES["deadlines"])
    for n in range(1, 7):
        family_with_cases(
            session,
            kind,
            f"Vækst{n}",
            [{"opened": 30 + n, "second": 10}, {"opened": 20 + n, "pause": 5}],
            [("tvaerfagligt", 3, "held")],
        )
    many = count_queries(app, client, PAGE), count_queries(app, client, CSV_FILES["deadlines"])
    assert few == many
    html = client.get(PAGE).get_data(as_text=True)
    assert table_rows(html, "first-meetings", kind.name_da)[0][2] == "13"
