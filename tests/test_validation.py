"""Broken input: every case gives one line per problem, naming file, line and field."""

import pytest

from conftest import edit
from kwsite.build import load_site
from kwsite.problems import KwsiteError

CASES = [
    # (id, file, old, new, expected line of output)
    ("typo-key", "data/indicators.yaml", "    unit: grade", "    unti: grade",
     "data/indicators.yaml:2:5 indicators[0].unit: verplicht veld ontbreekt"),
    ("typo-key-extra", "data/indicators.yaml", "    scale: {min: 1, max: 10}", "    scael: {min: 1, max: 10}",
     "data/indicators.yaml:6:5 indicators[0].scael: onbekende sleutel (tikfout?)"),
    ("wrong-type", "data/agenda.yaml", "period_start: 2019", "period_start: negentien",
     "data/agenda.yaml:11:3 agenda.period_start: verwacht een geheel getal"),
    ("duplicate-key", "data/units.yaml", "    institution: roca\n    aliases", "    institution: roca\n    name: Dubbel\n    aliases",
     "data/units.yaml:7:5 units[0].name: dubbele sleutel 'name' (eerder op regel 3)"),
    ("tab", "data/themes.yaml", "    number: 1", "\tnumber: 1",
     "data/themes.yaml:3:1 YAML-fout: found a tab character"),
    ("unknown-theme", "data/indicators.yaml", "    theme: kern\n    name: Gemiddeld", "    theme: kernn\n    name: Gemiddeld",
     "data/indicators.yaml:3:5 indicators[0].theme: onbekend thema 'kernn'"),
    ("duplicate-id", "data/units.yaml", "  - id: zuid", "  - id: noord",
     "data/units.yaml:8:5 units[1].id: id 'noord' komt vaker voor"),
    ("year-outside", "data/indicators.yaml", "{year: 2022, kind: relative", "{year: 2029, kind: relative",
     "indicators[0].targets[1].year: jaar 2029 ligt buiten de looptijd 2019-2022"),
    ("outside-scale", "data/indicators.yaml", "value: 6.7, year: 2017", "value: 16.7, year: 2017",
     "indicators[0].baseline.value: waarde 16,7 ligt buiten de schaal 1-10"),
    ("percent-over-100", "data/indicators.yaml", "{year: 2020, kind: value, value: 45}", "{year: 2020, kind: value, value: 145}",
     "indicators[1].targets[0].value: percentage 145 ligt niet tussen 0 en 100"),
    ("relative-mismatch", "data/indicators.yaml", "delta: 0.2, value: 6.9", "delta: 0.2, value: 7.0",
     "indicators[0].targets[0].value: nulmeting 6,7 + 0,2 = 6,9, niet 7,0"),
    ("kind-fields", "data/indicators.yaml", "{year: 2020, kind: value, value: 45}", "{year: 2020, kind: range, value: 45}",
     "indicators[1].targets[0]: streefwaarde van soort 'range' mist: low, high"),
    ("empty-file", "data/themes.yaml", None, "", "data/themes.yaml:1:1 bestand is leeg"),
    ("ragged-row", "data/tables/cijfer.csv", "Nrd,6.5,6.8,7.0", "Nrd,6.5,6.8,7.0,8",
     "data/tables/cijfer.csv:2:1 rij heeft 5 cellen, kopregel 4"),
    ("not-a-number", "data/tables/cijfer.csv", "Nrd,6.5,6.8,7.0", "Nrd,6.5,\"6,8\",7.0",
     "data/tables/cijfer.csv:2:3 2016: geen getal: '6,8' (gebruik een punt als decimaalteken)"),
    ("unknown-college", "data/tables/cijfer.csv", "Nrd,", "Noordpool,",
     "data/tables/cijfer.csv:2:1 label: 'Noordpool' is geen bekend college"),
    ("percent-cell", "data/tables.yaml", "unit: grade", "unit: percent", None),
    ("missing-file", "data/tables.yaml", "tables/cijfer.csv", "tables/weg.csv",
     "data/tables.yaml:4:5 tables[0].file: bestand 'tables/weg.csv' ontbreekt of ligt buiten data/"),
    ("path-escape", "data/tables.yaml", "tables/cijfer.csv", "../../etc/passwd",
     "data/tables.yaml:4:5 tables[0].file: bestand '../../etc/passwd' ontbreekt of ligt buiten data/"),
    ("unknown-unit-in-measure", "data/measures.yaml", "units: [noord]", "units: [west]",
     "data/measures.yaml:6:13 measures[0].units[0]: onbekend college 'west'"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_broken_input_is_reported_with_file_and_line(mini, case):
    _, rel, old, new, expected = case
    if old is None:
        (mini / rel).write_text(new, encoding="utf-8")
    else:
        edit(mini, rel, old, new)
    if expected is None:  # percent-cell: valid grades are fine percentages too
        load_site(mini / "data")
        return
    with pytest.raises(KwsiteError) as info:
        load_site(mini / "data")
    lines = str(info.value).splitlines()
    assert any(line.startswith(expected) or expected in line for line in lines), lines
    assert all(":" in line.split(" ")[0] for line in lines)  # FILE:LINE:COL first


def test_invalid_record_does_not_cascade_into_unknown_references(mini):
    edit(mini, "data/indicators.yaml", "    unit: grade", "    unti: grade")
    with pytest.raises(KwsiteError) as info:
        load_site(mini / "data")
    assert [str(p) for p in info.value.problems] == [
        "data/indicators.yaml:2:5 indicators[0].unit: verplicht veld ontbreekt",
        "data/indicators.yaml:5:5 indicators[0].unti: onbekende sleutel (tikfout?)",
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
    edit(mini, "data/budget.yaml", "total: {share_pct: 100, amount_mln: 10.0}", "total: {share_pct: 100, amount_mln: 11.0}")
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
    (mini / "data/units.yaml").write_text(text.rstrip("\n").rsplit("institution: roca", 1)[0] + "institution: rocx\n", encoding="utf-8")
    with pytest.raises(KwsiteError) as info:
        load_site(mini / "data")
    lines = [str(p) for p in info.value.problems]
    assert "data/units.yaml:10:5 units[1].institution: onbekende instelling 'rocx'" in lines, lines
