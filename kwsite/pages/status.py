"""Contexts of the status blocks of the generated pages (``macros/status.html``,
``macros/realisations.html``): realisations per year with their status (word + icon; the icon is
``aria-hidden``, the word always visible), per college, and the two-thirds rule. The rule itself is
:mod:`kwsite.status`."""

from __future__ import annotations

from .. import paths
from ..model import Indicator, Site, Unit
from ..datasets import UNIT_TEXT, Dataset
from ..numbers import MISSING, machine
from ..present import target_table_text as target_text
from ..present import target_label, value_text
from ..status import (
    agenda_rule,
    Progress,
    Status,
    breakdowns,
    indicator_attainment,
    latest_parts,
    realisation,
    status_for,
    target_for,
    units_with_data,
)
from .common import Generated, dataset_downloads, rel, table


def badge(status: Status) -> dict:
    """Context of ``macros/status.html`` ``badge``: the status's key (CSS class), icon and word."""
    return {"key": status.key, "icon": status.icon, "word": status.word}


def cell(parts: list[tuple[str | None, Progress]], year: bool = True) -> dict:
    """A table cell of badges (``macros/status.html`` ``cell``): per part its label (a breakdown, or
    none), badge and, with ``year``, the year it is about: ``✓ behaald (2020)``."""
    return {
        "parts": [{"label": label, "status": badge(p.status), "year": p.year if year else None} for label, p in parts]
    }


def _years(site: Site, ind: Indicator) -> list[int]:
    start = site.agenda.period_start
    if ind.baseline and ind.baseline.year:
        start = max(start, ind.baseline.year + 1)
    return list(range(start, site.agenda.period_end + 1))


def _machine_target(target, ind: Indicator, breakdown: str | None) -> str:
    """The target in machine form, without the breakdown (that has its own column)."""
    if target is None:
        return ""
    return target_text(target, ind.unit, display=False).removeprefix(f"{breakdown}: " if breakdown else "")


def explanation(page: str) -> str:
    """Link from ``page`` to the explanation of the statuses: it lives once, on the progress page (#15)."""
    return rel(page, paths.PROGRESS_EXPLANATION)


def card(site: Site, ind: Indicator, page: str, files: list[Generated]) -> dict | None:
    """Context of ``macros/realisations.html`` ``card``: realisations and status per agenda year (and per
    breakdown), per college when the data give college values, with the two-thirds rule and a link to
    the explanation of the statuses; adds the CSV and JSON to ``files``. ``None`` (nothing shown) when
    the indicator has no realisation: the progress page says so once for the site."""
    if not ind.realisations:
        return None
    columns = ["Jaar", "Realisatie", "Streefwaarde", "Stand"]
    rows, mrows = [], []
    for breakdown in breakdowns(ind):
        for year in _years(site, ind):
            real = realisation(ind, year, None, breakdown)
            progress = status_for(ind, year, None, breakdown)
            target = target_for(ind, year, breakdown)
            label = f"{year} ({breakdown})" if breakdown else str(year)
            aim = target_label(ind, target, year=True)
            rows.append(
                [label, value_text(ind, real.value) if real else MISSING, aim, cell([(None, progress)], year=False)]
            )
            mrows.append(
                [
                    str(year),
                    breakdown or "",
                    machine(real.value) if real else "",
                    _machine_target(target, ind, breakdown),
                    str(target.year) if target else "",
                    progress.status.code,
                ]
            )
    key = f"stand-{ind.id}"
    dataset = Dataset(
        key,
        f"Realisaties en stand van indicator {ind.id}: {ind.name}",
        ("jaar", "uitsplitsing", "realisatie", "streefwaarde", "streefwaarde_jaar", "stand"),
        tuple(tuple(r) for r in mrows),
        UNIT_TEXT[ind.unit],
        ind.source,
        page,
    )
    return {
        "id": ind.id,
        "table": table(columns, rows, f"Realisaties en stand van indicator {ind.id}", css="kw-table kw-status-table"),
        "downloads": dataset_downloads(dataset, files),
        "colleges": colleges(site, ind),
        "explanation": explanation(page),
    }


def colleges(site: Site, ind: Indicator) -> dict | None:
    """Per college in the latest year with college data; ``None`` without college data. ``attainment``
    is the two-thirds rule, only where :func:`agenda_rule` holds; elsewhere ``count`` gives plainly how
    many colleges with a realisation reach the target (kwsite's count, no rule)."""
    units = units_with_data(ind)
    years = sorted({r.year for r in ind.realisations if r.unit is not None})
    if not units or not years:
        return None
    year = years[-1]
    rows = []
    for uid in units:
        unit = site.unit(uid)
        real = realisation(ind, year, uid)
        rows.append(
            [
                unit.name if unit else uid,
                value_text(ind, real.value) if real else MISSING,
                cell([(None, status_for(ind, year, uid))], year=False),
            ]
        )
    result = indicator_attainment(ind, year)
    attainment = count = None
    if result is not None and result.judged and agenda_rule(site, ind):  # never "0 van de 0"
        attainment = {
            "year": year,
            "reached": result.reached,
            "judged": result.judged,
            "by": result.by,
            "status": badge(result.status),
        }
    elif result is not None and result.judged:  # no "0 van de 0": without a judged college no count
        count = {"year": year, "reached": result.reached, "judged": result.judged}
    return {
        "year": year,
        "attainment": attainment,
        "count": count,
        "table": table(
            ["College", f"Realisatie {year}", "Stand"],
            rows,
            f"Stand per college in {year}, indicator {ind.id}",
            css="kw-table kw-status-table",
        ),
    }


def overview_cell(ind: Indicator, unit: str | None = None) -> dict:
    """The indicator's latest status for the overview table (a :func:`cell`); for an indicator whose
    targets are split per breakdown, one status per breakdown (``Entree: ✓ behaald
    (2020); Niveau 2: – geen gegevens``), or one "geen gegevens" when none has data."""
    parts = latest_parts(ind, unit)
    if len(parts) == 1 or all(p.year is None for _, p in parts):
        return cell([(None, parts[0][1])])
    return cell([(b or "totaal", p) for b, p in parts])


def overview_code(ind: Indicator, unit: str | None = None) -> str:
    """Machine form of :func:`overview_cell`: ``behaald`` or ``Entree: behaald; Niveau 2: geen_gegevens``."""
    parts = latest_parts(ind, unit)
    if len(parts) == 1 or all(p.year is None for _, p in parts):
        return parts[0][1].status.code
    return "; ".join(f"{b or 'totaal'}: {p.status.code}" for b, p in parts)


def college_rows(site: Site, unit: Unit) -> dict | None:
    """Status of every indicator with realisations for ``unit`` (a :func:`kwsite.pages.common.table` context),
    or ``None`` without any."""
    rows = []
    for ind in site.indicators:
        if unit.id not in units_with_data(ind):
            continue
        values = []
        for b, progress in latest_parts(ind, unit.id):
            real = realisation(ind, progress.year, unit.id, b) if progress.year else None
            if real:
                values.append(f"{b}: {value_text(ind, real.value)}" if b else value_text(ind, real.value))
        rows.append(
            [f"{ind.id} {ind.short_name or ind.name}", "; ".join(values) or MISSING, overview_cell(ind, unit.id)]
        )
    if not rows:
        return None
    return table(
        ["Indicator", "Laatste realisatie", "Stand"], rows, "Stand van de indicatoren", css="kw-table kw-status-table"
    )
