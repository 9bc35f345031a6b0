"""A family's conversations in the staff pages (docs/access.md M3): every conversation of a
family the staff member works with (T1), with what they have not read and which wait for an
answer; one conversation with its messages and an answer form. Opening a conversation marks it
read for this staff member, after the page is made. An answer tells the parents who can read
the conversation that there is an answer, never what it says (M4, through the outbox)."""

from __future__ import annotations

from flask import flash, g, redirect, render_template, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length

from portal.access import family_for, thread_for
from portal.extensions import db
from portal.forms import PortalForm, stripped
from portal.rate_limits import per_person_and_address
from portal.reads.conversations import (
    THREAD_PAGE,
    conversation_counts,
    family_threads,
    last_read,
)
from portal.records import RecordError, unit_of_work
from portal.records.conversations import LONGEST_MESSAGE, mark_thread_read, write_message
from portal.records.staff import staff_actor
from portal.staff import bp


class AnswerForm(PortalForm):
    body = TextAreaField(
        _l("Your answer"),
        validators=[
            DataRequired(_l("Write your answer")),
            Length(
                max=LONGEST_MESSAGE,
                message=_l("Write %(num)s characters or fewer", num=LONGEST_MESSAGE),
            ),
        ],
        filters=[stripped],
    )


@bp.get("/familier/<id:family_id>/beskeder")
def family_messages(family_id: int):
    access, _ = family_for(family_id, "staff conversations", case_content=True)  # M3
    return render_template("staff/messages/list.html", access=access, lines=family_threads(access))


@bp.route("/familier/<id:family_id>/beskeder/<id:thread_id>", methods=["GET", "POST"])
@per_person_and_address("messages", "MESSAGE_RATE_LIMIT", "FORM_ADDRESS_RATE_LIMIT")
def family_thread(family_id: int, thread_id: int):
    access, conversation = thread_for(
        family_id, thread_id, "staff conversation", options=THREAD_PAGE
    )
    form = AnswerForm()
    if form.is_submitted():
        if not form.validate_on_submit():
            return page(access, conversation, form), 400
        staff = g.viewer.staff
        try:
            with unit_of_work(db.session, staff_actor(staff)) as unit:
                sent = write_message(unit, conversation, staff, form.body.data)
        except RecordError as refusal:
            access, conversation = thread_for(
                family_id, thread_id, "staff conversation: refused", options=THREAD_PAGE
            )
            form.form_errors.append(gettext("We could not send your answer. Please try again."))
            return page(access, conversation, form), refusal.status
        flash(
            gettext("Your answer is sent. We tell the parents that there is an answer."), "success"
        )
        return redirect(
            url_for(
                "staff.family_thread",
                family_id=family_id,
                thread_id=thread_id,
                _anchor=f"message-{sent.id}",
            ),
            code=303,
        )
    html = page(access, conversation, form)
    mark_read(conversation, access)
    return html


def page(access, conversation, form) -> str:
    return render_template(
        "staff/messages/thread.html",
        access=access,
        thread=conversation,
        form=form,
        seen_up_to=last_read(access, conversation),
    )


def mark_read(conversation, access) -> None:
    """As on the family's side (portal/family/messages.py): read up to the newest message, in a
    unit of its own after the page is made; a bookmark added at the same moment by another
    open of the same staff member wins, and this open writes its look again."""
    family_id, thread_id = conversation.family_id, conversation.id
    try:
        with unit_of_work(db.session, staff_actor(access.staff)) as unit:
            mark_thread_read(unit, conversation, access.staff)
    except IntegrityError:
        thread_for(family_id, thread_id, "staff conversation")


@bp.context_processor
def conversation_helpers() -> dict:
    """For the staff family page: the family's unread messages and unanswered conversations."""
    return {"conversation_counts": conversation_counts}
