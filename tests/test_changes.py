""" "Wat is er veranderd" lists every changed figure, old → new: baselines, realisations (added, changed,
removed), table cells, budget rows, measure states. Fictional test values on the fictional mini site."""

import dataclasses
import shutil
from types import SimpleNamespace

from click.testing import CliRunner

from conftest import edit
from kwsite.build import load_site
from kwsite.cli import main
from kwsite.editions import compare, load_previous
from kwsite.figures import changed
from kwsite.pages.changes import render

HEADER = "indicator,unit,year,period,breakdown,value,note\n"


def test_changed_baseline_realisation_and_table_cell_are_listed(mini):
    (mini / "data" / "realisations.csv").write_text(HEADER + "1b,,2019,,,40,\n1b,noord,2019,,,43,\n", "utf-8")
    shutil.copytree(mini / "data", mini / "vorige")
    edit(mini, "data/indicators.yaml", "baseline: {value: 38, year: 2018}", "baseline: {value: 39, year: 2018}")
    (mini / "data" / "realisations.csv").write_text(HEADER + "1b,,2019,,,41,\n1b,zuid,2020,,,44,\n", "utf-8")
    edit(mini, "data/tables/cijfer.csv", "Nrd,6.5,6.8,7.0", "Nrd,6.5,6.9,7.0")
    edit(mini, "data/budget.yaml", "basis_mln: 10", "basis_mln: 10.5")
    site, _ = load_site(mini / "data")
    found = compare(load_previous(mini, mini / "data", "vorige"), site)
    assert [(f.kind, f.subject, f.which, f.old, f.new) for f in found.figures] == [
        ("Nulmetingen", "1b Aandeel tevreden", "nulmeting", "38% (2018)", "39% (2018)"),
        ("Realisaties", "1b Aandeel tevreden", "2019, ROCA", "40%", "41%"),
        ("Realisaties", "1b Aandeel tevreden", "2020, College Zuid", None, "44%"),
        ("Realisaties", "1b Aandeel tevreden", "2019, College Noord", "43%", None),
        ("Tabelcellen", "Cijfer per college", "Nrd, 2016", "6,8", "6,9"),
        ("Budgetregels", "Budget", "basis", "€\u00a010\u00a0mln", "€\u00a010,5\u00a0mln"),
    ]
    page = render(site, load_previous(mini, mini / "data", "vorige"), found).content
    assert '<th scope="row">1b Aandeel tevreden</th><td>nulmeting</td><td>38% (2018)</td><td>39% (2018)</td>' in page
    assert '<th scope="row">1b Aandeel tevreden</th><td>2019, ROCA</td><td>40%</td><td>41%</td>' in page
    assert '<th scope="row">1b Aandeel tevreden</th><td>2019, College Noord</td><td>43%</td><td>vervallen</td>' in page
    assert '<th scope="row">Cijfer per college</th><td>Nrd, 2016</td><td>6,8</td><td>6,9</td>' in page
    # the same for a pull request
    result = CliRunner().invoke(main, ["changes", str(mini), "--against", "vorige"])
    assert result.exit_code == 0, result.output
    assert "<td>Nrd, 2016</td><td>6,8</td><td>6,9</td>" in result.output


def test_nothing_changed_says_so(mini):
    shutil.copytree(mini / "data", mini / "vorige")
    site, _ = load_site(mini / "data")
    found = compare(load_previous(mini, mini / "data", "vorige"), site)
    assert found.figures == []
    assert "Geen nulmeting, realisatie, tabelcel of ander cijfer gewijzigd." in render(site, site, found).content


def test_measure_states_are_compared_per_progress_entry(mini):
    """Any record with ``progress`` entries (the model's measures and lines carry them since #15)."""
    site, _ = load_site(mini / "data")
    entry = lambda date, state, note=None: SimpleNamespace(date=date, state=state, note=note)  # noqa: E731
    measure = lambda *progress: SimpleNamespace(id="m1", title="Coaching", progress=list(progress))  # noqa: E731
    old = dataclasses.replace(site, measures=(measure(entry("maart 2020", "loopt")),))
    new = dataclasses.replace(
        site, measures=(measure(entry("maart 2020", "loopt"), entry("2021-06-30", "afgerond", "alle teams")),)
    )
    assert [(f.kind, f.subject, f.which, f.old, f.new) for f in changed(old, new)] == [
        ("Stand van maatregelen en lijnen", "Coaching (m1)", "2021-06-30", None, "afgerond (alle teams)")
    ]
