"""Goals per horizon (S4): one table per target year of *Doelstelling* and
*Proces- of effectindicator*, introduced by the agenda's rule that the goals
are minimums when the agenda says so. Context of ``pages/theme.md``; every goal text is escaped there,
in the table and in the list alike."""

from __future__ import annotations

from ..model import Site, Theme
from .common import table

COLUMNS = ["", "Doelstelling", "Proces- of effectindicator"]


def context(site: Site, theme: Theme) -> dict | None:
    """The goals per horizon for ``pages/theme.md`` (``years``: per year its rule and table; ``rest``: goal
    texts without a year; ``minimum``: the agenda calls the goals minimums), or ``None`` when no goal has a
    horizon (the page lists the goals)."""
    if not any(g.horizon for g in theme.goals):
        return None
    years = []
    for year in sorted({g.horizon for g in theme.goals if g.horizon}):
        goals = [g for g in theme.goals if g.horizon == year]
        rule = (
            f"In {year} zijn minimaal de volgende doelstellingen behaald."
            if site.agenda.goals_are_minimum
            else f"Doelstellingen voor {year}."
        )
        rows = [[f"{g.id}.", g.text, g.indicator or "geen indicator in de gegevens"] for g in goals]
        years.append(
            {
                "year": year,
                "rule": rule,
                "table": table(COLUMNS, rows, f"{theme.short_title}: doelstellingen {year}", css="kw-table kw-goals"),
            }
        )
    return {
        "years": years,
        "rest": [g.text for g in theme.goals if not g.horizon],
        "minimum": site.agenda.goals_are_minimum,
    }
