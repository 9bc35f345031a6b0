"""Start page, glossary, offer catalogue, accessibility statement and privacy notice."""

from __future__ import annotations

from flask import abort, render_template
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.extensions import db
from portal.i18n import current_language
from portal.models import GlossaryTerm, Offer
from portal.public import bp


@bp.get("/")
def start():
    return render_template("public/start.html")


@bp.get("/ordbog")
def glossary():
    language = current_language()
    terms = db.session.scalars(select(GlossaryTerm)).all()
    terms = sorted(terms, key=lambda term: term.localized("term", language).casefold())
    return render_template("public/glossary.html", terms=terms)


@bp.get("/tilbud")
def offers():
    catalogue = db.session.scalars(
        select(Offer).options(selectinload(Offer.department)).order_by(Offer.name_da)
    ).all()
    return render_template("public/offers.html", offers=catalogue)


@bp.get("/tilbud/<code>")
def offer(code: str):
    found = db.session.scalar(select(Offer).where(Offer.code == code))
    if found is None:
        abort(404)
    return render_template("public/offer.html", offer=found)


@bp.get("/tilgaengelighed")
def accessibility():
    return render_template("public/accessibility.html")


@bp.get("/privatliv")
def privacy():
    return render_template("public/privacy.html")
