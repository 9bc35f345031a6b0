"""Meetings in the guardian's own calendar: one meeting as a file to open (`.ics`), and a
private calendar address (a subscription) whose feed (portal/feeds.py) always holds their
current meetings, moved and cancelled ones too. The address carries a secret: it is shown once,
when it is made; making a new one stops the old one, and the guardian can stop it."""

from __future__ import annotations

from flask import Response, flash, g, redirect, render_template, session, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from wtforms import HiddenField
from wtforms.validators import AnyOf

from portal.access import family_for, meeting_for
from portal.calendar import MEDIA_TYPE, calendar_of, public_url
from portal.extensions import db
from portal.family import bp
from portal.forms import PortalForm
from portal.models.base import utcnow
from portal.reads.meetings import working_feed
from portal.records import unit_of_work
from portal.records.calendar_feeds import new_feed, stop_feeds
from portal.records.guardians import guardian_actor

# The new address waits in the (signed, http-only) session cookie for the one page that shows
# it, and is gone from there once shown.
JUST_MADE = "calendar_feed_just_made"


MAKE, STOP = "new", "stop"


class FeedForm(PortalForm):
    """Make a (new) address or stop it: which button was pressed (its `what`), and the CSRF
    token."""

    what = HiddenField(
        validators=[AnyOf([MAKE, STOP], message=_l("Press one of the buttons on the page again."))]
    )


@bp.get("/familier/<id:family_id>/moeder/<id:meeting_id>/kalender.ics")
def meeting_calendar(family_id: int, meeting_id: int):
    """One meeting as a calendar file, in the reader's language."""
    _, meeting = meeting_for(meeting_id, "meeting calendar file", family_id=family_id)
    body = calendar_of([meeting], summary=gettext("Meeting — Familieportalen"), now=utcnow())
    response = Response(body, mimetype="text/calendar")
    response.headers["Content-Type"] = MEDIA_TYPE
    response.headers["Content-Disposition"] = (
        f'attachment; filename="familieportalen-moede-{meeting.id}.ics"'
    )
    return response


@bp.route("/familier/<id:family_id>/kalender", methods=["GET", "POST"])
def calendar(family_id: int):
    access, _ = family_for(family_id, "calendar")
    form = FeedForm()
    if form.validate_on_submit():
        with unit_of_work(db.session, guardian_actor(g.viewer.name)) as unit:
            if form.what.data == MAKE:
                _, token = new_feed(unit, access.guardian)
            else:
                stopped = stop_feeds(unit, access.guardian)
        if form.what.data == MAKE:
            session[JUST_MADE] = {"family_id": family_id, "token": token}
            return redirect(url_for("family.calendar", family_id=family_id, _anchor="address"), 303)
        session.pop(JUST_MADE, None)
        if stopped:
            flash(
                gettext("The calendar address is stopped. It no longer shows your meetings."),
                "success",
            )
        return redirect(url_for("family.calendar", family_id=family_id), code=303)
    just_made = session.pop(JUST_MADE, None)
    address = None
    if just_made and just_made.get("family_id") == family_id:
        address = public_url("feeds.calendar_feed", token=just_made["token"])
    page = render_template(
        "family/calendar.html",
        access=access,
        feed=working_feed(access.guardian),
        address=address,
        form=form,
    )
    return page, 400 if form.is_submitted() else 200
