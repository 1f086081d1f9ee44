"""Tests for kwsite.charts and kwsite.chartcache.

Fixtures follow S3's indicator 1a (IBM): grade, nulmeting 6,7 in 2017, target
6,9 in 2020 (+0,2) and 7,1 in 2022 (+0,4, indicative).
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

import pytest

from kwsite.chartcache import DB_NAME, ChartCache, chart_inputs
from kwsite.charts import PALETTE, Chart, contrast_ratio, fmt, indicator_chart, table_chart
from kwsite.model import Baseline, Indicator, Table, Target
from kwsite.model.site import Row, TableData

ROOT = Path(__file__).resolve().parents[1]


def make_indicator(**changes) -> Indicator:
    fields = dict(
        id="1a",
        theme="onderwijs",
        name="Interne benchmark (IBM), samengesteld cijfer",
        short_name="Interne benchmark (IBM)",
        unit="grade",
        baseline=Baseline(value=D("6.7"), year=2017),
        targets=[
            Target(year=2020, kind="relative", delta=D("0.2"), value=D("6.9")),
            Target(year=2022, kind="relative", delta=D("0.4"), value=D("7.1"), indicative=True),
        ],
        tables=["ibm-per-college"],
    )
    fields.update(changes)
    return Indicator(**fields)


def make_table(
    rows_kind: str = "unit",
    airport=("6.8", "6.8", "7.0"),
    total=("6.3", "6.8", "6.7"),
    extra: tuple[Row, ...] = (),
    unit: str = "grade",
) -> TableData:
    meta = Table(
        id="ibm-per-college",
        title="IBM per mbo-college",
        file="ibm.csv",
        indicator="1a",
        unit=unit,
        rows=rows_kind,
        total="ROCvA+F",
    )
    dec = lambda values: tuple(None if v is None else D(v) for v in values)  # noqa: E731
    rows = (Row("Airport", dec(airport), 2, unit="airport"), *extra, Row("ROCvA+F", dec(total), 9, unit="total"))
    return TableData(meta=meta, periods=("2015", "2016", "2017"), rows=rows, path="data/ibm.csv")


def texts(svg: str) -> list[str]:
    """The visible text of an SVG written with ``svg.fonttype: none``."""
    return [t.strip() for t in re.findall(r"<text\b[^>]*>([^<]*)</text>", svg)]


def render_examples() -> str:
    """Used by the subprocess determinism test."""
    one = indicator_chart(make_indicator(), make_table(), "ROCvA+F")
    two = table_chart(make_table())
    three = table_chart(make_table("series"))
    return one.svg + two.svg + three.svg


# --- numbers ---------------------------------------------------------------------------------


def test_fmt_dutch_keeps_printed_precision():
    assert fmt(D("6.7"), "grade") == "6,7"
    assert fmt(D("6.70"), "grade") == "6,70"
    assert fmt(D("68.14"), "percent") == "68,14%"
    assert fmt(D("38"), "percent") == "38%"
    assert fmt(D("1234"), "count") == "1.234"
    assert fmt(D("0.2"), "", sign=True) == "+0,2"


# --- indicator chart -------------------------------------------------------------------------


def test_indicator_svg_shows_dutch_numbers_and_indicative():
    chart = indicator_chart(make_indicator(), make_table(), "ROCvA+F")
    assert isinstance(chart, Chart) and chart.key == "indicator-1a"
    shown = texts(chart.svg)
    assert "6,7" in " ".join(shown) and "7,1" in shown and "6,9" in shown
    assert "indicatief" in shown
    assert not any(re.search(r"\d\.\d", t) for t in shown), shown
    assert ">6.7<" not in chart.svg
    assert chart.svg.startswith("<svg") and "<?xml" not in chart.svg and "DOCTYPE" not in chart.svg
    assert any(t.startswith("1a Interne benchmark") for t in shown)
    assert "2015" in shown and "2.015" not in shown


def group(svg: str, gid: str) -> str:
    """The start of the SVG group with id ``gid`` (up to its first closing tag)."""
    found = re.search(rf'<g id="{re.escape(gid)}">(.*?)</g>', svg, re.S)
    assert found, gid
    return found.group(1)


def test_indicative_target_is_hollow_and_dashed():
    svg = indicator_chart(make_indicator(), make_table(), "ROCvA+F").svg
    firm, indicative = group(svg, "indicator-1a-target-0"), group(svg, "indicator-1a-target-1")
    assert f"fill: {PALETTE[2]}" in firm and "fill: #ffffff" in indicative
    assert "stroke-dasharray" not in group(svg, "indicator-1a-connector-0")
    assert "stroke-dasharray" in group(svg, "indicator-1a-connector-1")
    firm_only = make_indicator(targets=[Target(year=2020, kind="value", value=D("6.9"))])
    assert "indicatief" not in " ".join(texts(indicator_chart(firm_only, make_table(), "ROCvA+F").svg))


def test_same_chart_twice_is_identical_and_undated():
    one = indicator_chart(make_indicator(), make_table(), "ROCvA+F")
    assert one == indicator_chart(make_indicator(), make_table(), "ROCvA+F")
    assert "<metadata" not in one.svg and "dc:date" not in one.svg


def test_indicator_table_rows():
    chart = indicator_chart(make_indicator(), make_table(), "ROCvA+F")
    assert chart.columns == ("Jaar", "ROCvA+F", "Nulmeting", "Streefwaarde")
    assert chart.rows[:3] == (("2015", "6,3", "", ""), ("2016", "6,8", "", ""), ("2017", "6,7", "6,7", ""))
    assert chart.rows[3] == ("2020", "", "", "6,9 (+0,2 punt t.o.v. nulmeting)")
    assert chart.rows[4] == ("2022", "", "", "7,1 (+0,4 punt t.o.v. nulmeting; indicatief)")
    assert chart.csv_rows[2] == ("2017", "6.7", "6.7", "")
    assert chart.csv_rows[4][3].startswith("7.1 (+0.4")


def test_indicator_alt_text_mentions_baseline_and_targets():
    alt = indicator_chart(make_indicator(), make_table(), "ROCvA+F").alt
    assert "nulmeting 6,7 (2017)" in alt.lower()
    assert "6,9" in alt and "2020" in alt
    assert "7,1" in alt and "2022" in alt and "indicatief" in alt
    assert "laatste waarde 6,7 (2017)" in alt
    assert "6.7" not in alt


def test_direction_and_deferred_targets_are_text_only():
    ind = make_indicator(
        targets=[
            Target(year=2020, kind="direction", direction="hoger"),
            Target(year=2022, kind="deferred", set_in=2020),
        ]
    )
    chart = indicator_chart(ind, make_table(), "ROCvA+F")
    assert ("2020", "", "", "hoger") in chart.rows
    assert ("2022", "", "", "vast te stellen in 2020") in chart.rows
    assert "vast te stellen" not in " ".join(texts(chart.svg))


def test_breakdown_targets_are_listed_once_per_year_and_not_drawn():
    ind = make_indicator(
        targets=[
            Target(year=2020, kind="value", value=D("80"), breakdown="Entree"),
            Target(year=2020, kind="direction", direction="hoger", breakdown="niveau 2"),
        ]
    )
    chart = indicator_chart(ind, make_table(), "ROCvA+F")
    assert [r[0] for r in chart.rows] == ["2015", "2016", "2017", "2020"]
    assert chart.rows[-1][-1] == "Entree: 80; niveau 2: hoger"
    assert "indicator-1a-target-" not in chart.svg and "80" not in texts(chart.svg)


def test_no_chart_without_series_or_numbers():
    ind = make_indicator(baseline=None, targets=[Target(year=2020, kind="direction", direction="hoger")])
    assert indicator_chart(ind, None, "ROCvA+F") is None
    assert indicator_chart(make_indicator(), None, "ROCvA+F") is not None


def test_range_percent_and_lower_is_better():
    ind = make_indicator(
        id="2b",
        unit="percent",
        polarity="lower_is_better",
        baseline=Baseline(value=D("6.7"), year=2016),
        targets=[Target(year=2020, kind="range", low=D("5.0"), high=D("5.5"))],
    )
    chart = indicator_chart(ind, make_table(unit="percent"), "ROCvA+F")
    shown = texts(chart.svg)
    assert "5,0%–5,5%" in shown
    assert "Percentage (lager is beter)" in shown
    assert any(t.endswith("%") and t[:-1].replace(",", "").isdigit() for t in shown)  # ticks like "6,5%"
    assert "Lager is beter" in chart.alt
    assert ("2016", "6,8%", "6,7%", "") in chart.rows


# --- table charts ----------------------------------------------------------------------------


def test_unit_table_missing_value_is_not_a_bar():
    extra = (Row("Wstprt", (D("6.0"), D("6.2"), None), 3, unit="westpoort"),)
    chart = table_chart(make_table(extra=extra))
    assert chart.key == "table-ibm-per-college"
    assert chart.columns == ("College", "2015", "2016", "2017")
    assert chart.rows[1] == ("Wstprt", "6,0", "6,2", "geen gegevens")
    assert chart.csv_rows[1] == ("Wstprt", "6.0", "6.2", "")
    bars = re.findall(r'id="table-ibm-per-college-bar-(\d+)"', chart.svg)
    assert bars == ["0", "2"]  # Airport and the total; no bar for Wstprt (row 1)
    assert "geen gegevens" in texts(chart.svg)
    assert "Geen gegevens: Wstprt" in chart.alt
    assert "ROCvA+F: 6,7" in chart.alt


def test_series_table_lines_with_direct_labels():
    chart = table_chart(make_table("series"))
    shown = texts(chart.svg)
    assert "Airport" in shown and "ROCvA+F" in shown
    assert chart.columns[0] == "Reeks"
    assert "Lijngrafiek" in chart.alt
    assert table_chart(make_table("series", airport=(None,) * 3, total=(None,) * 3)) is None


def test_many_series_rows_become_bars():
    extra = tuple(Row(f"Domein {i}", (D("5"), D("6"), D(str(i))), 3 + i) for i in range(8))
    chart = table_chart(make_table("domain", extra=extra, unit="percent"))
    assert chart.alt.startswith("Staafdiagram") and chart.columns[0] == "Domein"
    assert len(re.findall(r'id="table-ibm-per-college-bar-\d+"', chart.svg)) == 10
    assert ("Domein 7", "5%", "6%", "7%") in chart.rows


def test_svg_ids_differ_between_charts():
    ids = lambda svg: set(re.findall(r'\bid="([^"]+)"', svg))  # noqa: E731
    one = ids(indicator_chart(make_indicator(), make_table(), "ROCvA+F").svg)
    two = ids(table_chart(make_table()).svg)
    assert one and two and not (one & two)


def test_svg_is_byte_identical_across_processes():
    code = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('tc', {str(Path(__file__))!r})\n"
        "mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)\n"
        "sys.stdout.write(mod.render_examples())\n"
    )
    outputs = []
    for seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, check=True)
        outputs.append(done.stdout)
    assert outputs[0] and outputs[0] == outputs[1]
    assert outputs[0].decode() == render_examples()


def test_module_does_not_import_pyplot():
    code = (
        "import sys, kwsite.charts, kwsite.chartcache\n"
        "from decimal import Decimal\n"
        "from kwsite.model import Indicator, Baseline\n"
        "ind = Indicator(id='x', theme='t', name='n', unit='grade',\n"
        "                baseline=Baseline(value=Decimal('6.7'), year=2017))\n"
        "assert kwsite.charts.indicator_chart(ind, None, 'T') is not None\n"
        "print('matplotlib.pyplot' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
    source = (
        "".join(p.read_text() for p in (ROOT / "kwsite" / "charts").glob("*.py"))
        + (ROOT / "kwsite" / "chartcache.py").read_text()
    )
    imports = re.findall(r"^\s*(?:from|import)\s+(.*)$", source, re.M)
    assert imports and not any("pyplot" in line for line in imports)


# --- accessibility ---------------------------------------------------------------------------


def test_contrast_ratio_formula():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_palette_contrast_against_white():
    assert len(PALETTE) >= 5 and len(set(PALETTE)) == len(PALETTE)
    for colour in PALETTE:
        assert contrast_ratio(colour, "#ffffff") >= 4.5, colour  # used for text labels too


def test_chart_text_colours_meet_4_5_and_axes_3_to_1():
    from kwsite.charts import base

    for key in ("text.color", "axes.labelcolor", "xtick.labelcolor", "ytick.labelcolor"):
        assert contrast_ratio(base.STYLE[key], "#ffffff") >= 4.5, key
    for key in ("axes.edgecolor", "xtick.color", "ytick.color"):
        assert contrast_ratio(base.STYLE[key], "#ffffff") >= 3.0, key


def shape(path: str) -> tuple:
    """A marker path without its size: commands and coordinates scaled to the largest one."""
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path)]
    scale = max((abs(n) for n in numbers), default=1) or 1
    return (re.sub(r"[-\d.\s]+", " ", path).split().__str__(), tuple(round(n / scale, 2) for n in numbers))


def test_role_colours_are_told_apart_without_colour():
    """Pairwise 3:1 between colours that are each >= 4.5:1 on white cannot be had (all are dark);
    so a series, the baseline and the targets differ in marker shape too, and line series in
    marker and line style (and have direct labels: test_series_table_lines_with_direct_labels)."""
    from kwsite.charts import base

    svg = indicator_chart(make_indicator(), make_table(), "ROCvA+F").svg
    shapes = {ref: shape(d) for ref, d in re.findall(r'<path id="(m[0-9a-f]+)" d="([^"]+)"', svg)}
    used = {}
    for ref, colour in re.findall(r'<use xlink:href="#(m[0-9a-f]+)"[^>]*?stroke: (#[0-9a-f]{6})', svg):
        used.setdefault(colour, set()).add(shapes[ref])
    roles = [used[c] for c in (base.SERIES, base.BASELINE, base.TARGET)]
    assert all(roles)
    for i in range(3):
        for j in range(i + 1, 3):
            assert not roles[i] & roles[j], (i, j)
    styles = [
        (base.MARKERS[i % len(base.MARKERS)], base.LINESTYLES[i % len(base.LINESTYLES)]) for i in range(base.MAX_LINES)
    ]
    assert len({m for m, _ in styles}) == base.MAX_LINES  # every line of a chart has its own marker


def test_every_flagship_chart_uses_accessible_colours():
    """All text in the charts >= 4.5:1 on white; every other colour >= 3:1, except the grid (decoration)."""
    from kwsite.build import ChartSet, load_site

    site, _ = load_site(ROOT / "data")
    charts = ChartSet(site)
    rendered = [charts.indicator(i) for i in site.indicators] + [charts.table(t) for t in site.tables.values()]
    svgs = [c.svg for c in rendered if c is not None]
    assert len(svgs) >= 20
    for svg in svgs:
        text_colours = set(re.findall(r"<text [^>]*fill: (#[0-9a-f]{6})", svg))
        assert text_colours and all(contrast_ratio(c, "#ffffff") >= 4.5 for c in text_colours), text_colours
        colours = set(re.findall(r"(?:fill|stroke): (#[0-9a-f]{6})", svg)) - {"#ffffff", "#d9d9d9"}
        assert all(contrast_ratio(c, "#ffffff") >= 3.0 for c in colours), colours


# --- cache -----------------------------------------------------------------------------------


def test_cache_hit_does_not_render(tmp_path):
    ind, table = make_indicator(), make_table()
    calls = []

    def render():
        calls.append(1)
        return indicator_chart(ind, table, "ROCvA+F").svg

    cache = ChartCache(tmp_path)
    first = cache.get_or_render(chart_inputs("indicator", ind, table, "ROCvA+F"), render)
    second = cache.get_or_render(chart_inputs("indicator", ind, table, "ROCvA+F"), render)
    assert first == second and len(calls) == 1 and first.startswith("<svg")
    assert (cache.hits, cache.misses) == (1, 1)
    cache.close()
    assert [p.name for p in tmp_path.iterdir()] == [DB_NAME]

    fresh = ChartCache(tmp_path)  # a rebuild reads the disk
    assert fresh.get_or_render(chart_inputs("indicator", ind, table, "ROCvA+F"), render) == first
    assert (fresh.hits, fresh.misses, len(calls)) == (1, 0, 1)


def test_cache_changed_value_is_a_miss():
    cache = ChartCache(None)
    table = make_table()
    cache.get_or_render(chart_inputs(table), lambda: table_chart(table).svg)
    changed = make_table(total=("6.3", "6.8", "6.8"))
    assert chart_inputs(changed) != chart_inputs(table)
    assert chart_inputs(make_table(total=("6.3", "6.8", "6.70"))) != chart_inputs(table)
    svg = cache.get_or_render(chart_inputs(changed), lambda: table_chart(changed).svg)
    assert (cache.hits, cache.misses) == (0, 2)
    assert "ROCvA+F: 6,8" in texts(svg)


def test_cache_survives_a_corrupt_entry(tmp_path):
    """An entry whose bytes are not text (written by hand, a disk error) is a miss and is replaced."""
    cache = ChartCache(tmp_path)
    cache.put(ChartCache.digest("broken"), "<svg/>")
    cache.close()
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        db.execute("UPDATE entries SET data = ?", (b"\xff\xfe",))
    db.close()
    cache = ChartCache(tmp_path)
    assert cache.get(ChartCache.digest("broken")) is None and cache.misses == 1
    cache.put(ChartCache.digest("broken"), "<svg>nieuw</svg>")
    cache.close()
    assert ChartCache(tmp_path).get(ChartCache.digest("broken")) == "<svg>nieuw</svg>"


# --- realisations (fixture values; the seeds print none after their baselines) ---------------


def test_realisations_are_drawn_with_their_status_in_words():
    from kwsite.model.indicator import Realisation

    ind = make_indicator(
        realisations=[
            Realisation(year=2019, value=D("6.8")),
            Realisation(year=2020, value=D("6.8")),
            Realisation(year=2020, value=D("7.3"), unit="airport"),
        ]
    )
    chart = indicator_chart(ind, make_table(), "ROCvA+F")
    assert chart.columns == ("Jaar", "ROCvA+F", "Nulmeting", "Streefwaarde", "Realisatie", "Stand")
    by_year = {r[0]: r for r in chart.rows}
    # 2019: the path from 6,7 (2017) to 6,9 (2020) stands at 6,7 + 2/3 × 0,2 ≈ 6,83; 6,8 is below it
    assert by_year["2019"][4:] == ("6,8", "! achter")
    assert by_year["2020"][4:] == ("6,8", "✗ niet behaald")  # 6,8 < 6,9 in the target year
    assert {r[0]: r for r in chart.csv_rows}["2020"][4:] == ("6.8", "niet_behaald")
    assert "Realisaties: 6,8 in 2019 (achter); 6,8 in 2020 (niet behaald)." in chart.alt
    assert "6,8: niet behaald" in texts(chart.svg) and "realisatie" in texts(chart.svg)
    assert 'id="indicator-1a-realisations"' in chart.svg
    # a college's realisation is not drawn on the institution's line
    assert "7,3" not in " ".join(texts(chart.svg))  # (7,5 is a tick of the 2-point axis, #17)


def test_realisation_on_the_path_is_on_track_and_at_target_is_reached():
    from kwsite.model.indicator import Realisation

    ind = make_indicator(realisations=[Realisation(year=2019, value=D("6.85")), Realisation(year=2022, value=D("7.1"))])
    rows = {r[0]: r for r in indicator_chart(ind, make_table(), "ROCvA+F").rows}
    assert rows["2019"][5] == "→ op koers" and rows["2022"][5] == "✓ behaald"


def test_chart_inputs_text_of_a_row_table_and_scalars():
    """The canonical inputs as written (the cache digest is made of this text): a row without its line,
    a decimal as printed, a tuple as a list, a dict as pairs, a table without its path."""
    row = Row("Totaal", (D("6.70"), None, D("7")), 12, "total")
    assert chart_inputs("college", row, ("a", 2, 2.5, True, None), {"k": D("1.0")}) == (
        '["college",{"Row":{"label":"Totaal","unit":"total","values":[{"decimal":"6.70"},null,{"decimal":"7"}]}},'
        '["a",2,2.5,true,null],{"dict":[["k",{"decimal":"1.0"}]]}]'
    )
    table = make_table()
    memo: dict = {}
    text = chart_inputs(table, memo=memo)
    assert '"path"' not in text and '"line"' not in text and text.startswith('[{"TableData":{"meta":{"Table":{')
    assert chart_inputs(table, memo=memo) == text == chart_inputs(table)  # remembered by identity: the same text
    assert chart_inputs(make_table(), memo=memo) == text
