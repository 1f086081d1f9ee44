"""Honest chart axes (issue #17 item 3): bars start at zero; a line chart of percentages or marks spans at
least 20 percentage points or 2 grade points, so a change of 0,7 point does not look like a cliff; the
"nulmeting" label is not drawn across the line. S3's 3b series (ROCvA+F 42,9 / 45,6 / 47,1 %, nulmeting
47,1 % in 2016) and IBM (grades 6,2-7,0) are the examples."""

from __future__ import annotations

import math
import re
from decimal import Decimal as D

import pytest

from kwsite.charts import CHART_STYLE_VERSION, indicator_chart, table_chart
from kwsite.charts.base import honest_ylim
from kwsite.charts.college import college_chart
from kwsite.model import Baseline, Indicator, Table, Target
from kwsite.model.site import Row, TableData


def ticks(svg: str, suffix: str = "%") -> list[float]:
    """The numeric tick labels of an SVG chart (Dutch: decimal comma)."""
    found = [t.strip() for t in re.findall(r"<text\b[^>]*>([^<]*)</text>", svg)]
    return [
        float(t[: -len(suffix)].replace(",", "."))
        for t in found
        if suffix and t.endswith(suffix) and re.fullmatch(r"-?\d+(,\d+)?", t[: -len(suffix)])
    ]


def table(values: list[tuple[str, str, str]], unit: str = "percent", rows: str = "series") -> TableData:
    meta = Table(id="t", title="Fictief", file="t.csv", unit=unit, rows=rows, total="Totaal")
    out = tuple(
        Row(f"Reeks {i}", tuple(D(v) for v in vs), i + 2, unit="total" if i == len(values) - 1 else None)
        for i, vs in enumerate(values)
    )
    return TableData(meta=meta, periods=("2015", "2016", "2017"), rows=out, path="data/t.csv")


@pytest.mark.parametrize(
    ("low", "high", "unit", "expected"),
    [
        (77.4, 78.1, "percent", (67.75, 87.75)),  # widened around the middle to 20 points
        (95.0, 100.5, "percent", (80.0, 100.5)),  # shifted down, not past 100 % (the data's margin stays)
        (1.0, 4.0, "percent", (0.0, 20.0)),  # shifted up, not below 0 %
        (6.4, 6.8, "grade", (5.6, 7.6)),
        (30.0, 70.0, "percent", (30.0, 70.0)),  # wide enough already
        (120.0, 180.0, "count", (0.0, 180.0)),  # counts from zero
    ],
)
def test_honest_ylim(low, high, unit, expected):
    assert honest_ylim(low, high, unit) == pytest.approx(expected)


def test_line_chart_of_percentages_spans_twenty_points():
    svg = table_chart(table([("77.4", "77.8", "78.1"), ("77.6", "77.5", "77.9")])).svg
    shown = ticks(svg)
    assert max(shown) - min(shown) >= 15, shown  # ticks inside a 20-point axis; was 77,4-78,1


def test_college_chart_of_percentages_spans_twenty_points():
    t = table([("88", "90", "92"), ("89", "90", "91")], rows="unit")
    chart = college_chart("a", t.meta, t.periods, t.rows[0], t.rows[1], ("A", "Totaal"))
    shown = ticks(chart.svg)
    assert max(shown) - min(shown) >= 15, shown


def test_indicator_chart_of_grades_spans_two_points():
    t = table([("6.4", "6.6", "6.8")], unit="grade")
    ind = Indicator(
        id="1a",
        theme="t",
        name="IBM",
        unit="grade",
        baseline=Baseline(value=D("6.7"), year=2017),
        targets=[Target(year=2020, kind="value", value=D("6.9"))],
        tables=["t"],
    )
    svg = indicator_chart(ind, t, "Totaal").svg
    shown = [
        float(t.strip().replace(",", "."))
        for t in re.findall(r"<text\b[^>]*>\s*(\d+(?:,\d+)?)\s*</text>", svg)
        if float(t.strip().replace(",", ".")) < 11
    ]
    assert max(shown) - min(shown) >= 1.5, shown


def test_bars_start_at_zero():
    rows = [(str(88 + i), str(89 + i), str(90 + i)) for i in range(9)]
    svg = table_chart(table(rows, rows="domain")).svg  # more than 7 rows: bars of the last period
    assert 0.0 in ticks(svg)


def test_nulmeting_label_is_not_drawn_across_the_line():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    import matplotlib

    from kwsite.charts.base import STYLE
    from kwsite.charts.indicator import _draw_indicator

    t = table([("42.9", "45.6", "47.1")])  # S3 3b: ROC series 2014-2016 (periods here 2015-2017)
    ind = Indicator(
        id="3b",
        theme="t",
        name="Doorstroom",
        unit="percent",
        baseline=Baseline(value=D("47.1"), year=2017),
        targets=[],
        tables=["t"],
    )
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(6, 3.4))
        FigureCanvasAgg(fig)
        _draw_indicator(fig, ind, t, t.rows[0], "ROC", [], "k")
        renderer = fig.canvas.get_renderer()
        ax = fig.axes[0]
        label = next(x for x in ax.texts if x.get_text().startswith("nulmeting"))
        box = label.get_window_extent(renderer)
        line = ax.lines[0].get_xydata()
        points = ax.transData.transform(line)
        for (x0, y0), (x1, y1) in zip(points, points[1:]):  # sample each segment
            for k in range(101):
                x, y = x0 + (x1 - x0) * k / 100, y0 + (y1 - y0) * k / 100
                assert not (box.x0 <= x <= box.x1 and box.y0 <= y <= box.y1), "label across the line"
    assert int(CHART_STYLE_VERSION) >= 7  # the label moved: cached charts of style 6 are redrawn
    assert not math.isnan(box.width)
