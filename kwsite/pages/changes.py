"""The generated page "Wat is er veranderd": this edition against the previous one,
from the data (:func:`kwsite.editions.compare`)."""

from __future__ import annotations

from ..editions import Changes
from ..model import Site
from ..numbers import euro_mln, percent, signed
from ..tables import html_table
from .common import Generated, text

PATH = "wijzigingen.md"
TITLE = "Wat is er veranderd"
STATUS = {"ingediend": "ingediend", "bijgesteld": "bijgesteld", "jaarverslag": "jaarverslag met realisaties", "concept": "concept"}


def _edition(site: Site) -> str:
    e = site.agenda.edition
    date = f", {text(e.date)}" if e.date else ""
    return f"{text(e.label)} ({STATUS[e.status]}{date})"


def render(site: Site, previous: Site | None, changes: Changes | None) -> Generated:
    out = [f"# {TITLE}\n"]
    if previous is None or changes is None:
        out.append(f"Dit is de eerste editie: {_edition(site)}. Er is geen vorige editie om mee te vergelijken.\n")
        return Generated(PATH, "\n".join(out), TITLE)
    out.append(f"Deze editie, {_edition(site)}, vergeleken met de vorige editie, {_edition(previous)}. "
               "Alles op deze pagina is uit de gegevens van beide edities berekend.\n")
    out.append("## Streefwaarden\n")
    if changes.targets:
        rows = []
        for c in changes.targets:
            ind = site.indicator(c.indicator) or previous.indicator(c.indicator)
            name = f"{c.indicator} {ind.short_name or ind.name}" if ind else c.indicator
            year = f"{c.year} ({c.breakdown})" if c.breakdown else str(c.year)
            rows.append([name, year, c.old or "nieuw", c.new or "vervallen"])
        out.append(html_table(["Indicator", "Jaar", "Was", "Wordt"], rows, "Gewijzigde streefwaarden", css="kw-table kw-changes") + "\n")
    else:
        out.append("Geen streefwaarde gewijzigd.\n")
    out.append("## Budget per thema\n")
    if changes.budget:
        rows = []
        for b in changes.budget:
            theme = site.theme(b.theme) or previous.theme(b.theme)
            rows.append([theme.short_title if theme else b.theme,
                         f"{percent(b.old_share)}, {euro_mln(b.old_mln)}" if b.old_mln is not None else "geen budget",
                         f"{percent(b.new_share)}, {euro_mln(b.new_mln)}" if b.new_mln is not None else "geen budget",
                         f"€\u00a0{signed(b.delta_mln)}\u00a0mln"])
        out.append(html_table(["Thema", "Was", "Wordt", "Verschil (berekend)"], rows, "Verschoven budget per thema", css="kw-table kw-changes") + "\n")
    else:
        out.append("Geen budget verschoven tussen thema's.\n")
    out.append("## Maatregelen\n")
    lines = [f"- Toegevoegd: {text(site_measure(site, m))}" for m in changes.measures_added]
    lines += [f"- Vervallen: {text(site_measure(previous, m))}" for m in changes.measures_removed]
    out.append("\n".join(lines) + "\n" if lines else "Geen maatregelen toegevoegd of vervallen.\n")
    out.append("## Indicatoren\n")
    lines = [f"- Toegevoegd: {text(i)}" for i in changes.indicators_added] + [f"- Vervallen: {text(i)}" for i in changes.indicators_removed]
    out.append("\n".join(lines) + "\n" if lines else "Geen indicatoren toegevoegd of vervallen.\n")
    out.append("## Cijfers\n")
    kinds = list(dict.fromkeys(f.kind for f in changes.figures))
    for kind in kinds:
        rows = [[f.subject, f.which, f.old or "nieuw", f.new or "vervallen"] for f in changes.figures if f.kind == kind]
        out.append(f"### {kind}\n")
        out.append(html_table(["Onderdeel", "Welk cijfer", "Was", "Wordt"], rows, kind, css="kw-table kw-changes") + "\n")
    if not kinds:
        out.append("Geen nulmeting, realisatie, tabelcel of ander cijfer gewijzigd.\n")
    return Generated(PATH, "\n".join(out), TITLE)


def site_measure(site: Site, measure_id: str) -> str:
    m = next((x for x in site.measures if x.id == measure_id), None)
    return f"{m.title} ({m.id})" if m else measure_id
