"""Every figure of a site, keyed so two editions can be compared figure by figure.

One registry, :data:`KINDS`: a kind of figure (nulmetingen, realisaties, tabelcellen, budget, …) and
the function that lists them for one site as ``key → Figure`` (who it belongs to, which one, and
its text as the site shows it). :func:`changed` compares two sites over every kind and returns the
figures whose text differs: changed, added (``old`` ``None``) or removed (``new`` ``None``). Texts
are compared, so ``6,7`` → ``6,70`` (a changed precision) counts as a change, as it would on the page.

Measure states: every record with ``progress:`` entries (measures, action and improvement lines;
:mod:`kwsite.model.execution`) is listed per entry — date as written and state, with the note. A
site whose records have no ``progress`` field lists none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .model import Site
from .numbers import euro_mln, number, percent, with_unit
from .present import baseline_text


@dataclass(frozen=True)
class Figure:
    """One figure: ``subject`` (``1b Superschool``), ``which`` (``2021, College Noord``), ``text`` as shown."""

    subject: str
    which: str
    text: str


@dataclass(frozen=True)
class FigureChange:
    """One changed figure of kind ``kind``; ``old``/``new`` ``None`` when added/removed."""

    kind: str
    subject: str
    which: str
    old: str | None
    new: str | None


def _indicator_name(ind) -> str:
    return f"{ind.id} {ind.short_name or ind.name}"


def baselines(site: Site) -> dict[tuple, Figure]:
    return {(i.id,): Figure(_indicator_name(i), "nulmeting", baseline_text(i)) for i in site.indicators if i.baseline}


def realisations(site: Site) -> dict[tuple, Figure]:
    names = {u.id: u.name for u in site.units}
    out = {}
    for ind in site.indicators:
        for r in ind.realisations:
            who = names.get(r.unit, r.unit) if r.unit else site.agenda.total_name
            which = ", ".join(x for x in (r.period or str(r.year), who, r.breakdown) if x)
            out[(ind.id, r.year, r.unit, r.breakdown)] = Figure(
                _indicator_name(ind), which, with_unit(r.value, ind.unit)
            )
    return out


def table_cells(site: Site) -> dict[tuple, Figure]:
    out = {}
    for table in site.tables.values():
        for row in table.rows:
            for period, value in zip(table.periods, row.values):
                if value is not None:
                    out[(table.meta.id, row.unit or row.label, period)] = Figure(
                        table.meta.title, f"{row.label}, {period}", with_unit(value, table.meta.unit)
                    )
    return out


def budget_rows(site: Site) -> dict[tuple, Figure]:
    """The basis, the printed total and the additional-funds rows (the shares per theme are listed
    by :func:`kwsite.editions.compare` as budget moved between themes)."""
    budget = site.budget
    if budget is None:
        return {}
    out = {("basis",): Figure("Budget", "basis", euro_mln(budget.basis_mln))}
    if budget.total is not None:
        parts = [
            percent(budget.total.share_pct) if budget.total.share_pct is not None else None,
            euro_mln(budget.total.amount_mln) if budget.total.amount_mln is not None else None,
        ]
        out[("total",)] = Figure("Budget", "totaal", ", ".join(p for p in parts if p))
    rows = [(r.theme, r.label, r) for r in budget.additional]
    if budget.additional_total is not None:
        rows.append(("totaal", "totaal", budget.additional_total))
    for key, label, row in rows:
        out[("additional", key)] = Figure(
            "Aanvullende middelen",
            label,
            f"kwaliteitsagenda {euro_mln(row.ka_amount_mln)}, overig {euro_mln(row.other_amount_mln)}, "
            f"totaal {euro_mln(row.total_amount_mln)}",
        )
    return out


def activity_budgets(site: Site) -> dict[tuple, Figure]:
    return {
        (a.id, year): Figure(a.title, str(year), f"€\u00a0{number(amount)}")
        for a in site.activities
        for year, amount in a.budget.items()
    }


def ratio_figures(site: Site) -> dict[tuple, Figure]:
    out = {}
    for table in site.ratios:
        for col in table.columns:
            for name in ("numerator", "denominator", "percent", "norm"):
                value = getattr(col, name)
                if value is not None:
                    text = percent(value) if name in ("percent", "norm") else number(value)
                    out[(table.id, col.label, name)] = Figure(table.title, f"{col.label}, {WORDS[name]}", text)
    return out


WORDS = {"numerator": "teller", "denominator": "noemer", "percent": "percentage", "norm": "norm"}


def _with_progress(site: Site) -> Iterator[tuple[str, str, object]]:
    for measure in site.measures:
        yield "maatregel", f"{measure.title} ({measure.id})", measure
    for line in site.lines():
        yield line.kind, f"{line.category} ({line.id})", line


def measure_states(site: Site) -> dict[tuple, Figure]:
    out = {}
    for kind, name, record in _with_progress(site):
        seen: dict[str, int] = {}
        for entry in getattr(record, "progress", None) or ():
            n = seen[entry.date] = seen.get(entry.date, 0) + 1
            text = entry.state + (f" ({entry.note})" if entry.note else "")
            out[(kind, record.id, entry.date, n)] = Figure(name, entry.date, text)
    return out


KINDS: dict[str, Callable[[Site], dict[tuple, Figure]]] = {
    "Nulmetingen": baselines,
    "Realisaties": realisations,
    "Tabelcellen": table_cells,
    "Budgetregels": budget_rows,
    "Budget van activiteiten": activity_budgets,
    "Uitgangstabellen": ratio_figures,
    "Stand van maatregelen en lijnen": measure_states,
}
"""Every kind of figure, in the order the page lists them."""


def changed(old: Site, new: Site) -> list[FigureChange]:
    """Every figure whose text differs between ``old`` and ``new``, kind by kind, in the new site's
    order (removed figures after)."""
    out = []
    for kind, figures in KINDS.items():
        before, after = figures(old), figures(new)
        for key in [*after, *(k for k in before if k not in after)]:
            a, b = before.get(key), after.get(key)
            if (a.text if a else None) != (b.text if b else None):
                shown = b or a
                out.append(FigureChange(kind, shown.subject, shown.which, a.text if a else None, b.text if b else None))
    return out
