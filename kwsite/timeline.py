"""Reading the timelines of action and improvement lines ("Wat is het tijdspad?").

The seeds write timelines as free text, one entry per line or bullet (S0, S1):
``Start: schooljaar 19-20``, ``Activiteiten 2020-2022``, ``Voor 1 oktober 2020``,
``1 december`` (no year), ``Uiterlijk 15 januari``, ``Juni/juli evaluatie``,
``Monitoring 21-22``, ``Schooljaar 2021`` (ambiguous), ``Bijeenkomst BOOT
november?`` (uncertain), ``Routing opgesteld: januari 21``.

:func:`parse_entry` keeps the text as written and derives what the text itself
gives: calendar years, school years (``19-20`` → 2019-2020), months and days.
A year the text does not give is never filled in: ``1 december`` stays a day
and month without a year. A question mark marks the entry uncertain;
``Schooljaar 2021`` is marked ambiguous (2020-2021 or 2021-2022).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_MONTH = "|".join(MONTHS)
_YEAR = r"(?:19|20)\d{2}"

# Order matters: the first pattern to match a stretch of text claims it.
_PATTERNS = [
    ("ambiguous_school_year", re.compile(rf"\bschooljaar\s+({_YEAR})\b(?!\s*[-/])", re.I)),
    ("pair", re.compile(rf"\b(\d{{2}}|{_YEAR})\s*[-/–]\s*(\d{{2}}|{_YEAR})\b")),
    ("day_month", re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\b(?:\s+({_YEAR}|\d{{2}})\b)?", re.I)),
    ("month_year", re.compile(rf"\b({_MONTH})\s+({_YEAR}|\d{{2}})\b(?!\s*[-/])", re.I)),
    ("month", re.compile(rf"\b({_MONTH})\b", re.I)),
    ("year", re.compile(rf"\b({_YEAR})\b")),
]


def _full_year(text: str) -> int:
    value = int(text)
    return value + 2000 if value < 100 else value


@dataclass(frozen=True)
class Moment:
    """One point or period found in a timeline entry.

    ``kind``: ``school_year`` (``first``-``last``, e.g. 2019-2020), ``years``
    (a span of calendar years, 2020-2022), ``year``, ``month`` (``month`` with
    ``year`` or without), ``date`` (``day`` and ``month``, ``year`` may be
    ``None``), ``ambiguous`` (``Schooljaar 2021``: ``first`` is the year
    written). Months are 1-12. ``text`` is the fragment it was read from.
    """

    kind: str
    text: str
    first: int | None = None
    last: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def year(self) -> int | None:
        """The calendar year of a year, month or date; ``None`` when the text gives none."""
        return self.first if self.kind in ("year", "month", "date") else None

    @property
    def has_year(self) -> bool:
        return self.first is not None

    def label(self) -> str:
        """How the page shows what was read: ``schooljaar 2019-2020``, ``1 december (jaar niet vermeld)``."""
        if self.kind == "school_year":
            return f"schooljaar {self.first}-{self.last}"
        if self.kind == "years":
            return f"{self.first} t/m {self.last}"
        if self.kind == "ambiguous":
            return f"schooljaar {self.first - 1}-{self.first} of {self.first}-{self.first + 1}, niet eenduidig"
        if self.kind == "year":
            return str(self.first)
        month = MONTHS[self.month - 1]
        base = f"{self.day} {month}" if self.kind == "date" else month
        return f"{base} {self.first}" if self.first else f"{base}, jaar niet vermeld"

    def bounds(self) -> tuple[int, int] | None:
        """First and last calendar year this moment touches; ``None`` without a year."""
        if self.first is None:
            return None
        if self.kind == "ambiguous":
            return self.first - 1, self.first + 1
        return self.first, self.last if self.last is not None else self.first


@dataclass(frozen=True)
class Entry:
    """One timeline entry as written, with what could be read from it."""

    as_written: str
    label: str | None
    moments: tuple[Moment, ...]
    uncertain: bool
    """The text itself doubts the date (a question mark)."""

    @property
    def ambiguous(self) -> bool:
        return any(m.kind == "ambiguous" for m in self.moments)

    def readings(self) -> list[str]:
        """What was read, for the page; a month without year inside an entry that names a
        school year says so instead of "jaar niet vermeld"."""
        has_year = any(m.has_year for m in self.moments)
        out = []
        for m in self.moments:
            text = m.label()
            if has_year and not m.has_year:
                text = text.replace(", jaar niet vermeld", "")
            out.append(text)
        return out

    @property
    def without_year(self) -> bool:
        """Names a day or month but no year anywhere in the entry."""
        return bool(self.moments) and not any(m.has_year for m in self.moments)


def _pair(match: re.Match) -> Moment | None:
    a, b = match.group(1), match.group(2)
    first, last = _full_year(a), _full_year(b)
    if last <= first or last - first > 10:
        return None
    kind = "school_year" if last - first == 1 else "years"
    return Moment(kind, match.group(0), first, last)


def _moment(kind: str, match: re.Match) -> Moment | None:
    text = match.group(0)
    if kind == "ambiguous_school_year":
        return Moment("ambiguous", text, int(match.group(1)))
    if kind == "pair":
        return _pair(match)
    if kind == "day_month":
        year = _full_year(match.group(3)) if match.group(3) else None
        return Moment("date", text, year, year, MONTHS.index(match.group(2).lower()) + 1, int(match.group(1)))
    if kind == "month_year":
        year = _full_year(match.group(2))
        return Moment("month", text, year, year, MONTHS.index(match.group(1).lower()) + 1)
    if kind == "month":
        return Moment("month", text, None, None, MONTHS.index(match.group(1).lower()) + 1)
    year = int(match.group(1))
    return Moment("year", text, year, year)


@lru_cache(maxsize=8192)  # a frozen result of the text alone: each line read once a process (kwsite serve)
def parse_entry(text: str) -> Entry:
    """Read one entry: ``"Start: schooljaar 19-20"`` → label ``Start``, school year 2019-2020."""
    clean = " ".join(text.split())
    label = None
    head, sep, _ = clean.partition(":")
    if sep and not any(ch.isdigit() for ch in head) and len(head) <= 40:
        label = head.strip()
    taken = [False] * len(clean)
    found: list[tuple[int, Moment]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(clean):
            if any(taken[match.start() : match.end()]):
                continue
            moment = _moment(kind, match)
            if moment is None:
                continue
            for i in range(match.start(), match.end()):
                taken[i] = True
            found.append((match.start(), moment))
    moments = tuple(m for _, m in sorted(found, key=lambda pair: pair[0]))
    return Entry(clean, label, moments, "?" in clean)


@dataclass(frozen=True)
class Timeline:
    """Every entry of one timeline cell, and the span of years it covers."""

    entries: tuple[Entry, ...]

    def _bounds(self) -> list[tuple[int, int]]:
        return [b for e in self.entries for m in e.moments if (b := m.bounds())]

    @property
    def start(self) -> int | None:
        """Earliest calendar year named; ``None`` when no entry names a year."""
        spans = self._bounds()
        return min(a for a, _ in spans) if spans else None

    @property
    def end(self) -> int | None:
        """Latest calendar year named (the end of the time box); ``None`` when none is named."""
        spans = self._bounds()
        return max(b for _, b in spans) if spans else None

    @property
    def uncertain(self) -> bool:
        return any(e.uncertain or e.ambiguous for e in self.entries)


def parse(lines: list[str] | tuple[str, ...]) -> Timeline:
    """A timeline from its entries as written (one string per line or bullet)."""
    return Timeline(tuple(parse_entry(line) for line in lines))
