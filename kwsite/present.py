"""Words and numbers for baselines and targets, as shown on every page.

One place decides how a target reads, so the theme page, the indicator
overview, the college appendix and inline directives agree.
"""

from __future__ import annotations

from .model import Baseline, Indicator, Target
from .numbers import MISSING, signed, with_unit

NO_TARGET = "geen streefwaarde"
"""Shown for a year without a target (not "geen gegevens": nothing is missing)."""
DELTA_UNIT = {"percent": "procentpunt", "grade": "punt", "score": "punt", "count": ""}
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
    """``6,7 (2017)``; "geen gegevens" when the source prints no baseline value."""
    base: Baseline | None = indicator.baseline
    if base is None or base.value is None:
        return MISSING
    when = base.period or (str(base.year) if base.year else None)
    return f"{value_text(indicator, base.value)} ({when})" if when else value_text(indicator, base.value)


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
