from decimal import Decimal as D

from kwsite.model import Indicator, Target
from kwsite.numbers import euro_mln, machine, number, percent, with_unit
from kwsite.present import baseline_text, target_label, target_text


def test_dutch_formatting_keeps_printed_precision():
    assert number(D("6.7")) == "6,7"
    assert number(D("1731")) == "1.731"
    assert percent(D("69.11")) == "69,11%"
    assert percent(D("77.0")) == "77,0%"
    assert euro_mln(D("7.0")) == "€\u00a07,0\u00a0mln"
    assert euro_mln(D("28.0")) == "€\u00a028,0\u00a0mln"
    assert with_unit(None, "percent") == "geen gegevens"
    assert machine(D("69.11")) == "69.11" and machine(None) == ""


def _ind(**kw):
    return Indicator(id="x", theme="t", name="X", unit=kw.pop("unit", "percent"), **kw)


def test_every_target_kind_reads_in_dutch():
    ind = _ind(unit="grade", baseline={"value": "6.7", "year": 2017})
    cases = {
        Target(year=2020, kind="value", value="45"): "45",
        Target(year=2020, kind="minimum", value="3.7"): "minimaal 3,7",
        Target(year=2020, kind="maximum", value="26.2"): "maximaal 26,2",
        Target(year=2020, kind="range", low="15", high="20"): "15 tot 20",
        Target(year=2020, kind="direction", direction="behoud"): "behoud",
        Target(year=2022, kind="deferred", set_in=2020): "vast te stellen in 2020",
        Target(year=2020, kind="relative", delta="0.2", value="6.9"): "6,9 (+0,2 punt)",
    }
    for target, expected in cases.items():
        assert target_text(ind, target) == expected
    assert target_label(ind, Target(year=2022, kind="value", value="7.1", indicative=True)) == "7,1 (indicatief)"
    assert baseline_text(ind) == "6,7 (2017)"
    assert baseline_text(_ind()) == "geen gegevens"
