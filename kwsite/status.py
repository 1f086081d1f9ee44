"""Progress against targets: the status of an indicator in a year, per college,
and the two-thirds attainment rule (S3: "tweederde van de mbo-colleges").

Pure functions over the model; Decimal arithmetic only. Tested in
``tests/test_status.py`` on fixtures that live in ``tests/`` only.

The rule for one realisation (value ``v`` in year ``Y``):

1. The target weighed is the first target of the same breakdown with
   ``year >= Y``; after the last target, the last one. No target (or only a
   *deferred* one, whose value is not set yet) → **geen streefwaarde**.
2. No realisation for ``Y`` → **geen gegevens**. A realisation that exists is
   never shown as *geen gegevens*.
3. **behaald** when ``v`` already meets that target:
   ``value``/``relative`` at least the value (``higher_is_better``) or at most
   (``lower_is_better``); ``minimum`` ``v >= value``; ``maximum`` ``v <= value``;
   ``range`` ``low <= v <= high``; ``direction`` against its comparison value
   ``b``: *hoger/stijgend* ``v > b``, *lager/dalend* ``v < b``, *behoud/stabiel*
   not worse than ``b`` in the indicator's polarity. ``b`` is the baseline, or,
   when the target names a ``reference`` period (S4 2a "stijgend t.o.v.
   2018-2019"), the realisation for that period. Without ``b`` it cannot be said
   whether the target is met → **niet te beoordelen**.
4. Not met in or after the target year → **niet behaald**.
5. Not met before the target year: **op koers** when ``v`` lies on or beyond
   the straight path from the baseline (value, year) to the target (value,
   year) for year ``Y`` — beyond meaning in the target's direction (polarity
   for value/relative, up for minimum, down for maximum, towards the nearest
   bound for range, not past the far bound) — else **achter**. A range target
   the baseline already lies in has the range itself as path (outside it:
   **achter**). Without a path — a direction target, or no baseline value or
   baseline *year* (a baseline with only a ``period``) — **nog niet behaald**:
   the fact, without a claim about the course.

Each kind's part of rules 3 and 5 (what meets it, its path) is its entry in
:mod:`kwsite.targetkinds`.

Per college (a realisation with ``unit``) the same rule applies to the
institution's targets; the path starts at the college's own realisation in the
baseline year when the data give one, else at the institution's baseline.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
import weakref

from .model import Indicator, Realisation, Site, Target
from .targetkinds import kind_of


class Status(Enum):
    """A status: ``word`` is shown (never colour or icon alone), ``icon`` beside it."""

    REACHED = ("behaald", "✓")
    ON_TRACK = ("op koers", "→")
    BEHIND = ("achter", "!")
    NOT_YET = ("nog niet behaald", "…")
    MISSED = ("niet behaald", "✗")
    UNJUDGED = ("niet te beoordelen", "?")
    NO_DATA = ("geen gegevens", "–")
    NO_TARGET = ("geen streefwaarde", "·")

    @property
    def word(self) -> str:
        return self.value[0]

    @property
    def code(self) -> str:
        """Machine form for downloads: ``op_koers``, ``nog_niet_behaald``, ``niet_te_beoordelen``."""
        return self.word.replace(" ", "_")

    @property
    def icon(self) -> str:
        return self.value[1]

    @property
    def key(self) -> str:
        """CSS key: the word with hyphens (``op-koers``, ``niet-te-beoordelen``)."""
        return self.word.replace(" ", "-")


JUDGED = frozenset({Status.REACHED, Status.ON_TRACK, Status.BEHIND, Status.NOT_YET, Status.MISSED})
"""Statuses that say something about the value against the target (counted by the two-thirds rule)."""


@dataclass(frozen=True)
class Progress:
    """The status of one value: ``expected`` is the path value for ``year`` (when one was computed)."""

    status: Status
    year: int | None = None
    value: Decimal | None = None
    target: Target | None = None
    expected: Decimal | None = None


def realisation(ind: Indicator, year: int, unit: str | None = None, breakdown: str | None = None) -> Realisation | None:
    """The realisation of ``year`` for ``unit`` (``None`` = institution) and ``breakdown`` (the first
    one in the data, when two match)."""
    return _index(ind)[0].get((year, unit, breakdown))


_INDEXES: dict[int, tuple] = {}
"""id of an indicator → (weak reference to it, its realisations, realisations by (year, unit, breakdown),
units with data): the pages ask for the same indicator's realisations tens of thousands of times."""


def _index(ind: Indicator) -> tuple[dict, list[str], dict]:
    """:func:`realisation`'s lookup table, :func:`units_with_data` and the years with a realisation per
    (unit, breakdown), sorted, of ``ind``: made once per indicator (models are frozen; made again if its
    list of realisations is another one or changed length)."""
    known = _INDEXES.get(id(ind))
    reals = ind.realisations
    if known is None or known[0]() is not ind or known[1] is not reals or known[2] != len(reals):
        by_key: dict = {}
        years: dict = {}
        for r in reals:
            by_key.setdefault((r.year, r.unit, r.breakdown), r)
            years.setdefault((r.unit, r.breakdown), set()).add(r.year)
        units = list(dict.fromkeys(r.unit for r in reals if r.unit is not None))
        key = id(ind)
        ref = weakref.ref(ind, lambda _, key=key: _INDEXES.pop(key, None))
        sorted_years = {k: sorted(v) for k, v in years.items()}
        known = _INDEXES[key] = (ref, reals, len(reals), by_key, units, sorted_years)
    return known[3], known[4], known[5]


def target_for(ind: Indicator, year: int, breakdown: str | None = None) -> Target | None:
    """The target weighed in ``year``: the first one at or after ``year``, else the last one."""
    targets = sorted((t for t in ind.targets if t.breakdown == breakdown), key=lambda t: t.year)
    if not targets:
        return None
    return next((t for t in targets if t.year >= year), targets[-1])


def _better(ind: Indicator) -> int:
    return 1 if ind.polarity == "higher_is_better" else -1


def meets(ind: Indicator, target: Target, value: Decimal, baseline: Decimal | None) -> bool | None:
    """Whether ``value`` meets ``target``; ``None`` when that cannot be said
    (deferred target, or a direction target without a comparison value ``baseline``).
    The rule per kind is :attr:`kwsite.targetkinds.TargetKind.meets`."""
    return kind_of(target.kind).meets(target, value, baseline, _better(ind))


def expected(baseline: Decimal, base_year: int, end: Decimal, end_year: int, year: int) -> Decimal:
    """The straight path from (``base_year``, ``baseline``) to (``end_year``, ``end``) at ``year``."""
    if end_year <= base_year or year >= end_year:
        return end
    if year <= base_year:
        return baseline
    return baseline + (end - baseline) * Decimal(year - base_year) / Decimal(end_year - base_year)


def judge(
    ind: Indicator,
    target: Target | None,
    year: int,
    value: Decimal | None,
    baseline: Decimal | None,
    base_year: int | None,
    compare: Decimal | None = None,
) -> Progress:
    """Status of ``value`` in ``year`` against ``target`` (see the module rule).

    ``baseline``/``base_year`` start the path (and weigh a direction target);
    ``compare`` weighs a direction target that names a ``reference`` period
    (``None``: the data give no value for it → niet te beoordelen)."""
    if target is None or not kind_of(target.kind).judged:
        return Progress(Status.NO_TARGET, year, value, target)
    if value is None:
        return Progress(Status.NO_DATA, year, None, target)
    met = meets(ind, target, value, compare if target.reference else baseline)
    if met is None:
        return Progress(Status.UNJUDGED, year, value, target)
    if met:
        return Progress(Status.REACHED, year, value, target)
    if year >= target.year:
        return Progress(Status.MISSED, year, value, target)
    if baseline is None or base_year is None:  # no path without a baseline value and year
        return Progress(Status.NOT_YET, year, value, target)
    course = kind_of(target.kind).course(target, baseline, _better(ind))
    if course == "unknown":  # a kind without a path (direction)
        return Progress(Status.NOT_YET, year, value, target)
    if course == "behind":  # a range target the baseline already lies in: the range is the path
        return Progress(Status.BEHIND, year, value, target)
    path = expected(baseline, base_year, course.end, target.year, year)
    on_path = (value - path) * course.sense >= 0
    if course.bound is not None:  # overshooting the far bound (of a range) is not on course
        on_path = on_path and (course.bound - value) * course.sense >= 0
    status = Status.ON_TRACK if on_path else Status.BEHIND
    return Progress(status, year, value, target, path)


def _baseline(ind: Indicator, unit: str | None, breakdown: str | None) -> tuple[Decimal | None, int | None]:
    base = ind.baseline
    if base is None or base.year is None:
        return (base.value if base else None), None
    if unit is not None:
        own = realisation(ind, base.year, unit, breakdown)
        if own is not None:
            return own.value, base.year
    return base.value, base.year


def reference_value(
    ind: Indicator, target: Target, unit: str | None = None, breakdown: str | None = None
) -> Decimal | None:
    """The realisation for ``target.reference`` (matched on its ``period``, or on
    its year written as a number); ``None`` when the data give none."""
    found = next(
        (r for r in ind.realisations if r.unit == unit and r.breakdown == breakdown and _is_reference(r, target)), None
    )
    return found.value if found else None


def _is_reference(real: Realisation, target: Target) -> bool:
    return real.period == target.reference or str(real.year) == target.reference


def status_for(ind: Indicator, year: int, unit: str | None = None, breakdown: str | None = None) -> Progress:
    """The status of ``ind`` in ``year`` for ``unit`` (``None`` = institution)."""
    real = realisation(ind, year, unit, breakdown)
    value, base_year = _baseline(ind, unit, breakdown)
    target = target_for(ind, year, breakdown)
    compare = None
    if target is not None and target.reference:
        compare = reference_value(ind, target, unit, breakdown)
        if real is not None and _is_reference(real, target):  # the comparison point itself
            return Progress(Status.UNJUDGED, year, real.value, target)
    return judge(ind, target, year, real.value if real else None, value, base_year, compare)


def latest(ind: Indicator, unit: str | None = None, breakdown: str | None = None) -> Progress:
    """The status in the latest year with a realisation after the baseline; geen gegevens without one."""
    base_year = ind.baseline.year if ind.baseline and ind.baseline.year else None
    years = [y for y in _index(ind)[2].get((unit, breakdown), ()) if base_year is None or y > base_year]
    if not years:
        target = target_for(ind, base_year or 0, breakdown)
        kind = Status.NO_TARGET if target is None or not kind_of(target.kind).judged else Status.NO_DATA
        return Progress(kind, None, None, target)
    return status_for(ind, years[-1], unit, breakdown)


def breakdowns(ind: Indicator) -> list[str | None]:
    """The breakdowns the targets are split into, in order; ``[None]`` when not split."""
    return list(dict.fromkeys(t.breakdown for t in ind.targets)) or [None]


def latest_parts(ind: Indicator, unit: str | None = None) -> list[tuple[str | None, Progress]]:
    """:func:`latest` per breakdown of the targets (one ``(None, …)`` pair when not split)."""
    return [(b, latest(ind, unit, b)) for b in breakdowns(ind)]


def units_with_data(ind: Indicator) -> list[str]:
    """Units that have at least one realisation, in order of first appearance."""
    return list(_index(ind)[1])


def two_thirds(parts: Iterable[Status]) -> bool | None:
    """Whether at least two thirds of the parts *with data* are behaald
    (``3 × behaald >= 2 × with data``, so exactly 2/3 counts); ``None`` without any."""
    judged = [s for s in parts if s in JUDGED]
    if not judged:
        return None
    reached = sum(1 for s in judged if s is Status.REACHED)
    return 3 * reached >= 2 * len(judged)


@dataclass(frozen=True)
class Attainment:
    """The two-thirds rule's outcome: ``by`` is ``"onderdelen"`` (≥ 2/3 of the
    colleges/teams reached it) or ``"geheel"`` (the institution-level value decided)."""

    status: Status
    by: str
    reached: int
    judged: int


def attainment(parts: Sequence[Status], whole: Status) -> Attainment:
    """S3's rule at one level: behaald when ≥ 2/3 of ``parts`` with data are
    behaald; otherwise ``whole`` (the level's own value) decides. Apply it twice
    for teams → college → institution."""
    judged = [s for s in parts if s in JUDGED]
    reached = sum(1 for s in judged if s is Status.REACHED)
    if two_thirds(judged):
        return Attainment(Status.REACHED, "onderdelen", reached, len(judged))
    return Attainment(whole, "geheel", reached, len(judged))


def indicator_attainment(ind: Indicator, year: int, breakdown: str | None = None) -> Attainment | None:
    """The rule for ``ind`` in ``year`` over its colleges; ``None`` when no college has data."""
    units = units_with_data(ind)
    if not units:
        return None
    parts = [status_for(ind, year, u, breakdown).status for u in units]
    return attainment(parts, status_for(ind, year, None, breakdown).status)


def agenda_rule(site: Site, ind: Indicator) -> bool:
    """Whether the agenda's own rule over the colleges applies to ``ind`` by its data: the indicator says
    ``standard_rule: true`` and its theme gives the ``attainment_rule`` (only the flagship's agenda, S3 §4.3,
    prints one). An indicator with its own other way (S3: 3b, 3c, and those without a target yet) gets none."""
    theme = site.theme(ind.theme)
    return bool(ind.standard_rule and theme is not None and theme.attainment_rule)
