"""Timeline reading over every form the Clusius seeds use (S0, S1)."""

import pytest

from kwsite.timeline import parse, parse_entry

CASES = [
    # (as written, source, readings, uncertain, without year)
    ("Start: schooljaar 19-20", "S0 L60", ["schooljaar 2019-2020"], False, False),
    ("Evaluatie: 2021", "S0 L61", ["2021"], False, False),
    ("Eindrapport: 2022", "S0 L62", ["2022"], False, False),
    ("Activiteiten 2020-2022", "S0 L502", ["2020 t/m 2022"], False, False),
    ("Professionaliseringplan november 2020", "S0 L617-620", ["november 2020"], False, False),
    ("Meerjarenscholingsplan februari 2021", "S0 L622-623", ["februari 2021"], False, False),
    ("Voor 1 oktober 2020", "S1 L27", ["1 oktober 2020"], False, False),
    ("Publicatie PTO en PTA: Deadline 1 oktober 2020", "S1 L41-42", ["1 oktober 2020"], False, False),
    (
        "Taakomschrijving en werkwijze zijn 1 december duidelijk",
        "S1 L89-91",
        ["1 december, jaar niet vermeld"],
        False,
        True,
    ),
    ("Uiterlijk 15 januari gedeeld met het team", "S1 L93", ["15 januari, jaar niet vermeld"], False, True),
    ("Uitvoering januari- juni", "S1 L96", ["januari, jaar niet vermeld", "juni, jaar niet vermeld"], False, True),
    ("Juni/juli evaluatie", "S1 L98", ["juni, jaar niet vermeld", "juli, jaar niet vermeld"], False, True),
    ("Monitoring 21-22", "S1 L100", ["schooljaar 2021-2022"], False, False),
    ("30 september bijeenkomst met teamleiders", "S1 L112", ["30 september, jaar niet vermeld"], False, True),
    ("Workshop op 6 oktober", "S1 L498", ["6 oktober, jaar niet vermeld"], False, True),
    ("Routing opgesteld: januari 21", "S1 L439-440", ["januari 2021"], False, False),
    ("Bijeenkomst BOOT november?", "S1 L203", ["november, jaar niet vermeld"], True, True),
    (
        "April/mei juni: training",
        "S1 L283",
        ["april, jaar niet vermeld", "mei, jaar niet vermeld", "juni, jaar niet vermeld"],
        False,
        True,
    ),
    ("Schooljaar 20-21 en 21-22", "S1 L554", ["schooljaar 2020-2021", "schooljaar 2021-2022"], False, False),
    ("Ontwerpfase september 19-20", "S0 L684-685", ["september", "schooljaar 2019-2020"], False, False),
    (
        "Halfjaarlijkse evaluatie van tot nu toe gevoerde en vastgelegde gesprekken 20-22",
        "S1 L408-410",
        ["2020 t/m 2022"],
        False,
        False,
    ),
    ("Nulmeting en eindmeting", "S0 L691-692", [], False, False),
]


@pytest.mark.parametrize("case", CASES, ids=[c[1] for c in CASES])
def test_entry_is_read_as_written(case):
    written, _, readings, uncertain, without_year = case
    entry = parse_entry(written)
    assert entry.as_written == written
    assert entry.readings() == readings
    assert entry.uncertain is uncertain
    assert entry.without_year is without_year


def test_school_year_2021_is_ambiguous_not_guessed():
    entry = parse_entry("Schooljaar 2021")  # S1 L579
    assert entry.ambiguous
    assert entry.readings() == ["schooljaar 2020-2021 of 2021-2022, niet eenduidig"]
    assert parse(["Schooljaar 2021"]).uncertain


def test_day_without_year_gets_no_year():
    moment = parse_entry("1 december").moments[0]
    assert (moment.day, moment.month, moment.year) == (1, 12, None)
    assert parse(["1 december", "Uiterlijk 15 januari"]).end is None


def test_timeline_span_from_start_evaluation_and_final_report():
    sched = parse(["Start: schooljaar 19-20", "Evaluatie: 2021", "Eindrapport: 2022"])
    assert (sched.start, sched.end, sched.uncertain) == (2019, 2022, False)
    assert [e.label for e in sched.entries] == ["Start", "Evaluatie", "Eindrapport"]


def test_uncertain_entry_marks_timeline_uncertain():
    sched = parse(["Lesbezoeken gedurende schooljaar 20-21 en 21-22", "Bijeenkomst BOOT november?"])
    assert sched.uncertain
    assert (sched.start, sched.end) == (2020, 2022)
