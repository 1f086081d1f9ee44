"""Words and numbers for baselines and targets, as shown on every page.

One place decides how a target reads, so the theme page, the indicator
overview, the college appendix and inline directives agree.
"""

from __future__ import annotations

from decimal import Decimal

from .model import Baseline, Indicator, Target
from .numbers import MISSING, machine, number, signed, with_unit

DERIVED = "afgeleid"
"""Label of a baseline the source does not name as such (:attr:`kwsite.model.Baseline.derived`)."""
NO_TARGET = "geen streefwaarde"
"""Shown for a year without a target (not "geen gegevens": nothing is missing)."""
DELTA_UNIT = {"percent": "procentpunt", "grade": "punt", "score": "punt", "count": ""}
_DELTA_SUFFIX = {unit: f" {word}" if word else "" for unit, word in DELTA_UNIT.items()}
DIRECTION_TEXT = {
    "hoger": "hoger",
    "lager": "lager",
    "behoud": "behoud",
    "stabiel": "stabiel",
    "stijgend": "stijgend",
    "dalend": "dalend",
}


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


def target_text(indicator: Indicator, target: Target | None) -> str:
    """How a target reads: ``45%``, ``minimaal 3,7``, ``hoger``, ``stijgend t.o.v. 2018-2019``, ``vast te stellen in 2020``,
    ``6,9 (+0,2 punt)``. No indicative marker: callers add it where it belongs."""
    if target is None:
        return NO_TARGET
    kind = target.kind
    if kind == "value":
        return value_text(indicator, target.value)
    if kind == "minimum":
        return f"minimaal {value_text(indicator, target.value)}"
    if kind == "maximum":
        return f"maximaal {value_text(indicator, target.value)}"
    if kind == "range":
        return f"{value_text(indicator, target.low)} tot {value_text(indicator, target.high)}"
    if kind == "direction":
        word = DIRECTION_TEXT[target.direction]
        return f"{word} t.o.v. {target.reference}" if target.reference else word
    if kind == "deferred":
        return f"vast te stellen in {target.set_in}"
    unit = DELTA_UNIT[indicator.unit]
    return f"{value_text(indicator, target.value)} ({signed(target.delta)} {unit})".replace(" )", ")")


def target_label(indicator: Indicator, target: Target | None) -> str:
    """``target_text`` plus ``(indicatief)`` for indicative targets."""
    text = target_text(indicator, target)
    return f"{text} (indicatief)" if target is not None and target.indicative else text


def year_label(indicator: Indicator, year: int) -> str:
    """All targets of ``year`` as one text: ``45%`` or ``Entree: behoud; niveau 2: hoger``."""
    targets = indicator.targets_in(year)
    if len(targets) <= 1:
        return target_label(indicator, targets[0] if targets else None)
    return "; ".join(f"{t.breakdown}: {target_label(indicator, t)}" if t.breakdown else target_label(indicator, t) for t in targets)


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
    num = lambda v: cell_text(v, unit, display)  # noqa: E731
    notes = []
    if target.kind == "relative":
        delta = fmt(target.delta, "", sign=True) if display else f"{target.delta:+f}"
        notes.append(f"{delta}{_DELTA_SUFFIX[unit]} t.o.v. nulmeting")
    main = {
        "value": lambda: num(target.value),
        "relative": lambda: num(target.value),
        "minimum": lambda: f"minimaal {num(target.value)}",
        "maximum": lambda: f"maximaal {num(target.value)}",
        "range": lambda: f"{num(target.low)} tot {num(target.high)}",
        "direction": lambda: str(target.direction) + (f" t.o.v. {target.reference}" if target.reference else ""),
        "deferred": lambda: f"vast te stellen in {target.set_in}",
    }[target.kind]()
    if target.indicative:
        notes.append("indicatief")
    part = f"{target.breakdown}: " if target.breakdown else ""
    return part + (f"{main} ({'; '.join(notes)})" if notes else main)
