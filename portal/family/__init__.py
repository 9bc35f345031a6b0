"""The family door: what a guardian sees after logging in. One module per feature (overview,
child, profile, access log, and meetings' wording); each adds its routes to `bp`."""

from flask import Blueprint

from portal.doors import guard

bp = Blueprint("family", __name__)
bp.before_request(guard("guardian"))

from portal.domain.children import age_on, is_party  # noqa: E402
from portal.domain.clocks import copenhagen_today  # noqa: E402
from portal.domain.explain import months_or_days  # noqa: E402
from portal.family.meetings import coming_and_past, sees_only_invited_meetings  # noqa: E402
from portal.models.base import utcnow  # noqa: E402


@bp.context_processor
def family_helpers() -> dict:
    return {
        "child_age": lambda someone: age_on(someone.birth_date, copenhagen_today()),
        "child_is_party": lambda someone: is_party(someone.birth_date, copenhagen_today()),
        "months_or_days": months_or_days,
        "coming_and_past": lambda meetings: coming_and_past(meetings, utcnow()),
        "sees_only_invited_meetings": sees_only_invited_meetings,
        "now": utcnow,
        "copenhagen_today": copenhagen_today,
    }


from portal.family import (  # noqa: E402,F401  (routes on bp)
    access_log,
    booking,
    calendar,
    child,
    meeting_changes,
    messages,
    overview,
    preparation,
    profile,
    updates,
)
