"""Words and numbers for baselines and targets, as shown on every page.

One place decides how a target reads, so the theme page, the indicator
overview, the college appendix and inline directives agree.
"""

from __future__ import annotations

from decimal import Decimal

from .model import Baseline, Indicator, Target
from .numbers import MISSING, machine, number, signed, with_unit
from .targetkinds import kind_of

DERIVED = "afgeleid"
"""Label of a baseline the source does not name as such (:attr:`kwsite.model.Baseline.derived`)."""
NO_TARGET = "geen streefwaarde"
"""Shown for a year without a target (not "geen gegevens": nothing is missing)."""
DELTA_UNIT = {"percent": "procentpunt", "grade": "punt", "score": "punt", "count": ""}
_DELTA_SUFFIX = {unit: f" {word}" if word else "" for unit, word in DELTA_UNIT.items()}


def value_text(indicator: Indicator, value) -> str:
    """A value in the indicator's unit (``38%``, ``6,7``)."""
    return with_unit(value, indicator.unit)


def baseline_text(indicator: Indicator) -> str:
    """``6,7 (2017)``, ``6,7% (2016, afgeleid)`` for a derived one; "geen gegevens" when the source prints
    no baseline value."""
    base: Baseline | None = indicator.baseline
    if base is None or base.value is None:
        return MISSING
    when = base.period or (str(base.year) if base.year else None)
    label = ", ".join(x for x in (when, DERIVED if base.derived else None) if x)
    return f"{value_text(indicator, base.value)} ({label})" if label else value_text(indicator, base.value)


def _target_parts(indicator: Indicator, target: Target) -> tuple[str, str | None]:
    """The phrase of a target and, for a kind against the baseline, its change: ``("6,9", "+0,2 punt")``."""
    kind = kind_of(target.kind)
    text = kind.phrase(target, lambda value: value_text(indicator, value))
    if "delta" not in kind.fields:
        return text, None
    return text, f"{signed(target.delta)} {DELTA_UNIT[indicator.unit]}".rstrip()


def shows_indicative(target: Target) -> bool:
    """Whether *indicatief* is printed with ``target``: only for an indicative target whose value is set.
    A target still to be set (``vast te stellen in 2020``) has no value the word could qualify."""
    return target.indicative and kind_of(target.kind).judged


def target_text(indicator: Indicator, target: Target | None) -> str:
    """How a target reads: ``45%``, ``minimaal 3,7``, ``hoger``, ``stijgend t.o.v. 2018-2019``, ``vast te stellen in 2020``,
    ``6,9 (+0,2 punt)``. No indicative marker: callers add it where it belongs."""
    if target is None:
        return NO_TARGET
    text, delta = _target_parts(indicator, target)
    return f"{text} ({delta})" if delta else text


def target_label(indicator: Indicator, target: Target | None, year: bool = False) -> str:
    """How a target reads with its qualifiers in one pair of brackets: the change against the baseline,
    with ``year`` the target's year, and *indicatief* (see :func:`shows_indicative`): ``45%``,
    ``7,1 (+0,4 punt, indicatief)``, ``7,4 (2027, indicatief)``, ``vast te stellen in 2020 (2022)``."""
    if target is None:
        return NO_TARGET
    text, delta = _target_parts(indicator, target)
    notes = [n for n in (delta, str(target.year) if year else None) if n]
    if shows_indicative(target):
        notes.append("indicatief")
    return f"{text} ({', '.join(notes)})" if notes else text


def year_label(indicator: Indicator, year: int) -> str:
    """All targets of ``year`` as one text: ``45%`` or ``Entree: behoud; niveau 2: hoger``."""
    targets = indicator.targets_in(year)
    if len(targets) <= 1:
        return target_label(indicator, targets[0] if targets else None)
    return "; ".join(
        f"{t.breakdown}: {target_label(indicator, t)}" if t.breakdown else target_label(indicator, t) for t in targets
    )


# --- table and chart text (display or machine form) ---------------------------------------


def _decimals(value: Decimal) -> int:
    """Printed decimals of a Decimal: ``6.70`` → 2, ``38`` → 0."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def fmt(value: Decimal | float, unit: str, decimals: int | None = None, sign: bool = False) -> str:
    """Dutch display text keeping the printed precision: ``6.7`` → ``"6,7"``, 38 % → ``"38%"``."""
    if decimals is None:
        decimals = _decimals(value) if isinstance(value, Decimal) else 0
    if abs(value) < 1e-12:
        value = 0
    text = number(Decimal(str(value)) if isinstance(value, float) else value, decimals)
    return ("+" if sign and value > 0 else "") + text + ("%" if unit == "percent" else "")


def cell_text(value: Decimal | None, unit: str, display: bool) -> str:
    """Display text (``"6,7"``, ``"38%"``, ``"geen gegevens"``) or CSV text (``"6.7"``, ``"38"``, ``""``)."""
    return with_unit(value, unit) if display else machine(value)


def target_table_text(target: Target, unit: str, display: bool = True) -> str:
    """A target as table text, e.g. ``"7,1 (+0,4 punt t.o.v. nulmeting; indicatief)"``, ``"Entree: behoud"``."""
    kind = kind_of(target.kind)
    notes = []
    if "delta" in kind.fields:
        delta = fmt(target.delta, "", sign=True) if display else f"{target.delta:+f}"
        notes.append(f"{delta}{_DELTA_SUFFIX[unit]} t.o.v. nulmeting")
    main = kind.phrase(target, lambda value: cell_text(value, unit, display))
    if target.indicative and (shows_indicative(target) or not display):  # the machine form keeps the flag
        notes.append("indicatief")
    part = f"{target.breakdown}: " if target.breakdown else ""
    return part + (f"{main} ({'; '.join(notes)})" if notes else main)
