"""Data tables: the figures the source prints in tables, one CSV each.

A table's CSV has a header ``label,<period>,<period>...`` and one row per
series; cells are plain numbers with a dot decimal (``77.0``) or empty / ``-``
when the source prints nothing. The printed precision is kept (``69.11``).
Transposed printed tables are stored in this same orientation; ``printed`` says
how the source laid it out.
"""

from __future__ import annotations

from typing import Literal

from .base import Id, Sourced, Text
from .indicator import Unit


class Table(Sourced):
    """Metadata of one table (an entry of ``tables.yaml``).

    ``rows``: what a row label denotes — ``unit`` (each label resolves to a
    college or to the institution total through aliases), ``series`` (ROC vs
    landelijk), ``domain`` or ``level``. ``extra_rows`` lists labels that are
    allowed in a ``unit`` table without resolving to a unit ("Vakmanschapsroute
    ROCvA"). ``total`` is the label of the printed total row, if any.
    """

    id: Id
    title: Text
    file: Text
    indicator: Id | None = None
    unit: Unit
    rows: Literal["unit", "series", "domain", "level"]
    total: Text | None = None
    extra_rows: list[Text] = []
    source: Text | None = None
    note: Text | None = None
    printed: Literal["as_stored", "transposed"] = "as_stored"
    chart: bool = True
    """``false``: show the table without a chart (e.g. counts of very different sizes)."""
