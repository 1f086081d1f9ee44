"""Rules for the process timelines, the specific activities and the ratio tables
(seed-notes §7.11 rules 6, 11, 12 and 17).

- Ratio tables: the printed percentage equals numerator / denominator rounded to
  the printed precision; a total column equals the sum of the other columns.
  A difference is a warning; a difference recorded in the column's
  ``acknowledged`` is a *note* (listed by ``kwsite validate``, not failing a
  strict build). S4 prints 15,9% for 2.000 / 12.659 = 15,8% (L1349-1351).
- Timelines: every ``when`` names a month and a year (``year`` given when the
  text has none, and never contradicting it); steps stand in date order.
- Activities: known theme; budget years inside the agenda period; amounts ≥ 0.
"""

from __future__ import annotations

from decimal import Decimal

from .loaded import Loaded
from .model import Site
from .numbers import number, percent

HUNDRED = Decimal(100)


def check_ratios(site: Site, loaded: Loaded) -> None:
    themes = {t.id for t in site.themes} | loaded.invalid_ids
    for i, table in enumerate(site.ratios):
        if table.theme and "themes" not in loaded.failed and table.theme not in themes:
            loaded.add("ratios", (i, "theme"), f"onbekend thema '{table.theme}'")
        labels = [c.label for c in table.columns]
        for j, col in enumerate(table.columns):
            loc = (i, "columns", j)
            if labels.index(col.label) != j:
                loaded.add("ratios", loc + ("label",), f"kolom '{col.label}' komt vaker voor")
            for name in ("percent", "norm"):
                value = getattr(col, name)
                if value is not None and not (0 <= value <= HUNDRED):
                    loaded.add("ratios", loc + (name,), f"percentage {number(value)} ligt niet tussen 0 en 100")
            if col.numerator is not None and col.denominator is not None and col.numerator > col.denominator:
                loaded.add(
                    "ratios",
                    loc + ("numerator",),
                    f"teller {number(col.numerator)} is groter dan noemer {number(col.denominator)}",
                )
                continue
            computed = col.computed_percent()
            if computed is None:
                if col.acknowledged:
                    loaded.add("ratios", loc + ("acknowledged",), "er is niets na te rekenen in deze kolom", "warning")
                continue
            if computed == col.percent:
                if col.acknowledged:
                    loaded.add(
                        "ratios", loc + ("acknowledged",), "de kolom klopt; 'acknowledged' is overbodig", "warning"
                    )
                continue
            message = (
                f"{col.label}: gedrukt {percent(col.percent)}, berekend {number(col.numerator)} / "
                f"{number(col.denominator)} = {percent(computed)}"
            )
            if col.acknowledged:
                loaded.add("ratios", loc + ("percent",), message, "note")
            else:
                loaded.add("ratios", loc + ("percent",), message, "warning")
        _check_total(loaded, i, table)


def _check_total(loaded: Loaded, index: int, table) -> None:
    if not table.total:
        return
    total = next((c for c in table.columns if c.label == table.total), None)
    if total is None:
        loaded.add("ratios", (index, "total"), f"geen kolom '{table.total}'")
        return
    parts = [c for c in table.columns if c is not total]
    j = table.columns.index(total)
    for name in ("numerator", "denominator"):
        values = [getattr(c, name) for c in parts]
        printed = getattr(total, name)
        if printed is None or None in values:
            continue
        computed = sum(values, Decimal(0))
        if computed != printed:
            loaded.add(
                "ratios",
                (index, "columns", j, name),
                f"som van de kolommen is {number(computed)}, gedrukt totaal {number(printed)}",
                "warning",
            )


def check_timelines(site: Site, loaded: Loaded) -> None:
    for i, timeline in enumerate(site.timelines):
        previous = None
        for j, step in enumerate(timeline.steps):
            loc = (i, "steps", j)
            if step.year is not None and step.year_printed:
                loaded.add("timelines", loc + ("year",), f"'{step.when}' noemt zelf een jaar; laat year weg")
                continue
            key = step.sort_key()
            if key is None:
                why = "geen maand" if step.year_printed or step.year else "geen jaar (geef year op)"
                loaded.add(
                    "timelines", loc + ("when",), f"'{step.when}': {why}; de plaats in de tijd is niet te bepalen"
                )
                continue
            if previous is not None and key < previous[0]:
                loaded.add(
                    "timelines",
                    loc + ("when",),
                    f"'{step.when}' staat na '{previous[1]}' maar is eerder; de pagina toont de tijdsvolgorde",
                    "warning",
                )
            if previous is None or key >= previous[0]:
                previous = (key, step.when)


def check_activities(site: Site, loaded: Loaded) -> None:
    themes = {t.id for t in site.themes} | loaded.invalid_ids
    ids = [a.id for a in site.activities]
    years = site.agenda.years
    for i, act in enumerate(site.activities):
        if ids.index(act.id) != i:
            loaded.add("activities", (i, "id"), f"id '{act.id}' komt vaker voor")
        if "themes" not in loaded.failed and act.theme not in themes:
            loaded.add("activities", (i, "theme"), f"onbekend thema '{act.theme}'")
        if act.see and act.see not in ids:
            loaded.add("activities", (i, "see"), f"onbekende activiteit '{act.see}'")
        for year, amount in act.budget.items():
            if year not in years:
                loaded.add(
                    "activities",
                    (i, "budget", year),
                    f"jaar {year} ligt buiten de looptijd {years.start}-{years.stop - 1}",
                )
            if amount < 0:
                loaded.add("activities", (i, "budget", year), f"negatief bedrag {number(amount)}")


FIGURE_RULES = (check_ratios, check_timelines, check_activities)
