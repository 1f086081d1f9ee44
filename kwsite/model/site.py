"""The loaded site: every data file of one agenda, resolved and cross-linked.

Built by :func:`kwsite.load.load`; read by validation and rendering.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .agenda import Agenda
from .budget import Budget
from .indicator import Indicator
from .lines import Line, LineSet
from .measure import Measure
from .table import Table
from .teamplan import TeamPlan
from .theme import Theme
from .unit import Unit
from .process import Timeline
from .activity import Activity
from .ratio import RatioTable


@dataclass(frozen=True)
class Row:
    """One row of a data table: label as printed, one value per period.

    ``None`` marks a cell the source left empty or printed as "-". ``line`` is
    the 1-based line in the CSV file.
    """

    label: str
    values: tuple[Decimal | None, ...]
    line: int
    unit: str | None = None
    """The unit id the label resolves to; ``"total"`` for the institution total."""


@dataclass(frozen=True)
class TableData:
    """A table's metadata with its rows, read from its CSV."""

    meta: Table
    periods: tuple[str, ...]
    rows: tuple[Row, ...]
    path: str

    def row_for_unit(self, unit_id: str) -> Row | None:
        """The row of unit ``unit_id`` (or ``"total"``), or ``None`` if the table has none."""
        return next((r for r in self.rows if r.unit == unit_id), None)

    def row(self, label: str) -> Row | None:
        """The row with this printed label, or with this unit id."""
        return next((r for r in self.rows if r.label == label), None) or self.row_for_unit(label)

    def value(self, row: Row, period: str) -> Decimal | None:
        """The value of ``row`` in ``period``; ``KeyError`` if the period is not a column."""
        return row.values[self.periods.index(period)]


@dataclass(frozen=True)
class Site:
    """Everything one site's ``data/`` holds."""

    agenda: Agenda
    units: tuple[Unit, ...]
    themes: tuple[Theme, ...]
    indicators: tuple[Indicator, ...]
    tables: dict[str, TableData]
    budget: Budget | None
    measures: tuple[Measure, ...]
    root: str = ""
    sources: dict[str, str] = field(default_factory=dict)
    """Digest per data file, for chart caching and change detection."""
    line_sets: tuple[LineSet, ...] = ()
    """Action and improvement lines, one set per unit (``lines.yaml``)."""
    teamplans: tuple[TeamPlan, ...] = ()
    """Team improvement plans (``teamplans.yaml``)."""
    timelines: tuple[Timeline, ...] = ()
    activities: tuple[Activity, ...] = ()
    ratios: tuple[RatioTable, ...] = ()

    def theme(self, theme_id: str) -> Theme | None:
        return next((t for t in self.themes if t.id == theme_id), None)

    def indicator(self, indicator_id: str) -> Indicator | None:
        return next((i for i in self.indicators if i.id == indicator_id), None)

    def unit(self, unit_id: str) -> Unit | None:
        return next((u for u in self.units if u.id == unit_id), None)

    def indicators_of(self, theme_id: str) -> list[Indicator]:
        return [i for i in self.indicators if i.theme == theme_id]

    def measures_of(self, theme_id: str) -> list[Measure]:
        return [m for m in self.measures if m.theme == theme_id]

    def tables_of(self, indicator_id: str) -> list[TableData]:
        ind = self.indicator(indicator_id)
        named = [self.tables[t] for t in ind.tables if t in self.tables] if ind else []
        more = [t for t in self.tables.values() if t.meta.indicator == indicator_id and t not in named]
        return named + more

    def lines(self) -> list[Line]:
        """Every action and improvement line of every unit."""
        return [line for s in self.line_sets for line in s.lines]

    def line(self, line_id: str) -> Line | None:
        return next((x for x in self.lines() if x.id == line_id), None)

    def line_set_of(self, line_id: str) -> LineSet | None:
        return next((s for s in self.line_sets if any(x.id == line_id for x in s.lines)), None)

    def activities_of(self, theme_id: str) -> list[Activity]:
        return [a for a in self.activities if a.theme == theme_id]

    def ratios_of(self, theme_id: str) -> list[RatioTable]:
        return [r for r in self.ratios if r.theme == theme_id]
