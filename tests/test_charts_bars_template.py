"""The horizontal bar charts' template drawing (kwsite/charts/bars_svg.py) puts every text and bar where
matplotlib's drawing of the same chart puts it, draws each bar as long as its value, and leaves to
matplotlib what it cannot copy (issue #20: cheaper drawing, identical in look)."""

from __future__ import annotations

import re
from html import unescape
from collections import defaultdict
from xml.etree import ElementTree
from decimal import Decimal as D

import pytest

from conftest import ROOT
from kwsite.build import load_site
from kwsite.charts import compare as compare_module
from kwsite.charts import table as table_module
from kwsite.charts.bars_svg import hbars_svg
from kwsite.charts.compare import CompareRow, compare_bars, compare_matplotlib_svg, compare_svg
from kwsite.charts.jobs import ChartJob
from kwsite.charts.table import table_bars, table_matplotlib_svg, table_svg
from kwsite.model import Table
from kwsite.model.site import Row, TableData

TOLERANCE = 0.01
"""Points: how far a text's anchor or a bar's corner may lie from matplotlib's."""


def texts(svg: str) -> list[tuple[str, float, float]]:
    """``(text, x, y)`` of every ``<text>`` (its anchor point)."""
    out = []
    for attrs, text in re.findall(r"<text\b([^>]*)>([^<]*)</text>", svg):
        x, y = re.search(r'\bx="([^"]+)"', attrs), re.search(r'\by="([^"]+)"', attrs)
        if x is None:  # matplotlib writes a text of several lines as translated lines
            x, y = re.search(r"translate\(([^ ]+) ([^)]+)\)", attrs).groups()
            out.append((unescape(text), float(x), float(y)))
        else:
            out.append((unescape(text), float(x.group(1)), float(y.group(1))))
    return out


def bars(svg: str) -> dict[str, tuple[float, float, float, float]]:
    """``id → (left, right, top, bottom)`` of every bar (``…-bar-<i>``)."""
    out = {}
    for gid, path in re.findall(r'id="([^"]*-bar-\d+)"[^d]*?d="([^"]*)"', svg, re.S):
        numbers = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", path)]
        xs, ys = numbers[0::2], numbers[1::2]
        out[gid] = (min(xs), max(xs), min(ys), max(ys))
    return out


def assert_same_place(template: str, matplotlib: str) -> None:
    ElementTree.fromstring(template)  # well-formed
    mine, theirs = texts(template), texts(matplotlib)
    assert sorted(t for t, _, _ in mine) == sorted(t for t, _, _ in theirs)
    left = defaultdict(list)
    for text, x, y in theirs:
        left[text].append((x, y))
    for text, x, y in mine:
        nearest = min(left[text], key=lambda p: abs(p[0] - x) + abs(p[1] - y))
        left[text].remove(nearest)
        assert nearest == pytest.approx((x, y), abs=TOLERANCE), text
    mine_bars, their_bars = bars(template), bars(matplotlib)
    assert mine_bars.keys() == their_bars.keys() and mine_bars
    for gid, box in mine_bars.items():
        assert box == pytest.approx(their_bars[gid], abs=TOLERANCE), gid


def x_scale(svg: str, suffix: str) -> tuple[float, float]:
    """``(x of value 0, points per unit)`` from the x tick labels (``0%``, ``10%``, …; centred texts)."""
    centred = re.findall(r'text-anchor: middle[^>]*x="([^"]+)"[^>]*>([^<]*)</text>', svg)
    ticks = [
        (float(t[: -len(suffix) or None].replace(",", ".")), float(x))
        for x, t in centred
        if re.fullmatch(r"\d+(,\d+)?" + re.escape(suffix), t)
    ]
    (v0, x0), (v1, x1) = ticks[0], ticks[-1]
    assert v0 == 0
    return x0, (x1 - x0) / (v1 - v0)


def college_rows(n: int = 12) -> tuple[CompareRow, ...]:
    names = ["Zorg Noord", "Techniek Zuid", "Économie & Handel (Ĳsselmonde)", "Media Oost", "Sport West", "Horeca"]
    rows = []
    for i in range(n):
        value = None if i == n - 2 else D(f"{70 - i * 1.7:.1f}")
        behind = value is not None and value < D("55")
        rows.append(
            CompareRow(f"{names[i % len(names)]} {i}", value, D("55.0"), behind, "achter" if behind else "op koers")
        )
    return tuple(rows)


COMPARE = {
    "twelve colleges, one without a value": ("i01", "i01 Doorstroom", "percent", 2022, college_rows()),
    "forty colleges": ("i02", "i02 Tevredenheid studenten (JOB)", "percent", 2021, college_rows(40)),
    "grades, no path": (
        "i03",
        "i03 IBM",
        "grade",
        2020,
        tuple(CompareRow(f"College {c}", D(v), None, False, "geen lijn") for c, v in zip("ABC", ("6.8", "7.1", "6.2"))),
    ),
    "counts": (
        "i04",
        "i04 Aantal diploma's",
        "count",
        2019,
        tuple(
            CompareRow(f"College {c}", D(v), D("1000"), False, "op koers")
            for c, v in zip("ABCD", ("1731", "990", "1200", "2000"))
        ),
    ),
}


def unit_table(
    values: list[str | None], unit: str = "percent", title: str = "Diplomaresultaat per college"
) -> TableData:
    meta = Table(id="t", title=title, file="t.csv", unit=unit, rows="unit", total="Totaal")
    rows = tuple(
        Row(f"College {i}", (D("1"), None if v is None else D(v)), i + 2, unit=f"c{i}") for i, v in enumerate(values)
    )
    total = Row("Totaal", (D("1"), D("61.3")), len(values) + 2, unit="total")
    return TableData(meta=meta, periods=("2016", "2017"), rows=(*rows, total), path="data/t.csv")


TABLES = {
    "percent": unit_table(["72.1", "55.0", None, "64.4", "80.9"]),
    "first row without a value": unit_table([None, "55.0", "64.4"]),
    "grades": unit_table(["6.8", "7.2", "6.1"], unit="grade"),
    "long title over two lines": unit_table(
        ["12", "31", "8"], title="Een heel lange titel van een tabel die niet op één regel van de grafiek past"
    ),
    "long labels, the title past the axes' right edge": TableData(
        meta=Table(
            id="t",
            title="Gediplomeerden die binnen een jaar doorstromen naar het hbo of werk",
            file="t.csv",
            unit="count",
            rows="unit",
        ),
        periods=("2017",),
        rows=tuple(
            Row(f"Een heel lange naam van het college nummer {i}", (D(v),), i + 2, unit=f"c{i}")
            for i, v in enumerate(("1731", "990", "12004"))
        ),
        path="data/t.csv",
    ),
}


@pytest.mark.parametrize("name", sorted(COMPARE))
def test_comparison_template_puts_everything_where_matplotlib_does(name):
    args = COMPARE[name]
    template = hbars_svg(compare_bars(*args))
    assert template is not None
    assert_same_place(template, compare_matplotlib_svg(*args))
    assert compare_svg(*args) == template


@pytest.mark.parametrize("name", sorted(TABLES))
def test_table_template_puts_everything_where_matplotlib_does(name):
    table = TABLES[name]
    template = hbars_svg(table_bars(table))
    assert template is not None
    assert_same_place(template, table_matplotlib_svg(table))
    assert table_svg(table) == template


def test_a_title_past_the_axes_widens_the_right_margin():
    table = TABLES["long labels, the title past the axes' right edge"]
    x, width = (
        float(v)
        for v in re.search(
            r'<clipPath[^>]*>\s*<rect x="([^"]+)" y="[^"]+" width="([^"]+)"', hbars_svg(table_bars(table))
        ).groups()
    )
    assert 432 - (x + width) > 4 + 5  # more than PAD: the title runs past where the axes would end


def test_flagship_bar_charts_match_matplotlib():
    site, _ = load_site(ROOT / "data")
    drawn = [t for t in site.tables.values() if table_module._bars(t) and table_module.table_text(t) is not None]
    assert len(drawn) >= 5
    for table in drawn:
        template = hbars_svg(table_bars(table))
        assert template is not None, table.meta.id
        assert_same_place(template, table_matplotlib_svg(table))


def test_bar_lengths_and_marks_are_the_data():
    args = COMPARE["twelve colleges, one without a value"]
    rows = args[4]
    svg = compare_svg(*args)
    zero, per_unit = x_scale(svg, "%")
    found = bars(svg)
    assert len(found) == sum(r.value is not None for r in rows)
    for i, row in enumerate(rows):
        if row.value is None:
            assert f'-bar-{i}"' not in svg
            continue
        left, right, _top, _bottom = found[f"colleges-i01-2022-bar-{i}"]
        assert left == pytest.approx(zero, abs=1e-5)
        assert (right - left) / per_unit == pytest.approx(float(row.value), rel=1e-5)
    marks = re.findall(
        r'<path d="M ([\d.]+) [\d.]+ L \1 [\d.]+" clip-path="url\(#colleges-i01-2022-clip\)" style="fill: none; stroke: #1a1a1a',
        svg,
    )
    assert len(marks) == sum(r.value is not None for r in rows)
    assert {round((float(x) - zero) / per_unit, 4) for x in marks} == {55.0}
    table = TABLES["percent"]
    svg = table_svg(table)
    zero, per_unit = x_scale(svg, "%")
    lengths = {gid: (b[1] - b[0]) / per_unit for gid, b in bars(svg).items()}
    assert lengths == pytest.approx(
        {f"table-t-bar-{i}": float(r.values[1]) for i, r in enumerate(table.rows) if r.values[1] is not None}, rel=1e-5
    )
    assert "geen gegevens" in [t.strip() for t, _, _ in texts(svg)]


def test_behind_bars_are_hatched_and_the_title_clears_the_first_row():
    args = COMPARE["forty colleges"]
    svg = compare_svg(*args)
    behind = [i for i, r in enumerate(args[4]) if r.behind]
    assert behind
    for i in range(len(args[4])):
        match = re.search(rf'id="colleges-i02-2021-bar-{i}"[^>]*style="fill: ([^;"]*)', svg)
        if match:
            assert (match.group(1) == "url(#colleges-i02-2021-hatch)") == (i in behind)
    assert '<pattern id="colleges-i02-2021-hatch"' in svg
    title_y = next(y for t, _, y in texts(svg) if t == args[1])
    first_label_top = min(y for t, _, y in texts(svg) if t.startswith("Zorg Noord 0")) - 9
    assert title_y + 3 < first_label_top  # the title's baseline (and descent) above the first row label
    assert title_y < 4 + 10  # its top 4 pt below the figure's edge (matplotlib's y=0,98 put it 17 pt down)
    assert title_y == pytest.approx(next(y for t, _, y in texts(compare_matplotlib_svg(*args)) if t == args[1]))


def test_what_the_template_cannot_copy_is_drawn_by_matplotlib(monkeypatch):
    negative = unit_table(["12.5", "-3.0", "8.1"])
    assert hbars_svg(table_bars(negative)) is None
    assert table_svg(negative) == table_matplotlib_svg(negative)
    missing_glyph = ("i09", "i09 Doorstroom \u4e2d", "percent", 2022, college_rows(3))
    assert hbars_svg(compare_bars(*missing_glyph)) is None
    calls = []
    monkeypatch.setattr(compare_module, "_render", lambda *a, **k: calls.append(a) or "<svg/>")
    assert compare_svg(*missing_glyph) == "<svg/>" and len(calls) == 1


def test_chart_file_keeps_title_alt_text_and_is_reproducible():
    args = COMPARE["twelve colleges, one without a value"]
    job = ChartJob("compare", args)
    svg = job.svg()
    assert "<title>i01 Doorstroom</title>" in svg
    assert f"<desc>{job.text().alt}</desc>".replace("&", "&amp;") in svg
    assert svg == ChartJob("compare", args).svg()
    assert svg.index("<title>") < svg.index("<desc>") < svg.index("<defs>")


def test_one_measuring_renderer_gives_the_same_bytes_as_a_fresh_one(monkeypatch):
    """_fit measures with one Agg renderer for every chart (its text sizes are remembered between
    charts); the SVG is the same as with the figure's own renderer, also after other charts."""
    from kwsite.charts import base
    from kwsite.charts.table import table_svg as draw_table

    lines = unit_table(["72.1", "55.0", "64.4"])
    lines = TableData(
        meta=lines.meta.model_copy(update={"rows": "series"}), periods=lines.periods, rows=lines.rows, path=lines.path
    )
    drawn = [compare_matplotlib_svg(*COMPARE["grades, no path"]), draw_table(lines)]
    with monkeypatch.context() as m:
        m.setattr(base, "_measuring_renderer", lambda dpi: None)
        m.setattr(base, "_fit", _fit_with_own_renderer)
        fresh = [compare_matplotlib_svg(*COMPARE["grades, no path"]), draw_table(lines)]
    assert drawn == fresh


def _fit_with_own_renderer(fig) -> None:
    """:func:`kwsite.charts.base._fit` as it was: measuring with the figure's own renderer."""
    from kwsite.charts import base

    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    pad = base.PAD * fig.dpi / 72
    below = sum(legend.get_window_extent(renderer).height + pad for legend in fig.legends)
    above = fig._suptitle.get_window_extent(renderer).height + pad if fig._suptitle is not None else 0.0
    box, tight = ax.get_window_extent(renderer), ax.get_tightbbox(renderer)
    left, right = box.x0 - tight.x0 + pad, tight.x1 - box.x1 + pad
    bottom, top = box.y0 - tight.y0 + pad + below, tight.y1 - box.y1 + pad + above
    width, height = fig.bbox.width, fig.bbox.height
    ax.set_position((left / width, bottom / height, 1 - (left + right) / width, 1 - (bottom + top) / height))


def test_a_job_that_knows_its_alt_text_draws_without_computing_the_text_again(monkeypatch):
    args = COMPARE["grades, no path"]
    job = ChartJob("compare", args)
    expected = job.svg()
    known = ChartJob("compare", args, alt=job.text().alt)
    assert known == job  # the alt text is no part of the job's identity
    monkeypatch.setattr(ChartJob, "text", lambda self: pytest.fail("text part computed again"))
    assert known.svg() == expected
