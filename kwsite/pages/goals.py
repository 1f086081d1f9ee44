"""Goals per horizon (S4): one table per target year of *Doelstelling* and
*Proces- of effectindicator*, introduced by the agenda's rule that the goals
are minimums when the agenda says so."""

from __future__ import annotations

from ..model import Site, Theme
from ..tables import html_table

COLUMNS = ["", "Doelstelling", "Proces- of effectindicator"]


def block(site: Site, theme: Theme) -> str | None:
    """The goals section body, or ``None`` when no goal has a horizon (the plain list is used)."""
    if not any(g.horizon for g in theme.goals):
        return None
    out = []
    for year in sorted({g.horizon for g in theme.goals if g.horizon}):
        goals = [g for g in theme.goals if g.horizon == year]
        rule = f"In {year} zijn minimaal de volgende doelstellingen behaald." if site.agenda.goals_are_minimum else f"Doelstellingen voor {year}."
        rows = [[f"{g.id}.", g.text, g.indicator or "geen indicator in de gegevens"] for g in goals]
        out.append(f"### {year}\n\n{rule}\n\n" + html_table(COLUMNS, rows, f"{theme.short_title}: doelstellingen {year}", css="kw-table kw-goals") + "\n")
    rest = [g for g in theme.goals if not g.horizon]
    if rest:
        out.append("### Zonder jaartal\n\n" + "\n".join(f"- {g.text}" for g in rest) + "\n")
    if site.agenda.goals_are_minimum:
        out.append("*Toelichting van de redactie: de agenda schrijft bij elke tabel dat \"minimaal\" deze doelen behaald moeten zijn; meer bereiken mag, minder niet.*\n")
    return "\n".join(out)
