"""What the progress page ("Voortgang", :mod:`kwsite.pages.progress`, nav placeholder ``kwsite:progress``)
and its compact summary for the home page (``[[progress.summary]]``) show: per year with realisations (latest first) the count of every status per theme, per college
and overall, the indicators and colleges behind, and how many indicators and colleges have a
realisation that year; the state of execution of the measures and lines.

Every count comes from the status engine (:mod:`kwsite.status`): one :func:`year_summary` is what the
page shows and what ``tests/test_progress_page.py`` compares with the engine. The long explanation of
the statuses (macro ``rule`` of ``macros/realisations.html``) lives here once; other pages link to it
(:data:`kwsite.paths.PROGRESS_EXPLANATION`). The page is rendered from ``kwsite/theme/pages/progress.md``. This module lies
outside :mod:`kwsite.pages` so that :mod:`kwsite.directives` reaches the summary without importing the
pages (no import cycle).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from . import paths
from .model import Indicator, Site, Unit
from .numbers import number
from .present import value_text
from .status import Progress, Status, agenda_rule, breakdowns, status_for, units_with_data
from .templating import Templates
from .paths import rel
from .executionview import execution_context

PATH = paths.PROGRESS
TITLE = "Voortgang"
EXPLANATION = paths.PROGRESS_EXPLANATION
"""Where the explanation of the statuses lives (its heading's anchor); other pages link here."""
NO_REALISATIONS = (
    "Deze editie bevat nog geen realisaties: de stand tegen de streefwaarden is daarom voor geen "
    "enkele indicator te berekenen."
)
"""The one plain sentence of a site without realisations."""

COUNTED = (
    Status.REACHED,
    Status.ON_TRACK,
    Status.BEHIND,
    Status.NOT_YET,
    Status.MISSED,
    Status.UNJUDGED,
    Status.NO_DATA,
)
"""The statuses every count table shows; *geen streefwaarde* is added in a year where it occurs."""
BEHIND = (Status.BEHIND, Status.MISSED)
"""Listed as behind: *achter* (off the path before the target year) and *niet behaald* (target year passed)."""


def indicator_path(ind: Indicator) -> str:
    """``indicatoren/<id>.md``: the page of one indicator (:mod:`kwsite.pages.indicator`)."""
    return paths.indicator(ind.id)


def realisation_years(site: Site) -> list[int]:
    """Agenda years with at least one realisation (institution or college), latest first."""
    return sorted(
        {r.year for i in site.indicators for r in i.realisations if r.year in site.agenda.years}, reverse=True
    )


def college_indicators(site: Site) -> list[Indicator]:
    """Indicators the data give college values for: the per-college counts run over these."""
    return [i for i in site.indicators if units_with_data(i)]


@dataclass(frozen=True)
class Item:
    """One status of one indicator (and breakdown) for the institution (``unit`` ``None``) or a college."""

    indicator: Indicator
    breakdown: str | None
    unit: Unit | None
    progress: Progress


@dataclass
class YearSummary:
    """Everything the page says about one year. ``overall``, ``themes`` and ``colleges`` count
    :class:`~kwsite.status.Status` values of :func:`kwsite.status.status_for`: institution level per
    indicator and breakdown (overall, per theme), and per college over :func:`college_indicators`."""

    year: int
    overall: Counter = field(default_factory=Counter)
    themes: list[tuple[str, str, Counter]] = field(default_factory=list)
    """(theme id, label, counts)."""
    colleges: list[tuple[Unit, Counter]] = field(default_factory=list)
    behind: list[Item] = field(default_factory=list)
    """Institution-level statuses in :data:`BEHIND`, in indicator order."""
    colleges_behind: list[Item] = field(default_factory=list)
    indicators_with_data: int = 0
    colleges_with_data: int = 0


def institution_items(site: Site, ind: Indicator, year: int) -> list[Item]:
    return [Item(ind, b, None, status_for(ind, year, None, b)) for b in breakdowns(ind)]


def year_summary(site: Site, year: int) -> YearSummary:
    """The counts, lists and coverage of ``year``, straight from :func:`kwsite.status.status_for`."""
    out = YearSummary(year)
    for theme in site.themes:
        counts: Counter = Counter()
        for ind in site.indicators_of(theme.id):
            for item in institution_items(site, ind, year):
                counts[item.progress.status] += 1
                if item.progress.status in BEHIND:
                    out.behind.append(item)
        if site.indicators_of(theme.id):
            out.themes.append((theme.id, theme.short_title, counts))
        out.overall += counts
    out.overall += Counter()  # drop zero counts
    per_college = college_indicators(site)
    for unit in site.units if per_college else ():
        counts = Counter()
        for ind in per_college:
            for b in breakdowns(ind):
                progress = status_for(ind, year, unit.id, b)
                counts[progress.status] += 1
                if progress.status in BEHIND:
                    out.colleges_behind.append(Item(ind, b, unit, progress))
        out.colleges.append((unit, counts))
    out.indicators_with_data = sum(1 for i in site.indicators if any(r.year == year for r in i.realisations))
    out.colleges_with_data = len({r.unit for i in site.indicators for r in i.realisations if r.year == year and r.unit})
    return out


def _columns(summaries: list[YearSummary]) -> list[Status]:
    extra = any(s.overall[Status.NO_TARGET] or any(c[Status.NO_TARGET] for *_, c in s.themes) for s in summaries)
    return list(COUNTED) + ([Status.NO_TARGET] if extra else [])


def _row(label: str, counts: Counter, columns: list[Status]) -> dict:
    return {"label": label, "cells": [number(counts[s]) for s in columns], "total": number(sum(counts.values()))}


def _item(page: str, item: Item) -> dict:
    ind = item.indicator
    name = f"{ind.id} {ind.short_name or ind.name}" + (f" ({item.breakdown})" if item.breakdown else "")
    real = item.progress.value
    return {
        "name": name,
        "href": rel(page, indicator_path(ind)),
        "status": _status(item.progress.status),
        "value": value_text(ind, real) if real is not None else "",
        "college": item.unit.name if item.unit else None,
        "college_href": rel(page, paths.college(item.unit.id)) if item.unit else None,
    }


def _by_college(page: str, items: list[Item]) -> list[dict]:
    """The colleges behind, one entry per college (in the site's order): per status of :data:`BEHIND` the
    indicators with it (id, link, value), compact enough for 40 colleges × 30 indicators."""
    out: dict[str, dict] = {}
    for item in items:
        entry = out.setdefault(
            item.unit.id,
            {"college": item.unit.name, "college_href": rel(page, paths.college(item.unit.id)), "groups": {}},
        )
        group = entry["groups"].setdefault(
            item.progress.status, {"status": _status(item.progress.status), "indicators": []}
        )
        real = item.progress.value
        group["indicators"].append(
            {
                "id": item.indicator.id + (f" ({item.breakdown})" if item.breakdown else ""),
                "href": rel(page, indicator_path(item.indicator)),
                "value": value_text(item.indicator, real) if real is not None else "",
            }
        )
    for entry in out.values():
        entry["groups"] = [entry["groups"][s] for s in BEHIND if s in entry["groups"]]
    return list(out.values())


def _status(status: Status) -> dict:
    return {"word": status.word, "icon": status.icon, "key": status.key}


def counted(indicators: list[Indicator]) -> dict:
    """What a count table over ``indicators`` counts: one item per indicator and breakdown
    (:func:`kwsite.status.breakdowns`). ``noun`` names that unit ("indicatoren", or "indicatoren en
    uitsplitsingen" when some indicator is split, e.g. S3 2a Entree / niveau 2: 13 indicators, 14 items);
    ``count`` (items) and ``indicators`` are the two numbers, formatted."""
    items = sum(len(breakdowns(i)) for i in indicators)
    return {
        "noun": "indicatoren en uitsplitsingen" if items != len(indicators) else "indicatoren",
        "count": number(items),
        "indicators": number(len(indicators)),
        "split": items != len(indicators),
    }


def year_context(site: Site, summary: YearSummary, page: str, columns: list[Status]) -> dict:
    """Plain values for the template: counts formatted, links relative to ``page``; ``counted`` and
    ``college_counted`` (:func:`counted`) name what the theme and college tables count."""
    counts = counted(list(site.indicators))
    return {
        "year": summary.year,
        "counted": counts,
        "college_counted": counted(college_indicators(site)),
        "overall": _row(f"Alle {counts['noun']}", summary.overall, columns),
        "themes": [_row(label, counts, columns) for _, label, counts in summary.themes],
        "colleges": [_row(unit.name, counts, columns) for unit, counts in summary.colleges],
        "behind": [_item(page, i) for i in summary.behind],
        "colleges_behind": _by_college(page, summary.colleges_behind),
        "coverage": {
            "indicators": number(summary.indicators_with_data),
            "indicators_total": number(len(site.indicators)),
            "colleges": number(summary.colleges_with_data),
            "colleges_total": number(len(site.units)),
        },
    }


def context(site: Site, page: str = PATH) -> dict:
    """The progress page's context: ``years`` (latest first), the status columns, the rule text (with
    ``agenda_rule`` when the agenda's rule over the colleges applies to an indicator, :func:`kwsite.status.agenda_rule`), the measures'
    execution (:mod:`kwsite.executionview`)."""
    summaries = [year_summary(site, y) for y in realisation_years(site)]
    columns = _columns(summaries)
    return {
        "title": TITLE,
        "no_realisations": NO_REALISATIONS if not summaries else None,
        "agenda_rule": any(agenda_rule(site, i) for i in site.indicators),
        "columns": [_status(s) for s in columns],
        "years": [year_context(site, s, page, columns) for s in summaries],
        "indicators_href": rel(page, paths.INDICATORS),
        "execution": execution_context(site, page),
    }


def home_summary(site: Site, page: str = "index.md", templates: Templates | None = None) -> str:
    """The compact summary for the home page (``pages/progress-summary.md``): the latest year's overall
    counts, the number behind and a link to the progress page (without realisations only the link: the
    plain sentence stands once, on the progress page)."""
    templates = templates or Templates()
    summaries = [year_summary(site, y) for y in realisation_years(site)[:1]]
    columns = _columns(summaries)
    latest = year_context(site, summaries[0], page, columns) if summaries else None
    return templates.render(
        "pages/progress-summary.md",
        latest=latest,
        columns=[_status(s) for s in columns],
        href=rel(page, PATH),
        execution=execution_context(site, page),
    )
