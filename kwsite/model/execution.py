"""The state of execution of a measure, action line or improvement line (``progress:`` entries).

One registry of states, :data:`STATES`: every page, count, directive and check takes the words from
here. An entry is ``{date, state, note}``: ``date`` as written (like a timeline, ``maart 2025``,
``schooljaar 2024-2025``) or ISO (``2025-03-01``), ``state`` a word of the registry, ``note`` a short
text in the editors' own words. Entries are listed in the order they happened; the last one is the
current state. Checked by :mod:`kwsite.execution_rules` (unknown state, dates, ``afgerond`` then
``loopt``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .base import Model, Text


@dataclass(frozen=True)
class State:
    """One state: ``word`` is shown (never a symbol alone), ``icon`` beside it (``aria-hidden``)."""

    word: str
    icon: str

    @property
    def key(self) -> str:
        """CSS and machine key: ``niet-gestart``."""
        return self.word.replace(" ", "-")


STATES: tuple[State, ...] = (
    State("niet gestart", "○"),
    State("loopt", "▶"),
    State("vertraagd", "!"),
    State("afgerond", "✓"),
    State("gestopt", "■"),
)
"""Every state of execution, in the order the pages list their counts."""

STATE_WORDS = tuple(s.word for s in STATES)


def state(word: str) -> State | None:
    """The registered state called ``word``; ``None`` for an unknown word."""
    return _BY_WORD.get(word)


_BY_WORD = {s.word: s for s in reversed(STATES)}  # reversed: the first of a word wins, as a scan would


ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


class ProgressEntry(Model):
    """One step in the execution of a measure or line: ``date`` as written or ISO, ``state`` one of
    :data:`STATE_WORDS` (an unknown word is reported with a "bedoelt u …?" hint), ``note`` optional."""

    date: Text
    state: Text
    note: Text | None = None


def date_parts(text: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) a progress date gives: ISO, or read like a timeline entry (the first moment
    with a year; a school year counts as its first calendar year). ``None`` where the text gives none."""
    from ..timeline import parse_entry

    iso = ISO_DATE.match(text.strip())
    if iso:
        return int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
    for moment in parse_entry(text).moments:
        if moment.first is not None:
            return moment.first, moment.month, moment.day
    return None, None, None


def latest(entries: list[ProgressEntry] | tuple[ProgressEntry, ...]) -> ProgressEntry | None:
    """The current state: the last entry as listed; ``None`` without entries."""
    return entries[-1] if entries else None
