"""Measures' and lines' progress (#15 part 3): the model, the checks with file:line, the counts on the
pages and the directive [[measure.<id>.progress]], on the scaffold's fictional measures."""

import shutil

import pytest
from click.testing import CliRunner

from conftest import edit
from kwsite.build import load_site
from kwsite.cli import main
from kwsite.directives import UnknownReference, resolve
from kwsite.model.execution import STATE_WORDS, date_parts
from kwsite import executionview as execution
from kwsite.templating import Templates
from kwsite.problems import KwsiteError


@pytest.fixture(scope="module")
def scaffold_dir(tmp_path_factory):
    target = tmp_path_factory.mktemp("scaffold") / "nieuw"
    assert CliRunner().invoke(main, ["new", str(target)]).exit_code == 0
    return target


@pytest.fixture
def site_dir(scaffold_dir, tmp_path):
    shutil.copytree(scaffold_dir, tmp_path / "s")
    return tmp_path / "s"


def _problems(site_dir):
    try:
        _, warnings = load_site(site_dir / "data")
        return [str(p) for p in warnings]
    except KwsiteError as exc:
        return [str(p) for p in exc.problems] + [str(p) for p in exc.warnings]


def test_states_are_one_registry():
    assert STATE_WORDS == ("niet gestart", "loopt", "vertraagd", "afgerond", "gestopt")


def test_dates_as_written_or_iso():
    assert date_parts("2025-03-01") == (2025, 3, 1)
    assert date_parts("maart 2025") == (2025, 3, None)
    assert date_parts("schooljaar 2024-2025") == (2024, None, None)
    assert date_parts("binnenkort") == (None, None, None)


def test_unknown_state_is_an_error_at_its_line_with_a_hint(site_dir):
    edit(site_dir, "data/measures.yaml", "state: vertraagd", "state: vertaagd")
    found = _problems(site_dir)
    assert found == [
        "data/measures.yaml:21:28 measures[1].progress[1].state: onbekende stand 'vertaagd'; "
        "bedoelt u 'vertraagd'? (bekend: niet gestart, loopt, vertraagd, afgerond, gestopt)"
    ]


def test_date_outside_the_period_and_after_the_edition_are_warnings(site_dir):
    edit(site_dir, "data/measures.yaml", "date: januari 2025", "date: januari 2031")
    edit(site_dir, "data/agenda.yaml", "    status: concept", "    status: concept\n    date: 1 mei 2025")
    found = _problems(site_dir)
    assert (
        "data/measures.yaml:28:10 measures[2].progress[0].date: datum 'januari 2031' ligt buiten de looptijd 2024-2027"
        in found
    )
    # juni 2025 (voorbeeld-1) lies after 1 mei 2025; maart 2025 does not
    assert (
        "data/measures.yaml:13:10 measures[0].progress[1].date: datum 'juni 2025' ligt na de datum van deze "
        "editie (1 mei 2025)"
    ) in found
    assert len(found) == 2


def test_loopt_after_afgerond_needs_a_note(site_dir):
    edit(
        site_dir,
        "data/measures.yaml",
        "      - {date: juni 2025, state: afgerond, note: Voorbeeld van een afgeronde maatregel (fictief).}",
        "      - {date: juni 2025, state: afgerond}\n      - {date: juli 2025, state: loopt}",
    )
    found = _problems(site_dir)
    assert found == [
        "data/measures.yaml:14:27 measures[0].progress[2].state: 'loopt' na 'afgerond' zonder toelichting "
        "(note): zeg waarom de maatregel weer loopt"
    ]


def test_counts_per_state_and_directive(scaffold_dir):
    site, _ = load_site(scaffold_dir / "data")
    ctx = execution.execution_context(site, "voortgang.md")
    columns = [c["word"] for c in ctx["columns"]]
    overall = dict(zip(columns, ctx["overall"]["cells"]))
    # voorbeeld-1 afgerond, voorbeeld-2 vertraagd, voorbeeld-3 niet gestart, voorbeeld-4 none, the line loopt
    assert overall == {"niet gestart": "1", "loopt": "1", "vertraagd": "1", "afgerond": "1", "gestopt": "0"}
    assert (ctx["overall"]["none"], ctx["overall"]["total"]) == ("1", "5")
    theme2 = next(r for r in ctx["themes"] if r["label"] == "Tweede thema")
    assert dict(zip(columns, theme2["cells"])) == {
        "niet gestart": "1",
        "loopt": "0",
        "vertraagd": "1",
        "afgerond": "0",
        "gestopt": "0",
    }
    # the line has no theme: its own row, so the theme rows add up to the overall row (the review found 4 against 5)
    assert [r["label"] for r in ctx["themes"]][-1] == "Zonder thema"
    assert sum(int(r["total"]) for r in ctx["themes"]) == int(ctx["overall"]["total"]) == 5
    assert resolve(site, "measure.voorbeeld-2.progress") == "vertraagd (maart 2025)"
    assert resolve(site, "measure.voorbeeld-al-1.progress") == "loopt (schooljaar 2024-2025)"
    with pytest.raises(UnknownReference, match="geen voortgang"):
        resolve(site, "measure.voorbeeld-4.progress")
    with pytest.raises(UnknownReference, match="onbekende maatregel"):
        resolve(site, "measure.onbekend.progress")
    noord = Templates().macro(
        "pages/macros/execution.html", "block", execution.college_block(site, site.unit("college-noord"))
    )
    assert 'Tweede voorbeeldmaatregel (fictief): <span class="kw-status kw-status-vertraagd">' in noord
    assert "Derde" not in noord


def test_a_personal_name_in_a_progress_note_is_flagged(site_dir):
    """Owners stay roles: a person's name written into a progress note would not be hidden, so it warns."""
    edit(
        site_dir,
        "data/lines.yaml",
        "          - role: Teamleider\n",
        "          - role: Teamleider\n            person: J. Jansen\n",
    )
    edit(site_dir, "data/lines.yaml", "note: Voorbeeld (fictief).", "note: Gesproken met J. Jansen.")
    found = _problems(site_dir)
    assert len(found) == 1 and "progress[0].note: bevat een persoonsnaam van een eigenaar" in found[0]
