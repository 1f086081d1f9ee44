"""Inline directives take their figures from the data; unknown ones are errors with line and column."""

from kwsite.build import load_site
from kwsite.directives import expand
from conftest import edit


def test_values_come_from_data(mini):
    site, _ = load_site(mini / "data")
    text, problems = expand(
        "Nulmeting [[ind.1b.baseline]] in [[ind.1b.baseline.year]], doel [[ind.1b.target.2020]].\n"
        "Cijfer [[ind.1a.target.2022]]; budget [[budget.kern.share]] = [[budget.kern.amount]]; "
        "Noord [[table.cijfer.noord.2017]], totaal [[table.cijfer.total.2015]]; [[agenda.period]], [[agenda.units.count]] colleges.",
        site,
        "content/x.md",
    )
    assert problems == []
    assert text.splitlines()[0] == "Nulmeting 38% in 2018, doel 45%."
    assert "Cijfer 7,1 (+0,4 punt); budget 100% = €\u00a010,0\u00a0mln;" in text
    assert "Noord 7,0, totaal 6,3; 2019-2022, 2 colleges." in text


def test_changing_yaml_changes_the_text(mini):
    edit(mini, "data/indicators.yaml", "value: 38, year: 2018", "value: 39, year: 2018")
    site, _ = load_site(mini / "data")
    assert expand("[[ind.1b.baseline]]", site, "x.md")[0] == "39%"


def test_unknown_references_are_reported_with_line_and_column(mini):
    site, _ = load_site(mini / "data")
    text, problems = expand(
        "a\n\nzie [[ind.9z.baseline]] en [[ind.1a.target.2021]]\n[[foo.bar]]", site, "content/x.md", first_line=4
    )
    assert [str(p) for p in problems] == [
        "content/x.md:6:5 ind.9z.baseline: onbekende verwijzing (onbekende indicator '9z')",
        "content/x.md:6:28 ind.1a.target.2021: onbekende verwijzing",
        "content/x.md:7:1 foo.bar: onbekende verwijzing (onbekende soort 'foo')",
    ]
    assert "[[ind.9z.baseline]]" in text


def test_code_blocks_are_left_alone(mini):
    site, _ = load_site(mini / "data")
    text, problems = expand("```\n[[nope]]\n```\n", site, "x.md")
    assert problems == [] and "[[nope]]" in text


def test_directives_in_data_text_are_checked_at_their_yaml_line(mini):
    import pytest
    from kwsite.problems import KwsiteError

    edit(
        mini,
        "data/themes.yaml",
        "Meer studenten halen hun diploma.",
        "Van [[ind.1b.baseline]] naar [[ind.1b.target.2030]].",
    )
    with pytest.raises(KwsiteError) as info:
        load_site(mini / "data")
    assert [str(p) for p in info.value.problems] == [
        "data/themes.yaml:7:17 themes[0].ambitions[0]: onbekende verwijzing [[ind.1b.target.2030]]"
    ]


def test_cli_validate_reports_unknown_reference_in_content(mini):
    import subprocess
    import sys

    (mini / "content").mkdir(exist_ok=True)
    (mini / "content" / "index.md").write_text("# Start\n\nWaarde [[ind.9z.baseline]].\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "kwsite.cli", "validate", str(mini)], capture_output=True, text=True)
    assert proc.returncode == 1
    assert "content/index.md:3:8 ind.9z.baseline: onbekende verwijzing (onbekende indicator '9z')" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_realisations_and_status_from_the_data(mini):
    (mini / "data" / "realisations.csv").write_text(  # fictional test values
        "indicator,unit,year,period,breakdown,value,note\n1b,,2019,,,40,\n1b,noord,2019,,,43.5,\n1b,zuid,2020,,,46,\n",
        "utf-8",
    )
    site, _ = load_site(mini / "data")
    text, problems = expand(
        "ROCA [[ind.1b.realisation.2019]] ([[ind.1b.status.2019]]); Noord [[ind.1b.realisation.2019.noord]] "
        "([[ind.1b.status.2019.Nrd]]), Zuid [[ind.1b.realisation.2020.College Zuid]] ([[ind.1b.status.2020.zuid]]); "
        "2021: [[ind.1b.status.2021]].",
        site,
        "content/x.md",
    )
    assert problems == []
    # path 38 (2018) → 45 (2020): 41,5 in 2019, so 40 is behind and 43,5 on course; 46 in 2020 reaches 45
    assert text == ("ROCA 40% (achter); Noord 43,5% (op koers), Zuid 46% (behaald); 2021: geen gegevens.")
    _, problems = expand(
        "[[ind.1b.realisation.2021]] [[ind.1b.realisation.2019.oost]] [[ind.1b.status.2030]]", site, "content/x.md"
    )
    assert [str(p) for p in problems] == [
        "content/x.md:1:1 ind.1b.realisation.2021: onbekende verwijzing (geen realisatie 2021)",
        "content/x.md:1:29 ind.1b.realisation.2019.oost: onbekende verwijzing (onbekend college 'oost')",
        "content/x.md:1:62 ind.1b.status.2030: onbekende verwijzing (jaar 2030 ligt buiten de looptijd)",
    ]


def test_a_progress_reference_ending_in_a_dot_is_not_the_institutions(mini):
    (mini / "data" / "realisations.csv").write_text(  # fictional test values
        "indicator,unit,year,period,breakdown,value,note\n1b,,2019,,,40,\n1b,noord,2019,,,43.5,\n", "utf-8"
    )
    site, _ = load_site(mini / "data")
    # the college was left out: this printed the institution's 40% where a college's figure was meant
    _, problems = expand("Noord [[ind.1b.realisation.2019.]], [[ind.1b.status.2019.]]", site, "content/x.md")
    assert [str(p) for p in problems] == [
        "content/x.md:1:7 ind.1b.realisation.2019.: onbekende verwijzing (college ontbreekt na de punt)",
        "content/x.md:1:37 ind.1b.status.2019.: onbekende verwijzing (college ontbreekt na de punt)",
    ]
