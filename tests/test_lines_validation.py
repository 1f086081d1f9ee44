"""The seed rules on action/improvement lines and team plans, as `kwsite validate` reports them.

S0 L4: an actielijn always has an owner. S0 L6-7: a verbeterlijn shows results within a
time span fixed beforehand. S2 L128-129: a plan's goal is SMART.
"""

import shutil

import pytest
from click.testing import CliRunner

from conftest import ROOT, edit
from kwsite.cli import main

EXAMPLE = ROOT / "examples" / "clusius"


@pytest.fixture
def clusius(tmp_path):
    target = tmp_path / "clusius"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("site"))
    return target


def validate(site, *args):
    result = CliRunner().invoke(main, ["validate", str(site), *args])
    return result.exit_code, result.output.splitlines()


def test_example_validates_without_warnings(clusius):
    assert validate(clusius, "--strict") == (0, ["In orde (0 waarschuwing(en))."])


def test_action_line_without_owner_is_an_error(clusius):
    edit(clusius, "data/lines.yaml", "        owners: [{role: MT}]\n", "        owners: []\n")
    code, out = validate(clusius)
    assert code == 1
    assert out[0] == (
        "data/lines.yaml:389:9 lines[1].lines[2].kind: "
        "actielijn zonder eigenaar (een actielijn heeft altijd een eigenaar)"
    )


def test_improvement_line_without_end_of_time_box_is_an_error(clusius):
    # S1 L498-504 names no year; only the row's "Meerjarenplan 20-22" (time_box) ends it.
    edit(clusius, "data/lines.yaml", "        time_box: Meerjarenplan 20-22", "")
    code, out = validate(clusius)
    assert code == 1
    assert out[0] == (
        "data/lines.yaml:543:9 lines[1].lines[10].timeline: "
        "verbeterlijn zonder einde van de tijdspanne (geen jaar in timeline of time_box)"
    )


def test_owner_needs_role_or_person(clusius):
    edit(clusius, "data/lines.yaml", "          - role: SPA LLO\n", "          - {}\n")
    code, out = validate(clusius)
    assert code == 1
    assert (
        out[0]
        == "data/lines.yaml:57:13 lines[0].lines[1].owners[4]: eigenaar heeft een rol (role) of een persoon (person) nodig"
    )


def test_goal_without_date_is_not_smart(clusius):
    edit(clusius, "data/teamplans.yaml", '      when: ["Schooljaar 20-21 en 21-22"]                    # S1 L554\n', "")
    code, out = validate(clusius)
    assert code == 1  # validate is strict by default, like the build
    assert out[0] == "data/teamplans.yaml:25:5 teamplans[0].objective: waarschuwing: doel is niet SMART: geen datum"
    assert validate(clusius, "--no-strict")[0] == 0


def test_goal_without_indicator_and_target_is_not_smart(clusius):
    text = (clusius / "data/teamplans.yaml").read_text(encoding="utf-8")
    start = text.index("      indicator:")
    end = text.index("\n      when:", start) + 1
    (clusius / "data/teamplans.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    code, out = validate(clusius)
    assert out[0] == (
        "data/teamplans.yaml:25:5 teamplans[0].objective: waarschuwing: "
        "doel is niet SMART: geen meetbare indicator, geen streefwaarde"
    )


def test_person_name_outside_owner_field_is_warned_without_repeating_it(clusius):
    edit(
        clusius,
        "data/lines.yaml",
        "          Het tijdpad noemt geen jaar.",
        "          Het tijdpad noemt geen jaar (J.R.H. Holtz).",
    )
    code, out = validate(clusius)
    assert out[0].startswith("data/lines.yaml:")
    assert "lines[1].lines[10].note: waarschuwing: bevat een persoonsnaam van een eigenaar" in out[0]
    assert "Holtz" not in "\n".join(out)


def test_target_outside_percent_range(clusius):
    edit(clusius, "data/lines.yaml", "            value: 3.5\n", "            value: 103.5\n")
    code, out = validate(clusius)
    assert code == 1
    assert out[0].endswith("lines[0].lines[7].targets[0].value: percentage 103,5 ligt niet tussen 0 en 100")


def test_plan_pointing_to_unknown_line(clusius):
    edit(clusius, "data/teamplans.yaml", "line: vmbo-vl-oudercommunicatie", "line: vmbo-vl-bestaat-niet")
    code, out = validate(clusius)
    assert code == 1
    assert (
        out[0] == "data/teamplans.yaml:13:5 teamplans[0].line: onbekende actie- of verbeterlijn 'vmbo-vl-bestaat-niet'"
    )
