"""Shared building blocks of the data model.

All models forbid unknown keys (``extra="forbid"``) so that a typo'd key in an
editor's YAML file is reported with its file and line instead of being ignored.
Numbers are :class:`decimal.Decimal` so that the precision the source printed
(``69,11`` vs ``68,1``) survives loading and is shown again unchanged.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated
import re

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from ..hints import number_hint

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
"""A lower-case identifier used in references (``1a``, ``meerjarenstrategie``)."""


def _printable(value: str) -> str:
    if CONTROL.search(value):
        raise ValueError("tekst bevat een stuurteken (zoals NUL); alleen tab en regeleinde mogen")
    return value


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Characters no text of an agenda contains; a NUL would also cut a file name."""

Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000), AfterValidator(_printable)]
"""Free text, Markdown allowed where a field says so."""

Year = Annotated[int, Field(ge=1990, le=2100)]
"""A calendar year (``2020``)."""

MAX_MAGNITUDE = Decimal("1e15")
"""Largest number accepted (in absolute value); no figure of an agenda comes near it."""


PLAIN = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
"""A figure written as text must still be a plain decimal (``"6.7"``); ``"4.5e1"`` or ``"1_000"``
would otherwise be read as numbers no reader sees."""


def _plain(value: object) -> object:
    if isinstance(value, bool):
        raise ValueError("verwacht een getal, niet true/false")
    if isinstance(value, str) and number_hint(value):  # block style `value: 61,5` reads as text
        raise ValueError(f"verwacht een getal{number_hint(value)}")
    if isinstance(value, str) and not PLAIN.fullmatch(value.strip()):
        raise ValueError(
            f"geen gewoon decimaal getal: {value!r}; schrijf cijfers met hooguit een punt als "
            "decimaalteken, zoals 45 of 6.7"
        )
    return value


def _usable(value: Decimal) -> Decimal:
    if not value.is_finite() or abs(value) >= MAX_MAGNITUDE:
        raise ValueError(f"geen bruikbaar getal: {value}")
    return value


Number = Annotated[Decimal, BeforeValidator(_plain), AfterValidator(_usable)]
"""A number with the precision the source printed (finite, below 10^15 in size)."""


def _whole(value: Decimal) -> Decimal:
    value = _usable(value)
    exponent = value.as_tuple().exponent  # an int: _usable refused NaN and infinity
    if value < 0 or not isinstance(exponent, int) or exponent < 0:
        raise ValueError(
            f"verwacht een heel getal van 0 of meer, zonder punt of komma: {value} "
            "(duizendtallen zonder scheidingsteken, 80000)"
        )
    return value


Count = Annotated[Decimal, BeforeValidator(_plain), AfterValidator(_whole)]
"""A count or an amount in whole currency units (``80000``): ``80.000`` is refused,
since a Dutch reader may have meant eighty thousand."""


class Model(BaseModel):
    """Base class: frozen, unknown keys forbidden."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)


_RANGES = r"\d+(?:-\d+)?(?:, \d+(?:-\d+)?)*"
_PART = rf"(?:S[0-4] r\. {_RANGES}|redactie)"
SOURCE_REF = rf"^{_PART}(?:; {_PART})*$"
"""A reference to the seed lines a text rests on: ``S3 r. 2678-2801, 5739-5743``;
several seeds separated by ``; `` (``S0 r. 21-69; S1 r. 15-48``); ``redactie`` for the
site's own words (a reading guide, an explanation for readers). See :mod:`kwsite.sources`."""


def _ascending(ref: str) -> str:
    for low, high in re.findall(r"(\d+)-(\d+)", ref):
        if int(low) > int(high):
            raise ValueError(f"reeks {low}-{high} loopt achteruit (eerst de laagste regel)")
    return ref


SourceRef = Annotated[str, StringConstraints(pattern=SOURCE_REF), AfterValidator(_ascending)]


class Sourced(Model):
    """A record carrying narrative text: ``source_ref`` names the seed lines it rests on.

    Never shown to readers; ``tests/test_sources.py`` checks that every record with
    narrative text has one and that its lines exist. (Named ``source_ref`` because
    ``source`` already is a reader-visible field of indicators and tables: the
    data source as the agenda names it.)"""

    source_ref: SourceRef | None = Field(
        None,
        description=(
            "Bronregels van de tekst, niet voor lezers: 'S3 r. 2678-2801, 5739-5743', "
            "meerdere bronnen met '; ', 'redactie' voor eigen tekst van de site."
        ),
    )


def _share(value: Decimal) -> Decimal:
    value = _usable(value)
    if not 0 <= value <= 100:
        raise ValueError(f"percentage {value} ligt niet tussen 0 en 100")
    return value


def _amount(value: Decimal) -> Decimal:
    value = _usable(value)
    if value < 0:
        raise ValueError(f"bedrag {value} is negatief")
    return value


Share = Annotated[Decimal, BeforeValidator(_plain), AfterValidator(_share)]
"""A percentage share of a whole (0-100)."""

Amount = Annotated[Decimal, BeforeValidator(_plain), AfterValidator(_amount)]
"""An amount of money (0 or more), in the unit its field name gives (``_mln``: € million)."""
