"""How long a text is as an SMS: GSM 03.38 septets when every character is in the GSM
alphabet (160 fit in one message; Danish æ, ø and å are in it), otherwise UCS-2 code units
(70 fit in one message; Arabic always needs UCS-2)."""

from __future__ import annotations

import math

# The GSM 03.38 basic alphabet (one septet each) and its extension table (escape + septet).
GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENDED = frozenset("^{}\\[~]|€\f")
ONE_SMS = {"gsm": 160, "ucs2": 70}
# A message longer than one SMS is split into parts that each lose room to a header.
PART = {"gsm": 153, "ucs2": 67}


def encoding(text: str) -> str:
    """ "gsm" when the gateway can send the text in the GSM alphabet, else "ucs2"."""
    return "gsm" if all(c in GSM_BASIC or c in GSM_EXTENDED for c in text) else "ucs2"


def units(text: str) -> int:
    """Septets (GSM) or UTF-16 code units (UCS-2) the text takes."""
    if encoding(text) == "gsm":
        return sum(2 if c in GSM_EXTENDED else 1 for c in text)
    return len(text.encode("utf-16-le")) // 2


def parts(text: str) -> int:
    """How many SMS the text is sent as."""
    kind, length = encoding(text), units(text)
    return 1 if length <= ONE_SMS[kind] else math.ceil(length / PART[kind])


def fits_one(text: str) -> bool:
    return parts(text) == 1
