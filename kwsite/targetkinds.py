"""Kinds of target (streefwaarde): one registry entry per kind, the only place that knows a kind.

An entry (:class:`TargetKind`) holds everything the rest of kwsite asks about a kind:

- ``fields``: the target fields it needs (``range``: ``low``, ``high``); the model refuses a
  target without them, and one with a field of another kind's only (``reference``) where
  :attr:`TargetKind.reference` is false;
- ``phrase``: its Dutch text, given a number formatter (display ``minimaal 3,7`` or CSV
  ``minimaal 3.7``: :mod:`kwsite.present` passes the formatter);
- ``meets``: whether a value meets it (``None``: that cannot be said);
- ``course``: its trajectory for the status (:mod:`kwsite.status`): a straight :class:`Path` from the
  baseline, ``"unknown"`` (no path: *nog niet behaald*) or ``"behind"`` (*achter*);
- ``mark``: its chart marker as a plain description (:class:`ChartMark`; ``None``: not drawn);
- ``judged``: ``False`` for a kind whose value is not set yet (*deferred*: *geen streefwaarde*);
- ``word``: the kind in Dutch words for a reader (``bereik``);
- ``check``: the rule on the target alone (the model raises it), and ``rules``: the rules against
  the indicator's baseline and polarity (:mod:`kwsite.validate` reports them).

Adding a kind is one :func:`register` call; nothing else in kwsite names a kind. Numbers are
:class:`~decimal.Decimal`; ``better`` is ``+1`` when a higher value is better, ``-1`` when lower.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, Protocol

from .numbers import number


class TargetLike(Protocol):
    """The fields of :class:`kwsite.model.Target` a kind reads."""

    @property
    def kind(self) -> str: ...
    @property
    def year(self) -> int: ...
    @property
    def value(self) -> Decimal | None: ...
    @property
    def low(self) -> Decimal | None: ...
    @property
    def high(self) -> Decimal | None: ...
    @property
    def delta(self) -> Decimal | None: ...
    @property
    def direction(self) -> str | None: ...
    @property
    def set_in(self) -> int | None: ...
    @property
    def reference(self) -> str | None: ...


Num = Callable[[Decimal | None], str]
"""A number formatter: ``Decimal`` → text (display ``6,7%`` or machine ``6.7``)."""

Shape = Literal["point", "floor", "ceiling", "span"]
"""``point``: a square at ``value``; ``floor``: an upward triangle (at least ``value``); ``ceiling``:
a downward triangle (at most ``value``); ``span``: a bar from ``low`` to ``high``."""


@dataclass(frozen=True)
class ChartMark:
    """How a chart marks a target: its ``shape`` and the ``prefix`` of its short label (``min. ``)."""

    shape: Shape
    prefix: str = ""


@dataclass(frozen=True)
class Path:
    """A straight path from the baseline to ``end`` in the target year; ``sense`` +1 (up) or -1 (down);
    ``bound``: a value on course does not pass (the far end of a range)."""

    end: Decimal
    sense: int
    bound: Decimal | None = None


Course = Path | Literal["unknown", "behind"]


@dataclass(frozen=True)
class Finding:
    """A validation finding on ``field`` of one target."""

    field: str
    message: str
    level: Literal["error", "warning"] = "error"


Phrase = Callable[[TargetLike, Num], str]
Meets = Callable[[TargetLike, Decimal, "Decimal | None", int], "bool | None"]
CourseOf = Callable[[TargetLike, Decimal, int], Course]
Check = Callable[[TargetLike], "str | None"]
Rules = Callable[[TargetLike, "Decimal | None", int], list[Finding]]


def _no_check(target: TargetLike) -> str | None:
    return None


def _no_rules(target: TargetLike, baseline: Decimal | None, better: int) -> list[Finding]:
    return []


def _unknown(target: TargetLike, baseline: Decimal, better: int) -> Course:
    return "unknown"


@dataclass(frozen=True)
class TargetKind:
    """One kind of target; see the module text for each part."""

    name: str
    fields: tuple[str, ...]
    phrase: Phrase
    meets: Meets
    course: CourseOf = _unknown
    mark: ChartMark | None = None
    judged: bool = True
    reference: bool = False
    check: Check = _no_check
    rules: Rules = _no_rules
    word: str = ""
    """The kind in Dutch words, for a reader (the indicator page's target list): ``bereik``; empty: the name."""

    @property
    def label(self) -> str:
        """:attr:`word`, or the kind's name when it has none."""
        return self.word or self.name


KINDS: dict[str, TargetKind] = {}
"""Name → kind, in the order registered (the order of the schema's enum and of error messages)."""


def register(kind: TargetKind) -> TargetKind:
    """Add ``kind`` (replacing one of the same name); returns it."""
    KINDS[kind.name] = kind
    return kind


def unregister(name: str) -> None:
    """Remove the kind ``name`` (a test's toy kind)."""
    KINDS.pop(name, None)


def kind_of(name: str) -> TargetKind:
    """The kind ``name``; ``KeyError`` for an unknown one (the model refuses those first)."""
    return KINDS[name]


def names() -> tuple[str, ...]:
    """Every kind's name, in registry order."""
    return tuple(KINDS)


def expected_text() -> str:
    """The names as pydantic lists a Literal's values: ``'value', 'minimum' or 'relative'``."""
    quoted = [repr(name) for name in KINDS]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def model_problem(target: TargetLike) -> str | None:
    """The first rule of the model the target breaks (missing fields, ``reference`` on a kind
    without one, the kind's own check), as Dutch text; ``None`` when it keeps them."""
    kind = KINDS[target.kind]
    missing = [name for name in kind.fields if getattr(target, name) is None]
    if missing:
        return f"streefwaarde van soort '{kind.name}' mist: {', '.join(missing)}"
    if target.reference is not None and not kind.reference:
        allowed = " of ".join(f"'{k.name}'" for k in KINDS.values() if k.reference)
        return f"reference hoort alleen bij een streefwaarde van soort {allowed}"
    return kind.check(target)


def _d(value: Decimal | None) -> Decimal:
    """A field :data:`model_problem` guarantees is set."""
    assert value is not None
    return value


# --- the kinds ------------------------------------------------------------------------------------

UP = frozenset({"hoger", "stijgend"})
DOWN = frozenset({"lager", "dalend"})


def _at_least(target: TargetLike, value: Decimal, compare: Decimal | None, better: int) -> bool:
    return (value - _d(target.value)) * better >= 0


def _toward_value(target: TargetLike, baseline: Decimal, better: int) -> Course:
    return Path(_d(target.value), better)


register(
    TargetKind(
        "value",
        ("value",),
        lambda t, num: num(t.value),
        _at_least,
        _toward_value,
        ChartMark("point"),
        word="waarde",
    )
)
register(
    TargetKind(
        "minimum",
        ("value",),
        lambda t, num: f"minimaal {num(t.value)}",
        lambda t, v, b, better: v >= _d(t.value),
        lambda t, base, better: Path(_d(t.value), 1),
        ChartMark("floor", "min. "),
        rules=lambda t, base, better: (
            [Finding("kind", "minimum bij een indicator waar lager beter is", "warning")] if better < 0 else []
        ),
        word="minimum",
    )
)
register(
    TargetKind(
        "maximum",
        ("value",),
        lambda t, num: f"maximaal {num(t.value)}",
        lambda t, v, b, better: v <= _d(t.value),
        lambda t, base, better: Path(_d(t.value), -1),
        ChartMark("ceiling", "max. "),
        word="maximum",
    )
)


def _range_course(target: TargetLike, baseline: Decimal, better: int) -> Course:
    low, high = _d(target.low), _d(target.high)
    if baseline < low:
        return Path(low, 1, high)
    if baseline > high:
        return Path(high, -1, low)
    return "behind"  # the baseline lies in the range: the range itself is the path


register(
    TargetKind(
        "range",
        ("low", "high"),
        lambda t, num: f"{num(t.low)} tot {num(t.high)}",
        lambda t, v, b, better: _d(t.low) <= v <= _d(t.high),
        _range_course,
        ChartMark("span"),
        check=lambda t: "bereik: low is groter dan high" if _d(t.low) > _d(t.high) else None,
        word="bereik",
    )
)


def _direction_meets(target: TargetLike, value: Decimal, compare: Decimal | None, better: int) -> bool | None:
    if compare is None:
        return None
    if target.direction in UP:
        return value > compare
    if target.direction in DOWN:
        return value < compare
    return (value - compare) * better >= 0  # behoud, stabiel: not worse


register(
    TargetKind(
        "direction",
        ("direction",),
        lambda t, num: str(t.direction) + (f" t.o.v. {t.reference}" if t.reference else ""),
        _direction_meets,
        reference=True,
        word="richting",
    )
)
register(
    TargetKind(
        "deferred",
        ("set_in",),
        lambda t, num: f"vast te stellen in {t.set_in}",
        lambda t, v, b, better: None,
        judged=False,
        rules=lambda t, base, better: (
            [Finding("set_in", "wordt pas na het doeljaar vastgesteld")]
            if t.set_in is not None and t.set_in > t.year
            else []
        ),
        word="nog vast te stellen",
    )
)


def _relative_rules(target: TargetLike, baseline: Decimal | None, better: int) -> list[Finding]:
    delta, value = _d(target.delta), _d(target.value)
    if baseline is None:
        return [Finding("delta", "relatieve streefwaarde zonder nulmeting")]
    if baseline + delta != value:
        return [
            Finding(
                "value",
                f"nulmeting {number(baseline)} + {number(delta)} = {number(baseline + delta)}, niet {number(value)}",
            )
        ]
    return []


register(
    TargetKind(
        "relative",
        ("delta", "value"),
        lambda t, num: num(t.value),
        _at_least,
        _toward_value,
        ChartMark("point"),
        rules=_relative_rules,
        word="verschil met de nulmeting",
    )
)
