"""The page of one indicator (``indicatoren/<id>.md``, listed under Indicatoren): its facts, targets
per year with their kind, realisations and status per year, the institution's chart, every college
compared in the latest year with college values (sorted by value, best first; behind the path marked
in words), each college's series over the years, notes, "laatst bijgewerkt" and "volgende meting".

Statuses come from :mod:`kwsite.status`; the page is rendered from ``kwsite/theme/pages/indicator.md``.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ..datasets import UNIT_TEXT, Dataset
from ..model import Indicator, Site
from ..numbers import MISSING, machine, number
from ..present import baseline_text, target_label, value_text
from ..status import Status, breakdowns, realisation, status_for, target_for, units_with_data
from .. import paths
from ..templating import Markup, Templates
from .common import Generated, dataset_downloads, rel
from .common import chart as chart_context
from .progress import BEHIND, EXPLANATION, indicator_path
from ..targetkinds import kind_of

POLARITY_WORDS = {"higher_is_better": "hoger is beter", "lower_is_better": "lager is beter"}


def _status(status: Status) -> dict:
    return {"word": status.word, "icon": status.icon, "key": status.key}


def facts(site: Site, ind: Indicator) -> list[tuple[str, str]]:
    """(label, text) of every fact the data give: definition, unit, scale, direction, source, baseline."""
    out = []
    if ind.definition:
        out.append(("Definitie", ind.definition))
    out.append(("Eenheid", UNIT_TEXT[ind.unit]))
    if ind.scale:
        out.append(("Schaal", f"{number(ind.scale.min)}-{number(ind.scale.max)}"))
    out.append(("Richting", POLARITY_WORDS[ind.polarity]))
    if ind.source:
        out.append(("Bron", ind.source))
    out.append(("Nulmeting", baseline_text(ind)))
    if ind.baseline and ind.baseline.derived and ind.baseline.value is not None:
        out.append(("Nulmeting afgeleid door de redactie", ind.baseline.derived))
    if ind.ambition:
        out.append(("Ambitie", ind.ambition))
    if ind.attainment:
        out.append(("Wijze van vaststellen", ind.attainment))
    return out


def _years(site: Site, ind: Indicator) -> list[int]:
    start = site.agenda.period_start
    if ind.baseline and ind.baseline.year:
        start = max(start, ind.baseline.year + 1)
    return list(range(start, site.agenda.period_end + 1))


def status_rows(site: Site, ind: Indicator) -> list[dict]:
    """Per agenda year (and breakdown): realisation, target weighed and status."""
    rows = []
    for b in breakdowns(ind):
        for year in _years(site, ind):
            real = realisation(ind, year, None, b)
            target = target_for(ind, year, b)
            rows.append(
                {
                    "year": f"{year} ({b})" if b else str(year),
                    "value": value_text(ind, real.value) if real else MISSING,
                    "target": target_label(ind, target, year=True),
                    "status": _status(status_for(ind, year, None, b).status),
                }
            )
    return rows


def latest_college_year(ind: Indicator) -> int | None:
    """The latest year with a college value; ``None`` without any."""
    years = [r.year for r in ind.realisations if r.unit is not None]
    return max(years) if years else None


def colleges_compared(site: Site, ind: Indicator, breakdown: str | None = None) -> dict | None:
    """Every college in the latest year with college values, sorted by value best first (by the
    indicator's polarity; ties by name), then the colleges without a value; each with its status and
    whether it lies behind (:data:`kwsite.pages.progress.BEHIND`). ``None`` without college values."""
    year = latest_college_year(ind)
    if year is None:
        return None
    better = 1 if ind.polarity == "higher_is_better" else -1
    with_value, without = [], []
    for unit in site.units:
        real = realisation(ind, year, unit.id, breakdown)
        progress = status_for(ind, year, unit.id, breakdown)
        row = {
            "id": unit.id,
            "name": unit.name,
            "href": None,
            "raw": real.value if real else None,
            "value": value_text(ind, real.value) if real else MISSING,
            "expected": value_text(ind, path)
            if (path := path_value(ind, year, unit.id, breakdown)) is not None
            else "",
            "status": _status(progress.status),
            "behind": progress.status in BEHIND,
        }
        (with_value if real else without).append(row)
    with_value.sort(key=lambda r: (-better * r["raw"], r["name"]))
    rows = with_value + sorted(without, key=lambda r: r["name"])
    for rank, row in enumerate(rows, start=1):
        row["rank"] = number(rank) if row["raw"] is not None else ""
        del row["raw"]
    target = target_for(ind, year, breakdown)
    return {
        "year": year,
        "rows": rows,
        "behind": [r["name"] for r in rows if r["behind"]],
        "target": target_label(ind, target, year=True) if target else None,
        "order": "hoogste" if better > 0 else "laagste",
    }


def path_value(ind: Indicator, year: int, unit: str | None, breakdown: str | None = None):
    """The value of the straight path from the (college's) baseline to the target weighed in ``year``
    (:func:`kwsite.status.expected`), whatever the status; ``None`` without a path (direction or deferred
    target, no baseline value or year, or a range the baseline lies in)."""
    from ..status import _baseline, _better, expected
    from ..targetkinds import Path, kind_of

    target = target_for(ind, year, breakdown)
    base, base_year = _baseline(ind, unit, breakdown)
    if target is None or target.kind in ("direction", "deferred") or base is None or base_year is None:
        return None
    course = kind_of(target.kind).course(target, base, _better(ind))  # the target kind's path (kwsite.targetkinds)
    if not isinstance(course, Path):
        return None
    value = expected(base, base_year, course.end, target.year, year)
    places = max(_places(base), _places(course.end)) + 1  # one decimal more than printed: 7,07 on 6,8 → 7,2
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) if value != value.to_integral() else value


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def compare_rows(site: Site, ind: Indicator, compared: dict) -> tuple:
    """The rows of :func:`colleges_compared` for the chart (:class:`kwsite.charts.compare.CompareRow`)."""
    from ..charts.compare import CompareRow

    out = []
    for row in compared["rows"]:
        unit = site.unit(row["id"])
        real = realisation(ind, compared["year"], row["id"])
        out.append(
            CompareRow(
                unit.short_name or unit.name,
                real.value if real else None,
                path_value(ind, compared["year"], row["id"]),
                row["behind"],
                row["status"]["word"],
            )
        )
    return tuple(out)


def _machine(ind: Indicator, year: int, row: dict) -> tuple[str, str, str]:
    """Realisation, path value and status code of a comparison row, for the CSV."""
    real = realisation(ind, year, row["id"])
    path = path_value(ind, year, row["id"])
    return (
        machine(real.value) if real else "",
        machine(path) if path is not None else "",
        row["status"]["word"].replace(" ", "_"),
    )


def _machine_target(target, unit: str) -> str:
    """A target in machine form without its breakdown (that has its own column)."""
    from ..present import target_table_text

    text = target_table_text(target, unit, display=False)
    return text.removeprefix(f"{target.breakdown}: ") if target.breakdown else text


def college_series(site: Site, ind: Indicator) -> dict | None:
    """Each college with values: its value per year (``geen gegevens`` where the data give none)."""
    units = units_with_data(ind)
    if not units:
        return None
    years = sorted({r.year for r in ind.realisations if r.unit is not None})
    rows = []
    for uid in units:
        unit = site.unit(uid)
        cells = []
        for year in years:
            real = realisation(ind, year, uid)
            cells.append(value_text(ind, real.value) if real else MISSING)
        rows.append({"name": unit.name if unit else uid, "cells": cells})
    return {"years": [str(y) for y in years], "rows": rows}


def notes(ind: Indicator) -> list[str]:
    """Notes of the baseline, targets and realisations, each with what it is about."""
    out = [f"Nulmeting: {ind.baseline.note}"] if ind.baseline and ind.baseline.note else []
    out += [
        f"Streefwaarde {t.year}{f' ({t.breakdown})' if t.breakdown else ''}: {t.note}" for t in ind.targets if t.note
    ]
    out += [f"Realisatie {r.year}{f' ({r.unit})' if r.unit else ''}: {r.note}" for r in ind.realisations if r.note]
    return out


def context(site: Site, ind: Indicator, charts, files: list[Generated], updated: str | None = None) -> dict:
    page = indicator_path(ind)
    theme = site.theme(ind.theme)
    chart = charts.indicator(ind) if charts is not None else None
    title = f"Indicator {ind.id} {ind.name}: waarden, nulmeting en streefwaarden per jaar"
    has_data = bool(ind.realisations)
    compared = colleges_compared(site, ind)
    compare_chart = None
    if compared:
        for row in compared["rows"]:
            row["href"] = rel(page, paths.college(row["id"]))
        drawn = charts.compare(ind, compared["year"], compare_rows(site, ind, compared)) if charts is not None else None
        compare_title = f"Indicator {ind.id}: colleges vergeleken in {compared['year']}"
        dataset = Dataset(
            f"colleges-{ind.id}",
            compare_title,
            ("plaats", "college", "realisatie", "lijn", "stand"),
            tuple((r["rank"], r["name"], *_machine(ind, compared["year"], r)) for r in compared["rows"]),
            UNIT_TEXT[ind.unit],
            ind.source,
            page,
        )
        compared["downloads"] = dataset_downloads(dataset, files)  # the table below the chart is the chart's data table
        if drawn is not None:
            compare_chart = chart_context(page, drawn, files)
    targets = sorted(ind.targets, key=lambda t: (t.year, t.breakdown or ""))
    target_data = Dataset(
        f"indicator-{ind.id}-streefwaarden",
        f"Streefwaarden van indicator {ind.id}: {ind.name}",
        ("jaar", "uitsplitsing", "soort", "streefwaarde", "indicatief"),
        tuple(
            (str(t.year), t.breakdown or "", t.kind, _machine_target(t, ind.unit), "ja" if t.indicative else "")
            for t in targets
        ),
        UNIT_TEXT[ind.unit],
        ind.source,
        page,
    )
    return {
        "targets_downloads": dataset_downloads(target_data, files) if targets else None,
        "ind": {"id": ind.id, "name": ind.name},
        "heading": Markup(f"Indicator {ind.id}: {ind.name}".replace("&", "&amp;").replace("<", "&lt;")),
        # only what Markdown could read as HTML: an entity for '>' or a quote shows as typed in the PDF's contents
        "theme": {"title": theme.short_title, "href": rel(page, paths.theme(theme.id))} if theme else None,
        "facts": facts(site, ind),
        "targets": [
            {
                "year": t.year,
                "kind": kind_of(t.kind).label,
                "text": target_label(ind, t),
                "breakdown": t.breakdown or "",
            }
            for t in sorted(ind.targets, key=lambda t: (t.year, t.breakdown or ""))
        ],
        "status_rows": status_rows(site, ind) if has_data else None,
        "site_measured": any(i.realisations for i in site.indicators),
        "explanation": rel(page, EXPLANATION),
        "chart": chart_context(page, chart, files, (title, UNIT_TEXT[ind.unit], ind.source)) if chart else None,
        "compared": compared,
        "compare_chart": compare_chart,
        "series": college_series(site, ind),
        "notes": notes(ind),
        "updated": updated,
        "next": ind.next_measurement,
        "overview_href": rel(page, paths.INDICATORS),
    }


def render(
    site: Site,
    ind: Indicator,
    charts,
    files: list[Generated],
    updated: str | None = None,
    templates: Templates | None = None,
) -> Generated:
    """``indicatoren/<id>.md`` from ``pages/indicator.md``; ``updated`` is the "laatst bijgewerkt" date."""
    text = (templates or Templates()).render("pages/indicator.md", **context(site, ind, charts, files, updated))
    return Generated(indicator_path(ind), text, f"{ind.id} {ind.short_name or ind.name}")
