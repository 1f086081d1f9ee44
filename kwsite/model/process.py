"""The process that produced the agenda: timeline tables of date, action, actors.

Source of the example values: S4 (Noorderpoort) section 3.2 "Tijdpad" and
section 3.4 (steps after the hearing by the commission).

A step's ``when`` is kept exactly as written ("september 2018", "Vanaf januari
2019", "25 september - 1 oktober 2018", "24 september"). Its place in time is
derived from that text: the first Dutch month name and the first four-digit
year (:func:`sort_key`). A text without a year ("24 september") needs ``year``
to be given explicitly; the page then says the year was not printed.
"""

from __future__ import annotations

import re

from ..timeline import MONTHS
from .base import Id, Sourced, Text, Year

_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(19|20)\d{2}\b")


def written_year(when: str) -> int | None:
    """The first four-digit year in ``when`` (``"10 en 24 april 2018"`` → 2018), or ``None``."""
    found = _YEAR.search(when)
    return int(found.group()) if found else None


def written_month(when: str) -> int | None:
    """The first Dutch month name in ``when`` as 1-12 (``"Vanaf januari 2019"`` → 1), or ``None``."""
    found = _MONTH.search(when)
    return MONTHS.index(found.group(1).lower()) + 1 if found else None


class Step(Sourced):
    """One row of a timeline table: when (as written), what, who (as written)."""

    when: Text
    action: Text
    actors: list[Text] = []
    year: Year | None = None
    """Only for a ``when`` without a year: the year the step belongs to (not printed in the source)."""

    def sort_key(self) -> tuple[int, int] | None:
        """``(year, month)`` derived from ``when`` (``year`` when the text has none); ``None`` if
        the text names no month or no year can be found. Steps in one month keep their order."""
        year = written_year(self.when) or self.year
        month = written_month(self.when)
        return (year, month) if year and month else None

    @property
    def year_printed(self) -> bool:
        return written_year(self.when) is not None


class Timeline(Sourced):
    """A timeline table (``process.yaml``), shown on the process page in date order.

    ``columns`` are the three header texts as printed (Datum/periode,
    Actie/activiteit, Betrokkenen).
    """

    id: Id
    title: Text
    chapter: int | None = None
    intro: Text | None = None
    """Markdown, the editors' own words."""
    columns: tuple[Text, Text, Text] = ("Datum/periode", "Actie/activiteit", "Betrokkenen")
    steps: list[Step]

    def ordered(self) -> list[Step]:
        """Steps sorted by :meth:`Step.sort_key` (stable: the printed order within a month)."""
        return sorted(self.steps, key=lambda s: s.sort_key() or (9999, 99))
