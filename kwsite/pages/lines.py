"""Generated appendix of action and improvement lines, one page per unit.

Lines are grouped by kind (actielijnen, verbeterlijnen) and by category in
the order of the source; each line shows its six fields under the source's
own column questions, the targets read from its text, and its timeline as
written with what could be read from it (year, school year; "jaar niet
vermeld" where the text gives none; uncertain and ambiguous entries marked). The pages are the templates
``pages/lines.md`` and ``pages/lines-index.md``.
"""

from __future__ import annotations

from .. import paths
from ..model import Line, LineSet, LineTarget, Owner, Site
from ..numbers import number
from ..datasets import Dataset
from ..templating import Templates
from .common import Generated, dataset_downloads, rel

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


def timeline(line: Line) -> dict:
    """The timeline entries as written, each with what was read from it, and the span of years
    (``macros`` ``timeline`` in ``pages/lines.md``)."""
    sched = line.schedule
    span = None
    if sched.start is not None:
        span = str(sched.start) if sched.start == sched.end else f"{sched.start} t/m {sched.end}"
    return {
        "entries": [
            {"as_written": e.as_written, "uncertain": e.uncertain, "readings": "; ".join(e.readings())}
            for e in sched.entries
        ],
        "span": span,
        "time_box": line.time_box,
        "time_box_end": line.time_box_end,
    }


def line_context(line: Line, plans: list[dict]) -> dict:
    """One line with its six fields under the source's column questions (``pages/lines.md``, macro ``line``)."""
    values = {
        "results": line.results,
        "actions": line.actions,
        "monitoring": line.monitoring,
        "owners": [owner_text(o) for o in line.owners],
    }
    fields = []
    for key, label in FIELDS:
        fields.append(
            {
                "label": label,
                "text": line.goal if key == "goal" else None,
                "items": values.get(key, []),
                "timeline": timeline(line) if key == "timeline" else None,
            }
        )
    return {
        "goal": line.goal,
        "fields": fields,
        "note": line.note,
        "plans": plans,
        "targets": [f"{target_text(t)} (“{t.as_written}”)" for t in line.targets],
    }


def categories(lines: list[Line]) -> list[tuple[str, list[Line]]]:
    """Lines grouped by category, categories in order of first appearance."""
    order: dict[str, list[Line]] = {}
    for line in lines:
        order.setdefault(line.category, []).append(line)
    return list(order.items())


def _dataset(lset: LineSet, page: str) -> Dataset:
    columns = [
        "id",
        "soort",
        "categorie",
        "doel",
        "beoogd_resultaat",
        "actie",
        "volgen",
        "tijdpad",
        "tijdpad_begin",
        "einde_tijdspanne",
        "eigenaar",
        "streefwaarden",
    ]
    rows = []
    for ln in lset.lines:
        sched = ln.schedule
        rows.append(
            [
                ln.id,
                ln.kind,
                ln.category,
                ln.goal,
                " | ".join(ln.results),
                " | ".join(ln.actions),
                " | ".join(ln.monitoring),
                " | ".join(ln.timeline),
                str(sched.start or ""),
                str(ln.time_box_end or ""),
                " | ".join(owner_text(o) for o in ln.owners),
                " | ".join(target_text(t) for t in ln.targets),
            ]
        )
    return Dataset(
        f"lijnen-{lset.unit}",
        f"Actie- en verbeterlijnen: {lset.title}",
        tuple(columns),
        tuple(tuple(r) for r in rows),
        "tekst",
        lset.title,
        page,
    )


def render(site: Site, lset: LineSet, files: list[Generated], templates: Templates | None = None) -> Generated:
    """The page of one unit's lines from ``pages/lines.md``."""
    page = path(lset)
    unit = site.unit(lset.unit)
    name = unit.name if unit else lset.unit
    plans = [
        p
        for p in site.teamplans
        if p.line and lset.unit == (site.line_set_of(p.line).unit if site.line_set_of(p.line) else None)
    ]
    kinds = []
    for kind, title in KINDS.items():
        lines = lset.of_kind(kind)
        if lines:
            kinds.append(
                {
                    "title": title,
                    "categories": [
                        {
                            "title": category,
                            "lines": [
                                line_context(
                                    ln,
                                    [
                                        {"title": p.title, "url": rel(page, paths.teamplan(p.id))}
                                        for p in plans
                                        if p.line == ln.id
                                    ],
                                )
                                for ln in group
                            ],
                        }
                        for category, group in categories(lines)
                    ],
                }
            )
    context = {
        "name": name,
        "source": lset.title,
        "intro": lset.intro,
        "kinds": kinds,
        "downloads": dataset_downloads(_dataset(lset, page), files, "Alle lijnen downloaden"),
    }
    return Generated(
        page, (templates or Templates()).render("pages/lines.md", **context), unit.name if unit else lset.unit
    )


def index(site: Site, templates: Templates | None = None) -> Generated:
    """The index of all line sets from ``pages/lines-index.md``."""
    sets = []
    for lset in site.line_sets:
        unit = site.unit(lset.unit)
        sets.append(
            {
                "name": unit.name if unit else lset.unit,
                "url": rel(INDEX, path(lset)),
                "counts": ", ".join(f"{len(lset.of_kind(k))} {KINDS[k].lower()}" for k in KINDS),
            }
        )
    return Generated(INDEX, (templates or Templates()).render("pages/lines-index.md", sets=sets), "Overzicht")
