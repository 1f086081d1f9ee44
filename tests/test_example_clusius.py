"""Integration: examples/clusius (S0, S1, S2) builds with --strict and shows the seeds' values;
personal names of owners are absent from the whole built site unless the publisher shows them."""

import gzip
import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from htmltext import tables, text

NAMES = ("Holtz", "Speckamp", "Denise")  # S0 L68-69, L627-628
QUESTIONS = [
    "Wat is het doel?",
    "Wat is het beoogde resultaat?",
    "Wat is de actie?",
    "Hoe kun je het resultaat volgen?",
    "Wat is het tijdspad?",
    "Wie is de eigenaar?",
]


def _build(tmp_path_factory, name, show_names):
    work = tmp_path_factory.mktemp(name)
    site_dir = work / "examples" / "clusius"
    shutil.copytree(ROOT / "examples" / "clusius", site_dir, ignore=shutil.ignore_patterns("site"))
    if show_names:  # and no PDF: this build is read for the names on the pages and in the search index
        config = site_dir / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert "show_person_names: false" in text and "pdf:" not in text
        config.write_text(
            text.replace("show_person_names: false", "show_person_names: true\n      pdf: false"), encoding="utf-8"
        )
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=site_dir, env=env, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return site_dir / "site", proc.stderr


@pytest.fixture(scope="module")
def built(clusius_build):
    """The session's build of the example (conftest; names hidden, as shipped): output folder and log."""
    return clusius_build.site, clusius_build.log


@pytest.fixture(scope="module")
def built_with_names(tmp_path_factory):
    return _build(tmp_path_factory, "clusius-names", show_names=True)


def page(built, rel):
    return (built[0] / rel / "index.html").read_text(encoding="utf-8")


def headings(html, level):
    return [
        re.sub(r"<[^>]+>|¶|&para;", "", h).strip() for h in re.findall(rf"<h{level}[^>]*>(.*?)</h{level}>", html, re.S)
    ]


def line_table(html, goal_start):
    """The six-field table of the line whose goal starts with ``goal_start``."""
    for table in tables(html):
        if table and table[0][0] == QUESTIONS[0] and table[0][1].startswith(goal_start):
            return {row[0]: row[1] for row in table}
    raise AssertionError(f"no line {goal_start!r}")


def all_bytes(site):
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            yield path, gzip.decompress(data) if path.suffix == ".gz" else data


def test_lines_grouped_by_kind_and_category_in_source_order(built):
    html = page(built, "lijnen/mbo")
    assert headings(html, 2)[:2] == ["Actielijnen", "Verbeterlijnen"]
    assert headings(html, 3) == [  # S0 L21, L219, L309, L418, L588 | L656, L699
        "Kwaliteitscultuur",
        "Flexibel onderwijs",
        "Excelleren en verdiepen",
        "Jongeren in kwetsbare posities en kansrijke beroepen in beeld",
        "Professionalisering",
        "Kwaliteitscultuur",
        "Examinering",
    ]
    assert headings(page(built, "lijnen/vmbo-hoorn"), 3) == [  # S1 L15, L300, L414 | L467, L588
        "Kwaliteitscultuur",
        "Professionalisering",
        "Examinering",
        "Kwaliteitscultuur",
        "Professionalisering",
    ]


def test_every_line_shows_its_six_fields(built):
    for rel, count in (("lijnen/mbo", 12), ("lijnen/vmbo-hoorn", 15)):
        line_tables = [t for t in tables(page(built, rel)) if t and t[0][0] == QUESTIONS[0]]
        assert len(line_tables) == count
        for table in line_tables:
            assert [row[0] for row in table[:6]] == QUESTIONS


def test_vsv_maximum_from_s0(built):
    row = line_table(page(built, "lijnen/mbo"), "Kwetsbare jongeren hebben uitzicht")
    assert "VSV: maximaal 3,5%" in row["Streefwaarde uit de tekst"]
    assert "“VSV is maximaal 3,5 %”" in row["Streefwaarde uit de tekst"]
    assert row["Wat is het tijdspad?"].startswith("Activiteiten 2020-2022 (gelezen als 2020 t/m 2022)")


def test_parent_score_and_registration_targets_from_s1(built):
    html = page(built, "lijnen/vmbo-hoorn")
    ouders = line_table(html, "De communicatie met ouders")
    assert (
        "Oordeel van ouders over de communicatie (oudertevredenheid): van 7,9 naar 8,5"
        in ouders["Streefwaarde uit de tekst"]
    )
    cijfers = line_table(html, "De cijferregistratie is 100% op orde.")
    assert "Cijferregistratie op orde: 100%" in cijfers["Streefwaarde uit de tekst"]
    presentie = line_table(html, "De presentieregistratie is 100% op orde")
    assert "Presentieregistratie op orde: 100%" in presentie["Streefwaarde uit de tekst"]


def test_timelines_as_written_with_uncertainty_and_missing_years(built):
    html = page(built, "lijnen/vmbo-hoorn")
    boot = line_table(html, "Implementatie DOT en BOOT")["Wat is het tijdspad?"]
    assert (
        "Bijeenkomst BOOT november? (onzeker (vraagteken in de bron), gelezen als november, jaar niet vermeld)" in boot
    )
    mentor = line_table(html, "De positie van de mentor")["Wat is het tijdspad?"]
    assert (
        "Taakomschrijving en werkwijze zijn 1 december duidelijk (gelezen als 1 december, jaar niet vermeld)" in mentor
    )
    assert "Uiterlijk 15 januari gedeeld met het team (gelezen als 15 januari, jaar niet vermeld)" in mentor
    presentie = line_table(html, "De presentieregistratie")["Wat is het tijdspad?"]
    assert "Schooljaar 2021 (gelezen als schooljaar 2020-2021 of 2021-2022, niet eenduidig)" in presentie
    routing = line_table(html, "De werkwijze en routing naar de VEC")["Wat is het tijdspad?"]
    assert "Routing opgesteld: januari 21 (gelezen als januari 2021)" in routing
    cijfers = line_table(html, "De cijferregistratie")["Wat is het tijdspad?"]
    assert "Het tijdpad noemt geen jaar; de rij noemt als looptijd “Meerjarenplan 20-22” (tot en met 2022)." in cijfers
    mbo = line_table(page(built, "lijnen/mbo"), "Er is een instellingsbreed")["Wat is het tijdspad?"]
    assert mbo == (
        "Start: schooljaar 19-20 (gelezen als schooljaar 2019-2020) Evaluatie: 2021 (gelezen als 2021) "
        "Eindrapport: 2022 (gelezen als 2022) Jaren in het tijdpad: 2019 t/m 2022."
    )


def test_owners_are_roles_and_hidden_name_shows_role_only(built):
    row = line_table(page(built, "lijnen/mbo"), "Er is een instellingsbreed")
    assert row["Wie is de eigenaar?"] == "Teams MT mbo DR mbo Ambassadeur Kwaliteitsnetwerk"
    prof = line_table(page(built, "lijnen/mbo"), "Professionaliserings-aanbod")
    assert prof["Wie is de eigenaar?"] == "Werkgroep professionaliseringsplan projectleider DR (v)mbo"


def test_hidden_names_occur_nowhere_in_the_built_site(built):
    files = list(all_bytes(built[0]))
    assert any(p.name == "search_index.json" for p, _ in files)
    assert any(p.suffix == ".csv" for p, _ in files)
    for path, data in files:
        for name in NAMES:
            assert name.encode() not in data, f"{name} in {path}"


def test_names_shown_when_the_publisher_opts_in(built_with_names):
    row = line_table(page(built_with_names, "lijnen/mbo"), "Er is een instellingsbreed")
    assert row["Wie is de eigenaar?"].endswith("Ambassadeur Kwaliteitsnetwerk: J.R.H. Holtz")
    index = (built_with_names[0] / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Denise Speckamp" in index


def test_download_has_the_lines_without_names(built):
    csv = (built[0] / "downloads" / "lijnen-mbo.csv").read_text(encoding="utf-8")
    assert csv.splitlines()[0].startswith("id,soort,categorie,doel,")
    assert "VSV: maximaal 3,5%" in csv
    assert "Ambassadeur Kwaliteitsnetwerk" in csv


def test_team_plan_page_has_the_six_steps_on_real_material(built):
    html = page(built, "verbeterplannen/oudercommunicatie-hoorn")
    # step titles as S2 L44-160 prints them
    assert headings(html, 2) == [
        "Stap 1. Verbeterdoel",
        "Stap 2. Aanleiding voor verbetering van de onderwijskwaliteit",
        "Stap 3. Verbeterplan / plan van aanpak",
        "Stap 4. Doelstelling",
        "Stap 5. Uitvoeren van verbeterplan en tussentijds evalueren",
        "Stap 6. Evalueren",
    ]
    body = text(html)
    assert "Streefwaarde: Oordeel van ouders over de communicatie (oudertevredenheid): van 7,9 naar 8,5" in body
    assert "Wanneer bereikt: Schooljaar 20-21 en 21-22 (tot en met 2022)" in body
    assert "☑ Scores of resultaten waarover het team niet tevreden is" in body
    # the SMART check is the site's own, and says so (S2 L128-129 only asks the question)
    assert "Het doel is SMART geformuleerd" not in body
    assert (
        "Controle door deze site (geen oordeel van het team of van de leidraad): indicator, streefwaarde en "
        "een jaar zijn ingevuld. Of het doel ook specifiek, acceptabel en realistisch is, beoordeelt de site "
        "niet."
    ) in body
    # S1 L554-555 gives one owner cell and one timeline for the whole line: never a "who" per activity
    assert (
        "Voor alle activiteiten samen (de bron verdeelt dit niet per activiteit): wie: Team, mentoren, "
        "ondersteuning, MT; wanneer: Schooljaar 20-21 en 21-22."
    ) in body
    assert "Communicatie via de nieuwsbrief voortzetten" in body
    assert not tables(html) and "Team, MT" not in body
    assert "(hard)" not in body and "(zacht)" not in body  # S1 does not classify the measurements
    # the line's title ends in a full stop; the sentence around it must still read well
    assert (
        "Dit plan werkt de verbeterlijn “De communicatie met ouders is verbeterd van 7,9 naar een 8,5” uit "
        "(zie actie- en verbeterlijnen)."
    ) in body


def test_reference_page_has_checklist_bottlenecks_and_source(built):
    html = page(built, "verbeterplannen/leidraad")
    body = text(html)
    assert "Checklist randvoorwaarden" in headings(html, 2)
    bottlenecks = [row[0] for row in tables(html)[0][1:]]
    assert bottlenecks == [
        "Teamleden hebben te weinig tijd",
        "Teamleden hebben weinig onderzoeksvaardigheden",
        "Een deel van het team zit in de PLG; de rest voelt zich onvoldoende betrokken",
    ]
    assert "Samenwerken aan onderwijskwaliteit. Eindrapportage NRO." in body
