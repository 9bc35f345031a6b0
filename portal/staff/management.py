"""The management view (docs/access.md MG1): four figures across both departments, each as a
bar chart with its table beside it and as a CSV file. Only aggregates, never a name; a count
below 5 reads "under 5" and a median of fewer than 5 cases "too few cases" (the read layer,
portal/reads/management.py, withholds them before they get here)."""

from __future__ import annotations

import csv
import io
import textwrap
from dataclasses import dataclass
from itertools import groupby

from babel.numbers import format_decimal
from flask import Response, g, render_template
from flask_babel import gettext as _

from portal.access import management_for, sees_management
from portal.domain.clocks import copenhagen_today
from portal.i18n import current_language, format_locale
from portal.reads.management import Count, ManagementFigures, Median, management_figures
from portal.staff import bp

# A CSV cell starting like this would run as a formula in a spreadsheet (OWASP: CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters on one line of a chart's label: about 300 px of 14 px text, inside a phone's width.
CHART_LINE = 38


@dataclass(frozen=True)
class Cell:
    text: str  # as the page shows it: a number in the reader's format, or words
    csv: str  # as the CSV holds it: plain digits (a point for decimals), or the same words
    number: float | None  # the bar's length; None when withheld (no bar is drawn)


@dataclass(frozen=True)
class Row:
    labels: tuple[str, ...]  # department, case type (, step)
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class ChartGroup:
    """A group of bars in a chart. SVG text does not wrap, so labels come as lines short
    enough for a phone's width (`CHART_LINE` characters)."""

    lines: list[str]  # department and case type
    rows: list[tuple[list[str], tuple[Cell, ...]]]  # (the row's label lines, its charted cells)


@dataclass(frozen=True)
class Figure:
    key: str
    title: str
    explanation: str
    label_headers: tuple[str, ...]
    value_headers: tuple[str, ...]
    charted: tuple[int, ...]  # the value columns drawn as bars
    rows: list[Row]
    csv_endpoint: str
    csv_name: str
    chart_series: tuple[str, ...] = ()  # shorter names for the bars than the columns' own

    @property
    def series(self) -> list[str]:
        return list(self.chart_series) or [self.value_headers[i] for i in self.charted]

    @property
    def groups(self) -> list[tuple[str, list[Row]]]:
        """Rows under a heading of all their labels but the last (e.g. "BUF · PPR-vurdering"),
        so the table beside the chart needs only one column of labels."""
        return [
            (" · ".join(labels), list(rows))
            for labels, rows in groupby(self.rows, key=lambda row: row.labels[:-1])
        ]

    @property
    def chart_groups(self) -> list[ChartGroup]:
        return [
            ChartGroup(
                _lines(label),
                [(_lines(r.labels[-1]), tuple(r.cells[i] for i in self.charted)) for r in rows],
            )
            for label, rows in self.groups
        ]

    @property
    def chart_max(self) -> float:
        """The longest bar's value: every bar is drawn in proportion to it."""
        numbers = [row.cells[i].number for row in self.rows for i in self.charted]
        return max((n for n in numbers if n), default=1.0)

    def csv_text(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow([*self.label_headers, *self.value_headers])
        for row in self.rows:
            writer.writerow([*(_safe(label) for label in row.labels), *(c.csv for c in row.cells)])
        return "\ufeff" + out.getvalue()  # the byte order mark tells spreadsheets it is UTF-8


def _lines(label: str) -> list[str]:
    return textwrap.wrap(label, CHART_LINE) or [""]


def _safe(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text


def _number(value: float) -> str:
    return format_decimal(round(value, 1), format="#,##0.#", locale=format_locale())


def count_cell(count: Count) -> Cell:
    if count.shown is None:
        under = _("under 5")
        return Cell(under, under, None)
    return Cell(_number(count.shown), str(count.shown), float(count.shown))


def median_cell(median: Median) -> Cell:
    if median.days is None:
        few = _("too few cases")
        return Cell(few, few, None)
    return Cell(_number(median.days), f"{round(median.days, 1):g}", median.days)


def figures_of(found: ManagementFigures) -> list[Figure]:
    language = current_language()

    def names(row, *parts: str) -> tuple[str, ...]:
        named = (row.department.short_name, row.case_type.localized("name", language))
        if "stage" in parts:
            named += (row.stage_type.localized("name", language),)
        return named

    department, case_type, step = _("Department"), _("Case type"), _("Step")
    return [
        Figure(
            "open-cases",
            _("Open cases per step"),
            _(
                "Cases that are not closed, counted at the step they are at today. "
                "A joint case counts in the department that leads it."
            ),
            (department, case_type, step),
            (_("Open cases"),),
            (0,),
            [Row(names(r, "stage"), (count_cell(r.open_cases),)) for r in found.open_cases],
            "staff.management_open_cases_csv",
            "aabne-sager-pr-trin",
        ),
        Figure(
            "deadlines",
            _("Deadlines overdue or due within 14 days"),
            _(
                "Open cases whose step has a deadline in law or a service target. "
                "A deadline on pause counts as neither: its date moves while the pause lasts."
            ),
            (department, case_type),
            (_("Overdue"), _("Due within 14 days")),
            (0, 1),
            [
                Row(names(r), (count_cell(r.overdue), count_cell(r.due_soon)))
                for r in found.deadlines
            ],
            "staff.management_deadlines_csv",
            "frister",
        ),
        Figure(
            "stage-waits",
            _("Median days at each step"),
            _(
                "Finished steps: days from the start to the end of the step. Open steps: days "
                "from the start until today, in cases that are not closed. The last step, when "
                "a case is closed, is not counted."
            ),
            (department, case_type, step),
            (
                _("Finished steps"),
                _("Median days, finished steps"),
                _("Open steps"),
                _("Median days so far, open steps"),
            ),
            (1, 3),
            [
                Row(
                    names(r, "stage"),
                    (
                        count_cell(r.finished.cases),
                        median_cell(r.finished),
                        count_cell(r.ongoing.cases),
                        median_cell(r.ongoing),
                    ),
                )
                for r in found.stage_waits
            ],
            "staff.management_stage_waits_csv",
            "dage-pr-trin",
            (_("Finished"), _("Open, so far")),
        ),
        Figure(
            "first-meetings",
            _("Days from referral to the first coordination meeting"),
            _(
                "From the day a case was opened to the family's first coordination meeting "
                "on or after that day (not cancelled). Cases still waiting for one are not "
                "counted."
            ),
            (department, case_type),
            (_("Cases with a meeting"), _("Median days")),
            (1,),
            [
                Row(names(r), (count_cell(r.waited.cases), median_cell(r.waited)))
                for r in found.first_meetings
            ],
            "staff.management_first_meetings_csv",
            "dage-til-foerste-moede",
        ),
    ]


@bp.context_processor
def management_link() -> dict:
    """The staff start page links to the figures for those who may see them (MG1)."""
    return {"sees_management": sees_management(g.get("viewer"))}


@bp.get("/ledelse")
def management():
    management_for("management figures")
    found = management_figures(copenhagen_today())
    return render_template("staff/management.html", figures=figures_of(found), today=found.today)


def _download(key: str) -> Response:
    management_for(f"management figures, CSV {key}")
    found = management_figures(copenhagen_today())
    figure = next(f for f in figures_of(found) if f.key == key)
    response = Response(figure.csv_text(), mimetype="text/csv")
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    name = f"familieportalen-{figure.csv_name}-{found.today.isoformat()}.csv"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@bp.get("/ledelse/aabne-sager.csv")
def management_open_cases_csv():
    return _download("open-cases")


@bp.get("/ledelse/frister.csv")
def management_deadlines_csv():
    return _download("deadlines")


@bp.get("/ledelse/dage-pr-trin.csv")
def management_stage_waits_csv():
    return _download("stage-waits")


@bp.get("/ledelse/dage-til-foerste-moede.csv")
def management_first_meetings_csv():
    return _download("first-meetings")
