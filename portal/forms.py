"""What a form shows back after a refused submission.

A refused value is shown again so the user can correct it, but never in full when it is longer
than the field allows: a page must not grow with what was sent to it (and a 100,000-character
"e-mail address" helps nobody correct it). The components/forms.html macros render every text
input's value through `shown_value`.
"""

from __future__ import annotations

from flask import Flask
from wtforms import Field

# The longest answer a single-line field here takes (an e-mail address, RFC 5321); used when a
# refused field has no maximum length of its own.
LONGEST_LINE = 254


def shown_value(field: Field) -> str:
    """The field's value as its input shows it, cut to the field's maximum length."""
    value = field._value()
    limit = field.flags.maxlength or (LONGEST_LINE if field.errors else None)
    if limit is not None and len(value) > limit:
        return value[:limit]
    return value


def init_app(app: Flask) -> None:
    app.jinja_env.globals["shown_value"] = shown_value
