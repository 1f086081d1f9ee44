"""Dutch number formatting through Babel (``nl_NL``).

The precision shown is the precision the source printed: a value loaded as
``Decimal("69.11")`` is shown as ``69,11%``, ``Decimal("7.0")`` as ``7,0``.
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal

LOCALE = "nl_NL"
MISSING = "geen gegevens"
"""What a page shows where the source prints no value."""


def _pattern(value: Decimal) -> str:
    places = max(0, -value.as_tuple().exponent) if isinstance(value, Decimal) else 0
    return "#,##0" + ("." + "0" * places if places else "")


def number(value: Decimal | int | None, places: int | None = None) -> str:
    """``Decimal("1731")`` → ``1.731``; ``Decimal("6.7")`` → ``6,7``; ``None`` → "geen gegevens"."""
    if value is None:
        return MISSING
    value = Decimal(value)
    pattern = _pattern(value) if places is None else "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(value, format=pattern, locale=LOCALE, decimal_quantization=True)


def percent(value: Decimal | int | None) -> str:
    """A value on a 0-100 scale as a percentage: ``Decimal("38")`` → ``38%``."""
    return MISSING if value is None else f"{number(value)}%"


def with_unit(value: Decimal | int | None, unit: str) -> str:
    """Format by indicator unit: percent → ``38%``; grade/score/count → ``6,7``."""
    if value is None:
        return MISSING
    return percent(value) if unit == "percent" else number(value)


def machine(value: Decimal | int | None) -> str:
    """For downloads: dot decimal, no thousands separator, "" for missing."""
    return "" if value is None else format(Decimal(value), "f")


def euro_mln(value: Decimal | int | None) -> str:
    """Millions of euros: ``Decimal("7.0")`` → ``€ 7,0 mln``; ``Decimal("28")`` → ``€ 28 mln``."""
    return MISSING if value is None else f"€\u00a0{number(value)}\u00a0mln"


def signed(value: Decimal) -> str:
    """A difference with its sign: ``Decimal("0.2")`` → ``+0,2``."""
    return ("+" if value > 0 else "") + number(value)
