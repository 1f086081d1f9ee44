"""Rules against a plausible figure in the wrong place: each catches an editing slip that
would otherwise publish a number that looks fine but is not the source's.

- Theme numbers are unique per kind (theme, precondition): two themes numbered 1 would both be shown as "Thema 1".
- A table listed under an indicator's ``tables`` measures in the indicator's unit and, when
  the table names an indicator itself, names this one: the indicator's card chart shows the
  table's first series, so a VSV table under a share-of-students indicator would be published
  as that indicator's series.
- A percentage is not a factor of about 100 (50 or more) off from its indicator's reference (the baseline, else
  the first target; for a table without one, the table's median; a table of only values below 1
  is taken as fractions): ``0.776`` pasted for 77,6 % would be published as 0,776 %. Zero values and
  indicators without a reference are not compared. Below 1 a factor :data:`FRACTION_FACTOR` (10) against a
  reference of 10 or more already counts, for targets, realisations (unless a YAML realisation has a ``note``) and
tables against their indicator.
"""

from __future__ import annotations

from decimal import Decimal

from .loaded import Loaded
from .model import Site
from .numbers import number
from .problems import Problem

FACTOR = Decimal(50)
"""A value this many times larger or smaller than its reference is taken as a slip (a factor
100 from fractions or percent points; the shipped data stays within a factor 6). A smaller value
must also be below 1 (a fraction): a college with 1% early leavers beside a 38% baseline is real."""


def check_theme_numbers(site: Site, loaded: Loaded) -> None:
    seen: dict[tuple[str, int], str] = {}
    for i, theme in enumerate(site.themes):
        key = (theme.kind, theme.number)  # preconditions may have their own numbering
        if key in seen:
            loaded.add("themes", (i, "number"), f"nummer {theme.number} heeft thema '{seen[key]}' al")
        else:
            seen[key] = theme.id


def check_table_links(site: Site, loaded: Loaded) -> None:
    for i, ind in enumerate(site.indicators):
        for j, table_id in enumerate(ind.tables):
            table = site.tables.get(table_id)
            if table is None:
                continue
            meta = table.meta
            if meta.indicator and meta.indicator != ind.id:
                loaded.add(
                    "indicators",
                    (i, "tables", j),
                    f"tabel '{table_id}' hoort bij indicator '{meta.indicator}' (tables.yaml), niet bij '{ind.id}'",
                )
            elif meta.unit != ind.unit:
                loaded.add(
                    "indicators",
                    (i, "tables", j),
                    f"tabel '{table_id}' is in eenheid '{meta.unit}', de indicator in '{ind.unit}'",
                )


def reference(ind) -> Decimal | None:
    """The value other figures of ``ind`` are compared with: the baseline, else the first target."""
    if ind.baseline and ind.baseline.value:
        return ind.baseline.value
    for target in ind.targets:
        for value in (target.value, target.low, target.high):
            if value:
                return value
    return None


def off_by_far(value: Decimal | None, ref: Decimal | None) -> str | None:
    """A Dutch description when ``value`` is ``FACTOR`` times larger or smaller than ``ref``."""
    if not value or not ref or value < 0 or ref < 0:
        return None
    if value < 1 and value * FACTOR <= ref:
        return f"{number(value)} is meer dan {FACTOR} keer kleiner dan {number(ref)}"
    if value >= ref * FACTOR:
        return f"{number(value)} is meer dan {FACTOR} keer groter dan {number(ref)}"
    return None


FRACTION_FACTOR = Decimal(10)
"""A value below 1 this many times smaller than a reference of 10 or more is taken as a fraction typed for a
percentage (0.776 beside a baseline of 38 is 49 times smaller, under :data:`FACTOR`; 0.5 beside an
early-leaver baseline of 6.5 is not). Applied to targets, to realisations (in ``indicators.yaml`` a real value below 1% passes with a ``note``
saying why; ``realisations.csv`` has no such way, as ``kwsite import`` says) and to table cells against their
indicator."""


def fraction(value: Decimal | None, ref: Decimal | None) -> str | None:
    """A Dutch description when ``value`` (below 1) looks like a fraction beside ``ref`` (:data:`FRACTION_FACTOR`)."""
    if value is None or ref is None or not 0 < value < 1 or ref < 10 or value * FRACTION_FACTOR > ref:
        return None
    return f"{number(value)} is meer dan {FRACTION_FACTOR} keer kleiner dan {number(ref)}"


HINT = "tikfout, of een breuk (0.776) waar een percentage (77.6) hoort?"
BELOW_ONE_YAML = "Is de waarde echt kleiner dan 1%, zet er dan een note bij die zegt waarom."
BELOW_ONE_CSV = "Is de waarde echt kleiner dan 1%, zet haar dan in indicators.yaml, met een note die zegt waarom."


def check_magnitudes(site: Site, loaded: Loaded) -> None:
    for i, ind in enumerate(site.indicators):
        ref = reference(ind) if ind.unit == "percent" else None  # counts may differ widely; scales bound the rest
        if ref is None:
            continue
        for j, target in enumerate(ind.targets):
            for name in ("value", "low", "high"):
                why = off_by_far(getattr(target, name), ref) or fraction(getattr(target, name), ref)
                if why:
                    loaded.add("indicators", (i, "targets", j, name), f"{why} (referentie van de indicator): {HINT}")
        for j, real in enumerate(ind.realisations):
            why, hint = off_by_far(real.value, ref), HINT
            from_csv = (i, j) in loaded.redirects
            if why is None and (from_csv or not real.note):  # a real value below 1% says why, in indicators.yaml
                why = fraction(real.value, ref)
                hint = f"{HINT} {BELOW_ONE_CSV if from_csv else BELOW_ONE_YAML}"
            if why:
                loaded.add(
                    "indicators", (i, "realisations", j, "value"), f"{why} (referentie van de indicator): {hint}"
                )
    for table in site.tables.values():
        _check_table(site, loaded, table)


def _check_table(site: Site, loaded: Loaded, table) -> None:
    """A percentage table against its indicator's reference, else against its own median; a table
    whose every value is below 1 looks like fractions."""
    if table.meta.unit != "percent":
        return
    values = sorted(v for row in table.rows for v in row.values if v)
    if not values:
        return
    owners = [i for i in site.indicators if table.meta.id in i.tables and i.unit == "percent"]
    owner = site.indicator(table.meta.indicator) if table.meta.indicator else (owners[0] if owners else None)
    ref = reference(owner) if owner is not None and owner.unit == "percent" else None
    against = f"referentie van indicator {owner.id}" if ref else "mediaan van de tabel"
    ref = ref or values[len(values) // 2]
    for row in table.rows:
        for col, (period, value) in enumerate(zip(table.periods, row.values), start=2):
            why = off_by_far(value, ref) if value is not None and value <= 100 else None  # > 100: range rule
            if why is None and against != "mediaan van de tabel":
                why = fraction(value, ref)
            if why is None and values[-1] < 1 and value:
                why = f"alle waarden zijn kleiner dan 1 ({number(value)})"
            if why:
                loaded.problems.append(Problem(table.path, row.line, col, period, f"{why} ({against}): {HINT}"))
                return


PLAUSIBLE_RULES = (check_theme_numbers, check_table_links, check_magnitudes)
