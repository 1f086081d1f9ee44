"""The chart kinds, one registry entry each: how a build gathers a chart's arguments from the site,
its text part (alt text, data table; no drawing), its drawing, and its cache inputs.

The cache inputs are the arguments themselves (:meth:`ChartKind.inputs`): the digest covers
exactly what the text and drawing functions receive, so no input can be forgotten
(``tests/test_chart_kinds.py`` changes every input of every kind and sees the digest change). Only
:data:`kwsite.chartcache.POSITION_ONLY` fields (where a row sits in its file) are left out; the
same test checks that the text and drawing do not read them. A new kind is one entry in
:data:`KINDS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .base import ChartText
from .college import college_svg, college_text
from .compare import CompareRow, compare_svg, compare_text
from .indicator import indicator_svg, indicator_text
from .ratio import ratio_svg, ratio_text
from .table import table_svg, table_text

if TYPE_CHECKING:
    from ..model import Indicator, Site, TableData, Unit


@dataclass(frozen=True)
class ChartKind:
    """One kind of chart. ``arguments(site, *subject)`` gives the arguments of ``text`` and ``svg``
    (picklable: models, tables, rows, texts), or ``None`` when the subject has no such chart;
    ``text(*args)`` the :class:`ChartText` (``None``: the data give no chart); ``svg(*args)`` the bare
    ``<svg>`` (only called when ``text`` is not ``None``)."""

    name: str
    arguments: Callable[..., tuple[Any, ...] | None]
    text: Callable[..., ChartText | None]
    svg: Callable[..., str]

    def inputs(self, args: tuple[Any, ...], memo: dict[int, tuple[Any, Any]] | None = None) -> str:
        """Canonical JSON of the kind and every argument: what the cache digest is made of (``memo``:
        see :func:`kwsite.chartcache.chart_inputs`)."""
        from ..chartcache import chart_inputs

        return chart_inputs(self.name, *args, memo=memo)


def _indicator_args(site: Site, ind: Indicator) -> tuple[Any, ...]:
    """``(indicator, first table, name of its total row)``; the name is the agenda's total name, and
    when the indicator has several tables of colleges, domains or levels also the table's title, which
    says which breakdown the line shows ("ROCvA+F, Entree"). A ``series`` table's title names every
    series it holds ("... ROC en landelijk") while only the total row is drawn, so it is not added."""
    tables = site.tables_of(ind.id)
    series = tables[0] if tables else None
    label = site.agenda.total_name
    if series is not None and len(tables) > 1 and series.meta.rows != "series":
        label = f"{label}, {series.meta.title}"
    return (ind, series, label)


def _college_args(site: Site, unit: Unit, table: TableData) -> tuple[Any, ...] | None:
    row = table.row_for_unit(unit.id)
    if row is None:
        return None
    total = table.row_for_unit("total")
    labels = (unit.short_name, site.agenda.total_name, unit.name)  # short in the chart, full in the alt text
    return (unit.id, table.meta, table.periods, row, total, labels)


def _compare_args(site: Site, ind: Indicator, year: int, rows: tuple[CompareRow, ...]) -> tuple[Any, ...]:
    """Every college on ``ind`` in ``year``, sorted (``rows``: :class:`kwsite.charts.compare.CompareRow`, #15)."""
    return (ind.id, f"{ind.id} {ind.short_name or ind.name}", ind.unit, year, rows)


KINDS: dict[str, ChartKind] = {
    kind.name: kind
    for kind in (
        ChartKind("indicator", _indicator_args, indicator_text, indicator_svg),
        ChartKind("table", lambda site, table: (table,), table_text, table_svg),
        ChartKind("ratio", lambda site, table: (table,), ratio_text, ratio_svg),
        ChartKind("college", _college_args, college_text, college_svg),
        ChartKind("compare", _compare_args, compare_text, compare_svg),
    )
}
"""Every chart kind by name."""
