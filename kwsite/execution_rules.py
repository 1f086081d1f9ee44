"""Checks on the ``progress:`` entries of measures and action/improvement lines
(:mod:`kwsite.model.execution`), each reported at its file and line:

- a state that is not in the registry — error, with "bedoelt u …?";
- a date that names no year inside the agenda's period, or one after the edition's date — warning;
- ``afgerond`` followed later by ``loopt`` without a note saying why — warning.
"""

from __future__ import annotations

from .hints import did_you_mean
from .loaded import Loaded
from .model import Site
from .model.execution import STATE_WORDS, date_parts


def _places(site: Site):
    """(file key, location of the record, its progress entries) of every record that can carry progress."""
    for i, measure in enumerate(site.measures):
        yield "measures", (i,), measure.progress
    for i, lset in enumerate(site.line_sets):
        for j, line in enumerate(lset.lines):
            yield "lines", (i, "lines", j), line.progress


def _after(a: tuple, b: tuple) -> bool:
    """Whether date parts ``a`` lie after ``b`` at the precision both give (year, then month, then day)."""
    for x, y in zip(a, b):
        if x is None or y is None:
            return False
        if x != y:
            return x > y
    return False


def check_progress(site: Site, loaded: Loaded) -> None:
    period = site.agenda.years
    edition = date_parts(site.agenda.edition.date) if site.agenda.edition.date else (None, None, None)
    for key, loc, entries in _places(site):
        done = False
        for k, entry in enumerate(entries):
            where = loc + ("progress", k)
            if entry.state not in STATE_WORDS:
                loaded.add(
                    key,
                    where + ("state",),
                    f"onbekende stand '{entry.state}'{did_you_mean(entry.state, STATE_WORDS)}"
                    f" (bekend: {', '.join(STATE_WORDS)})",
                )
            parts = date_parts(entry.date)
            if parts[0] is None:
                loaded.add(key, where + ("date",), f"datum '{entry.date}' noemt geen jaar", "warning")
            elif parts[0] not in period:
                loaded.add(
                    key,
                    where + ("date",),
                    f"datum '{entry.date}' ligt buiten de looptijd {period.start}-{period.stop - 1}",
                    "warning",
                )
            elif _after(parts, edition):
                loaded.add(
                    key,
                    where + ("date",),
                    f"datum '{entry.date}' ligt na de datum van deze editie ({site.agenda.edition.date})",
                    "warning",
                )
            if entry.state == "loopt" and done and not entry.note:
                loaded.add(
                    key,
                    where + ("state",),
                    "'loopt' na 'afgerond' zonder toelichting (note): zeg waarom de maatregel weer loopt",
                    "warning",
                )
            done = done or entry.state == "afgerond"


EXECUTION_RULES = (check_progress,)
