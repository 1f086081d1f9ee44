"""Integration: the Noorderpoort example (S4) builds with --strict and shows the seed's figures.

Values asserted here are those printed in S4 (/work/shared/seeds/004_…): VSV per level
2016-2017 (L1242-1246), the 2022 maxima (L1595-1601), targets (L1588, L1615, L1867),
Budget 2019 amounts (L1619-1626), the timeline (L146-262) and the BBL table (L1348-1351).
"""

import os
import re
import subprocess
import sys

import pytest

from conftest import EPOCH, ROOT
from htmltext import tables, text

EXAMPLE = ROOT / "examples" / "noorderpoort"


@pytest.fixture(scope="module")
def built(noorderpoort_build):
    """The session's build of the example (conftest): output folder, log, the copy it was built from."""
    return noorderpoort_build.site, noorderpoort_build.log, noorderpoort_build.root


def page(built, rel):
    return (built[0] / rel / "index.html").read_text(encoding="utf-8")


def table_with(html, first_row):
    for table in tables(html):
        if table and table[0] == first_row:
            return table
    raise AssertionError(f"no table with header {first_row}")


def row(table, label):
    return next(r[1:] for r in table if r and r[0] == label)


def test_a_rebuild_from_the_chart_cache_gives_the_same_site(built):
    """The session build started from an empty cache and drew every chart; a second build takes every
    chart from the cache and writes the same bytes — pages, charts, downloads, the PDF — as the first."""
    drawn = int(re.search(r"grafieken: (\d+) getekend, 0 uit de cache", built[1]).group(1))
    assert drawn == len(list((built[0] / "grafieken").glob("*.svg"))) > 0
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=EPOCH)
    warm = built[2] / "warm"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(warm)],
        cwd=built[2],
        env=env,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert f"grafieken: 0 getekend, {drawn} uit de cache" in proc.stderr
    cold = {p.relative_to(built[0]): p.read_bytes() for p in sorted(built[0].rglob("*")) if p.is_file()}
    again = {p.relative_to(warm): p.read_bytes() for p in sorted(warm.rglob("*")) if p.is_file()}
    assert cold.keys() == again.keys() and [k for k in cold if cold[k] != again[k]] == []


def test_vsv_per_level_2016_2017_as_printed(built):
    html = page(built, "themas/kwetsbare-jongeren")
    vsv = table_with(html, ["Niveau", "Aantal VSV", "Aantal ingeschreven", "Percentage VSV", "Streefnorm"])
    assert [r[3] for r in vsv[1:5]] == ["28,4%", "8,1%", "2,8%", "2,7%"]
    assert [r[4] for r in vsv[1:5]] == ["27,5%", "9,5%", "3,6%", "2,75%"]
    assert row(vsv, "Totaal") == ["414", "9.926", "4,2%", "geen gegevens"]
    assert row(vsv, "Niv.2") == ["140", "1.731", "8,1%", "9,5%"]


def test_vsv_maxima_2022_per_level(built):
    html = page(built, "themas/kwetsbare-jongeren")
    card = table_with(html, ["Indicator", "Nulmeting", "Streefwaarde 2020", "Streefwaarde 2022"])
    cards = [t for t in tables(html) if t[0] == card[0]]
    vsv = next(t for t in cards if t[1][0] == "1b VSV")
    assert vsv[1][1:] == [
        "4,2% (2016-2017, afgeleid)",
        "geen streefwaarde",
        "Entree: maximaal 26,2%; Niveau 2: maximaal 8,45%; Niveau 3: maximaal 3,15%; Niveau 4: maximaal 2,75%",
    ]


def test_minimum_deferred_and_direction_targets(built):
    table = tables(page(built, "indicatoren"))[0]
    rows = {r[0]: r[1:] for r in table[1:]}
    assert rows["1a Tevredenheid SLB"] == [
        "Kwetsbare jongeren",
        "3,5 (’17-‘18, afgeleid)",
        "geen streefwaarde",
        "minimaal 3,7",
    ]
    assert "Stand" not in table[0]  # S4 prints no realisations: no column of "geen gegevens" (#15)
    assert rows["1c Uitstroom met certificaat"][-1] == "vast te stellen in 2020"
    assert rows["2a Startersresultaat"][1:] == [
        "84,4% (2016/2017, afgeleid)",
        "stijgend t.o.v. 2018-2019",
        "geen streefwaarde",
    ]
    assert rows["4a Secundaire doelgroep"][1:] == ["18% (1 oktober 2018)", "geen streefwaarde", "20%"]


def test_goals_per_horizon_are_minimums(built):
    html = page(built, "themas/kwetsbare-jongeren")
    body = text(html)
    assert "In 2020 zijn minimaal de volgende doelstellingen behaald." in body
    assert "In 2022 zijn minimaal de volgende doelstellingen behaald." in body
    goals = [t for t in tables(html) if t[0] == ["", "Doelstelling", "Proces- of effectindicator"]]
    assert [len(t) - 1 for t in goals] == [3, 3]
    assert goals[1][1][2] == "Gemiddelde waardering in de JOB-enquête 2022: minimaal 3,7."
    assert "Entree: maximaal 26,2%" in goals[1][2][1]


def test_budget_2019_and_computed_total_per_theme(built):
    html = page(built, "themas/kwetsbare-jongeren")
    acts = table_with(html, ["Activiteit", "Budget 2019", "Budget 2020", "Budget 2021", "Budget 2022"])
    assert row(acts, "a. Project Nieuwe wegen") == [
        "80.000",
        "niet vastgesteld",
        "niet vastgesteld",
        "niet vastgesteld",
    ]
    assert row(acts, "Totaal thema (berekend)") == [
        "140.000 (berekend)",
        "niet vastgesteld",
        "niet vastgesteld",
        "niet vastgesteld",
    ]


def test_activities_overview_never_shows_zero_for_unset_years(built):
    html = page(built, "activiteiten")
    acts = tables(html)[0]
    assert row(acts, "Totaal thema 2: Gelijke kansen (berekend)")[0] == "300.000 (berekend)"
    assert row(acts, "Totaal voorwaarde: Onderwijslogistiek (berekend)")[0] == "200.000 (berekend)"
    assert row(acts, "Totaal alle activiteiten (berekend)") == ["820.000 (berekend)"] + ["niet vastgesteld"] * 3
    assert not any(cell in ("0", "€ 0") for r in acts[1:] for cell in r[1:])


def test_timeline_in_date_order_with_partial_dates_as_written(built):
    html = page(built, "proces")
    first = tables(html)[0]
    assert first[0] == ["Datum/periode", "Actie/activiteit", "Betrokkenen"]
    when = [r[0] for r in first[1:]]
    assert when[:3] == ["10 en 24 april 2018", "7 juni 2018", "juni 2018"]
    assert when[9:14] == [
        "24 september *",
        "25 september - 1 oktober 2018",
        "september en oktober 2018",
        "september 2018",
        "27 september 2018",
    ]
    assert when[-2:] == ["november-december 2018", "Vanaf januari 2019"]
    assert len(when) == 23
    assert "24 september: het jaar staat niet in de agenda; in de volgorde geplaatst in 2018." in text(html)
    second = tables(html)[1]
    assert [r[0] for r in second[1:]][0] == "22 november 2018" and second[-1][0] == "21 januari 2019"


def test_precondition_is_shown_as_precondition_not_as_fifth_theme(built):
    html = page(built, "themas/onderwijslogistiek")
    assert "<h1" in html and "Voorwaarde: Ondersteuning Onderwijslogistiek" in text(html)
    index = text(page(built, "themas"))
    assert "Thema 4: Leven Lang Ontwikkelen" in index and "Voorwaarde: Ondersteuning Onderwijslogistiek" in index
    for html_file in built[0].rglob("*.html"):
        body = text(html_file.read_text(encoding="utf-8"))
        assert "Thema 5" not in body and "5. Onderwijslogistiek" not in body, html_file


def test_printed_inconsistency_is_shown_not_corrected(built):
    html = page(built, "themas/arbeidsmarkt")
    bbl = table_with(html, ["Jaar", "Aantal BBL’ers", "Totaal ingeschreven", "Percentage BBL’ers"])
    assert row(bbl, "2016") == ["2.000", "12.659", "15,9% (gedrukt; zie noot)"]
    assert row(bbl, "2017") == ["2.155", "12.907", "16,7%"]
    assert "gedrukt 15,9%, berekend 2.000 / 12.659 = 15,8%." in text(html)


def test_kwsite_validate_lists_the_acknowledged_inconsistency(built):
    proc = subprocess.run(
        [sys.executable, "-m", "kwsite.cli", "validate", str(built[2])], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == [
        "data/ratios.yaml:40:9 ratios[1].columns[1].percent: waarschuwing (erkend): "
        "2016: gedrukt 15,9%, berekend 2.000 / 12.659 = 15,8%"
    ]
    assert proc.stdout.strip() == "In orde (0 waarschuwing(en), 1 erkend)."


def test_charts_use_dutch_numbers(built):
    svg = (built[0] / "grafieken" / "ratio-vsv-per-niveau.svg").read_text(encoding="utf-8")
    assert "28,4%" in svg and "28.4" not in svg


GOLDEN = ROOT / "tests" / "golden" / "noorderpoort-theme-kwetsbare-jongeren.md"


def test_generated_theme_markdown_matches_golden(update_golden):
    """After an intended change: .venv/bin/python -m pytest --update-golden tests/test_example_noorderpoort.py"""
    from kwsite.build import build_pages, load_site

    site, _ = load_site(EXAMPLE / "data")
    files, _ = build_pages(site, ["hoofdstukken/06-themas.md"])
    generated = {f.path: f.content for f in files}["themas/kwetsbare-jongeren.md"]
    if update_golden:
        GOLDEN.write_text(generated, encoding="utf-8")
    assert generated == GOLDEN.read_text(encoding="utf-8")


def test_activity_goals_carry_their_horizon(built):
    # S4 L1944 and L2006: "Voor 2020 zijn de volgende doelstellingen geformuleerd"
    body = text(page(built, "themas/gelijke-kansen"))
    assert (
        "Doelen voor 2020: Een community of practice met docenten als ambassadeurs excellentie van iedere school"
        in body
    )
    assert "Doelen voor 2020: Minimaal 30 docenten hebben de Leergang Excellentie met succes gevolgd" in body
    assert "Doelen voor 2020: De vraag naar NT2-ondersteuning is op alle scholen in beeld bij de BAT" in body
    assert "Doelen: Het strategisch plan vraagt" in body  # S4 gives no year for this one


def test_direction_against_another_period_than_the_baseline_says_so(built):
    # S4 L1867-1868: "stijgend t.o.v. 2018-2019"; the baseline is 2016/2017
    assert "stijgend t.o.v. 2018-2019" in text(page(built, "themas/gelijke-kansen"))
