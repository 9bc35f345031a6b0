"""The staff member's start, "Mine familier": the families they work with, the most urgent
first, each saying in words why it is where it is (portal/reads/caseload.py). A form in the
address (GET, so it works without JavaScript and can be bookmarked) narrows the list by
department, case type, overdue deadlines and a family's or child's name; with htmx the list
narrows in place."""

from __future__ import annotations

from flask import g, render_template, request
from flask_babel import lazy_gettext as _l
from wtforms import Form, RadioField, SearchField, SelectChoice, SelectMultipleField
from wtforms.validators import Length, ValidationError

from portal.access import listed
from portal.domain.clocks import copenhagen_today
from portal.extensions import htmx
from portal.i18n import data_text
from portal.models.base import utcnow
from portal.reads.caseload import (
    ASKED_FOR_TIME,
    DUE_SOON,
    LONGEST_SEARCH,
    MEETING_DAYS,
    MEETING_SOON,
    NOTHING_URGENT,
    OVERDUE,
    SOON_DAYS,
    WAITING,
    CaseloadFilter,
    case_types_of,
    load_caseload,
    narrowed,
)
from portal.staff import bp

ALL = ""
OVERDUE_ONLY = "overskredet"


class CaseloadForm(Form):
    """The filters, read from the address. Choices are checked with messages of our own."""

    soeg = SearchField(
        _l("Search by the family's or a child's name"),
        validators=[
            Length(
                max=LONGEST_SEARCH,
                message=_l("Write %(num)s characters or fewer", num=LONGEST_SEARCH),
            )
        ],
    )
    afdeling = RadioField(_l("Department"), default=ALL, validate_choice=False)
    sagstype = RadioField(_l("Case type"), default=ALL, validate_choice=False)
    frist = SelectMultipleField(_l("Deadlines"), validate_choice=False)

    def __init__(self, formdata, types):
        super().__init__(formdata)
        self.afdeling.choices = [
            SelectChoice(ALL, _l("All departments")),
            SelectChoice("buf", "BUF"),
            SelectChoice("sof", "SOF"),
        ]
        self.sagstype.choices = [
            SelectChoice(ALL, _l("All case types")),
            *(SelectChoice(t.code, data_text(t, "name")) for t in types),
        ]
        self.frist.choices = [
            SelectChoice(OVERDUE_ONLY, _l("Only families with a deadline that has passed"))
        ]

    def validate_afdeling(self, field) -> None:
        if field.data not in {choice.value for choice in field.choices}:
            field.data = ALL
            raise ValidationError(_l("Choose a department from the list"))

    def validate_sagstype(self, field) -> None:
        if field.data not in {choice.value for choice in field.choices}:
            field.data = ALL
            raise ValidationError(_l("Choose a case type from the list"))

    def validate_frist(self, field) -> None:
        if any(value != OVERDUE_ONLY for value in field.data or []):
            field.data = []
            raise ValidationError(_l("Choose the deadline filter from the list"))

    def chosen(self) -> CaseloadFilter:
        """The filters that were given right; a wrong one narrows nothing."""
        return CaseloadFilter(
            search="" if self.soeg.errors else (self.soeg.data or "").strip(),
            department=self.afdeling.data or ALL,
            case_type=self.sagstype.data or ALL,
            overdue_only=OVERDUE_ONLY in (self.frist.data or []),
        )


@bp.get("/")
def caseload():
    today = copenhagen_today()
    rows = load_caseload(g.viewer, today, utcnow())
    form = CaseloadForm(request.args, case_types_of(rows))
    valid = form.validate()
    shown = narrowed(rows, form.chosen())
    # The families' names are family data: each family shown sees this look on its access log.
    listed([row.family for row in shown], "staff caseload")
    # htmx swaps only what answers 2xx: in place, the problem shows inside the list instead.
    in_place = bool(htmx) and not htmx.history_restore_request
    template = "staff/_caseload_results.html" if in_place else "staff/caseload.html"
    status = 200 if valid or in_place else 400
    return render_template(
        template,
        form=form,
        rows=shown,
        total=len(rows),
        narrowed=bool(request.args) and len(shown) != len(rows),
        today=today,
        fragment=in_place,
        **URGENCY,
    ), status


# The kinds of urgency, for the template's wording (portal/reads/caseload.py).
URGENCY = {
    "OVERDUE": OVERDUE,
    "DUE_SOON": DUE_SOON,
    "WAITING": WAITING,
    "ASKED_FOR_TIME": ASKED_FOR_TIME,
    "MEETING_SOON": MEETING_SOON,
    "NOTHING_URGENT": NOTHING_URGENT,
    "SOON_DAYS": SOON_DAYS,
    "MEETING_DAYS": MEETING_DAYS,
}
