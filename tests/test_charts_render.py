"""How a matplotlib chart is printed (:func:`kwsite.charts.base._print_svg`): the same bytes as
``savefig``, with text measures kept for the process instead of one chart (issue 20)."""

from __future__ import annotations

import io
from decimal import Decimal as D

import pytest

from kwsite.charts import base, indicator_chart, printing, table_chart
from kwsite.model import Baseline, Target

from test_charts import make_indicator, make_table

VARIANTS = {
    "series, baseline, indicative target (two-line label)": lambda: indicator_chart(
        make_indicator(), make_table(), "ROCvA+F"
    ),
    "span target, lower is better, derived baseline": lambda: indicator_chart(
        make_indicator(
            id="2b",
            unit="percent",
            polarity="lower_is_better",
            baseline=Baseline(value=D("6.7"), year=2016, derived="laatste meting vóór de start"),
            targets=[Target(year=2020, kind="range", low=D("5.0"), high=D("5.5"), indicative=True)],
        ),
        make_table(unit="percent"),
        "ROCvA+F",
    ),
    "no series line": lambda: indicator_chart(make_indicator(), None, "ROCvA+F"),
    "table chart (lines)": lambda: table_chart(make_table("series")),
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_printed_svg_is_what_savefig_writes(monkeypatch, variant):
    """savefig draws with a fresh RendererSVG that measures every text itself and reads the font's
    line heights from its tables; ours takes both from the process caches: the bytes must agree."""
    printed, original = [], base._print_svg

    def print_and_save(fig):
        ours = original(fig)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None})
        printed.append((ours, buffer.getvalue()))
        return ours

    monkeypatch.setattr(base, "_print_svg", print_and_save)
    VARIANTS[variant]()
    ((ours, saved),) = printed
    assert "<text" in ours and ours == saved


def test_text_measures_last_across_charts():
    VARIANTS["series, baseline, indicative target (two-line label)"]()  # every text of this chart measured
    before = printing._svg_text_metrics.cache_info()
    VARIANTS["series, baseline, indicative target (two-line label)"]()
    after = printing._svg_text_metrics.cache_info()
    assert after.misses == before.misses  # nothing measured again
    assert after.hits > before.hits  # ... but asked for: the tick labels, legend, title


def test_font_line_heights_are_what_matplotlib_reads():
    """A two-line label laid out by the fitting renderer (with the cached line heights) and by a
    plain Agg renderer (matplotlib reads the font's tables) has the same extent."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
    from matplotlib.figure import Figure

    with matplotlib.rc_context(base.STYLE):
        fig = Figure(figsize=base.FIGSIZE)
        FigureCanvasAgg(fig)
        text = fig.text(0.5, 0.5, "6,9\nindicatief", fontsize=8)
        cached = text.get_window_extent(base._measuring_renderer(fig.dpi))
        plain = text.get_window_extent(RendererAgg(1, 1, fig.dpi))
        assert hasattr(base._measuring_renderer(fig.dpi), "_get_font_height_metrics")
        assert cached.bounds == plain.bounds and cached.height > 2 * 8 * fig.dpi / 72
