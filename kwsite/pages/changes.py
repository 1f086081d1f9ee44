"""The generated page "Wat is er veranderd": this edition against the previous one,
from the data (:func:`kwsite.editions.compare`)."""

from __future__ import annotations

from .. import paths
from ..editions import Changes
from ..model import Site
from ..numbers import euro_mln, percent, signed
from ..templating import Templates
from .common import Generated, table

PATH = paths.CHANGES
TITLE = "Wat is er veranderd"
STATUS = {
    "ingediend": "ingediend",
    "bijgesteld": "bijgesteld",
    "jaarverslag": "jaarverslag met realisaties",
    "concept": "concept",
}


def _edition(site: Site) -> dict:
    e = site.agenda.edition
    return {"label": e.label, "status": STATUS[e.status], "date": e.date}


def render(site: Site, previous: Site | None, changes: Changes | None, templates: Templates | None = None) -> Generated:
    """The page from ``pages/changes.md``; without a previous edition (or comparison) it says this is the first."""
    context = {"title": TITLE, "current": _edition(site), "previous": None}
    if previous is None or changes is None:
        return Generated(PATH, (templates or Templates()).render("pages/changes.md", **context), TITLE)
    context["previous"] = _edition(previous)
    rows = []
    for c in changes.targets:
        ind = site.indicator(c.indicator) or previous.indicator(c.indicator)
        name = f"{c.indicator} {ind.short_name or ind.name}" if ind else c.indicator
        year = f"{c.year} ({c.breakdown})" if c.breakdown else str(c.year)
        rows.append([name, year, c.old or "nieuw", c.new or "vervallen"])
    context["targets"] = (
        table(["Indicator", "Jaar", "Was", "Wordt"], rows, "Gewijzigde streefwaarden", css="kw-table kw-changes")
        if rows
        else None
    )
    rows = []
    for b in changes.budget:
        theme = site.theme(b.theme) or previous.theme(b.theme)
        rows.append(
            [
                theme.short_title if theme else b.theme,
                f"{percent(b.old_share)}, {euro_mln(b.old_mln)}" if b.old_mln is not None else "geen budget",
                f"{percent(b.new_share)}, {euro_mln(b.new_mln)}" if b.new_mln is not None else "geen budget",
                f"€\u00a0{signed(b.delta_mln)}\u00a0mln",
            ]
        )
    context["budget"] = (
        table(
            ["Thema", "Was", "Wordt", "Verschil (berekend)"],
            rows,
            "Verschoven budget per thema",
            css="kw-table kw-changes",
        )
        if rows
        else None
    )
    context["measures"] = [("Toegevoegd", site_measure(site, m)) for m in changes.measures_added] + [
        ("Vervallen", site_measure(previous, m)) for m in changes.measures_removed
    ]
    context["indicators"] = [("Toegevoegd", i) for i in changes.indicators_added] + [
        ("Vervallen", i) for i in changes.indicators_removed
    ]
    kinds = list(dict.fromkeys(f.kind for f in changes.figures))
    context["figures"] = [
        {
            "kind": kind,
            "table": table(
                ["Onderdeel", "Welk cijfer", "Was", "Wordt"],
                [
                    [f.subject, f.which, f.old or "nieuw", f.new or "vervallen"]
                    for f in changes.figures
                    if f.kind == kind
                ],
                kind,
                css="kw-table kw-changes",
            ),
        }
        for kind in kinds
    ]
    return Generated(PATH, (templates or Templates()).render("pages/changes.md", **context), TITLE)


def site_measure(site: Site, measure_id: str) -> str:
    m = next((x for x in site.measures if x.id == measure_id), None)
    return f"{m.title} ({m.id})" if m else measure_id
