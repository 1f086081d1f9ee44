"""Short Dutch hints added to editors' error messages: "bedoelt u …?" for a misspelt id, key or label,
and what a number an editor typed the Dutch or Excel way should look like."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

DECIMAL_COMMA = re.compile(r"\s*-?\d+,\d+\s*%?\s*")
"""``61,5`` or Excel's ``63,0%``."""


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """``"; bedoelt u 'kern'?"`` for the closest candidate (case ignored), or ``""`` when none is close."""
    options = {str(c).casefold(): str(c) for c in candidates if c is not None}
    match = difflib.get_close_matches(str(word).casefold(), list(options), n=1, cutoff=0.6)
    return f"; bedoelt u '{options[match[0]]}'?" if match and options[match[0]] != word else ""


def number_hint(value: object) -> str:
    """A hint for a value that should have been a number: ``61,5`` → ``schrijf 61.5``; ``""`` otherwise."""
    if not isinstance(value, str) or not DECIMAL_COMMA.fullmatch(value):
        return ""
    plain = value.strip().removesuffix("%").strip().replace(",", ".")
    percent = " zonder %-teken" if value.strip().endswith("%") else ""
    return (
        f": '{value.strip()}' heeft een decimaalkomma{' en een %-teken' if percent else ''}; schrijf {plain}{percent}"
    )
