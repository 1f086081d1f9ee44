"""Messages that help an editor fix the mistake (issue #17 item 18): the hint for a decimal comma in block
style, Excel's "63,0%" in one clear line, "bedoelt u …?" for misspelt keys, ids and labels (and no advice to
make a typo permanent as an alias)."""

from __future__ import annotations

from click.testing import CliRunner

from conftest import edit
from kwsite.cli import main


def lines(site) -> list[str]:
    result = CliRunner().invoke(main, ["validate", str(site)])
    assert result.exit_code == 1
    return [line for line in result.output.splitlines() if line and not line[0].isdigit()]


def test_decimal_comma_in_block_style_gets_the_hint(mini):
    edit(
        mini,
        "data/indicators.yaml",
        "    baseline: {value: 38, year: 2018}\n",
        "    baseline:\n      value: 61,5\n      year: 2018\n",
    )
    assert lines(mini) == [
        "data/indicators.yaml:17:7 indicators[1].baseline.value: verwacht een getal: "
        "'61,5' heeft een decimaalkomma; schrijf 61.5"
    ]


def test_excel_percentages_are_one_clear_line(mini):
    (mini / "data" / "tables" / "cijfer.csv").write_text(
        "label;2015;2016;2017\nNrd;63,0%;64,0%;65,0%\nTotaal ROCA;6,3;6,8;6,7\n", encoding="utf-8"
    )
    assert lines(mini) == [
        "data/tables/cijfer.csv:2:2 2015: geen getal: '63,0%' (een %-teken; zet alleen het getal "
        "in de cel, de eenheid staat in tables.yaml); zo ook 2 andere cellen in dit bestand"
    ]


def test_misspelt_label_key_and_id_get_did_you_mean(mini):
    edit(mini, "data/tables/cijfer.csv", "Nrd,", "Nrdd,")
    edit(mini, "data/indicators.yaml", "    theme: kern\n    name: Aandeel", "    theme: kernn\n    name: Aandeel")
    edit(mini, "data/indicators.yaml", "    scale: {min: 1, max: 10}", "    scael: {min: 1, max: 10}")
    found = lines(mini)
    assert (
        "data/tables/cijfer.csv:2:1 label: 'Nrdd' is geen bekend college; bedoelt u 'nrd'? Verbeter dan het label in dit bestand"
        in found
    )
    assert "data/indicators.yaml:13:5 indicators[1].theme: onbekend thema 'kernn'; bedoelt u 'kern'?" in found
    assert "data/indicators.yaml:6:5 indicators[0].scael: onbekende sleutel (tikfout?); bedoelt u 'scale'?" in found
    assert not any("alias" in line for line in found)  # an alias would make the typo permanent


def test_unknown_label_far_from_any_college_gets_the_alias_advice(mini):
    edit(mini, "data/tables/cijfer.csv", "Nrd,", "Oostpoort,")
    assert lines(mini) == [
        "data/tables/cijfer.csv:2:1 label: 'Oostpoort' is geen bekend college (is het een andere "
        "schrijfwijze van een bestaand college, zet die dan bij aliases in units.yaml)"
    ]
