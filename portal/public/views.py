"""Start page, glossary, offer catalogue, accessibility statement and privacy notice."""

from __future__ import annotations

from flask import abort, render_template

from portal.extensions import db
from portal.i18n import current_language
from portal.public import bp
from portal.reads.reference import reference
from portal.records import catalogue
from portal.records.errors import NotFound


@bp.get("/")
def start():
    return render_template("public/start.html")


@bp.get("/ordbog")
def glossary():
    language = current_language()
    terms = sorted(
        reference().glossary,
        key=lambda term: term.localized("term", language).casefold(),
    )
    return render_template("public/glossary.html", terms=terms)


@bp.get("/tilbud")
def offers():
    offers = sorted(reference().offers.values(), key=lambda offer: offer.name_da)
    return render_template("public/offers.html", offers=offers)


@bp.get("/tilbud/<code>")
def offer(code: str):
    try:
        found = catalogue.get_offer(db.session, code)
    except NotFound:
        abort(404)
    return render_template("public/offer.html", offer=found)


@bp.get("/tilgaengelighed")
def accessibility():
    return render_template("public/accessibility.html")


@bp.get("/privatliv")
def privacy():
    return render_template("public/privacy.html")
