"""Indicators, baselines and targets.

Units: ``percent`` (0-100), ``grade`` (a mark on a 1-10 scale), ``score`` (a
mean on the indicator's own scale, e.g. 1-5), ``count``. Polarity says whether
a higher value is better (most) or a lower one (VSV, early school leaving).

Source of the flagship values: S3 sections 6.4, 7.4, 8.4, 9.4, 10.4 and
Bijlage 1 (e.g. 1a baseline 6,7 in 2017, target 6,9 in 2020, 7,1 indicative in
2022).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from .. import targetkinds
from .base import Id, Model, Number, Sourced, Text, Year

Unit = Literal["percent", "grade", "score", "count"]
Polarity = Literal["higher_is_better", "lower_is_better"]
Direction = Literal["hoger", "lager", "behoud", "stabiel", "stijgend", "dalend"]


def _known_kind(value: Any) -> str:
    """A registered target kind (:mod:`kwsite.targetkinds`); refused as pydantic refuses a Literal."""
    if isinstance(value, str) and value in targetkinds.KINDS:
        return value
    expected = targetkinds.expected_text()
    raise PydanticCustomError("literal_error", "Input should be {expected}", {"expected": expected})


class _KindName:
    """Pydantic hooks: validate against the registry when a target is read, list it in the JSON Schema."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(_known_kind)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"enum": list(targetkinds.names()), "type": "string"}


TargetKind = Annotated[str, _KindName]
"""The name of a kind in :data:`kwsite.targetkinds.KINDS` (``value``, ``minimum``, ``range`` …)."""


class Scale(Model):
    """The range a value can take, e.g. 1-5 for a survey score, 0-100 for %."""

    min: Number
    max: Number


class Baseline(Sourced):
    """The nulmeting: the value the targets are measured against.

    ``value`` may be absent when the source gives only a table or a chart; the
    page then shows "geen gegevens" rather than a number nobody printed.
    """

    value: Number | None = None
    year: Year | None = None
    period: Text | None = None
    """A school year or other period as written (``2016-2017``) when not a plain year."""
    note: Text | None = None
    as_written: Text | None = None
    derived: Text | None = None
    """How the value was derived when the source does not name it as the baseline (e.g. "laatste
    waarde van de reeks ROC in de tabel …"). The value is then labelled *afgeleid* wherever it is
    shown (tables, chart, alt text, downloads) and this text is shown with it."""


class Target(Sourced):  # kinds: kwsite.targetkinds
    """One target (streefwaarde) for one year.

    Kinds and their fields:

    - ``value``/``minimum``/``maximum``: ``value``
    - ``range``: ``low`` and ``high``
    - ``direction``: ``direction`` (hoger, behoud, stabiel, ...)
    - ``deferred``: ``set_in`` (the year the value will be set)
    - ``relative``: ``delta`` against the baseline, and ``value``, the absolute
      value the source prints; validation checks baseline + delta == value.

    ``indicative`` marks targets the source calls *indicatief* (S3's 2022 ones).
    ``as_written`` keeps the source's own wording for reference.
    ``reference`` names the period a direction is compared with when that is
    not the baseline.
    """

    year: Year
    kind: TargetKind
    value: Number | None = None
    low: Number | None = None
    high: Number | None = None
    delta: Number | None = None
    direction: Direction | None = None
    set_in: Year | None = None
    indicative: bool = False
    breakdown: Text | None = None
    """The part of the indicator this target is for (``Entree``, ``niveau 2``), if split."""
    as_written: Text | None = None
    note: Text | None = None
    reference: Text | None = None
    """For a ``direction`` target compared with another period than the baseline:
    that period as written (S4 2a: ``2018-2019``). Status is then weighed against
    the realisation whose ``period`` (or year) is this; without one it is
    *niet te beoordelen*."""

    @model_validator(mode="after")
    def _fields_match_kind(self) -> Target:
        problem = targetkinds.model_problem(self)
        if problem:
            raise ValueError(problem)
        return self


class Realisation(Sourced):
    """A measured value (realisatie) for one year, as the source or the annual report prints it.

    ``unit`` is a college (unit id) when the value is that college's; absent for
    the institution as a whole. ``breakdown`` matches a target's breakdown
    (``Entree``) when the indicator's targets are split.
    """

    year: Year
    value: Number
    unit: Id | None = None
    breakdown: Text | None = None
    note: Text | None = None
    period: Text | None = None
    """The period as written when not a plain year (``2018-2019``); a target's ``reference`` matches it."""


class Indicator(Sourced):
    """An indicator of a theme (``1a`` ... ``5a``).

    ``tables`` names the data tables (``tables.yaml``) that hold its series;
    the first is the one charted on the theme page. ``series`` names the row of
    that table that is the institution's own series (default: the total row).
    """

    id: Id
    theme: Id
    name: Text
    short_name: Text | None = None
    definition: Text | None = None
    unit: Unit
    scale: Scale | None = None
    polarity: Polarity = "higher_is_better"
    source: Text | None = None
    baseline: Baseline | None = None
    targets: list[Target] = []
    tables: list[Id] = []
    ambition: Text | None = None
    """How the source phrases the ambition for this indicator (own words)."""
    attainment: Text | None = None
    """How attainment is determined (wijze van vaststellen), own words."""
    standard_rule: bool = False
    """The theme's ``attainment_rule`` (the agenda's standard way, e.g. two-thirds of the colleges) applies to
    this indicator, as its source says; only then does kwsite show that rule's outcome for it. An indicator the
    agenda judges otherwise (institution level only, no target yet) leaves it ``false``."""
    realisations: list[Realisation] = []
    """Yearly realisations (institution, or per college with ``unit``); empty until measured."""
    next_measurement: Text | None = None
    """When the next value is expected, as written (``najaar 2025``); shown as "volgende meting"."""

    def targets_in(self, year: int) -> list[Target]:
        """All targets for ``year``: one, or one per breakdown."""
        return [t for t in self.targets if t.year == year]
