""" "Beskeder": a guardian writes to the family's contact person instead of an e-mail (the
profile page promises the municipality never writes about the case by e-mail), answers an
update, and reads the answers (docs/access.md M1, M2, M4). One conversation per topic: a new
message on a topic that has a conversation goes into it. Every page where the family writes
says plainly that messages are not for emergencies, with the numbers to call.

A guardian with custody sees the family's shared conversations (and their own); a guardian
with information only writes too, and sees only the conversations they started. Opening a
conversation marks it read, after the page is made (so the page still shows what was new)."""

from __future__ import annotations

from flask import flash, g, redirect, render_template, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError
from wtforms import RadioField, SelectChoice, TextAreaField
from wtforms.validators import AnyOf, DataRequired, InputRequired, Length

from portal.access import family_for, thread_for, update_for
from portal.extensions import db
from portal.family import bp
from portal.forms import PortalForm, stripped
from portal.rate_limits import per_person_and_address
from portal.reads.conversations import (
    THREAD_PAGE,
    UPDATE_ANSWERED,
    conversation_counts,
    family_threads,
    last_read,
    thread_about,
)
from portal.records import RecordError, unit_of_work
from portal.records.conversations import (
    CHOSEN_TOPICS,
    LONGEST_MESSAGE,
    mark_thread_read,
    start_thread,
    write_message,
)
from portal.records.guardians import guardian_actor

TOPIC_NAMES = {
    "case": _l("About a case"),
    "meeting": _l("About a meeting"),
    "offer": _l("About help and offers"),
    "other": _l("About something else"),
}
CHOOSE_TOPIC = _l("Choose what your message is about")


def message_field(label) -> TextAreaField:
    return TextAreaField(
        label,
        validators=[
            DataRequired(_l("Write your message")),
            Length(
                max=LONGEST_MESSAGE,
                message=_l("Write %(num)s characters or fewer", num=LONGEST_MESSAGE),
            ),
        ],
        filters=[stripped],
    )


class NewMessageForm(PortalForm):
    topic = RadioField(
        _l("What is your message about?"),
        choices=[SelectChoice(topic, TOPIC_NAMES[topic]) for topic in CHOSEN_TOPICS],
        validators=[InputRequired(CHOOSE_TOPIC), AnyOf(CHOSEN_TOPICS, message=CHOOSE_TOPIC)],
        validate_choice=False,  # AnyOf says it in the family's words
    )
    body = message_field(_l("Your message"))


class AnswerForm(PortalForm):
    body = message_field(_l("Your message"))


def refused(form, refusal: RecordError) -> int:
    """A refusal from the records after the form was valid (it changed in between): said on
    the form, nothing written."""
    form.form_errors.append(gettext("We could not send your message. Please try again."))
    return refusal.status if refusal.status < 500 else 400


@bp.get("/familier/<id:family_id>/beskeder")
def messages(family_id: int):
    access, _ = family_for(family_id, "conversations")
    return render_template("family/messages/list.html", access=access, lines=family_threads(access))


@bp.route("/familier/<id:family_id>/beskeder/ny", methods=["GET", "POST"])
@per_person_and_address("messages", "MESSAGE_RATE_LIMIT", "FORM_ADDRESS_RATE_LIMIT")
def new_message(family_id: int):
    access, _ = family_for(family_id, "new message")
    form = NewMessageForm()
    if not form.is_submitted():
        return new_page(access, form)
    if not form.validate_on_submit():
        return new_page(access, form), 400
    try:
        with unit_of_work(db.session, guardian_actor(g.viewer.name)) as unit:
            thread = start_thread(
                unit, access.family, access.guardian, form.topic.data, form.body.data
            )
            sent = thread.messages[-1]
    except RecordError as refusal:
        access, _ = family_for(family_id, "new message: refused")
        return new_page(access, form), refused(form, refusal)
    return sent_to(family_id, thread.id, sent.id)


def new_page(access, form):
    return render_template("family/messages/new.html", access=access, form=form)


@bp.route("/familier/<id:family_id>/beskeder/<id:thread_id>", methods=["GET", "POST"])
@per_person_and_address("messages", "MESSAGE_RATE_LIMIT", "FORM_ADDRESS_RATE_LIMIT")
def thread(family_id: int, thread_id: int):
    access, conversation = thread_for(family_id, thread_id, "conversation", options=THREAD_PAGE)
    form = AnswerForm()
    if form.is_submitted():
        if not form.validate_on_submit():
            return thread_page(access, conversation, form), 400
        try:
            with unit_of_work(db.session, guardian_actor(g.viewer.name)) as unit:
                sent = write_message(unit, conversation, access.guardian, form.body.data)
        except RecordError as refusal:
            access, conversation = thread_for(
                family_id, thread_id, "conversation: refused", options=THREAD_PAGE
            )
            return thread_page(access, conversation, form), refused(form, refusal)
        return sent_to(family_id, thread_id, sent.id)
    html = thread_page(access, conversation, form)
    mark_read(conversation, access.guardian)
    return html


def thread_page(access, conversation, form) -> str:
    return render_template(
        "family/messages/thread.html",
        access=access,
        thread=conversation,
        form=form,
        seen_up_to=last_read(access, conversation),
    )


@bp.route("/familier/<id:family_id>/opdateringer/<id:update_id>/svar", methods=["GET", "POST"])
@per_person_and_address("messages", "MESSAGE_RATE_LIMIT", "FORM_ADDRESS_RATE_LIMIT")
def answer_update(family_id: int, update_id: int):
    """Answer an update from the contact person (G2: one the guardian sees): into the
    conversation about that update, started by the first answer."""
    access, update = update_for(family_id, update_id, "answer update", options=UPDATE_ANSWERED)
    form = AnswerForm()
    if form.is_submitted():
        if not form.validate_on_submit():
            return answer_page(access, update, form), 400
        try:
            with unit_of_work(db.session, guardian_actor(g.viewer.name)) as unit:
                thread = start_thread(
                    unit, access.family, access.guardian, "update", form.body.data, update=update
                )
                sent = thread.messages[-1]
        except RecordError as refusal:
            access, update = update_for(
                family_id, update_id, "answer update: refused", options=UPDATE_ANSWERED
            )
            return answer_page(access, update, form), refused(form, refusal)
        return sent_to(family_id, thread.id, sent.id)
    return answer_page(access, update, form)


def answer_page(access, update, form) -> str:
    return render_template(
        "family/messages/answer_update.html",
        access=access,
        update=update,
        form=form,
        earlier=thread_about(access, "update", update),
    )


def sent_to(family_id: int, thread_id: int, message_id: int):
    flash(gettext("Your message is sent."), "success")
    return redirect(
        url_for(
            "family.thread",
            family_id=family_id,
            thread_id=thread_id,
            _anchor=f"message-{message_id}",
        ),
        code=303,
    )


def mark_read(conversation, reader) -> None:
    """Mark the conversation read up to its newest message, in a unit of its own after the page
    is made (the unit commits the look with it). Two opens at once may both add the reader's
    first bookmark: the one that loses leaves it to the other, and writes its look again."""
    family_id, thread_id = conversation.family_id, conversation.id
    try:
        with unit_of_work(db.session, guardian_actor(g.viewer.name)) as unit:
            mark_thread_read(unit, conversation, reader)
    except IntegrityError:
        thread_for(family_id, thread_id, "conversation")


@bp.context_processor
def conversation_helpers() -> dict:
    """For the overview: how many messages the guardian has not read."""
    return {"conversation_counts": conversation_counts, "topic_names": TOPIC_NAMES}
