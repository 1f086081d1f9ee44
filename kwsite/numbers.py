"""Dutch number formatting through Babel (``nl_NL``).

The precision shown is the precision the source printed: a value loaded as
``Decimal("69.11")`` is shown as ``69,11%``, ``Decimal("7.0")`` as ``7,0``.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.numbers import NumberPattern, parse_pattern

LOCALE = "nl_NL"
MISSING = "geen gegevens"
"""What a page shows where the source prints no value."""


@lru_cache(maxsize=8)
def _locale() -> Locale:
    return Locale.parse(LOCALE)


@lru_cache(maxsize=16)
def _pattern(places: int) -> NumberPattern:
    return parse_pattern("#,##0" + ("." + "0" * places if places else ""))


@lru_cache(maxsize=65536)
def _format(text: str, places: int | None) -> str:
    """Babel's ``format_decimal`` with the locale and pattern parsed once; keyed by the
    value's text, because ``Decimal("6.7") == Decimal("6.70")`` but they print differently."""
    value = Decimal(text)
    if places is None:
        places = max(0, -value.as_tuple().exponent)
    return _pattern(places).apply(value, _locale(), decimal_quantization=True)


def number(value: Decimal | int | None, places: int | None = None) -> str:
    """``Decimal("1731")`` → ``1.731``; ``Decimal("6.7")`` → ``6,7``; ``None`` → "geen gegevens"."""
    if value is None:
        return MISSING
    return _format(str(Decimal(value)), places)


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
    if value is None:
        return ""
    if type(value) is Decimal or type(value) is int:  # str() gives back the same decimal exactly
        return _fixed(str(value))
    return format(Decimal(value), "f")


@lru_cache(maxsize=65536)
def _fixed(text: str) -> str:
    """``format(Decimal(text), "f")``, remembered: Decimal's format is slow and tables repeat their values."""
    return format(Decimal(text), "f")


def euro_mln(value: Decimal | int | None) -> str:
    """Millions of euros: ``Decimal("7.0")`` → ``€ 7,0 mln``; ``Decimal("28")`` → ``€ 28 mln``."""
    return MISSING if value is None else f"€\u00a0{number(value)}\u00a0mln"


def signed(value: Decimal) -> str:
    """A difference with its sign: ``Decimal("0.2")`` → ``+0,2``."""
    return ("+" if value > 0 else "") + number(value)
