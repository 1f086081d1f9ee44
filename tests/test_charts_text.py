"""Text in charts is text: a ``$`` in a label from data is drawn as written, never as matplotlib mathtext
(issue #17 item 4: "Bouw in $ en infra in $" came out as italic "Bouw in eninfrain", and ``$\\alpha$``
aborted the build with a ParseException)."""

from __future__ import annotations

import re
from decimal import Decimal as D

import matplotlib

from kwsite.charts import CHART_STYLE_VERSION, indicator_chart, ratio_chart, table_chart
from kwsite.charts.base import STYLE
from kwsite.charts.college import college_chart
from kwsite.model import Baseline, Indicator, Table, Target
from kwsite.model.ratio import RatioColumn, RatioTable
from kwsite.model.site import Row, TableData

DOLLARS = "Bouw in $ en infra in $"
MATH = r"Groei $\alpha$ (fictief)"


def texts(svg: str) -> str:
    return " | ".join(t.strip() for t in re.findall(r"<text\b[^>]*>([^<]*)</text>", svg))


def table(rows_kind: str) -> TableData:
    meta = Table(
        id="t", title=f"Tabel {MATH}", file="t.csv", indicator="1a", unit="percent", rows=rows_kind, total="Totaal"
    )
    values = (D("40"), D("45"), D("50"))
    rows = (Row(DOLLARS, values, 2, unit="a"), Row(MATH, values, 3, unit="b"), Row("Totaal", values, 4, unit="total"))
    return TableData(meta=meta, periods=("2015", "2016", "2017"), rows=rows, path="data/t.csv")


def test_style_switches_mathtext_off():
    assert STYLE["text.parse_math"] is False
    with matplotlib.rc_context(STYLE):
        from matplotlib.text import Text

        assert Text(0, 0, "$x$").get_parse_math() is False
    assert int(CHART_STYLE_VERSION) >= 6  # cached charts drawn with mathtext are redrawn


def test_dollars_in_table_and_series_labels_are_drawn_as_written():
    for kind in ("series", "unit"):
        shown = texts(table_chart(table(kind)).svg)
        assert DOLLARS in shown and MATH in shown, (kind, shown)


def test_dollars_in_indicator_name_and_college_labels_are_drawn_as_written():
    indicator = Indicator(
        id="1a",
        theme="t",
        name=MATH,
        short_name=MATH,
        unit="percent",
        baseline=Baseline(value=D("40"), year=2015),
        targets=[Target(year=2020, kind="value", value=D("60"))],
        tables=["t"],
    )
    assert MATH in texts(indicator_chart(indicator, table("series"), DOLLARS).svg)
    t = table("unit")
    chart = college_chart("a", t.meta, t.periods, t.rows[0], t.rows[2], (DOLLARS, MATH))
    shown = texts(chart.svg)
    assert DOLLARS in shown and MATH in shown


def test_dollars_in_ratio_labels_are_drawn_as_written():
    ratio = RatioTable(
        id="r",
        title=f"Uitval {MATH}",
        column="Niveau",
        columns=[
            RatioColumn(label=DOLLARS, numerator=2, denominator=10, percent=D("20")),
            RatioColumn(label="Niveau 2", numerator=3, denominator=10, percent=D("30")),
        ],
    )
    shown = texts(ratio_chart(ratio).svg)
    assert DOLLARS in shown and "Uitval" in shown and r"$\alpha$" in shown
