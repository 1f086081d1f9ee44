"""The texts around the specific activities follow from the site's data: which years have amounts is
computed from the activities' budgets, and what an agenda says about their funding comes from
``agenda.activities_note`` (Noorderpoort, S4 L1432-1437), never from the template."""

from copy import deepcopy
from decimal import Decimal

from conftest import ROOT
from kwsite.build import build_pages, load_site
from kwsite.pages.activities import years_note

SCAFFOLD = ROOT / "kwsite/scaffold"
NOORDERPOORT = ROOT / "examples/noorderpoort"


def pages(folder):
    site, _ = load_site(folder / "data")
    files, _ = build_pages(site, [])
    return site, {f.path: f.content for f in files}


def test_scaffold_states_the_years_its_budget_gives():
    site, built = pages(SCAFFOLD)
    years = list(site.agenda.years)
    assert [y for a in site.activities for y in a.budget] == [2024]
    unset = ", ".join(str(y) for y in years[1:-1]) + f" en {years[-1]}"
    theme = built["themas/voorbeeldthema.md"]
    assert f"De agenda geeft alleen bedragen voor 2024; voor {unset} staat er *niet vastgesteld*." in theme
    for page in (theme, built["activiteiten.md"]):
        assert "2019" not in page
        assert "jaarlijks kwaliteitsmiddelen" not in page
        assert "teams en scholen" not in page


def test_noorderpoort_keeps_its_own_sentences():
    site, built = pages(NOORDERPOORT)
    note = site.agenda.activities_note
    assert note.startswith("De specifieke activiteiten komen naast de activiteitenplannen van teams en scholen.")
    for path in ("themas/kwetsbare-jongeren.md", "activiteiten.md"):
        assert (
            "De agenda geeft alleen bedragen voor 2019; voor 2020, 2021 en 2022 staat er *niet vastgesteld*."
            in built[path]
        )
        assert (
            "ook voor deze activiteiten elk jaar geld, en wordt elk jaar bekeken of dat moet worden bijgesteld"
            in built[path]
        )


def test_years_note_names_gaps_and_all_years():
    site, _ = load_site(NOORDERPOORT / "data")
    acts = [deepcopy(a) for a in site.activities_of("kwetsbare-jongeren")]
    for a in acts:
        a.budget.update({2020: Decimal(1), 2021: Decimal(1), 2022: Decimal(1)})
    assert years_note(site, acts) == "De agenda geeft bedragen voor 2019, 2020, 2021 en 2022."
    del acts[0].budget[2022]
    assert years_note(site, acts) == (
        "De agenda geeft bedragen voor 2019, 2020, 2021 en 2022; waar een activiteit geen bedrag heeft, "
        "staat er *niet vastgesteld*."
    )
    for a in acts:
        a.budget.pop(2021, None), a.budget.pop(2022, None)
    assert years_note(site, acts) == (
        "De agenda geeft bedragen voor 2019 en 2020; voor 2021 en 2022 staat er *niet vastgesteld*."
    )
    del acts[1].budget[2020]
    assert years_note(site, acts) == (
        "De agenda geeft bedragen voor 2019 en 2020; voor 2021 en 2022 staat er *niet vastgesteld*, "
        "en ook waar een activiteit geen bedrag heeft."
    )
    for a in acts:
        a.budget.clear()
    assert years_note(site, acts) == "De agenda geeft geen bedragen; overal staat er *niet vastgesteld*."
