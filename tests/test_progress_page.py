"""The progress page, the home summary and the indicator pages (#15 parts 1-2) on the scaffold's fictional
realisations (two years, four colleges, some behind) and on the flagship (no realisations).

Counts are compared with the status engine and, for the scaffold, with values worked out by hand from
kwsite/scaffold/data/indicators.yaml (paths in the comments)."""

from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from htmltext import tables
from kwsite.build import load_site
from kwsite.cli import main
from kwsite.pages import indicator as indicator_page
from kwsite.pages import progress
from kwsite.status import Status, breakdowns, status_for


@pytest.fixture(scope="module")
def scaffold(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("scaffold") / "nieuw"
    assert CliRunner().invoke(main, ["new", str(target)]).exit_code == 0
    return target


@pytest.fixture(scope="module")
def demo(scaffold):
    site, warnings = load_site(scaffold / "data")
    assert warnings == []
    return site


def _counts(row: list[str], header: list[str]) -> dict[str, int]:
    """A count table row as {status word: count} (header cells read "✓ behaald")."""
    words = [h.split(" ", 1)[1] if " " in h else h for h in header[1:-1]]
    return {w: int(v) for w, v in zip(words, row[1:-1])} | {"Totaal": int(row[-1])}


def _engine(site, year, indicators, unit=None) -> Counter:
    return Counter(status_for(i, year, unit, b).status.word for i in indicators for b in breakdowns(i))


def test_counts_per_theme_college_and_overall_equal_the_engine(demo):
    text = progress.render(demo).content
    found = tables(text)
    years = progress.realisation_years(demo)
    assert years == [2025, 2024]
    per_year = iter(found)
    for year in years:
        themes, colleges = next(per_year), next(per_year)
        header = themes[0]
        rows = {r[0]: _counts(r, header) for r in themes[1:]}
        for theme in demo.themes:
            engine = _engine(demo, year, demo.indicators_of(theme.id))
            assert {w: n for w, n in rows[theme.short_title].items() if n and w != "Totaal"} == dict(engine), (
                year,
                theme.id,
            )
        overall = _engine(demo, year, demo.indicators)
        assert {w: n for w, n in rows["Alle indicatoren"].items() if n and w != "Totaal"} == dict(overall)
        with_colleges = progress.college_indicators(demo)
        college_rows = {r[0]: _counts(r, colleges[0]) for r in colleges[1:]}
        assert list(college_rows) == [u.name for u in demo.units]
        for unit in demo.units:
            engine = _engine(demo, year, with_colleges, unit.id)
            assert {w: n for w, n in college_rows[unit.name].items() if n and w != "Totaal"} == dict(engine)


def test_counts_match_the_hand_worked_values(demo):
    # 2025: 1a 54 vs path 50→60 (2023→2027) = 55: achter; 1b 7,1 vs 6,8→7,2 (2026) = 7,0667: op koers;
    # 2a 5,4 vs 6,0→5,0 max (2027) = 5,5 (lower is better): op koers; 2b: no realisation.
    s = progress.year_summary(demo, 2025)
    assert s.overall == Counter({Status.ON_TRACK: 2, Status.BEHIND: 1, Status.NO_DATA: 1})
    assert [(t, dict(c)) for t, _, c in s.themes] == [
        ("voorbeeldthema", {Status.ON_TRACK: 1, Status.BEHIND: 1}),
        ("tweede-thema", {Status.ON_TRACK: 1, Status.NO_DATA: 1}),
    ]
    # colleges 2025, over 1a and 1b: Noord 52 (<55) and 6,9 (<7,0667) both achter; Zuid 61 behaald, 7,0 achter
    assert {u.id: dict(c) for u, c in s.colleges} == {
        "voorbeeldcollege": {Status.REACHED: 1, Status.ON_TRACK: 1},
        "college-noord": {Status.BEHIND: 2},
        "college-zuid": {Status.REACHED: 1, Status.BEHIND: 1},
        "college-west": {Status.ON_TRACK: 1, Status.NO_DATA: 1},
    }
    assert (s.indicators_with_data, s.colleges_with_data) == (3, 4)
    # 2024: 1a 53 vs 52,5 op koers; 1b 6,9 vs 6,9333 achter; 2a 5,8 vs 5,75 achter
    assert [i.indicator.id for i in progress.year_summary(demo, 2024).behind] == ["1b", "2a"]


def test_list_of_indicators_and_colleges_behind_is_exact(demo):
    text = progress.render(demo).content
    section_2025 = text.split("## 2025", 1)[1].split("## 2024", 1)[0]
    behind = [line for line in section_2025.splitlines() if line.startswith("- [")]
    assert len(behind) == 1 + 2
    assert behind[0].startswith("- [1a Voorbeeld (fictief)](indicatoren/1a.md): ")
    assert "achter</span>, realisatie 54%" in behind[0]
    assert [line.split("]")[0][3:] for line in behind[1:]] == ["College Noord (fictief)", "College Zuid (fictief)"]
    assert behind[1].startswith(
        '- [College Noord (fictief)](colleges/college-noord.md): <span class="kw-status kw-status-achter">'
    )
    assert behind[1].endswith("achter</span> [1a](indicatoren/1a.md) (52%), [1b](indicatoren/1b.md) (6,9)")
    assert behind[2].endswith("achter</span> [1b](indicatoren/1b.md) (7,0)")
    section_2024 = text.split("## 2024", 1)[1]
    assert [line.split("]")[0][3:] for line in section_2024.splitlines() if line.startswith("- [")][:2] == [
        "1b Tevredenheid (fictief)",
        "2a VSV (fictief)",
    ]
    assert text.count("## Zo wordt de stand berekend") == 1


def test_indicator_page_lists_every_college_sorted_with_the_behind_ones_marked(demo):
    ind = demo.indicator("1a")
    compared = indicator_page.colleges_compared(demo, ind)
    assert compared["year"] == 2025
    assert [(r["name"], r["value"], r["status"]["word"], r["behind"]) for r in compared["rows"]] == [
        ("College Zuid (fictief)", "61%", "behaald", False),
        ("Voorbeeldcollege", "57%", "op koers", False),
        ("College West (fictief)", "55%", "op koers", False),
        ("College Noord (fictief)", "52%", "achter", True),
    ]
    page = indicator_page.render(demo, ind, None, []).content
    table = next(t for t in tables(page) if t[0][0] == "Plaats")
    assert [r[1] for r in table[1:]] == [
        "College Zuid (fictief)",
        "Voorbeeldcollege",
        "College West (fictief)",
        "College Noord (fictief) (achter)",
    ]
    assert [r[0] for r in table[1:]] == ["1", "2", "3", "4"]
    # 1b: a college without a value comes last, unranked; two behind the path 7,0667
    rows = indicator_page.colleges_compared(demo, demo.indicator("1b"))["rows"]
    assert [(r["rank"], r["name"], r["behind"]) for r in rows] == [
        ("1", "Voorbeeldcollege", False),
        ("2", "College Zuid (fictief)", True),
        ("3", "College Noord (fictief)", True),
        ("", "College West (fictief)", False),
    ]
    assert "**Volgende meting:** voorjaar 2026 (fictief)" in page
    # the path value beside each college: 6,8 (2023) → 7,2 (2026) in 2025 = 7,0667, shown to 7,07
    assert [
        r[3]
        for r in next(
            t
            for t in tables(indicator_page.render(demo, demo.indicator("1b"), None, []).content)
            if t[0][0] == "Plaats"
        )[1:]
    ] == ["7,07"] * 4


def test_compare_chart_marks_behind_without_colour(demo):
    from kwsite.charts.compare import compare_chart

    ind = demo.indicator("1a")
    rows = indicator_page.compare_rows(demo, ind, indicator_page.colleges_compared(demo, ind))
    chart = compare_chart(ind.id, "1a", ind.unit, 2025, rows)
    assert [r[0] for r in chart.rows] == ["Zuid", "Voorbeeldcollege", "West", "Noord"]
    assert [r[1:] for r in chart.rows] == [
        ("61%", "55%", "behaald"),
        ("57%", "55%", "op koers"),
        ("55%", "55%", "op koers"),
        ("52%", "55%", "achter"),
    ]
    assert "Noord (achter)" in chart.svg and "Zuid (achter)" not in chart.svg
    assert chart.svg.count("<pattern") == 1  # the hatch of the one bar behind
    assert "Achter: Noord." in chart.alt


def test_compare_chart_keeps_a_college_without_a_value_inside_its_axes():
    """A row without a value has no bar, so the data limits left it out: its name and "geen gegevens"
    sat on the x axis, over the tick labels. Every row lies inside the axes, the first on top."""
    from decimal import Decimal

    from matplotlib.figure import Figure

    from kwsite.charts.compare import CompareRow, _draw

    rows = (
        CompareRow("Techniek", Decimal("81.5"), Decimal("78"), False, "op koers"),
        CompareRow("Zorg en Welzijn", Decimal("72.1"), Decimal("76"), True, "achter"),
        CompareRow("Economie", None, None, False, "geen gegevens"),
    )
    fig = Figure()
    _draw(fig, "k", "2a Diplomaresultaat", "percent", 2021, rows)
    bottom, top = fig.axes[0].get_ylim()
    assert top <= -0.45 and bottom >= 2.45  # inverted: row 0 on top, row 2 (no value) half a row above the axis


def test_lower_is_better_sorts_lowest_first(demo):
    import dataclasses

    ind = demo.indicator("2a").model_copy(
        update={
            "realisations": [
                r.model_copy(update={"unit": u, "year": 2025, "value": v})
                for r, u, v in zip(
                    [demo.indicator("2a").realisations[0]] * 3,
                    ["college-noord", "college-zuid", "voorbeeldcollege"],
                    [7, 5, 6],
                )
            ]
        }
    )
    site = dataclasses.replace(demo, indicators=(ind,))
    rows = indicator_page.colleges_compared(site, ind)["rows"]
    assert [r["name"] for r in rows][:3] == ["College Zuid (fictief)", "Voorbeeldcollege", "College Noord (fictief)"]


def test_site_without_realisations_says_so_once():
    site, _ = load_site(ROOT / "data")
    assert progress.realisation_years(site) == []
    text = progress.render(site).content
    assert text.count(progress.NO_REALISATIONS) == 1
    assert "## 20" not in text and "Zo wordt de stand berekend" not in text
    home = progress.home_summary(site)
    assert progress.NO_REALISATIONS not in home and "(voortgang.md)" in home
    page = indicator_page.render(site, site.indicator("1a"), None, []).content
    assert "Realisaties en stand" not in page and "geen realisaties" not in page


def test_flagship_built_says_it_once_and_repeats_no_explanation(flagship_site):
    from kwsite.templating import Templates

    pages = [p.read_text(encoding="utf-8") for p in flagship_site.rglob("*.html")]
    assert sum(p.count(progress.NO_REALISATIONS) for p in pages) == 1
    assert sum(p.count("is een berekening van kwsite") for p in pages) == 0
    assert (
        Templates()
        .macro("pages/macros/realisations.html", "rule")
        .startswith("De *stand* is een berekening van kwsite")
    )
    assert (flagship_site / "indicatoren" / "1a" / "index.html").is_file()
    # the college pages do not repeat, twelve times, that there are no realisations (the progress page says it once)
    colleges = sorted((flagship_site / "colleges").glob("*/index.html"))
    assert len(colleges) == 12
    for page in colleges:
        text = page.read_text(encoding="utf-8")
        assert "nog geen realisaties" not in text and "Stand van de indicatoren" not in text, page


def _with_realisations(site, ind_id: str, values: list[tuple[str | None, str]], year: int):
    """``site`` with ``ind_id``'s realisations in ``year`` replaced by ``values`` ((unit or None, value))."""
    import dataclasses
    from decimal import Decimal

    from kwsite.model import Realisation

    reals = [Realisation(year=year, value=Decimal(v), unit=u) for u, v in values]
    inds = tuple(i.model_copy(update={"realisations": reals}) if i.id == ind_id else i for i in site.indicators)
    return dataclasses.replace(site, indicators=inds)


def test_status_explanation_says_it_is_kwsites_comparison_not_the_agendas_rule():
    """S3 r. 2030-2034: an indicator's ambition is reached when two thirds of the colleges reach it, else when the
    institution does. The explanation must not present kwsite's comparison of one value as that rule."""
    site, _ = load_site(ROOT / "data")
    # 1a: institution 7,0 reaches 6,9 (2020), only one of three colleges does: the stand says behaald
    measured = _with_realisations(
        site, "1a", [(None, "7.0"), ("airport", "7.0"), ("almere", "6.5"), ("noord", "6.4")], 2020
    )
    assert status_for(measured.indicator("1a"), 2020).status is Status.REACHED
    text = progress.render(measured).content
    rule = text.split("## Zo wordt de stand berekend", 1)[1]
    assert rule.startswith("\n\nDe *stand* is een berekening van kwsite, geen beoordeling uit de agenda zelf")
    assert "Hoe de agenda zelf vaststelt of een ambitie gehaald is, staat bij de indicator en het thema onder" in rule
    assert "*Wijze van vaststellen*" in rule
    # and that is where the flagship's data give the agenda's rule for 1a
    page = indicator_page.render(measured, measured.indicator("1a"), None, []).content
    assert "Wijze van vaststellen" in page and "gehaald als tweederde van de colleges de ambitie haalt" in " ".join(
        page.split()
    )
    # the old wording, a bare "behaald als ze de streefwaarde haalt" as if it were the agenda's verdict, is gone
    assert not rule.lstrip().startswith("*Stand* is berekend")


def test_status_explanation_names_no_agenda_rule_where_the_data_give_none(demo):
    """The scaffold's fictional data carry no 'wijze van vaststellen': the explanation does not point to one."""
    assert not any(i.attainment for i in demo.indicators) and not any(t.attainment_rule for t in demo.themes)
    rule = progress.render(demo).content.split("## Zo wordt de stand berekend", 1)[1]
    assert "is een berekening van kwsite" in rule
    assert "Wijze van vaststellen" not in rule


def test_college_page_says_no_realisations_only_when_the_site_has_some(demo):
    """With realisations elsewhere on the site, a college without any is told so on its own page (that adds
    information); without any realisation on the site the college pages leave the section out."""
    import dataclasses

    from kwsite.pages import college

    west = demo.unit("college-west")  # the scaffold gives West one realisation: 1a 2025 55
    assert "55%" in college.render(demo, west, []).content
    no_west = dataclasses.replace(
        demo,
        indicators=tuple(
            i.model_copy(update={"realisations": [r for r in i.realisations if r.unit != "college-west"]})
            for i in demo.indicators
        ),
    )
    text = college.render(no_west, west, []).content
    assert text.count("nog geen realisaties") == 1
    assert (
        "De gegevens van deze site bevatten nog geen realisaties voor College West (fictief): *geen gegevens*." in text
    )
    none = dataclasses.replace(
        demo, indicators=tuple(i.model_copy(update={"realisations": []}) for i in demo.indicators)
    )
    text = college.render(none, west, []).content
    assert "nog geen realisaties" not in text and "## Stand van de indicatoren" not in text


def test_last_updated_is_the_last_commit_changing_the_record(tmp_path):
    """One git blame: the date of the newest committed line of each indicator's record; none outside git."""
    import os
    import subprocess

    from kwsite.updated import indicator_dates

    data = tmp_path / "data"
    data.mkdir()
    (data / "indicators.yaml").write_text(
        "indicators:\n  - id: a1\n    name: A\n  - id: b2\n    name: B\n", encoding="utf-8"
    )
    assert indicator_dates(data) == {}
    env = dict(
        os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@x", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@x"
    )

    def commit(when: str):
        subprocess.run(["git", "add", "-A"], cwd=tmp_path, check=True, env=env)
        subprocess.run(
            ["git", "commit", "-qm", "x"],
            cwd=tmp_path,
            check=True,
            env=env | {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when},
        )

    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    commit("2025-03-04T10:00:00Z")
    (data / "indicators.yaml").write_text(
        "indicators:\n  - id: a1\n    name: A\n  - id: b2\n    name: B\n    realisations: [{year: 2025, value: 3}]\n",
        encoding="utf-8",
    )
    commit("2025-11-20T10:00:00Z")
    assert indicator_dates(data) == {"a1": "4 maart 2025", "b2": "20 november 2025"}
    (data / "indicators.yaml").write_text((data / "indicators.yaml").read_text() + "  - id: c3\n    name: C\n")
    assert indicator_dates(data) == {"a1": "4 maart 2025", "b2": "20 november 2025"}  # uncommitted: no date
    (data / "realisations.csv").write_text("indicator,unit,year,period,breakdown,value,note\na1,,2025,,,4,\n")
    commit("2026-01-09T10:00:00Z")
    assert indicator_dates(data) == {"a1": "9 januari 2026", "b2": "20 november 2025", "c3": "9 januari 2026"}


def test_home_summary_gives_the_latest_year(demo):
    home = " ".join(progress.home_summary(demo).split())
    assert "**Voortgang 2025:** 3 van de 4 indicatoren hebben een realisatie; 1 ligt achter of is niet behaald." in home
    row = next(t for t in tables(home))[1]
    assert row == ["Alle indicatoren", "0", "2", "1", "0", "0", "0", "1", "4"]
    assert (
        "**Uitvoering van de maatregelen en lijnen:** 1 niet gestart, 1 loopt, 1 vertraagd, 1 afgerond, "
        "0 gestopt; 1 zonder stand."
    ) in home
    assert "[Voortgang per jaar, thema en college](voortgang.md)" in home


def _card(site, ind_id: str) -> str:
    """The theme page's realisations block of ``ind_id`` (``macros/realisations.html`` ``card``)."""
    from kwsite.pages import status as status_page
    from kwsite.templating import Templates

    ctx = status_page.card(site, site.indicator(ind_id), "thema/x.md", [])
    template = Templates().env.from_string(
        '{% import "pages/macros/realisations.html" as realisations %}{{ realisations.card(r) }}'
    )
    return " ".join(template.render(r=ctx).split())


def test_two_thirds_rule_only_where_the_data_give_the_agendas_rule(demo):
    """Only S3 (r. 2030-2034) prints a two-thirds rule. The scaffold's data give none: its theme page counts the
    colleges plainly as kwsite's count, without the rule's name or an outcome; the progress page says so too."""
    from kwsite.pages import status as status_page

    # scaffold 1a in 2025: Voorbeeldcollege 57 op koers, Noord 52 achter, Zuid 61 behaald, West 55 op koers
    assert not status_page.agenda_rule(demo, demo.indicator("1a"))
    ctx = status_page.colleges(demo, demo.indicator("1a"))
    assert ctx["attainment"] is None
    assert ctx["count"] == {"year": 2025, "reached": 1, "judged": 4}
    card = _card(demo, "1a")
    assert "*Telling van kwsite (2025):* 1 van de 4 colleges met gegevens haalt de streefwaarde." in card
    assert "tweederde" not in card and "Uitkomst" not in card
    rule = " ".join(progress.render(demo).content.split("## Zo wordt de stand berekend", 1)[1].split())
    assert "tweederde" not in rule
    assert "Dat is alleen een telling, geen regel uit de agenda" in rule
    # the flagship's data give the rule (theme attainment_rule / indicator attainment): the block keeps its name
    site, _ = load_site(ROOT / "data")
    measured = _with_realisations(
        site, "1a", [(None, "7.0"), ("airport", "7.0"), ("almere", "6.5"), ("noord", "6.4")], 2020
    )
    assert status_page.agenda_rule(measured, measured.indicator("1a"))
    card = _card(measured, "1a")
    assert (
        "*Regel van tweederde (2020, berekend):* 1 van de 3 colleges met gegevens hebben de streefwaarde behaald"
        in (card)
    )
    assert "Telling van kwsite" not in card
    rule = " ".join(progress.render(measured).content.split("## Zo wordt de stand berekend", 1)[1].split())
    assert "ook de *regel van tweederde*" in rule


def test_no_two_thirds_rule_where_the_agenda_judges_otherwise():
    """S3 judges 3c at institution level only (r. 6125-6129) and 3b in its own way (r. 3905-3909): their
    `attainment` is no licence for the theme's two-thirds rule, which only the indicators with
    `standard_rule: true` get. 3c's targets give only a direction, so no college is judged: no "0 van de 0"."""
    from kwsite.pages import status as status_page

    site, _ = load_site(ROOT / "data")
    assert {i.id for i in site.indicators if status_page.agenda_rule(site, i)} == {
        "1a",
        "1b",
        "2a",
        "2b",
        "3a",
        "3d",
        "4c",
    }
    measured = _with_realisations(
        site, "3c", [(None, "30"), ("airport", "31"), ("almere", "29"), ("noord", "33")], 2020
    )
    assert not status_page.agenda_rule(measured, measured.indicator("3c"))
    ctx = status_page.colleges(measured, measured.indicator("3c"))
    assert ctx["attainment"] is None and ctx["count"] is None
    card = _card(measured, "3c")
    assert "tweederde" not in card and "0 van de 0" not in card
    assert "31%" in card and "33%" in card  # the college values themselves are shown


def test_words_and_tables_count_the_same_unit_on_the_flagship_with_realisations():
    # S3 splits 2a into Entree and niveau 2: 13 indicators, 14 counted items (indicator and breakdown)
    site, _ = load_site(ROOT / "data")
    site = _with_realisations(site, "1a", [(None, "50")], 2020)
    site = _with_realisations(site, "1b", [(None, "5"), ("zuid", "6")], 2020)
    text = progress.render(site).content
    assert "Gegevens over 2020: 2 van de 13 indicatoren en 1 van de 12 colleges hebben een realisatie." in text
    assert (
        "De tabellen tellen een indicator met uitsplitsingen één keer per uitsplitsing: "
        "14 indicatoren en uitsplitsingen voor 13 indicatoren." in text
    )
    assert "Aantal indicatoren en uitsplitsingen per stand en per thema in 2020" in text
    themes = tables(text)[0]
    overall = themes[-1]
    assert overall[0] == "Alle indicatoren en uitsplitsingen" and overall[-1] == "14"
    assert sum(int(r[-1]) for r in themes[1:-1]) == 14
    # the college table runs over 1b only (the one indicator with college values), not split
    assert "Aantal indicatoren per stand en per college in 2020" in text
    home = progress.home_summary(site)
    assert "**Voortgang 2020:** 2 van de 13 indicatoren hebben" in home
    assert "Aantal indicatoren en uitsplitsingen per stand in 2020" in home
    assert tables(home)[0][1][0] == "Alle indicatoren en uitsplitsingen"


def test_words_and_tables_count_the_same_unit_on_the_scaffold(demo):
    # no indicator of the scaffold is split: the tables count indicators, as the sentence does
    text = progress.render(demo).content
    assert "Gegevens over 2025: 3 van de 4 indicatoren en 4 van de 4 colleges hebben een realisatie." in text
    assert "uitsplitsing" not in text
    assert "Aantal indicatoren per stand en per thema in 2025" in text
    overall = tables(text)[0][-1]
    assert overall[0] == "Alle indicatoren" and overall[-1] == "4"
