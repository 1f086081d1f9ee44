"""Validation across records and files: no cascades, all problems at once, warnings.

The one-defect-per-case broken-input suite with golden messages is ``test_broken.py``."""

import pytest

from conftest import edit
from kwsite.build import load_site
from kwsite.problems import KwsiteError


def test_invalid_record_does_not_cascade_into_unknown_references(mini):
    edit(mini, "data/indicators.yaml", "    unit: grade", "    unti: grade")
    with pytest.raises(KwsiteError) as info:
        load_site(mini / "data")
    assert [str(p) for p in info.value.problems] == [
        "data/indicators.yaml:2:5 indicators[0].unit: verplicht veld ontbreekt",
        "data/indicators.yaml:5:5 indicators[0].unti: onbekende sleutel (tikfout?); bedoelt u 'unit'?",
    ]


def test_all_problems_reported_at_once(mini):
    edit(mini, "data/indicators.yaml", "    unit: grade", "    unti: grade")
    edit(mini, "data/tables/cijfer.csv", "Nrd,", "Noordpool,")
    edit(mini, "data/units.yaml", "  - id: zuid", "  - id: noord")
    with pytest.raises(KwsiteError) as info:
        load_site(mini / "data")
    assert len(info.value.problems) >= 3
    files = {p.file for p in info.value.problems}
    assert {"data/indicators.yaml", "data/tables/cijfer.csv", "data/units.yaml"} <= files


def test_budget_total_mismatch_is_a_warning_naming_the_row(mini):
    edit(
        mini,
        "data/budget.yaml",
        "total: {share_pct: 100, amount_mln: 10.0}",
        "total: {share_pct: 100, amount_mln: 11.0}",
    )
    _, warnings = load_site(mini / "data")
    assert [str(w) for w in warnings] == [
        "data/budget.yaml:5:27 budget.total.amount_mln: som van de bedragen is 10,0, gedrukt totaal 11,0"
    ]


def test_valid_fixture_has_no_problems(mini):
    site, warnings = load_site(mini / "data")
    assert warnings == []
    assert site.tables["cijfer"].row_for_unit("noord").values[2] == site.tables["cijfer"].row("Nrd").values[2]
    assert str(site.indicator("1a").baseline.value) == "6.7"


def test_duplicate_table_id_is_reported(mini):
    text = (mini / "data/tables.yaml").read_text(encoding="utf-8")
    entry = text.split("tables:\n", 1)[1]
    (mini / "data/tables.yaml").write_text(text + entry, encoding="utf-8")
    with pytest.raises(KwsiteError) as info:
        load_site(mini / "data")
    assert "data/tables.yaml:9:5 tables[1].id: id 'cijfer' komt vaker voor" in str(info.value)


def test_problem_after_an_invalid_record_points_at_the_right_record(mini):
    edit(mini, "data/units.yaml", "    name: College Noord\n", "")  # units[0] fails to load
    text = (mini / "data/units.yaml").read_text(encoding="utf-8")
    (mini / "data/units.yaml").write_text(
        text.rstrip("\n").rsplit("institution: roca", 1)[0] + "institution: rocx\n", encoding="utf-8"
    )
    with pytest.raises(KwsiteError) as info:
        load_site(mini / "data")
    lines = [str(p) for p in info.value.problems]
    assert "data/units.yaml:10:5 units[1].institution: onbekende instelling 'rocx'" in lines, lines
