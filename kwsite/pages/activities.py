"""Specific activities per theme with their budget per year (S4 chapter 6).

A year without an amount shows :data:`NOT_SET`, never 0. Totals are computed
from the printed amounts and labelled :data:`COMPUTED`; a total over a year in
which some activity has no amount is not computed. The texts are in ``pages/activities.md`` and
``pages/macros/activities.html``.
"""

from __future__ import annotations

from decimal import Decimal

from .. import paths
from ..model import Activity, Site, Theme
from ..numbers import machine, number
from ..datasets import Dataset
from ..templating import Templates
from .common import Generated, agenda_source, dataset_downloads, rel, table

PAGE = paths.ACTIVITIES
NOT_SET = "niet vastgesteld"
UNIT = "bedrag zoals gedrukt (de agenda noemt geen valuta); leeg = niet vastgesteld"
COMPUTED = "berekend"


def _years(site: Site) -> list[int]:
    return list(site.agenda.years)


def _amount(act: Activity, year: int) -> str:
    return number(act.budget[year]) if year in act.budget else NOT_SET


def total(acts: list[Activity], year: int) -> Decimal | None:
    """Sum of the amounts of ``year``; ``None`` unless every activity has one."""
    if not acts or any(year not in a.budget for a in acts):
        return None
    return sum((a.budget[year] for a in acts), Decimal(0))


def _total_cell(acts: list[Activity], year: int) -> str:
    value = total(acts, year)
    if value is not None:
        return f"{number(value)} ({COMPUTED})"
    return NOT_SET if all(year not in a.budget for a in acts) else "niet te berekenen"


def _join(years: list[int]) -> str:
    words = [str(y) for y in years]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " en " + words[-1]


def years_note(site: Site, acts: list[Activity]) -> str:
    """The sentence which agenda years ``acts`` have amounts for, computed from their ``budget``
    (S4: only 2019 → "De agenda geeft alleen bedragen voor 2019; voor 2020, 2021 en 2022 staat er
    *niet vastgesteld*.")."""
    years = _years(site)
    given = [y for y in years if any(y in a.budget for a in acts)]
    unset = [y for y in years if y not in given]
    gaps = any(y not in a.budget for a in acts for y in given)
    if not given:
        return f"De agenda geeft geen bedragen; overal staat er *{NOT_SET}*."
    if not unset:
        head = f"De agenda geeft bedragen voor {_join(given)}"
        return head + (f"; waar een activiteit geen bedrag heeft, staat er *{NOT_SET}*." if gaps else ".")
    only = "alleen " if len(given) == 1 else ""
    tail = ", en ook waar een activiteit geen bedrag heeft" if gaps else ""
    return f"De agenda geeft {only}bedragen voor {_join(given)}; voor {_join(unset)} staat er *{NOT_SET}*{tail}."


def _title(act: Activity) -> str:
    return f"{act.label}. {act.title}"


def _source(site: Site) -> str:
    return agenda_source(site)


def budget_table(site: Site, acts: list[Activity], caption: str, total_label: str = "Totaal") -> dict:
    """The activities with their budget per year and the computed total (a table context)."""
    years = _years(site)
    columns = ["Activiteit", *[f"Budget {y}" for y in years]]
    rows = [[_title(a), *[_amount(a, y) for y in years]] for a in acts]
    rows.append([f"{total_label} ({COMPUTED})", *[_total_cell(acts, y) for y in years]])
    return table(columns, rows, caption, css="kw-table kw-activities")


def _detail(site: Site, act: Activity, page: str) -> dict:
    see = None
    if act.see:
        other = next((a for a in site.activities if a.id == act.see), None)
        theme = site.theme(other.theme) if other else None
        if other and theme:
            see = {"theme": theme.short_title, "title": other.title, "url": rel(page, paths.theme(theme.id))}
    return {
        "title": _title(act),
        "summary": act.summary,
        "see": see,
        "goals": list(act.goals),
        "goals_label": f"Doelen voor {act.goals_for}" if act.goals_for else "Doelen",
        "items": list(act.items),
        "partners": list(act.partners),
    }


def theme_block(site: Site, theme: Theme, page: str, files: list[Generated]) -> dict | None:
    """The activities of ``theme`` with budget table and computed total (``macros/activities.html``
    ``theme_block``); ``None`` if it has none."""
    acts = site.activities_of(theme.id)
    if not acts:
        return None
    years = _years(site)
    caption = f"Specifieke activiteiten en budget: {theme.short_title}"
    machine_rows = tuple((a.label, a.title, *[machine(a.budget.get(y)) for y in years]) for a in acts)
    dataset = Dataset(
        f"activiteiten-{theme.id}",
        caption,
        ("letter", "activiteit", *[f"budget_{y}" for y in years]),
        machine_rows,
        UNIT,
        _source(site),
        page,
    )
    return {
        "table": budget_table(site, acts, caption, "Totaal thema" if theme.kind == "theme" else "Totaal voorwaarde"),
        "downloads": dataset_downloads(dataset, files),
        "all_url": rel(page, PAGE),
        "years_note": years_note(site, acts),
        "note": site.agenda.activities_note,
        "activities": [_detail(site, a, page) for a in acts],
    }


def overview(site: Site, files: list[Generated], templates: Templates | None = None) -> Generated | None:
    """``activiteiten.md`` from ``pages/activities.md``: every activity by theme, with computed totals per
    theme and overall."""
    if not site.activities:
        return None
    page, years = PAGE, _years(site)
    columns = ["Thema / activiteit", *[f"Budget {y}" for y in years]]
    rows, machine_rows = [], []
    for theme in site.themes:
        acts = site.activities_of(theme.id)
        if not acts:
            continue
        kind = "Voorwaarde" if theme.kind == "precondition" else f"Thema {theme.number}"
        rows += [[f"{kind}, {_title(a)}", *[_amount(a, y) for y in years]] for a in acts]
        rows.append(
            [f"Totaal {kind.lower()}: {theme.short_title} ({COMPUTED})", *[_total_cell(acts, y) for y in years]]
        )
        machine_rows += [(theme.id, a.label, a.title, *[machine(a.budget.get(y)) for y in years]) for a in acts]
    rows.append([f"Totaal alle activiteiten ({COMPUTED})", *[_total_cell(list(site.activities), y) for y in years]])
    caption = "Alle specifieke activiteiten met budget per jaar"
    names = ("thema", "letter", "activiteit", *[f"budget_{y}" for y in years])
    dataset = Dataset("activiteiten", caption, names, tuple(machine_rows), UNIT, _source(site), page)
    context = {
        "table": table(columns, rows, caption, css="kw-table kw-activities"),
        "downloads": dataset_downloads(dataset, files),
        "years_note": years_note(site, list(site.activities)),
        "note": site.agenda.activities_note,
        "themes": [
            {"name": t.short_title, "url": rel(page, paths.theme(t.id))}
            for t in site.themes
            if site.activities_of(t.id)
        ],
    }
    return Generated(
        page, (templates or Templates()).render("pages/activities.md", **context), "Specifieke activiteiten"
    )
