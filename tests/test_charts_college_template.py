"""The college chart's template drawing (kwsite/charts/college_svg.py) writes the same bytes as
matplotlib's drawing of the same chart, and leaves to matplotlib what it cannot copy exactly."""

from __future__ import annotations

import pytest

from conftest import ROOT
from kwsite.build import load_site
from kwsite.charts import college_svg as template
from kwsite.charts.college import college_key, college_svg
from kwsite.charts.kinds import KINDS
from test_charts_college import make


def _matplotlib(args, monkeypatch) -> str:
    with monkeypatch.context() as m:
        m.setattr(template, "college_template_svg", lambda *a, **k: None)
        return college_svg(*args)


def _template(args) -> str | None:
    unit_id, meta, periods, row, total, labels = args
    return template.college_template_svg(
        college_key(unit_id, meta.id), meta, periods, [(labels[0], row), (labels[1], total)]
    )


CASES = {
    "ibm": make(),
    "percent": make(unit="percent", college=("38", "41", "44"), total=("40", "40.5", "39")),
    "count": make(unit="count", college=("1200", "1350", "990"), total=("30000", "31000", "29000")),
    "long title, two lines": make(title="Een veel langere titel die over twee regels moet lopen omdat hij niet past"),
    "accents and brackets": make(title="Évaluatie (Å-niveau) | jaar"),
    "six years": make(
        periods=tuple(str(y) for y in range(2017, 2023)),
        college=("6.1", "6.5", "6.2", "6.0", "6.4", "7.1"),
        total=("6.3", "6.8", "6.7", "6.6", "6.5", "6.9"),
    ),
    "flat": make(college=("6.5", "6.5", "6.5"), total=("6.5", "6.5", "6.5")),
    "gap in the middle": make(college=("6.1", None, "6.2")),
    "gap at the start": make(college=(None, "6.5", "6.2"), total=(None, "6.8", "6.7")),
    "gaps around": make(
        periods=("2015", "2016", "2017", "2018"), college=("6.1", None, "6.2", None), total=("6.3", "6.8", None, "6.6")
    ),
    "one value": make(college=(None, "6.5", None)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_template_gives_matplotlibs_bytes(name, monkeypatch):
    args = CASES[name]
    drawn = _template(args)
    assert drawn is not None, "the template should draw this chart"
    assert drawn == _matplotlib(args, monkeypatch)
    assert college_svg(*args) == drawn


def test_matplotlibs_drawing_does_not_depend_on_the_charts_before(monkeypatch):
    """The reused figure adds tick labels when a chart has more periods than any before; the x labels
    still come before the y labels, as in a fresh process."""
    from kwsite.charts import college

    six = CASES["six years"]
    monkeypatch.setattr(college, "_TEMPLATE", {})
    fresh = _matplotlib(six, monkeypatch)
    monkeypatch.setattr(college, "_TEMPLATE", {})
    _matplotlib(make(), monkeypatch)  # three x labels and some y labels first
    assert _matplotlib(six, monkeypatch) == fresh


def test_template_gives_matplotlibs_bytes_for_the_sites_charts(monkeypatch):
    kind, drawn = KINDS["college"], 0
    for path in (".", "examples/noorderpoort"):
        site = load_site(ROOT / path / "data")[0]
        for table in (t for t in site.tables.values() if t.meta.rows == "unit"):
            for unit in site.units:
                args = kind.arguments(site, unit, table)
                if args is None or kind.text(*args) is None or args[4] is None:
                    continue
                svg = _template(args)
                drawn += svg is not None
                assert svg is None or svg == _matplotlib(args, monkeypatch), args[:2]
    assert drawn > 40


@pytest.mark.parametrize(
    "args",
    [
        make(total=(None, None, None)),  # a total row without values
        make(periods=("’17-‘18", "’18-‘19", "’19-‘20")),  # periods that are no years
        make(title="漢字"),  # a glyph DejaVu Sans lacks: matplotlib picks another font
    ],
    ids=["empty total", "school years", "missing glyph"],
)
def test_what_the_template_cannot_copy_is_left_to_matplotlib(args, monkeypatch):
    assert _template(args) is None
    assert college_svg(*args) == _matplotlib(args, monkeypatch)
