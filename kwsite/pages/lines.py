"""Generated appendix of action and improvement lines, one page per unit.

Lines are grouped by kind (actielijnen, verbeterlijnen) and by category in
the order of the source; each line shows its six fields under the source's
own column questions, the targets read from its text, and its timeline as
written with what could be read from it (year, school year; "jaar niet
vermeld" where the text gives none; uncertain and ambiguous entries marked).
"""

from __future__ import annotations

from html import escape

from .. import paths
from ..model import Line, LineSet, LineTarget, Owner, Site
from ..numbers import number
from ..datasets import Dataset
from .common import Generated, download_block, rel, text

INDEX = paths.LINES_INDEX
KINDS = {"actielijn": "Actielijnen", "verbeterlijn": "Verbeterlijnen"}
FIELDS = (
    ("goal", "Wat is het doel?"),
    ("results", "Wat is het beoogde resultaat?"),
    ("actions", "Wat is de actie?"),
    ("monitoring", "Hoe kun je het resultaat volgen?"),
    ("timeline", "Wat is het tijdspad?"),
    ("owners", "Wie is de eigenaar?"),
)
"""The six fields with the column questions of the source (S0 L13-19)."""


def path(lset: LineSet) -> str:
    return paths.line_set(lset.unit)


def owner_text(owner: Owner) -> str:
    """``MT mbo``; ``Ambassadeur Kwaliteitsnetwerk: J.R.H. Holtz`` when a name is shown."""
    if owner.role and owner.person:
        return f"{owner.role}: {owner.person}"
    return owner.role or owner.person


def target_text(target: LineTarget) -> str:
    """``maximaal 3,5%``; ``van 7,9 naar 8,5``; ``+5%``."""
    unit = "%" if target.unit == "percent" else ""
    value = f"{number(target.value)}{unit}"
    per = f" {target.per}" if target.per else ""
    words = {
        "value": value,
        "minimum": f"minimaal {value}",
        "maximum": f"maximaal {value}",
        "from_to": f"van {number(target.baseline)}{unit} naar {value}",
        "increase": f"+{value}",
    }[target.kind]
    scale = f" (schaal {number(target.scale.min)}-{number(target.scale.max)})" if target.scale else ""
    return f"{target.label}: {words}{per}{scale}"


def _items(values: list[str]) -> str:
    if not values:
        return "<em>niet ingevuld</em>"
    if len(values) == 1:
        return escape(values[0])
    return "<ul>" + "\n".join(f"<li>{escape(v)}</li>" for v in values) + "</ul>"


def timeline_html(line: Line) -> str:
    """Entries as written, each with what was read; the span of years below."""
    sched = line.schedule
    if not sched.entries:
        return "<em>niet ingevuld</em>"
    items = []
    for entry in sched.entries:
        marks = []
        if entry.uncertain:
            marks.append('<span class="kw-uncertain">onzeker (vraagteken in de bron)</span>')
        readings = entry.readings()
        if readings:
            marks.append("gelezen als " + escape("; ".join(readings)))
        extra = f' <span class="kw-read">({", ".join(marks)})</span>' if marks else ""
        items.append(f"<li>{escape(entry.as_written)}{extra}</li>")
    out = "<ul>" + "\n".join(items) + "</ul>\n"
    if sched.start is not None:
        span = str(sched.start) if sched.start == sched.end else f"{sched.start} t/m {sched.end}"
        out += f'<p class="kw-read">Jaren in het tijdpad: {span}.</p>'
    elif line.time_box:
        out += (f'<p class="kw-read">Het tijdpad noemt geen jaar; de rij noemt als looptijd '
                f'“{escape(line.time_box)}” (tot en met {line.time_box_end}).</p>')
    return out


def line_block(line: Line) -> str:
    cells = {
        "goal": escape(line.goal),
        "results": _items(line.results),
        "actions": _items(line.actions),
        "monitoring": _items(line.monitoring),
        "timeline": timeline_html(line),
        "owners": _items([owner_text(o) for o in line.owners]),
    }
    rows = [f'<tr><th scope="row">{escape(label)}</th><td>{cells[key]}</td></tr>' for key, label in FIELDS]
    if line.targets:
        rows.append('<tr><th scope="row">Streefwaarde uit de tekst</th><td>'
                    + _items([f"{target_text(t)} (“{t.as_written}”)" for t in line.targets]) + "</td></tr>")
    table = f'<div class="kw-table-wrap"><table class="kw-table kw-line"><tbody>{"".join(rows)}</tbody></table></div>'
    note = f"\n*Noot:* {text(line.note)}\n" if line.note else ""
    return f"#### {text(line.goal)}\n\n{table}\n{note}"


def categories(lines: list[Line]) -> list[tuple[str, list[Line]]]:
    """Lines grouped by category, categories in order of first appearance."""
    order: dict[str, list[Line]] = {}
    for line in lines:
        order.setdefault(line.category, []).append(line)
    return list(order.items())


def _dataset(lset: LineSet, page: str) -> Dataset:
    columns = ["id", "soort", "categorie", "doel", "beoogd_resultaat", "actie", "volgen", "tijdpad",
               "tijdpad_begin", "einde_tijdspanne", "eigenaar", "streefwaarden"]
    rows = []
    for ln in lset.lines:
        sched = ln.schedule
        rows.append([ln.id, ln.kind, ln.category, ln.goal, " | ".join(ln.results), " | ".join(ln.actions),
                     " | ".join(ln.monitoring), " | ".join(ln.timeline), str(sched.start or ""),
                     str(ln.time_box_end or ""), " | ".join(owner_text(o) for o in ln.owners),
                     " | ".join(target_text(t) for t in ln.targets)])
    return Dataset(f"lijnen-{lset.unit}", f"Actie- en verbeterlijnen: {lset.title}", tuple(columns),
                   tuple(tuple(r) for r in rows), "tekst", lset.title, page)


def render(site: Site, lset: LineSet, files: list[Generated]) -> Generated:
    page = path(lset)
    unit = site.unit(lset.unit)
    name = unit.name if unit else lset.unit
    out = [f"# Actie- en verbeterlijnen {text(name)}\n", f"Bron: *{text(lset.title)}*.\n"]
    if lset.intro:
        out.append(lset.intro + "\n")
    out.append(download_block(_dataset(lset, page), files, "Alle lijnen downloaden") + "\n")
    plans = [p for p in site.teamplans if p.line and lset.unit == (site.line_set_of(p.line).unit if site.line_set_of(p.line) else None)]
    for kind, title in KINDS.items():
        lines = lset.of_kind(kind)
        if not lines:
            continue
        out.append(f"## {title}\n")
        for category, group in categories(lines):
            out.append(f"### {text(category)}\n")
            for line in group:
                out.append(line_block(line))
                for plan in (p for p in plans if p.line == line.id):
                    out.append(f"Uitgewerkt in het verbeterplan [{text(plan.title)}]({rel(page, paths.teamplan(plan.id))}).\n")
    return Generated(page, "\n".join(out), unit.name if unit else lset.unit)


def index(site: Site) -> Generated:
    out = ["# Actie- en verbeterlijnen\n",
           "Zoals de bron ze omschrijft: een *actielijn* werkt uit hoe een doelstelling bereikt gaat worden, is "
           "ontwikkelingsgericht en heeft altijd een eigenaar die kan sturen op het beoogde resultaat. Een "
           "*verbeterlijn* is nodig waar de basiskwaliteit tekortschiet tegenover wet- en regelgeving of de "
           "streefwaarden van de eigen kwaliteitscyclus, en laat binnen een vooraf vastgestelde tijdspanne resultaat "
           "zien.\n"]
    for lset in site.line_sets:
        unit = site.unit(lset.unit)
        counts = ", ".join(f"{len(lset.of_kind(k))} {KINDS[k].lower()}" for k in KINDS)
        out.append(f"- [{text(unit.name if unit else lset.unit)}]({rel(INDEX, path(lset))}): {counts}")
    return Generated(INDEX, "\n".join(out) + "\n", "Overzicht")
