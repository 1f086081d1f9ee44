"""The target-kind registry (kwsite.targetkinds): a kind registered there — and nowhere else — is
accepted by the model, shown, given a status, charted and validated."""

from decimal import Decimal

import pytest
from pydantic import ValidationError

from conftest import edit
from kwsite import targetkinds
from kwsite.build import build_pages, load_site
from kwsite.charts import indicator_chart
from kwsite.model import Target
from kwsite.present import target_label, target_table_text, target_text
from kwsite.status import Status, judge
from kwsite.targetkinds import ChartMark, Finding, Path, TargetKind


def _same_as_baseline(target, baseline, better):
    if baseline is not None and baseline == target.value:
        return [Finding("value", "precies gelijk aan de nulmeting", "warning")]
    return []


EXACT = TargetKind(
    "exact",
    ("value",),
    lambda t, num: f"precies {num(t.value)}",
    lambda t, value, compare, better: value == t.value,
    lambda t, baseline, better: Path(t.value, better),
    ChartMark("point", "= "),
    rules=_same_as_baseline,
)


@pytest.fixture
def exact():
    targetkinds.register(EXACT)
    yield EXACT
    targetkinds.unregister("exact")


def test_the_model_refuses_an_unregistered_kind_listing_the_registered_ones():
    with pytest.raises(ValidationError) as info:
        Target(year=2020, kind="exact", value=5)
    error = info.value.errors()[0]
    assert error["type"] == "literal_error"
    assert error["ctx"]["expected"] == ("'value', 'minimum', 'maximum', 'range', 'direction', 'deferred' or 'relative'")


def test_a_kind_registered_in_the_registry_only_is_accepted_and_needs_its_fields(exact):
    assert Target(year=2020, kind="exact", value=5).kind == "exact"
    with pytest.raises(ValidationError, match="streefwaarde van soort 'exact' mist: value"):
        Target(year=2020, kind="exact", low=5)
    with pytest.raises(ValidationError, match="reference hoort alleen bij een streefwaarde van soort 'direction'"):
        Target(year=2020, kind="exact", value=5, reference="2018")


def test_a_registered_kind_is_loaded_shown_judged_charted_and_validated(exact, mini):
    edit(mini, "data/indicators.yaml", "{year: 2020, kind: value, value: 45}", "{year: 2020, kind: exact, value: 38}")
    site, warnings = load_site(mini / "data")  # the model accepts it, validation applies its rules
    assert [str(w) for w in warnings] == [
        "data/indicators.yaml:18:35 indicators[1].targets[0].value: precies gelijk aan de nulmeting"
    ]
    ind = site.indicator("1b")
    target = ind.targets[0]
    assert target_text(ind, target) == "precies 38%"
    assert target_label(ind, ind.targets[1]) == "50% (indicatief)"
    assert target_table_text(target, "percent") == "precies 38%"
    assert target_table_text(target, "percent", display=False) == "precies 38"
    # status: met exactly, missed after the target year, on course / behind on the path 30 → 38
    assert judge(ind, target, 2020, Decimal(38), Decimal(30), 2018).status is Status.REACHED
    assert judge(ind, target, 2020, Decimal(39), Decimal(30), 2018).status is Status.MISSED
    assert judge(ind, target, 2019, Decimal(35), Decimal(30), 2018).status is Status.ON_TRACK
    on_path = judge(ind, target, 2019, Decimal(33), Decimal(30), 2018)
    assert (on_path.status, on_path.expected) == (Status.BEHIND, Decimal(34))
    # chart: drawn with its marker and labelled with its prefix; listed in the data table
    chart = indicator_chart(ind, None, "ROC")
    assert 'id="indicator-1b-target-0"' in chart.svg and "= 38%" in chart.svg
    assert chart.rows[1] == ("2020", "", "precies 38%")
    # the theme page shows it
    generated, charts = build_pages(site, ["index.md"])
    charts.finish()
    theme = next(g for g in generated if g.path == "themas/kern.md")
    assert "precies 38%" in theme.content
