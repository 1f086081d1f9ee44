"""The per-college chart (kwsite.charts.college) and the drawing of cache misses
(kwsite.chartpool): values and gaps as in the data, Dutch alt text, distinct line
styles, order-independent output of the reused figure, and the same bytes whether
drawn here, in the pool or taken from the cache.

Values follow S3's IBM table (ibm-per-college.csv): Amstlnd 6,1 / 6,5 / 6,2 in
2015-2017 beside ROCvA+F 6,3 / 6,8 / 6,7.
"""

from __future__ import annotations

import re
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

import pytest

from kwsite.chartcache import ChartCache
from kwsite.chartpool import ChartError, Drawer
from kwsite.charts.college import college_chart, college_svg
from kwsite.charts.jobs import ChartJob
from kwsite.model import Table
from kwsite.model.site import Row

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__)


def dec(values):
    return tuple(None if v is None else D(v) for v in values)


def make(
    college=("6.1", "6.5", "6.2"),
    total=("6.3", "6.8", "6.7"),
    periods=("2015", "2016", "2017"),
    unit="grade",
    title="Interne benchmark per Mbo College",
):
    """Arguments of the college chart functions, like S3's IBM table for Amstelland."""
    meta = Table(
        id="ibm-per-college", title=title, file="ibm.csv", indicator="1a", unit=unit, rows="unit", total="ROCvA+F"
    )
    row = Row("Amstlnd", dec(college), 4, unit="amstelland")
    tot = None if total is None else Row("ROCvA+F", dec(total), 13, unit="total")
    return ("amstelland", meta, periods, row, tot, ("Amstelland", "ROCvA+F"))


def texts(svg: str) -> list[str]:
    return [t.strip() for t in re.findall(r"<text\b[^>]*>([^<]*)</text>", svg)]


def line_path(svg: str, gid: str) -> str:
    """The ``d`` of the data line in the group with id ``gid``."""
    group = re.search(r'<g id="' + re.escape(gid) + r'">(.*?)</g>', svg, re.S).group(1)
    return re.search(r'<path d="([^"]*)"', group).group(1)


def test_alt_text_names_college_table_and_every_value():
    chart = college_chart(*make())
    assert chart.key == "college-amstelland-ibm-per-college"
    assert chart.alt == (
        "Lijngrafiek Interne benchmark per Mbo College: Amstelland naast ROCvA+F, per periode. "
        "Amstelland: 2015 6,1; 2016 6,5; 2017 6,2. ROCvA+F: 2015 6,3; 2016 6,8; 2017 6,7."
    )
    assert chart.columns == ("Periode", "Amstelland", "ROCvA+F")
    assert chart.rows == (("2015", "6,1", "6,3"), ("2016", "6,5", "6,8"), ("2017", "6,2", "6,7"))
    assert chart.csv_rows[0] == ("2015", "6.1", "6.3")


def test_alt_text_uses_the_full_college_name_the_chart_the_short_one():
    """#17 item 6 / item 5: a short name only where space forces it (the chart's key), the full name in the alt."""
    args = make()
    chart = college_chart(*args[:5], ("Amstelland", "ROCvA+F", "MBO College Amstelland"))
    assert chart.alt.startswith("Lijngrafiek Interne benchmark per Mbo College: MBO College Amstelland naast ROCvA+F")
    assert "MBO College Amstelland: 2015 6,1; 2016 6,5; 2017 6,2." in chart.alt
    assert "Amstelland" in texts(chart.svg) and "MBO College Amstelland" not in texts(chart.svg)


def test_svg_shows_dutch_ticks_years_and_both_series():
    svg = college_chart(*make()).svg
    shown = texts(svg)
    assert {"2015", "2016", "2017", "Cijfer", "Amstelland", "ROCvA+F"} <= set(shown)
    assert any(re.fullmatch(r"6,\d", t) for t in shown) and not any(re.fullmatch(r"6\.\d", t) for t in shown)
    college = line_path(svg, "college-amstelland-ibm-per-college-college")
    total = line_path(svg, "college-amstelland-ibm-per-college-total")
    assert college.count("L") == 2 and total.count("L") == 2  # three points each, one line


def line_style(svg: str, gid: str) -> tuple[str, str]:
    """(style of the line path, ``d`` of its marker) in the group with id ``gid``."""
    group = svg[svg.index(f'<g id="{gid}">') :]
    style = re.search(r'<path d="[^"]*" clip-path="[^"]*" style="([^"]*)"', group).group(1)
    return style, re.search(r'<path id="m[0-9a-f]+" d="([^"]*)"', group).group(1)


def test_series_differ_in_marker_and_line_style_not_colour_alone():
    svg = college_chart(*make()).svg
    college = line_style(svg, "college-amstelland-ibm-per-college-college")
    total = line_style(svg, "college-amstelland-ibm-per-college-total")
    assert "stroke-dasharray" not in college[0] and "stroke-dasharray" in total[0]
    assert college[1] != total[1] and "C" in college[1] and "C" not in total[1]  # circle vs square


def test_missing_value_is_a_gap_not_a_guess():
    args = make(college=("6.1", None, "6.2"))
    chart = college_chart(*args)
    assert "Amstelland: 2015 6,1; 2016 geen gegevens; 2017 6,2." in chart.alt
    assert chart.rows[1] == ("2016", "geen gegevens", "6,8") and chart.csv_rows[1] == ("2016", "", "6.8")
    path = line_path(chart.svg, "college-amstelland-ibm-per-college-college")
    assert path.count("M") == 2 and "L" not in path  # two lone points, no line across 2016


def test_school_years_as_written_and_no_total_row():
    args = make(periods=("’17-‘18", "’18-‘19", "’19-‘20"), total=None, unit="percent", college=("38", "41", None))
    chart = college_chart(*args)
    shown = texts(chart.svg)
    assert {"’17-‘18", "’18-‘19", "’19-‘20", "Percentage"} <= set(shown)
    assert "ROCvA+F" not in shown and "naast" not in chart.alt and chart.columns == ("Periode", "Amstelland")
    assert "Amstelland: ’17-‘18 38%; ’18-‘19 41%; ’19-‘20 geen gegevens." in chart.alt


def test_college_without_values_gets_no_chart():
    assert college_chart(*make(college=(None, None, None))) is None


def order_outputs() -> str:
    """Used by the order test: the IBM chart alone, then after two other charts (other sizes of
    title, periods, units and ticks), each as one line."""
    first = college_svg(*make())
    college_svg(
        *make(
            periods=("2010", "2012", "2014"),
            unit="percent",
            college=("12", "80", "3"),
            title="Een veel langere titel die over twee regels moet lopen omdat hij niet past op één",
        )
    )
    college_svg(*make(periods=tuple(f"’{y}-‘{y + 1}" for y in range(10, 19)), college=("5",) * 9, total=None))
    return first + "\n=====\n" + college_svg(*make())


def test_reused_figure_is_order_independent():
    """The SVG of a chart drawn first in a fresh process equals the one drawn after others."""
    code = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('tcc', {str(HERE)!r})\n"
        "mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)\n"
        "sys.stdout.write(mod.order_outputs())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    alone, after = done.stdout.split("\n=====\n")
    assert alone.startswith("<svg") and alone == after


def jobs(n: int) -> list[ChartJob]:
    values = [("6.1", "6.5", "6.2"), ("7.0", None, "6.9"), ("5.5", "5.9", "6.0")]
    return [
        ChartJob("college", make(college=values[i % 3], total=(None if i % 4 == 0 else ("6.3", "6.8", "6.7"))))
        for i in range(n)
    ]


def test_pool_serial_and_cache_give_the_same_bytes(tmp_path):
    work = jobs(20)
    serial = Drawer(ChartCache(tmp_path / "a"), workers=1)
    here = [serial.submit(f"c{i}", f"{i:064x}", j) for i, j in enumerate(work)]
    serial.finish()
    pooled = Drawer(ChartCache(tmp_path / "b"), workers=2, pool_after=0, here_kinds=frozenset())
    there = [pooled.submit(f"c{i}", f"{i:064x}", j) for i, j in enumerate(work)]
    pooled.flush()
    assert all(p._future is not None for p in there)  # drawn by the workers
    pooled.finish()
    assert [p.result() for p in here] == [p.result() for p in there]
    cached = ChartCache(tmp_path / "b")
    assert [cached.get(f"{i:064x}") for i in range(20)] == [p.result() for p in here]


def test_worker_error_is_a_clean_chart_error_not_a_hang(tmp_path):
    broken = ChartJob("college", make(college=(None, None, None), total=None))  # no value: drawing it raises
    drawer = Drawer(ChartCache(tmp_path), workers=2, pool_after=0, here_kinds=frozenset())
    pending = [drawer.submit(f"college-x-{i}", f"{i:064x}", j) for i, j in enumerate([*jobs(3), broken, *jobs(3)])]
    drawer.flush()
    with pytest.raises(ChartError, match=r"grafiek college-x-3 kon niet getekend worden: ValueError"):
        drawer.finish()
    assert drawer._pool is None and pending[0].result().startswith("<svg")
    drawer.cache.close()
    assert ChartCache(tmp_path).get(f"{2:064x}") is not None and ChartCache(tmp_path).get(f"{3:064x}") is None


def test_plugin_turns_a_failed_chart_into_a_plugin_error(tmp_path):
    from mkdocs.exceptions import PluginError

    from kwsite.plugin import LaterFile

    def later(path, pending):
        file = LaterFile(path, src_dir=None, dest_dir=str(tmp_path / "site"), use_directory_urls=True)
        file._content = pending  # as File.generated(config, path, content=pending) does
        return file

    drawer = Drawer(ChartCache(None))
    failing = later(
        "grafieken/college-x.svg",
        drawer.submit("college-x", "0" * 64, ChartJob("college", make(college=(None,) * 3, total=None))),
    )
    failing.copy_file()  # not drawn yet: MkDocs' copy leaves it for on_post_build
    with pytest.raises(PluginError, match="grafiek college-x kon niet getekend worden"):
        failing.write_later()
    good = later("grafieken/ok.svg", drawer.submit("ok", "1" * 64, jobs(1)[0]))
    good.copy_file()
    assert not (tmp_path / "site/grafieken/ok.svg").exists()
    good.write_later()
    assert (tmp_path / "site/grafieken/ok.svg").read_text(encoding="utf-8").startswith("<svg")
    done = later("grafieken/done.svg", drawer.submit("done", "2" * 64, jobs(1)[0]))
    done._body.result()
    done.copy_file()  # drawn already: written at once
    assert (tmp_path / "site/grafieken/done.svg").read_text(encoding="utf-8") == done._body.result()
