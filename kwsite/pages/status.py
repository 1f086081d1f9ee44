"""Status blocks for the generated pages: realisations per year with their
status (word + icon; the icon is ``aria-hidden``, the word always visible),
per college, and the two-thirds rule. The rule itself is :mod:`kwsite.status`."""

from __future__ import annotations

from html import escape

from ..model import Indicator, Site, Unit
from ..datasets import UNIT_TEXT, Dataset
from ..numbers import MISSING, machine
from ..present import target_table_text as target_text
from ..present import target_label, value_text
from ..status import Progress, Status, breakdowns, indicator_attainment, latest_parts, realisation, status_for, target_for, units_with_data
from ..tables import Html, html_table
from .common import Generated, download_block, rel, text

RULE_TEXT = (
    "*Stand* is berekend: een realisatie is *behaald* als ze de streefwaarde al haalt. Haalt ze die niet, dan is "
    "ze in of na het doeljaar *niet behaald*; daarvoor *op koers* als ze op of voorbij de rechte lijn van "
    "nulmeting naar streefwaarde ligt, anders *achter*. Is die lijn niet te trekken (geen nulmeting met jaar en "
    "waarde, of een streefwaarde die alleen een richting geeft), dan staat er *nog niet behaald*. Ontbreekt de "
    "waarde waarmee vergeleken moet worden, dan is de realisatie *niet te beoordelen*. Zonder realisatie staat "
    f"er *{MISSING}*."
)


def explanation_link(page: str) -> str:
    """``[Zo wordt de stand berekend](…)``: the explanation lives once, on the progress page."""
    from .progress import EXPLANATION

    return f"[Zo wordt de stand berekend]({rel(page, EXPLANATION)})"


def badge(status: Status) -> Html:
    """``<span class="kw-status kw-status-op-koers"><span aria-hidden="true">→</span> op koers</span>``."""
    return Html(f'<span class="kw-status kw-status-{status.key}"><span aria-hidden="true">{escape(status.icon)}</span> '
                f"{escape(status.word)}</span>")


def progress_cell(progress: Progress) -> Html:
    """The badge plus the year it is about: ``✓ behaald (2020)``."""
    year = f" ({progress.year})" if progress.year else ""
    return Html(badge(progress.status) + year)


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


def card_block(site: Site, ind: Indicator, page: str, files: list[Generated]) -> str:
    """Realisations and status per agenda year (and per breakdown), per college when
    the data give college values, with the two-thirds rule; a CSV download."""
    if not ind.realisations:  # nothing to show: the progress page says so once for the site
        return ""
    columns = ["Jaar", "Realisatie", "Streefwaarde", "Stand"]
    rows, mrows = [], []
    for breakdown in breakdowns(ind):
        for year in _years(site, ind):
            real = realisation(ind, year, None, breakdown)
            progress = status_for(ind, year, None, breakdown)
            target = target_for(ind, year, breakdown)
            label = f"{year} ({breakdown})" if breakdown else str(year)
            aim = f"{target_label(ind, target)} ({target.year})" if target else target_label(ind, None)
            rows.append([label, value_text(ind, real.value) if real else MISSING, aim, badge(progress.status)])
            mrows.append([str(year), breakdown or "", machine(real.value) if real else "",
                          _machine_target(target, ind, breakdown),
                          str(target.year) if target else "", progress.status.code])
    out = [f"#### Realisaties en stand {text(ind.id)}\n", html_table(columns, rows, f"Realisaties en stand van indicator {ind.id}", css="kw-table kw-status-table"), ""]
    key = f"stand-{ind.id}"
    dataset = Dataset(key, f"Realisaties en stand van indicator {ind.id}: {ind.name}",
                      ("jaar", "uitsplitsing", "realisatie", "streefwaarde", "streefwaarde_jaar", "stand"), tuple(tuple(r) for r in mrows),
                      UNIT_TEXT[ind.unit], ind.source, page)
    out.append(download_block(dataset, files) + "\n")
    out.append(explanation_link(page) + "\n")
    colleges = college_table(site, ind)
    if colleges:
        out.append(colleges)
    return "\n".join(out)


def college_table(site: Site, ind: Indicator) -> str:
    """Per college in the latest year with college data, and the two-thirds rule; "" without college data."""
    units = units_with_data(ind)
    years = sorted({r.year for r in ind.realisations if r.unit is not None})
    if not units or not years:
        return ""
    year = years[-1]
    rows = []
    for uid in units:
        unit = site.unit(uid)
        real = realisation(ind, year, uid)
        rows.append([unit.name if unit else uid, value_text(ind, real.value) if real else MISSING,
                     badge(status_for(ind, year, uid).status)])
    out = [f"Per college in {year}:\n", html_table(["College", f"Realisatie {year}", "Stand"], rows, f"Stand per college in {year}, indicator {ind.id}", css="kw-table kw-status-table"), ""]
    result = indicator_attainment(ind, year)
    if result is not None:
        how = (f"{result.reached} van de {result.judged} colleges met gegevens hebben de streefwaarde behaald"
               + (" (minstens tweederde)" if result.by == "onderdelen" else "; dat is minder dan tweederde, dus telt de waarde van de hele instelling"))
        out.append(f"*Regel van tweederde ({year}, berekend):* {how}. Uitkomst: {badge(result.status)}.\n")
    return "\n".join(out)


def overview_cell(ind: Indicator, unit: str | None = None) -> Html:
    """The indicator's latest status for the overview table; for an indicator whose
    targets are split per breakdown, one status per breakdown (``Entree: ✓ behaald
    (2020); Niveau 2: – geen gegevens``), or one "geen gegevens" when none has data."""
    parts = latest_parts(ind, unit)
    if len(parts) == 1 or all(p.year is None for _, p in parts):
        return progress_cell(parts[0][1])
    return Html("; ".join(f"{escape(b or 'totaal')}: {progress_cell(p)}" for b, p in parts))


def overview_code(ind: Indicator, unit: str | None = None) -> str:
    """Machine form of :func:`overview_cell`: ``behaald`` or ``Entree: behaald; Niveau 2: geen_gegevens``."""
    parts = latest_parts(ind, unit)
    if len(parts) == 1 or all(p.year is None for _, p in parts):
        return parts[0][1].status.code
    return "; ".join(f"{b or 'totaal'}: {p.status.code}" for b, p in parts)


def college_block(site: Site, unit: Unit) -> str:
    """Status of every indicator with realisations for ``unit``; a "geen gegevens" line without any."""
    rows = []
    for ind in site.indicators:
        if unit.id not in units_with_data(ind):
            continue
        values = []
        for b, progress in latest_parts(ind, unit.id):
            real = realisation(ind, progress.year, unit.id, b) if progress.year else None
            if real:
                values.append(f"{b}: {value_text(ind, real.value)}" if b else value_text(ind, real.value))
        rows.append([f"{ind.id} {ind.short_name or ind.name}", "; ".join(values) or MISSING, overview_cell(ind, unit.id)])
    if not rows:
        return f"De gegevens van deze site bevatten nog geen realisaties voor {text(unit.name)}: *{MISSING}*.\n"
    return (html_table(["Indicator", "Laatste realisatie", "Stand"], rows, "Stand van de indicatoren", css="kw-table kw-status-table")
            + "\n\n" + explanation_link(f"colleges/{unit.id}.md") + "\n")
