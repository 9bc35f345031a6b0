"""What the family pages say about a case: the note about a delay and the complaint deadline."""

from datetime import UTC, date, datetime

from portal.domain.explain import case_story
from portal.models import Case, CaseEvent, CaseType, Department, Stage, StageType

TODAY = date(2026, 3, 20)


def make_case(*events: CaseEvent, step_started: date = date(2026, 1, 5)) -> Case:
    """A case (not saved) in its second step, which started on `step_started`."""
    first = StageType(position=1, code="a", name_da="A", citizen_text_da="A", norm_days=7)
    second = StageType(position=2, code="b", name_da="B", citizen_text_da="B", norm_days=30)
    case_type = CaseType(code="t", name_da="T", stage_types=[first, second])
    department = Department(code="sof", name_da="Socialforvaltningen", short_name="SOF")
    return Case(
        department=department,
        case_type=case_type,
        stages=[
            Stage(stage_type=first, started_on=date(2025, 12, 1), ended_on=step_started),
            Stage(stage_type=second, started_on=step_started),
        ],
        events=list(events),
    )


def event(kind: str, at: datetime, text: str, visibility: str = "family") -> CaseEvent:
    return CaseEvent(kind=kind, occurred_at=at, summary_da=text, visibility=visibility)


def test_the_overdue_note_is_the_newest_note_not_the_newest_event():
    case = make_case(
        event("note", datetime(2026, 2, 1, 9, tzinfo=UTC), "Vi mangler svar fra skolen."),
        event("stage", datetime(2026, 3, 1, 9, tzinfo=UTC), "Vi er gået videre."),
        event("decision", datetime(2026, 2, 20, 9, tzinfo=UTC), "Afgørelse."),
        event("note", datetime(2026, 3, 2, 9, tzinfo=UTC), "Intern besked.", "internal"),
    )
    assert case_story(case, TODAY).latest_note.summary_da == "Vi mangler svar fra skolen."


def test_no_note_since_the_step_began_means_no_note_rather_than_the_wrong_one():
    old_note = event("note", datetime(2025, 12, 10, 9, tzinfo=UTC), "Om det første trin.")
    stage_change = event("stage", datetime(2026, 1, 5, 9, tzinfo=UTC), "Nyt trin.")
    assert case_story(make_case(old_note, stage_change), TODAY).latest_note is None


def test_a_note_written_late_on_the_day_the_step_began_counts():
    # 23:30 UTC on 4 January is 00:30 on 5 January in Copenhagen: the step's first day.
    note = event("note", datetime(2026, 1, 4, 23, 30, tzinfo=UTC), "Vi er i gang.")
    assert case_story(make_case(note), TODAY).latest_note is note


def test_the_complaint_window_counts_from_the_decision_day_in_copenhagen():
    # 23:30 UTC on 2 March is 00:30 on 3 March in Copenhagen: the family got it on the 3rd.
    decision = event("decision", datetime(2026, 3, 2, 23, 30, tzinfo=UTC), "Afgørelse.")
    [complaint] = case_story(make_case(decision), TODAY).complaints
    assert complaint.decided_on == date(2026, 3, 3)
    assert complaint.deadline == date(2026, 3, 31)
    assert complaint.body == "ankestyrelsen"  # SOF's decisions go on to Ankestyrelsen
    assert complaint.is_open(date(2026, 3, 31)) and not complaint.is_open(date(2026, 4, 1))


def test_internal_decisions_give_no_complaint_box():
    decision = event("decision", datetime(2026, 3, 2, 9, tzinfo=UTC), "Intern.", "internal")
    assert case_story(make_case(decision), TODAY).complaints == []
