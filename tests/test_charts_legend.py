"""An indicator chart names only the series it draws (final review of the release): the legend, the alt text
and the data table's column say which line is drawn, and a line is only drawn under the institution's name when
it is the table's total row.

Found on the flagship: 3b's legend read "ROCvA+F, Doorstroompercentage mbo ROC en landelijk" (the table title
names the national series too, which is not drawn), and 3a drew MBO College Zuidoost's row (84, 86, 87, S3
r. 3643-3669; the table has no total row) as "ROCvA+F"."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from kwsite.charts.indicator import _own_row
from kwsite.charts.kinds import KINDS
from kwsite.load import load_site

SITES = {"flagship": ROOT, "noorderpoort": ROOT / "examples" / "noorderpoort", "clusius": ROOT / "examples" / "clusius"}


def _site(name: str):
    site, problems = load_site(SITES[name] / "data")
    assert site is not None, problems
    return site


def _legend(svg: str) -> list[str]:
    """The SVG's text items (the legend's labels are among them)."""
    return [t.strip() for t in re.findall(r"<text\b[^>]*>([^<]*)</text>", svg)]


def test_3b_legend_alt_and_table_name_only_the_roc_line():
    site = _site("flagship")
    kind = KINDS["indicator"]
    args = kind.arguments(site, site.indicator("3b"))
    series, label = args[1], args[2]
    assert series.meta.id == "doorstroom-mbo-roc-landelijk"
    assert label == "ROCvA+F"
    text = kind.text(*args)
    assert text.columns[1] == "ROCvA+F"
    assert [r[1] for r in text.rows if r[1]] == [
        "42,9%",
        "45,6%",
        "47,1%",
    ]  # the ROC row, not landelijk (40,1 42,5 42,4)
    assert "ROCvA+F van 2014 tot en met 2016, tussen 42,9% en 47,1%; laatste waarde 47,1% (2016)." in text.alt
    assert "landelijk" not in text.alt
    items = _legend(kind.svg(*args))
    assert "ROCvA+F" in items
    assert not any("landelijk" in t for t in items), items


def test_3a_draws_no_college_as_the_institution():
    """Startersresultaat per Mbo College has no total row: no line, and no chart at all (its targets are
    directions, which are not drawn)."""
    site = _site("flagship")
    kind = KINDS["indicator"]
    args = kind.arguments(site, site.indicator("3a"))
    assert args[1].meta.id == "startersresultaat-per-college"
    assert args[1].row_for_unit("total") is None
    assert _own_row(args[1]) is None
    assert kind.text(*args) is None


@pytest.mark.parametrize("name", sorted(SITES))
def test_every_indicator_chart_names_only_the_row_it_draws(name):
    """For every indicator chart of the three sites: the drawn row is the table's total row, and the name of the
    line mentions no other row of the table (a series table's title, "... ROC en landelijk", would)."""
    site = _site(name)
    kind = KINDS["indicator"]
    checked = 0
    for ind in site.indicators:
        args = kind.arguments(site, ind)
        text = kind.text(*args)
        series, label = args[1], args[2]
        row = _own_row(series)
        if text is None or row is None:
            continue
        checked += 1
        assert row is series.row_for_unit("total"), ind.id
        others = {r.label.lower() for r in series.rows if r is not row} - {row.label.lower()}
        assert not [o for o in others if o in label.lower() or o.split(" ")[0] in label.lower().split()], (
            ind.id,
            label,
        )
        assert text.columns[1] == label
        assert label in _legend(kind.svg(*args)), ind.id
    assert checked == {"flagship": 5, "noorderpoort": 0, "clusius": 0}[name]
