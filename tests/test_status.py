"""Status against targets (kwsite/status.py) on fixture indicators that live only here.

Paths are worked out by hand in the comments: baseline (value, year) → target (value, year).
"""

import shutil
from decimal import Decimal as D
from pathlib import Path

import pytest

from kwsite.model import Indicator
from kwsite.status import (
    Status,
    attainment,
    expected,
    indicator_attainment,
    latest,
    latest_parts,
    status_for,
    target_for,
    two_thirds,
)

R, K, B, N, T = Status.REACHED, Status.ON_TRACK, Status.BEHIND, Status.NO_DATA, Status.NO_TARGET
Y, M, U = Status.NOT_YET, Status.MISSED, Status.UNJUDGED


def ind(targets, realisations=(), polarity="higher_is_better", baseline=(60, 2017), unit="percent"):
    base = {"value": str(baseline[0]), "year": baseline[1]} if baseline else None
    return Indicator.model_validate(
        {
            "id": "x1",
            "theme": "t",
            "name": "Fixture",
            "unit": unit,
            "polarity": polarity,
            "baseline": base,
            "targets": list(targets),
            "realisations": [
                {"year": y, "value": str(v), **({"unit": u} if u else {})}
                for y, v, *rest in realisations
                for u in [rest[0] if rest else None]
            ],
        }
    )


def test_path_is_linear_in_decimals():
    # 60 (2017) → 70 (2021): 2019 is halfway → 65; exact decimals, no float noise
    assert expected(D(60), 2017, D(70), 2021, 2019) == D(65)
    assert expected(D("6.7"), 2017, D("6.9"), 2020, 2018) == D("6.7") + D("0.2") / D(3)
    assert expected(D(60), 2017, D(70), 2021, 2022) == D(70)


# value target, higher is better: 60 (2017) → 70 (2021); path 2019 = 65
@pytest.mark.parametrize(
    "year, value, status",
    [
        (2019, 71, R),  # already meets the target
        (2019, 70, R),  # exactly the target counts
        (2019, 65, K),  # exactly on the path
        (2019, "64.9", B),
        (2021, 69, M),  # target year, not met: niet behaald
        (2022, 69, M),  # after the last target
        (2020, None, N),  # no realisation
    ],
)
def test_value_higher_is_better(year, value, status):
    real = [] if value is None else [(year, value)]
    i = ind([{"year": 2021, "kind": "value", "value": "70"}], real)
    assert status_for(i, year).status is status


# value target, lower is better (VSV): 8 (2017) → 6 (2021); path 2019 = 7
@pytest.mark.parametrize("value, status", [(6, R), (7, K), ("6.5", K), ("7.1", B), (9, B)])
def test_value_lower_is_better(value, status):
    i = ind(
        [{"year": 2021, "kind": "value", "value": "6"}], [(2019, value)], polarity="lower_is_better", baseline=(8, 2017)
    )
    assert status_for(i, 2019).status is status


@pytest.mark.parametrize(
    "kind, value, status",
    [
        ("minimum", 75, R),
        ("minimum", 66, K),
        ("minimum", 64, B),  # 60 → min 70: path 65
        ("maximum", 45, R),
        ("maximum", 52, K),
        ("maximum", 53, B),  # 60 → max 45 (2021): path 52,5
    ],
)
def test_minimum_and_maximum(kind, value, status):
    target = "70" if kind == "minimum" else "45"
    i = ind([{"year": 2021, "kind": kind, "value": target}], [(2019, value)])
    assert status_for(i, 2019).status is status


def test_maximum_ignores_polarity_and_minimum_too():
    # a maximum is a maximum whatever the polarity says
    i = ind([{"year": 2021, "kind": "maximum", "value": "45"}], [(2019, 44)], polarity="higher_is_better")
    assert status_for(i, 2019).status is R


@pytest.mark.parametrize(
    "value, status",
    [
        (80, R),
        (85, R),
        (90, R),  # inside 80-90 (bounds count)
        (70, K),  # 60 → nearest bound 80 in 2021: path 2019 = 70
        (69, B),
        (91, B),
    ],
)
def test_range_from_below(value, status):
    i = ind([{"year": 2021, "kind": "range", "low": "80", "high": "90"}], [(2019, value)])
    assert status_for(i, 2019).status is status


def test_range_from_above_and_from_inside():
    above = ind([{"year": 2021, "kind": "range", "low": "40", "high": "50"}], [(2019, 55), (2020, 56)])
    # 60 → 50: path 2019 = 55 (on it), 2020 = 52,5 (56 is behind)
    assert status_for(above, 2019).status is K
    assert status_for(above, 2020).status is B
    inside = ind([{"year": 2021, "kind": "range", "low": "55", "high": "65"}], [(2019, 66)])
    assert status_for(inside, 2019).status is B  # left the range it started in


# a direction has no path: not met before the target year is "nog niet behaald", never "achter"
@pytest.mark.parametrize(
    "direction, polarity, value, status",
    [
        ("hoger", "higher_is_better", 61, R),
        ("hoger", "higher_is_better", 60, Y),
        ("stijgend", "higher_is_better", 59, Y),
        ("lager", "lower_is_better", 59, R),
        ("dalend", "lower_is_better", 60, Y),
        ("behoud", "higher_is_better", 60, R),
        ("behoud", "higher_is_better", 59, Y),
        ("behoud", "lower_is_better", 59, R),
        ("behoud", "lower_is_better", 61, Y),
        ("stabiel", "lower_is_better", 60, R),
    ],
)
def test_direction_against_baseline(direction, polarity, value, status):
    i = ind([{"year": 2022, "kind": "direction", "direction": direction}], [(2019, value)], polarity=polarity)
    assert status_for(i, 2019).status is status
    assert status_for(
        ind([{"year": 2019, "kind": "direction", "direction": direction}], [(2019, value)], polarity=polarity), 2019
    ).status is (R if status is R else M)


def test_relative_uses_the_absolute_value():
    # 1a of the mini fixture shape: 6,7 (2017) +0,2 → 6,9 (2020); path 2019 = 6,8333…
    i = ind(
        [{"year": 2020, "kind": "relative", "delta": "0.2", "value": "6.9"}],
        [(2019, "6.8"), (2020, "6.9")],
        baseline=("6.7", 2017),
        unit="grade",
    )
    assert status_for(i, 2019).status is B
    assert status_for(i, 2020).status is R


def test_nearest_target_is_weighed():
    i = ind(
        [{"year": 2020, "kind": "value", "value": "64"}, {"year": 2022, "kind": "value", "value": "70"}],
        [(2019, 62), (2021, 66)],
    )
    assert target_for(i, 2019).year == 2020 and target_for(i, 2021).year == 2022
    # 2019 vs 64 (2020): path 60 + 4·2/3 = 62,67 → 62 behind; 2021 vs 70 (2022): path 60 + 10·4/5 = 68 → behind
    assert status_for(i, 2019).status is B
    assert status_for(i, 2021).status is B
    assert status_for(i, 2021).expected == D(68)


def test_deferred_and_no_target_and_no_baseline():
    deferred = ind([{"year": 2022, "kind": "deferred", "set_in": 2020}], [(2021, 70)])
    assert status_for(deferred, 2021).status is T
    assert status_for(ind([], [(2021, 70)]), 2021).status is T
    # not met and no baseline: no path → nog niet behaald, never a guess about the course
    nobase = ind([{"year": 2022, "kind": "value", "value": "70"}], [(2020, 65)], baseline=None)
    assert status_for(nobase, 2020).status is Y
    # a direction without anything to compare with cannot be judged (but the value exists: not "geen gegevens")
    assert (
        status_for(
            ind([{"year": 2022, "kind": "direction", "direction": "hoger"}], [(2020, 65)], baseline=None), 2020
        ).status
        is U
    )


def test_latest_and_no_realisations():
    i = ind([{"year": 2021, "kind": "value", "value": "70"}], [(2017, 60), (2019, 66), (2020, 71)])
    assert latest(i).year == 2020 and latest(i).status is R
    empty = ind([{"year": 2021, "kind": "value", "value": "70"}])
    assert latest(empty).status is N and latest(empty).year is None


def test_unit_path_starts_at_the_units_own_baseline():
    # institution 60 (2017); college "a" started at 50: path 50 → 70 (2021) in 2019 = 60
    i = ind([{"year": 2021, "kind": "value", "value": "70"}], [(2017, 50, "a"), (2019, 60, "a"), (2019, 60, "b")])
    assert status_for(i, 2019, "a").status is K
    assert status_for(i, 2019, "b").status is B  # b has no own baseline: path from 60 → 65
    assert status_for(i, 2019, "c").status is N


@pytest.mark.parametrize(
    "parts, expected_result",
    [
        ([R, R, B], True),  # exactly 2/3
        ([R, B, B], False),
        ([R, R, R, B, B, B], False),  # 1/2
        ([R, R, K], True),
        ([R, R, B, N, N], True),  # units without data do not count
        ([N, T], None),
        ([], None),
    ],
)
def test_two_thirds_boundary(parts, expected_result):
    assert two_thirds(parts) is expected_result


def test_two_thirds_rule_else_the_whole_decides():
    assert attainment([R, R, B], B).status is R and attainment([R, R, B], B).by == "onderdelen"
    fallback = attainment([R, B, B], R)
    assert fallback.status is R and fallback.by == "geheel" and (fallback.reached, fallback.judged) == (1, 3)
    assert attainment([R, B, B], K).status is K
    assert attainment([], B).status is B


def test_teams_then_colleges_then_institution():
    # college 1: 2 of 3 teams reach it → reached; college 2: 1 of 3, own value behind → behind;
    # college 3: 0 of 2 teams, but its own value is reached → reached. 2 of 3 colleges → goal reached.
    c1 = attainment([R, R, B], B).status
    c2 = attainment([R, B, B], B).status
    c3 = attainment([B, B], R).status
    assert (c1, c2, c3) == (R, B, R)
    assert attainment([c1, c2, c3], B).status is R


def test_indicator_attainment_over_colleges():
    target = [{"year": 2021, "kind": "value", "value": "70"}]
    # three colleges; two reach 70 in 2021 (exactly 2/3) → reached although the institution is behind
    i = ind(target, [(2021, 68), (2021, 71, "a"), (2021, 70, "b"), (2021, 60, "c")])
    result = indicator_attainment(i, 2021)
    assert result.status is R and (result.reached, result.judged) == (2, 3)
    # one of three: the institution's own value decides (behind)
    j = ind(target, [(2021, 68), (2021, 71, "a"), (2021, 69, "b"), (2021, 60, "c")])
    assert indicator_attainment(j, 2021).status is M and indicator_attainment(j, 2021).by == "geheel"
    assert indicator_attainment(ind(target, [(2021, 68)]), 2021) is None


# --- in a built site (a copy of the mini fixture with realisations added here) -------------

REALISED = """    realisations:
      - {year: 2019, value: 6.8}
      - {year: 2020, value: 6.9}
      - {year: 2017, value: 6.2, unit: noord}
      - {year: 2020, value: 7.0, unit: noord}
      - {year: 2020, value: 6.5, unit: zuid}
"""


def test_built_pages_show_word_and_hidden_icon(mini):
    from conftest import edit, mkdocs_build

    edit(mini, "data/indicators.yaml", "    tables: [cijfer]\n", "    tables: [cijfer]\n" + REALISED)
    result = mkdocs_build(mini, "--strict")
    assert result.returncode == 0, result.stderr
    theme = (mini / "site" / "themas" / "kern" / "index.html").read_text(encoding="utf-8")
    # 2019: 6,8 vs path 6,7 → 6,9 (2017 → 2020) = 6,833…: behind; 2020: 6,9 = target: reached
    assert (
        '<th scope="row">2019</th><td>6,8</td><td>6,9 (+0,2 punt, 2020)</td><td><span class="kw-status kw-status-achter"><span aria-hidden="true">!</span> achter</span>'
        in theme
    )
    assert '<th scope="row">2020</th><td>6,9</td>' in theme and "kw-status-behaald" in theme
    # colleges in 2020: noord 7,0 reached, zuid 6,5 behind → 1 of 2 < 2/3 → the institution (6,9, reached) decides
    assert "1 van de 2 colleges met gegevens" in theme
    overview = (mini / "site" / "indicatoren" / "index.html").read_text(encoding="utf-8")
    assert '<span aria-hidden="true">✓</span> behaald</span> (2020)' in overview
    assert '<span aria-hidden="true">–</span> geen gegevens</span>' in overview  # 1b has none
    college = (mini / "site" / "colleges" / "noord" / "index.html").read_text(encoding="utf-8")
    assert "kw-status-behaald" in college and "7,0" in college


def test_realisations_are_validated(mini):
    from conftest import edit
    from kwsite.build import load_site
    from kwsite.problems import KwsiteError

    bad = """    realisations:
      - {year: 2016, value: 6.8}
      - {year: 2020, value: 11}
      - {year: 2020, value: 6.5, unit: west}
      - {year: 2023, value: 6.5}
"""
    edit(mini, "data/indicators.yaml", "    tables: [cijfer]\n", "    tables: [cijfer]\n" + bad)
    with pytest.raises(KwsiteError) as exc:
        load_site(mini / "data")
    messages = [p.message for p in exc.value.problems]
    assert "realisatie 2016 ligt voor de nulmeting (2017)" in messages
    assert "waarde 11 ligt buiten de schaal 1-10" in messages
    assert "onbekend college 'west'" in messages
    assert "realisatie 2023 ligt na de looptijd" in messages


def test_flagship_has_no_realisations_and_shows_no_data():
    from conftest import ROOT
    from kwsite.build import load_site

    site, _ = load_site(ROOT / "data")
    assert all(not i.realisations for i in site.indicators)
    assert {latest(i).status for i in site.indicators} <= {N, T}


# --- S4 shapes: a baseline with only a period, targets per breakdown, a reference period ------------


def raw(targets, realisations, baseline, polarity="higher_is_better", unit="percent"):
    """An indicator from raw dicts (realisations may carry breakdown and period)."""
    return Indicator.model_validate(
        {
            "id": "x2",
            "theme": "t",
            "name": "Fixture",
            "unit": unit,
            "polarity": polarity,
            "baseline": baseline,
            "targets": targets,
            "realisations": realisations,
        }
    )


@pytest.mark.parametrize(
    "year, value, status",
    [
        (2020, "3.6", Y),  # not met, no baseline year → no path: nog niet behaald (was "geen gegevens")
        (2020, "3.8", R),  # meets the minimum: behaald needs no path
        (2022, "3.6", M),  # target year, not met
    ],
)
def test_baseline_with_only_a_period(year, value, status):
    # 1a of S4: baseline 3,5 for ’17-‘18 (no year), minimum 3,7 in 2022 (L1271-1272, L1588)
    i = raw(
        [{"year": 2022, "kind": "minimum", "value": "3.7"}],
        [{"year": year, "value": value}],
        {"value": "3.5", "period": "’17-‘18"},
        unit="score",
    )
    progress = status_for(i, year)
    assert progress.status is status and progress.value == D(value) and progress.expected is None


VSV = [
    {"year": 2022, "kind": "maximum", "value": "26.2", "breakdown": "Entree"},
    {"year": 2022, "kind": "maximum", "value": "8.45", "breakdown": "Niveau 2"},
]


def test_split_targets_per_breakdown():
    # 1b of S4: maxima per level in 2022 (L1595-1601), baseline 4,2 for 2016-2017 only
    i = raw(
        VSV,
        [
            {"year": 2019, "value": "27.0", "breakdown": "Entree"},
            {"year": 2022, "value": "8.5", "breakdown": "Niveau 2"},
        ],
        {"value": "4.2", "period": "2016-2017"},
        polarity="lower_is_better",
    )
    assert status_for(i, 2019, None, "Entree").status is Y  # above the 26,2 maximum, before 2022
    assert status_for(i, 2022, None, "Niveau 2").status is M
    assert status_for(i, 2019).status is T  # no target without breakdown
    parts = latest_parts(i)
    assert [(b, p.status, p.year) for b, p in parts] == [("Entree", Y, 2019), ("Niveau 2", M, 2022)]


def overview_cell(ind, unit=None) -> str:
    """The overview cell as the page shows it: the context of kwsite.pages.status through the status macro."""
    from kwsite.pages import status
    from kwsite.templating import Templates

    return Templates().macro("pages/macros/status.html", "cell", status.overview_cell(ind, unit))


def card_block(site, ind, page, files) -> str:
    """The realisations block of a theme page, rendered by its macro."""
    from kwsite.pages import status
    from kwsite.templating import Templates

    return Templates().macro("pages/macros/realisations.html", "card", status.card(site, ind, page, files))


def test_overview_summarises_a_split_indicator():
    from kwsite.pages.status import overview_code

    base = {"value": "4.2", "period": "2016-2017"}
    empty = raw(VSV, [], base, polarity="lower_is_better")
    assert "geen gegevens" in overview_cell(empty) and "geen streefwaarde" not in overview_cell(empty)
    assert overview_code(empty) == "geen_gegevens"
    one = raw(VSV, [{"year": 2019, "value": "27.0", "breakdown": "Entree"}], base, polarity="lower_is_better")
    cell = overview_cell(one)
    assert cell.startswith("Entree: ") and "nog niet behaald</span> (2019); Niveau 2: " in cell
    assert cell.endswith("geen gegevens</span>")
    assert overview_code(one) == "Entree: nog_niet_behaald; Niveau 2: geen_gegevens"


@pytest.mark.parametrize(
    "reals, status",
    [
        ([{"year": 2020, "value": "84.5"}], U),  # no value for 2018-2019: not against the 84,4 baseline
        ([{"year": 2019, "period": "2018-2019", "value": "84.0"}, {"year": 2020, "value": "84.5"}], R),
        ([{"year": 2019, "period": "2018-2019", "value": "84.6"}, {"year": 2020, "value": "84.5"}], M),
        ([{"year": 2019, "value": "84.0"}, {"year": 2020, "value": "84.5"}], U),  # 2019 is not the period 2018-2019
    ],
)
def test_direction_against_a_reference_period(reals, status):
    # 2a of S4: "stijgend t.o.v. 2018-2019" in 2020 (L1867-1868); baseline 84,4 for 2016/2017 (L1305-1306)
    i = raw(
        [{"year": 2020, "kind": "direction", "direction": "stijgend", "reference": "2018-2019"}],
        reals,
        {"value": "84.4", "period": "2016/2017"},
    )
    assert status_for(i, 2020).status is status


def test_reference_by_year_and_the_reference_itself():
    i = raw(
        [{"year": 2022, "kind": "direction", "direction": "dalend", "reference": "2019"}],
        [{"year": 2019, "value": "10"}, {"year": 2021, "value": "9"}, {"year": 2022, "value": "11"}],
        {"value": "12", "year": 2017},
        polarity="lower_is_better",
    )
    assert [status_for(i, y).status for y in (2019, 2021, 2022)] == [U, R, M]


def test_reference_only_on_a_direction():
    with pytest.raises(ValueError, match="reference hoort alleen bij"):
        raw([{"year": 2022, "kind": "value", "value": "70", "reference": "2018-2019"}], [], None)


NOORDERPOORT = Path(__file__).resolve().parent.parent / "examples" / "noorderpoort" / "data"


@pytest.fixture
def noorderpoort(tmp_path):
    """A copy of the Noorderpoort data; realisations are added here only, never in the example."""
    shutil.copytree(NOORDERPOORT, tmp_path / "data")
    return tmp_path


def _add(site, after: str, block: str) -> int:
    """Insert ``block`` after the line ``after`` in indicators.yaml; returns the first inserted line number."""
    path = site / "data" / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index(after) + len(after)
    path.write_text(text[:at] + block + text[at:], encoding="utf-8")
    return text[:at].count("\n") + 1


def test_split_indicator_realisation_needs_a_breakdown(noorderpoort):
    from kwsite.build import load_site
    from kwsite.problems import KwsiteError

    line = _add(
        noorderpoort,
        "      - vsv-noorderpoort-landelijk\n",
        "    realisations:\n      - {year: 2019, value: 27.0}\n      - {year: 2019, value: 5, breakdown: Niveau 5}\n",
    )
    with pytest.raises(KwsiteError) as exc:
        load_site(noorderpoort / "data")
    assert [str(p) for p in exc.value.problems] == [
        f"data/indicators.yaml:{line + 1}:9 indicators[1].realisations[0]: indicator heeft streefwaarden per "
        "uitsplitsing (Entree, Niveau 2, Niveau 3, Niveau 4); geef breakdown",
        f"data/indicators.yaml:{line + 2}:32 indicators[1].realisations[1].breakdown: onbekende uitsplitsing 'Niveau 5' "
        "(Entree, Niveau 2, Niveau 3, Niveau 4)",
    ]


def test_noorderpoort_pages_never_show_no_data_next_to_a_value(noorderpoort):
    from kwsite.build import load_site

    _add(
        noorderpoort,
        "        note: Het strategisch plan noemde voor 2020 een 3,5; de agenda zelf geeft geen streefwaarde voor 2020.   # L1589-1590\n",
        "    realisations:\n      - {year: 2020, value: 3.6}\n",
    )
    _add(
        noorderpoort,
        "      - vsv-noorderpoort-landelijk\n",
        "    realisations:\n      - {year: 2019, value: 27.0, breakdown: Entree}\n",
    )
    _add(
        noorderpoort,
        "een cijfer voor 2018-2019 staat niet in de agenda.\n",
        "    realisations:\n      - {year: 2020, value: 84.5}\n",
    )
    site, _ = load_site(noorderpoort / "data")
    one_a, one_b, two_a = (site.indicator(k) for k in ("1a", "1b", "2a"))
    row = card_block(site, one_a, "x.md", []).split('<th scope="row">2020</th>')[1].split("</tr>")[0]
    assert "<td>3,6</td>" in row and "nog niet behaald" in row and "geen gegevens" not in row
    row = card_block(site, one_b, "x.md", []).split('<th scope="row">2019 (Entree)</th>')[1].split("</tr>")[0]
    assert "<td>27,0%</td>" in row and "nog niet behaald" in row
    assert overview_cell(one_b).startswith("Entree: ") and "Niveau 4: " in overview_cell(one_b)
    row = card_block(site, two_a, "x.md", []).split('<th scope="row">2020</th>')[1].split("</tr>")[0]
    assert "stijgend t.o.v. 2018-2019" in row and "niet te beoordelen" in row and "behaald" not in row
