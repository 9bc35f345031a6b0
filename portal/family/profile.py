"""The guardian's profile: language, how to be notified, and contact details."""

from __future__ import annotations

import re

from flask import flash, g, redirect, render_template, url_for
from flask_babel import force_locale, gettext
from flask_babel import lazy_gettext as _l
from wtforms import EmailField, RadioField, SelectChoice, TelField
from wtforms.validators import Email, Length, Optional, ValidationError

from portal.audit import record
from portal.extensions import db
from portal.family import bp
from portal.forms import PortalForm
from portal.i18n import remember_language
from portal.records import unit_of_work
from portal.records.guardians import choose_contact, guardian_actor

PHONE = re.compile(r"^\+?\d{8,15}$")


def normalize_phone(value: str | None) -> str | None:
    return re.sub(r"[\s\-()]", "", value) if value else None


class ProfileForm(PortalForm):
    preferred_language = RadioField(
        _l("Which language do you want the portal in?"),
        choices=[
            SelectChoice("da", "Dansk"),
            SelectChoice("en", "English"),
            SelectChoice("ar", "العربية"),
        ],
        validate_choice=True,
    )
    notify_by = RadioField(
        _l("How do you want to hear from us when something new happens?"),
        choices=[
            SelectChoice("email", _l("By e-mail")),
            SelectChoice("sms", _l("By text message (SMS)")),
            SelectChoice("none", _l("Not at all. I look in the portal myself.")),
        ],
    )
    email = EmailField(
        _l("E-mail"),
        validators=[
            Optional(),
            Length(max=254, message=_l("The e-mail address is too long")),
            Email(message=_l("Enter an e-mail address like name@example.dk")),
        ],
    )
    phone = TelField(_l("Mobile number"))

    def validate_notify_by(self, field) -> None:
        if field.data not in {"email", "sms", "none"}:
            raise ValidationError(_l("Choose how you want to hear from us"))

    def validate_phone(self, field) -> None:
        number = normalize_phone(field.data)
        if number and not PHONE.match(number):
            raise ValidationError(_l("Enter a phone number like 12 34 56 78 or +45 12 34 56 78"))

    def validate(self, extra_validators=None) -> bool:
        """Field checks first, then the one rule across fields: the chosen channel needs its
        address. (Optional() stops a field's own validators when it is empty.)"""
        valid = super().validate(extra_validators)
        if self.notify_by.data == "email" and not self.email.data and not self.email.errors:
            self.email.errors.append(
                _l("Enter your e-mail address, or choose another way to hear from us")
            )
            valid = False
        if self.notify_by.data == "sms" and not normalize_phone(self.phone.data):
            if not self.phone.errors:
                self.phone.errors.append(
                    _l("Enter your mobile number, or choose another way to hear from us")
                )
            valid = False
        return valid


@bp.route("/profil", methods=["GET", "POST"])
def profile():
    guardians = g.viewer.guardians
    if not guardians:
        return redirect(url_for("family.overview"))
    form = ProfileForm(obj=guardians[0])
    if form.validate_on_submit():
        with unit_of_work(db.session, guardian_actor(g.viewer.name)) as unit:
            choose_contact(
                unit,
                guardians,
                preferred_language=form.preferred_language.data,
                notify_by=form.notify_by.data,
                email=form.email.data or None,
                phone=normalize_phone(form.phone.data),
            )
        # Read on the next page, which is already in the language just chosen.
        with force_locale(form.preferred_language.data):
            flash(gettext("Your choices are saved."), "success")
        response = redirect(url_for("family.profile"), code=303)
        remember_language(response, form.preferred_language.data)
        return response
    for guardian in guardians:
        record(
            g.viewer,
            "read",
            family_id=guardian.family_id,
            object_type="guardian",
            object_id=guardian.id,
            detail="profile",
        )
    status = 400 if form.errors else 200
    return render_template("family/profile.html", form=form), status
