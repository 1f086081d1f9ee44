"""Rules for ratio tables, timelines and activities, on a copy of the Noorderpoort data:
each broken input gives exactly one line naming file, line and field."""

import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, edit
from kwsite.build import load_site
from kwsite.model import Step, Timeline
from kwsite.problems import KwsiteError

DATA = ROOT / "examples" / "noorderpoort" / "data"
BBL_2016 = "data/ratios.yaml:40:9 ratios[1].columns[1].percent: 2016: gedrukt 15,9%, berekend 2.000 / 12.659 = 15,8%"


@pytest.fixture
def site(tmp_path):
    target = tmp_path / "np" / "data"
    shutil.copytree(DATA, target)
    return target.parent


def reported(site):
    _, found = load_site(site / "data")
    return [(p.level, str(p)) for p in found]


def errors_of(site):
    with pytest.raises(KwsiteError) as exc:
        load_site(site / "data")
    return [str(p) for p in exc.value.problems]


def test_shipped_example_has_only_the_acknowledged_inconsistency(site):
    assert reported(site) == [("note", BBL_2016)]


def test_unacknowledged_inconsistency_is_a_warning_and_fails_strict_validate(site):
    path = site / "data/ratios.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("        acknowledged: >-\n"), text.index('      - {label: "2017"')
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert reported(site) == [("warning", BBL_2016)]
    proc = subprocess.run(
        [sys.executable, "-m", "kwsite.cli", "validate", "--strict", str(site)], capture_output=True, text=True
    )
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        BBL_2016.replace("percent: ", "percent: waarschuwing: ", 1),
        "0 fout(en), 1 waarschuwing(en).",
    ]


def test_printed_percentage_off_by_more_than_rounding(site):
    edit(
        site,
        "data/ratios.yaml",
        "denominator: 197, numerator: 56, percent: 28.4",
        "denominator: 197, numerator: 56, percent: 28.5",
    )
    assert (
        "warning",
        "data/ratios.yaml:18:57 ratios[0].columns[0].percent: Niv.1: gedrukt 28,5%, berekend 56 / 197 = 28,4%",
    ) in reported(site)


def test_total_column_must_be_the_sum(site):
    edit(site, "data/ratios.yaml", "denominator: 9926, numerator: 414", "denominator: 9925, numerator: 414")
    assert (
        "warning",
        "data/ratios.yaml:22:25 ratios[0].columns[4].denominator: som van de kolommen is 9.926, gedrukt totaal 9.925",
    ) in reported(site)


def test_needless_acknowledgement_is_a_warning(site):
    edit(site, "data/ratios.yaml", "percent: 15.9", "percent: 15.8")
    assert reported(site) == [
        (
            "warning",
            "data/ratios.yaml:41:9 ratios[1].columns[1].acknowledged: de kolom klopt; 'acknowledged' is overbodig",
        )
    ]


def test_timeline_out_of_order_is_a_warning(site):
    edit(site, "data/process.yaml", "      - when: 7 juni 2018 ", "      - when: 7 mei 2018 ")
    edit(site, "data/process.yaml", "      - when: 10 en 24 april 2018 ", "      - when: 10 en 24 juli 2018 ")
    assert (
        "warning",
        "data/process.yaml:16:9 timelines[0].steps[1].when: '7 mei 2018' staat na '10 en 24 juli 2018' maar is eerder; "
        "de pagina toont de tijdsvolgorde",
    ) in reported(site)


def test_date_without_year_needs_year(site):
    edit(site, "data/process.yaml", "        year: 2018\n", "")
    assert errors_of(site) == [
        "data/process.yaml:40:9 timelines[0].steps[9].when: '24 september': geen jaar (geef year op); "
        "de plaats in de tijd is niet te bepalen"
    ]


def test_year_may_not_contradict_a_printed_year(site):
    edit(site, "data/process.yaml", "      - when: 24 september ", "      - when: 24 september 2019 ")
    assert errors_of(site) == [
        "data/process.yaml:41:9 timelines[0].steps[9].year: '24 september 2019' noemt zelf een jaar; laat year weg"
    ]


def test_budget_year_outside_the_period(site):
    edit(site, "data/activities.yaml", "budget: {2019: 80000}", "budget: {2019: 80000, 2023: 10000}")
    assert errors_of(site) == [
        "data/activities.yaml:12:27 activities[0].budget[2023]: jaar 2023 ligt buiten de looptijd 2019-2022"
    ]


def test_activity_of_unknown_theme(site):
    edit(
        site,
        "data/activities.yaml",
        "    theme: kwetsbare-jongeren\n    label: a\n    title: Project",
        "    theme: kwetsbaar\n    label: a\n    title: Project",
    )
    assert errors_of(site) == ["data/activities.yaml:9:5 activities[0].theme: onbekend thema 'kwetsbaar'"]


def test_goal_ids_repeat_per_horizon_but_not_within_one(site):
    edit(
        site,
        "data/themes.yaml",
        "      - id: b                                                           # L1558-1569",
        "      - id: a                                                           # L1558-1569",
    )
    assert errors_of(site) == ["data/themes.yaml:32:9 themes[0].goals[1].id: doel 'a' komt vaker voor"]


def test_timeline_order_key_keeps_partial_dates_as_written():
    steps = [
        Step(when="Vanaf januari 2019", action="x"),
        Step(when="september 2018", action="y"),
        Step(when="24 september", year=2018, action="z"),
        Step(when="25 september - 1 oktober 2018", action="w"),
        Step(when="november-december 2018", action="v"),
    ]
    ordered = Timeline(id="t", title="T", steps=steps).ordered()
    assert [s.when for s in ordered] == [
        "september 2018",
        "24 september",
        "25 september - 1 oktober 2018",
        "november-december 2018",
        "Vanaf januari 2019",
    ]
    assert [s.sort_key() for s in ordered] == [(2018, 9), (2018, 9), (2018, 9), (2018, 11), (2019, 1)]
    assert not ordered[1].year_printed and ordered[0].year_printed


def test_ratio_directives_give_the_printed_figures(site):
    from kwsite.directives import expand

    loaded, _ = load_site(site / "data")
    text, problems = expand(
        "[[ratio.vsv-per-niveau.Niv.1.percent]] / [[ratio.vsv-per-niveau.Niv.1.norm]] / "
        "[[ratio.vsv-per-niveau.Totaal.denominator]] / [[ratio.bbl-aandeel.2016.percent]]",
        loaded,
        "content/x.md",
    )
    assert problems == [] and text == "28,4% / 27,5% / 9.926 / 15,9%"
    text, problems = expand(
        "[[ratio.vsv-per-niveau.Totaal.norm]] [[ratio.vsv-per-niveau.Niv.9.percent]]", loaded, "content/x.md"
    )
    assert [str(p) for p in problems] == [
        "content/x.md:1:1 ratio.vsv-per-niveau.Totaal.norm: onbekende verwijzing (geen waarde voor norm bij 'Totaal')",
        "content/x.md:1:38 ratio.vsv-per-niveau.Niv.9.percent: onbekende verwijzing",
    ]


@pytest.mark.parametrize("note", ["", ", note: 'Nog maar enkele bbl-studenten in dit jaar'"])
def test_a_fraction_in_indicators_yaml_stops_unless_a_note_says_why(tmp_path, note):
    """0.776 typed for 77,6 % beside 1b's baseline of 38 passed under the factor 50 (38 / 0.776 = 49) when typed
    in indicators.yaml; only realisations.csv was held to the factor 10. A real value below 1 % passes with a note."""
    site = tmp_path / "flag"
    shutil.copytree(ROOT / "data", site / "data")
    edit(
        site,
        "data/indicators.yaml",
        "    baseline:\n      value: 38\n",
        f"    realisations:\n      - {{year: 2019, value: 0.776{note}}}\n    baseline:\n      value: 38\n",
    )
    if note:
        _, found = load_site(site / "data")
        assert not [p for p in found if "0,776" in str(p)]
        return
    problems = errors_of(site)
    assert problems == [
        "data/indicators.yaml:84:22 indicators[1].realisations[0].value: 0,776 is meer dan 10 keer kleiner dan 38 "
        "(referentie van de indicator): tikfout, of een breuk (0.776) waar een percentage (77.6) hoort? Is de waarde "
        "echt kleiner dan 1%, zet er dan een note bij die zegt waarom."
    ], problems
