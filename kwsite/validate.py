"""Cross-file rules on a loaded site. Each rule is a small function that
reports problems through :class:`~kwsite.loaded.Loaded` (so they carry file and
line). Errors stop the build; warnings are logged and fail ``--strict``.

Rules (seed-notes §7.11): unique ids; references resolve; target years inside
the agenda period; values inside the indicator's scale and percentages ≤ 100;
relative targets reproduce their absolute value; budget shares and amounts add
up to the printed totals; amount = share × basis; the national themes get at
least the minimum share; additional-funds rows add up.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from .execution_rules import EXECUTION_RULES
from .linerules import LINE_RULES
from .loaded import Loaded
from .model import Site
from .numbers import number
from .gitref import ref_problem
from .hints import did_you_mean
from .problems import Problem
from .plausible import PLAUSIBLE_RULES
from .targetkinds import kind_of
from .validate_figures import FIGURE_RULES

PERCENT_MAX = Decimal(100)


def _raw_items(loaded: Loaded, key: str) -> list:
    """The records of a list file as written (also those that failed to load)."""
    doc = loaded.docs.get(key)
    items = doc.get(key) if doc else None
    return items if isinstance(items, list) else []


def _duplicates(loaded: Loaded, key: str, ids: list[str], raw: bool = False) -> None:
    counts = Counter(ids)
    for i, ident in enumerate(ids):
        if counts[ident] > 1 and ids.index(ident) != i:
            loaded.add(key, (i, "id"), f"id '{ident}' komt vaker voor", raw=raw)


def check_ids(site: Site, loaded: Loaded) -> None:
    _duplicates(loaded, "units", [u.id for u in site.units])
    _duplicates(loaded, "themes", [t.id for t in site.themes])
    _duplicates(loaded, "indicators", [i.id for i in site.indicators])
    raw_tables = [t.get("id") if isinstance(t, dict) else None for t in _raw_items(loaded, "tables")]
    _duplicates(loaded, "tables", raw_tables, raw=True)
    _duplicates(loaded, "measures", [x.id for x in site.measures])
    for ti, theme in enumerate(site.themes):
        seen = set()
        for gi, goal in enumerate(theme.goals):
            if (goal.id, goal.horizon) in seen:
                loaded.add("themes", (ti, "goals", gi, "id"), f"doel '{goal.id}' komt vaker voor")
            seen.add((goal.id, goal.horizon))


def check_references(site: Site, loaded: Loaded) -> None:
    if loaded.failed & {"themes", "units", "indicators", "tables"}:
        return  # the unreadable file is reported; its ids would all look unknown
    invalid = loaded.invalid_ids
    themes = {t.id for t in site.themes}
    units = {u.id for u in site.units}
    institutions = {i.id for i in site.agenda.institutions}
    indicators = {i.id for i in site.indicators}
    tables = _raw_items(loaded, "tables")
    table_ids = {t.get("id") for t in tables if isinstance(t, dict) and isinstance(t.get("id"), str)} - invalid

    def unknown(key: str, loc: tuple, what: str, ref: str, valid: set[str], raw: bool = False) -> None:
        """``onbekend <what> '<ref>'`` with a "bedoelt u …?" among the valid ids only; nothing when ``ref``
        is, or is close to, the id of a record that did not load (its own error says what to fix)."""
        if ref in valid or ref in invalid or did_you_mean(ref, invalid):
            return
        loaded.add(key, loc, f"{what} '{ref}'{did_you_mean(ref, valid)}", raw=raw)

    for i, unit in enumerate(site.units):
        if unit.institution not in institutions:
            loaded.add("units", (i, "institution"), f"onbekende instelling '{unit.institution}'")
    for i, ind in enumerate(site.indicators):
        unknown("indicators", (i, "theme"), "onbekend thema", ind.theme, themes)
        for j, table in enumerate(ind.tables):
            unknown("indicators", (i, "tables", j), "onbekende tabel", table, table_ids)
    for i, raw in enumerate(tables):
        ref = raw.get("indicator") if isinstance(raw, dict) else None
        if ref:
            unknown("tables", (i, "indicator"), "onbekende indicator", ref, indicators, raw=True)
    for i, measure in enumerate(site.measures):
        unknown("measures", (i, "theme"), "onbekend thema", measure.theme, themes)
        for j, unit in enumerate(measure.units):
            unknown("measures", (i, "units", j), "onbekend college", unit, units)
    if site.budget:
        for i, alloc in enumerate(site.budget.allocations):
            unknown("budget", ("allocations", i, "theme"), "onbekend thema", alloc.theme, themes)
        for i, row in enumerate(site.budget.additional):
            unknown("budget", ("additional", i, "theme"), "onbekend thema", row.theme, themes)


def _in_scale(loaded: Loaded, ind, loc: tuple, value: Decimal | None) -> None:
    if value is None:
        return
    if ind.scale and not (ind.scale.min <= value <= ind.scale.max):
        loaded.add(
            "indicators",
            loc,
            f"waarde {number(value)} ligt buiten de schaal {number(ind.scale.min)}-{number(ind.scale.max)}",
        )
    elif ind.unit == "percent" and not (0 <= value <= PERCENT_MAX):
        loaded.add("indicators", loc, f"percentage {number(value)} ligt niet tussen 0 en 100")
    elif ind.unit == "grade" and not ind.scale and not (1 <= value <= 10):
        loaded.add("indicators", loc, f"cijfer {number(value)} ligt niet tussen 1 en 10")


def check_targets(site: Site, loaded: Loaded) -> None:
    agenda = site.agenda
    for i, ind in enumerate(site.indicators):
        base = ind.baseline
        if base is not None:
            _in_scale(loaded, ind, (i, "baseline", "value"), base.value)
            if base.year and base.year > agenda.period_end:
                loaded.add("indicators", (i, "baseline", "year"), f"nulmeting {base.year} ligt na de looptijd")
        keys = [(t.year, t.breakdown) for t in ind.targets]
        for j, target in enumerate(ind.targets):
            loc = (i, "targets", j)
            if target.year not in agenda.years:
                loaded.add(
                    "indicators",
                    loc + ("year",),
                    f"jaar {target.year} ligt buiten de looptijd {agenda.period_start}-{agenda.period_end}",
                )
            if keys.index(keys[j]) != j:
                part = f" ({target.breakdown})" if target.breakdown else ""
                loaded.add("indicators", loc + ("year",), f"al een streefwaarde voor {target.year}{part}")
            for name in ("value", "low", "high"):
                _in_scale(loaded, ind, loc + (name,), getattr(target, name))
            better = 1 if ind.polarity == "higher_is_better" else -1
            for found in kind_of(target.kind).rules(target, base.value if base else None, better):
                loaded.add("indicators", loc + (found.field,), found.message, found.level)


def check_realisations(site: Site, loaded: Loaded) -> None:
    """Realisations: inside the scale, not before the baseline, not after the period,
    a known college, one value per year/college/breakdown; when every target is
    split per breakdown, a breakdown those targets name; otherwise no breakdown the
    targets do not name (the stand table would leave that realisation out)."""
    agenda = site.agenda
    units = {u.id for u in site.units} | loaded.invalid_ids
    for i, ind in enumerate(site.indicators):
        base_year = ind.baseline.year if ind.baseline else None
        keys = [(r.year, r.unit, r.breakdown) for r in ind.realisations]
        parts = list(dict.fromkeys(t.breakdown for t in ind.targets))
        split = bool(parts) and None not in parts
        for j, real in enumerate(ind.realisations):
            loc = (i, "realisations", j)
            _in_scale(loaded, ind, loc + ("value",), real.value)
            if real.year > agenda.period_end:
                loaded.add("indicators", loc + ("year",), f"realisatie {real.year} ligt na de looptijd")
            if base_year and real.year < base_year:
                loaded.add(
                    "indicators", loc + ("year",), f"realisatie {real.year} ligt voor de nulmeting ({base_year})"
                )
            if (
                real.unit
                and "units" not in loaded.failed
                and real.unit not in units
                and not did_you_mean(real.unit, loaded.invalid_ids)
            ):  # else a follow-on of a unit that did not load
                valid = units - loaded.invalid_ids
                loaded.add(
                    "indicators", loc + ("unit",), f"onbekend college '{real.unit}'{did_you_mean(real.unit, valid)}"
                )
            if split and real.breakdown is None:
                loaded.add(
                    "indicators",
                    loc,
                    f"indicator heeft streefwaarden per uitsplitsing ({', '.join(parts)}); geef breakdown",
                )
            elif split and real.breakdown not in parts:
                loaded.add(
                    "indicators",
                    loc + ("breakdown",),
                    f"onbekende uitsplitsing '{real.breakdown}' ({', '.join(parts)})",
                )
            elif real.breakdown is not None and real.breakdown not in parts:  # the stand table would drop it
                named = [p for p in parts if p is not None]
                loaded.add(
                    "indicators",
                    loc + ("breakdown",),
                    f"onbekende uitsplitsing '{real.breakdown}'"
                    + (
                        f" ({', '.join(named)})"
                        if named
                        else ": de streefwaarden van deze indicator zijn niet uitgesplitst; laat breakdown weg"
                    ),
                )
            if keys.index(keys[j]) != j:
                loaded.add("indicators", loc + ("year",), f"al een realisatie voor {real.year}")


def check_tables(site: Site, loaded: Loaded) -> None:
    """Every cell within what its unit allows: 0-100 for percentages, the scale of the
    table's indicator for grades and scores, whole numbers written without a point for counts;
    header years written as years, ascending and not after the agenda's period."""
    for table in site.tables.values():
        _check_years(site, loaded, table)
        scale = _table_scale(site, table)
        for row in table.rows:
            for col, (period, value) in enumerate(zip(table.periods, row.values), start=2):
                problem = None if value is None else _cell_problem(table.meta.unit, value, scale)
                if problem:
                    loaded.problems.append(Problem(table.path, row.line, col, period, problem))


def _check_years(site: Site, loaded: Loaded, table) -> None:
    """A header period that is a number must be a year (``2017``, not ``2017.0``), years ascend, and none
    lies after the agenda's period (``2107`` for ``2017`` put the values under another year)."""
    agenda, last = site.agenda, None
    for col, period in enumerate(table.periods, start=2):
        problem = None
        if re.fullmatch(r"\d+(?:[.,]\d+)?", period) and not re.fullmatch(r"\d{4}", period):
            problem = f"periode '{period}' is geen jaar; schrijf een jaar als 2017"
        elif re.fullmatch(r"\d{4}", period):
            year = int(period)
            if year > agenda.period_end:
                problem = f"jaar {year} ligt na de looptijd ({agenda.period_start}-{agenda.period_end})"
            elif last is not None and year < last:  # the same year twice: "dubbele periode"
                problem = f"jaren in de kopregel niet oplopend ({year} na {last})"
            last = year
        if problem:
            loaded.problems.append(Problem(table.path, 1, col, period, problem))


def _table_scale(site: Site, table):
    """(min, max) of the scale of the table's indicator when both measure in the same unit."""
    ind = site.indicator(table.meta.indicator) if table.meta.indicator else None
    if ind is None or ind.scale is None or ind.unit != table.meta.unit:
        return None
    return ind.scale.min, ind.scale.max


def _cell_problem(unit: str, value: Decimal, scale) -> str | None:
    if unit == "percent" and not (0 <= value <= PERCENT_MAX):
        return f"percentage {number(value)} ligt niet tussen 0 en 100"
    if unit == "count" and (value < 0 or value.as_tuple().exponent < 0):
        return f"een aantal is een heel getal van 0 of meer, geschreven zonder punt: {value} (duizendtallen zonder scheidingsteken)"
    if scale and not (scale[0] <= value <= scale[1]):
        return f"waarde {number(value)} ligt buiten de schaal {number(scale[0])}-{number(scale[1])}"
    return None


def check_budget(site: Site, loaded: Loaded) -> None:
    budget = site.budget
    if budget is None:
        return
    shares = sum((a.share_pct for a in budget.allocations), Decimal(0))
    amounts = sum((a.amount_mln for a in budget.allocations), Decimal(0))
    total = budget.total
    if total and total.share_pct is not None and shares != total.share_pct:
        loaded.add(
            "budget",
            ("total", "share_pct"),
            f"som van de aandelen is {number(shares)}, gedrukt totaal {number(total.share_pct)}",
            "warning",
        )
    if total and total.amount_mln is not None and amounts != total.amount_mln:
        loaded.add(
            "budget",
            ("total", "amount_mln"),
            f"som van de bedragen is {number(amounts)}, gedrukt totaal {number(total.amount_mln)}",
            "warning",
        )
    for i, alloc in enumerate(budget.allocations):
        expected = budget.basis_mln * alloc.share_pct / 100
        if abs(expected - alloc.amount_mln) > Decimal("0.05"):
            loaded.add(
                "budget",
                ("allocations", i, "amount_mln"),
                f"{number(alloc.share_pct)}% van {number(budget.basis_mln)} is {number(expected)}, niet {number(alloc.amount_mln)}",
                "warning",
            )
    national = {t.id for t in site.themes if t.national}
    national_share = sum((a.share_pct for a in budget.allocations if a.theme in national), Decimal(0))
    if budget.national_min_share is not None and national_share < budget.national_min_share * 100:
        loaded.add(
            "budget",
            ("national_min_share",),
            f"landelijke thema's krijgen {number(national_share)}%, minder dan de regel",
            "warning",
        )
    for i, row in enumerate(budget.additional):
        _check_additional(loaded, ("additional", i), row)
    if budget.additional and budget.additional_total:
        _check_additional_total(loaded, budget)


def _check_additional(loaded: Loaded, loc: tuple, row) -> None:
    if row.ka_amount_mln + row.other_amount_mln != row.total_amount_mln:
        loaded.add(
            "budget",
            loc + ("total_amount_mln",),
            f"{number(row.ka_amount_mln)} + {number(row.other_amount_mln)} is niet {number(row.total_amount_mln)}",
            "warning",
        )
    if row.ka_share_horizontal_pct + row.other_share_pct != row.total_share_pct:
        loaded.add(
            "budget", loc + ("total_share_pct",), "horizontale percentages tellen niet op tot het totaal", "warning"
        )


def _check_additional_total(loaded: Loaded, budget) -> None:
    printed = budget.additional_total
    for name in ("ka_share_vertical_pct", "ka_amount_mln", "other_amount_mln", "total_amount_mln"):
        computed = sum((getattr(r, name) for r in budget.additional), Decimal(0))
        if computed != getattr(printed, name):
            loaded.add(
                "budget",
                ("additional_total", name),
                f"som van de rijen is {number(computed)}, gedrukt {number(getattr(printed, name))}",
                "warning",
            )
    _check_additional(loaded, ("additional_total",), printed)


def _strings(node, loc: tuple):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, loc + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, loc + (i,))
    elif isinstance(node, str) and ("[[" in node or "<!--" in node):
        yield loc, node


def check_directives(site: Site, loaded: Loaded) -> None:
    """``[[ref]]`` in any text of the data must resolve (texts are shown on generated pages), and
    an HTML comment must close on its line (else it hides the rest of the generated page).

    A reference into a record that failed to load (already reported) is not reported again."""
    from .directives import UnknownReference, open_comments, resolve, scan

    for key, doc in loaded.docs.items():
        for loc, value in _strings(doc.get(key), ()):
            for line in value.split("\n"):
                for found in open_comments(line, "", 0):
                    loaded.add(key, loc, found.message, raw=True)
                for _, _, ref, problem in scan(line):
                    parts = (ref or "").split(".")
                    if len(parts) > 1 and parts[1] in loaded.invalid_ids:
                        continue
                    if problem is None:
                        try:
                            resolve(site, ref)
                            continue
                        except UnknownReference as exc:
                            problem = f"onbekende verwijzing [[{ref}]]" + (f" ({exc})" if str(exc) else "")
                    loaded.add(key, loc, problem, raw=True)


def check_edition(site: Site, loaded: Loaded) -> None:
    """``agenda.edition.previous`` names a git ref or a folder, and can never reach git as an option."""
    previous = site.agenda.edition.previous
    why = ref_problem(previous) if previous else None
    if why:
        loaded.add("agenda", ("edition", "previous"), why)


RULES = (
    (
        check_edition,
        check_ids,
        check_references,
        check_targets,
        check_realisations,
        check_tables,
        check_budget,
        check_directives,
    )
    + FIGURE_RULES
    + LINE_RULES
    + PLAUSIBLE_RULES
    + EXECUTION_RULES
)
"""Every rule, in order: the core ones, those of process/activities/ratio tables, of action lines and plans."""


def validate(site: Site, loaded: Loaded) -> None:
    """Run every rule; problems are appended to ``loaded.problems``."""
    for rule in RULES:
        rule(site, loaded)
