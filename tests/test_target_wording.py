"""How a target reads with its qualifiers (final review of the release): one pair of brackets, and no
*indicatief* on a target whose value is still to be set. Before: "7,4 (indicatief) (2027)" in the scaffold's
status table, "7,1 (+0,4 punt) (indicatief)" on the flagship (1a, S3 r. 5741-5743), and "vast te stellen in 2020
(indicatief)" for the flagship's 3e, 4a, 4b and 5a (S3 r. 6113-6115: "In 2020 wordt een doelstelling bepaald")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from kwsite.build import load_site
from kwsite.cli import main
from kwsite.pages import indicator as indicator_page
from kwsite.pages import status as status_page
from kwsite.present import target_label, target_table_text


@pytest.fixture(scope="module")
def flagship():
    site, _ = load_site(ROOT / "data")
    return site


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    target = tmp_path_factory.mktemp("scaffold") / "nieuw"
    assert CliRunner().invoke(main, ["new", str(target)]).exit_code == 0
    site, warnings = load_site(target / "data")
    assert warnings == []
    return site


def _target(ind, year):
    return next(t for t in ind.targets if t.year == year)


def test_flagship_targets_read_with_one_pair_of_brackets(flagship):
    ind = flagship.indicator("1a")
    assert target_label(ind, _target(ind, 2020)) == "6,9 (+0,2 punt)"
    assert target_label(ind, _target(ind, 2022)) == "7,1 (+0,4 punt, indicatief)"
    assert target_label(ind, _target(ind, 2022), year=True) == "7,1 (+0,4 punt, 2022, indicatief)"
    ind = flagship.indicator("1b")
    assert target_label(ind, _target(ind, 2022), year=True) == "50% (2022, indicatief)"


@pytest.mark.parametrize("ind_id", ["3e", "4a", "4b", "5a"])
def test_a_target_still_to_be_set_is_not_called_indicative(flagship, ind_id):
    ind = flagship.indicator(ind_id)
    target = _target(ind, 2022)
    assert target.kind == "deferred" and target.indicative  # the data keep the flag (S3 r. 1876) ...
    assert target_label(ind, target) == "vast te stellen in 2020"  # ... a value not yet set has nothing it qualifies
    assert target_label(ind, target, year=True) == "vast te stellen in 2020 (2022)"
    assert target_table_text(target, ind.unit) == "vast te stellen in 2020"
    assert target_table_text(target, ind.unit, display=False) == "vast te stellen in 2020 (indicatief)"  # machine form
    page = indicator_page.render(flagship, ind, None, []).content
    assert "vast te stellen in 2020" in page and "vast te stellen in 2020 (indicatief)" not in page


def test_scaffold_status_table_gives_year_and_indicative_in_one_bracket(demo):
    ind = demo.indicator("1b")
    card = status_page.card(demo, ind, "themas/voorbeeldthema.md", [])
    aims = {row[0]: row[2] for row in card["table"]["rows"]}
    assert aims["2026"] == "7,2 (2026)" and aims["2027"] == "7,4 (2027, indicatief)"
    rows = {r["year"]: r["target"] for r in indicator_page.status_rows(demo, ind)}
    assert rows["2027"] == "7,4 (2027, indicatief)"


@pytest.mark.parametrize("root", [ROOT, ROOT / "examples" / "noorderpoort", ROOT / "examples" / "clusius"])
def test_no_target_of_the_three_sites_reads_with_two_brackets(root: Path):
    site, _ = load_site(root / "data")
    for ind in site.indicators:
        for t in ind.targets:
            for text in (target_label(ind, t), target_label(ind, t, year=True), target_table_text(t, ind.unit)):
                assert not re.search(r"\) \(", text), (ind.id, t.year, text)
                assert not ("vast te stellen" in text and "indicatief" in text), (ind.id, text)


@pytest.mark.parametrize("ind_id", ["1a", "1b"])
def test_1a_and_1b_ambition_is_a_richtcijfer_not_a_forecast(flagship, ind_id):
    """S3 r. 5741 and 5747 print "Ambitie richtcijfer: (een) stijging ...": a target figure, not a statement that
    the value rises ("stijgt")."""
    ambition = " ".join(flagship.indicator(ind_id).ambition.split())
    assert ambition.startswith("Richtcijfer: een stijging van ")
    assert " stijgt " not in ambition and "(indicatief) naar" in ambition


@pytest.mark.parametrize(
    "root", [ROOT, ROOT / "examples" / "noorderpoort", ROOT / "examples" / "clusius", "scaffold"], ids=str
)
def test_baseline_and_the_total_row_of_its_year_agree(root, demo):
    """Where an indicator's first table has a total row with a value for the baseline year, it is the baseline value.
    The scaffold gave Voorbeeld-ROC 54 for 2023 while 1a's baseline (2023) is 50."""
    site = demo if root == "scaffold" else load_site(root / "data")[0]
    compared = 0
    for ind in site.indicators:
        base = ind.baseline
        if base is None or base.value is None or base.year is None:
            continue
        for table in site.tables_of(ind.id)[:1]:  # the first table is the indicator's own series
            total = table.row_for_unit("total")
            if total is not None and str(base.year) in table.periods and table.value(total, str(base.year)) is not None:
                compared += 1
                assert table.value(total, str(base.year)) == base.value, (ind.id, table.meta.id)
    assert compared == {"scaffold": 1, ROOT: 3}.get(root, 0)
    if root == "scaffold":
        row = demo.tables_of("1a")[0].row_for_unit("total")
        assert row.label == "Voorbeeld-ROC" and [str(v) for v in row.values] == ["52.0", "50.0"]


def test_meerjarenstrategie_summary_gives_targets_not_a_forecast(flagship):
    """The theme summary names the same two richtcijfers (S3 r. 5741-5749): as targets, not "de IBM gaat van"."""
    summary = " ".join(flagship.theme("meerjarenstrategie").summary.split())
    assert "Streefcijfers: voor de IBM van [[ind.1a.baseline]] naar [[ind.1a.target.2020]] in 2020" in summary
    assert " gaat van " not in summary
