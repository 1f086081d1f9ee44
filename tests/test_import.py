"""``kwsite import`` / ``kwsite export``: realisations from a spreadsheet into ``data/realisations.csv``.

Every workbook here is made in the test with openpyxl; its figures are fictional test data (the
site is the fictional ``tests/fixtures/mini``: ROCA with College Noord and College Zuid)."""

from __future__ import annotations

import hashlib
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from kwsite.build import load_site
from kwsite.cli import main
from kwsite.sheetimport import import_file

MINI = Path(__file__).parent / "fixtures" / "mini"
HEADER = ["Indicator", "Jaar", "Waarde", "College", "Toelichting"]
GOOD = [  # fictional test values
    ["1b", 2019, 40, "ROCA", "fictief"],
    ["1b", 2020, 42.5, "College Noord", None],
    ["1b", 2020, 0.441, "Zuid", None],  # under a % format: 44,1%
    ["1a", 2019, 6.7, "100", None],  # code of College Noord, shown as 6,70
    ["1a", "2019-2020", "6,8", "nrd", None],  # a school year; a decimal comma in a text cell
]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    target = tmp_path / "site"
    shutil.copytree(MINI, target)
    return target


def workbook(path: Path, rows: list[list], formats: dict[str, str] | None = None, title: bool = True) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Blad1"
    if title:
        sheet.append(["Realisaties Voorbeeld (fictief, testgegevens)"])
        sheet.merge_cells("A1:E1")  # a merged title above the header, as exports have
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    for ref, fmt in (formats or {}).items():
        sheet[ref].number_format = fmt
    book.save(path)
    return path


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


GOOD_FORMATS = {"C5": "0.0%", "C6": "0.00"}
EXPECTED = (
    "indicator,unit,year,period,breakdown,value,note\n"
    "1a,noord,2019,,,6.70,\n"
    "1a,noord,2020,2019-2020,,6.8,\n"
    "1b,,2019,,,40,fictief\n"
    "1b,noord,2020,,,42.5,\n"
    "1b,zuid,2020,,,44.1,\n"
)


def test_good_sheet_writes_sorted_realisations_and_again_changes_nothing(site: Path, tmp_path: Path):
    book = workbook(tmp_path / "bestand.xlsx", GOOD, GOOD_FORMATS)
    first = import_file(site, book, name="bestand.xlsx")
    assert first.errors == [] and first.written and (first.added, first.changed) == (5, 0)
    assert (site / "data" / "realisations.csv").read_text("utf-8") == EXPECTED
    loaded, _ = load_site(site / "data")
    reals = {(r.unit, r.year): r for r in loaded.indicator("1b").realisations}
    assert reals[("zuid", 2020)].value == Decimal("44.1")
    assert str(loaded.indicator("1a").realisations[0].value) == "6.70"  # printed precision kept
    before = digest(site)
    second = import_file(site, book, name="bestand.xlsx")
    assert second.errors == [] and not second.written and second.same == 5
    assert digest(site) == before  # byte-identical data/


def test_one_bad_cell_gives_exactly_its_message_and_writes_nothing(site: Path, tmp_path: Path):
    rows = [list(r) for r in GOOD]
    rows[4] = ["1b", 2021, 120, "Zuid", None]  # row 7 of the sheet: a percentage above 100
    book = workbook(tmp_path / "bestand.xlsx", rows, GOOD_FORMATS)
    before = digest(site)
    result = CliRunner().invoke(main, ["import", str(book), str(site)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines[0] == f"{book}:Blad1!C7 waarde: percentage 120 ligt niet tussen 0 en 100"
    assert lines[1:] == ["1 fout(en); niets geschreven."]
    assert digest(site) == before


def test_every_rule_of_data_at_its_cell(site: Path, tmp_path: Path):
    rows = [
        ["1b", 2030, 40, "ROCA", None],  # r3: after the period
        ["1b", 2016, 40, "Zuid", None],  # r4: before the baseline
        ["1b", 2020, 0.412, "Zuid", None],  # r5: a fraction where a percentage belongs
        ["1b", 2020, 41, "Zuid", None],  # r6: same key as r5
        ["1b", 2021, 41, "Nord", None],  # r7: unknown college, with a hint
        ["1a", 2021, 11, "Zuid", None],  # r8: outside the scale 1-10
        ["1a", 2021, 0.7, "Noord", None],  # r9: % format on a grade
        ["1a", 2020, "1.234,5", "Noord", None],  # r10
    ]
    book = workbook(tmp_path / "b.xlsx", rows, {"C9": "0%"})
    found = import_file(site, book, name="b.xlsx")
    assert [str(p) for p in found.ordered()] == [
        "b.xlsx:Blad1!B3 jaar: realisatie 2030 ligt na de looptijd",
        "b.xlsx:Blad1!B4 jaar: realisatie 2016 ligt voor de nulmeting (2018)",
        "b.xlsx:Blad1!C5 waarde: 0,412 is meer dan 50 keer kleiner dan 38 (referentie van de indicator): "
        "tikfout, of een breuk (0.776) waar een percentage (77.6) hoort?",
        "b.xlsx:Blad1!C6 waarde: dubbele rij: dezelfde indicator, college, jaar en uitsplitsing als rij 5",
        "b.xlsx:Blad1!D7 college: 'Nord' is geen bekend college; bedoelt u 'Noord'?",
        "b.xlsx:Blad1!C8 waarde: waarde 11 ligt buiten de schaal 1-10",
        "b.xlsx:Blad1!C9 waarde: celopmaak is een percentage, indicator 1a is geen percentage; geef de cel de opmaak Getal",
        "b.xlsx:Blad1!C10 waarde: '1.234,5': schrijf het getal zonder duizendtalscheiding, met één decimaalkomma (1234,5)",
    ]
    assert not (site / "data" / "realisations.csv").exists()


def test_formula_uses_cached_value_with_a_warning_and_refuses_one_without(site: Path, tmp_path: Path):
    book = workbook(tmp_path / "f.xlsx", [["1b", 2020, "=40+2", "Zuid", None]], title=False)
    found = import_file(site, book, name="f.xlsx")  # openpyxl saves no cached result
    assert [str(p) for p in found.errors] == [
        "f.xlsx:Blad1!C2 waarde: formule zonder opgeslagen uitkomst; open het bestand in Excel en sla het op, "
        "of typ de waarde"
    ]
    # the result as Excel saves it beside the formula: <f>40+2</f><v>42</v>
    import zipfile

    with zipfile.ZipFile(book) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet_xml = "xl/worksheets/sheet1.xml"
    assert b"<f>40+2</f><v />" in parts[sheet_xml]
    parts[sheet_xml] = parts[sheet_xml].replace(b"<f>40+2</f><v />", b"<f>40+2</f><v>42</v>")
    with zipfile.ZipFile(book, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    found = import_file(site, book, name="f.xlsx")
    assert found.errors == []
    assert [p.display() for p in found.problems] == [
        "f.xlsx:Blad1!C2 waarschuwing: formule: de opgeslagen uitkomst is ingelezen; controleer die"
    ]
    assert "1b,zuid,2020,,,42," in (site / "data" / "realisations.csv").read_text("utf-8")


def test_merged_header_is_refused(site: Path, tmp_path: Path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Blad1"
    sheet.append(["Indicator", "Jaar", "Waarde", None])
    sheet.merge_cells("C1:D1")
    sheet.append(["1b", 2020, 40, 41])
    book.save(tmp_path / "m.xlsx")
    found = import_file(site, tmp_path / "m.xlsx", name="m.xlsx")
    assert [str(p) for p in found.errors] == [
        "m.xlsx:Blad1!C1:D1 kop: samengevoegde cellen in de kopregel; geef elke kolom een eigen kop"
    ]


def test_merged_indicator_cell_holds_for_its_rows_and_empty_rows_are_skipped(site: Path, tmp_path: Path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Indicator", "College", "Jaar", "Waarde"])
    sheet.append(["1b", "Noord", 2020, 41])
    sheet.append([None, None, None, None])
    sheet.append([None, "Zuid", 2020, 43])
    sheet.merge_cells("A2:A4")
    book.save(tmp_path / "v.xlsx")
    found = import_file(site, tmp_path / "v.xlsx", name="v.xlsx")
    assert found.errors == []
    assert (site / "data" / "realisations.csv").read_text("utf-8").splitlines()[1:] == [
        "1b,noord,2020,,,41,",
        "1b,zuid,2020,,,43,",
    ]


def test_dutch_csv_with_decimal_commas(site: Path, tmp_path: Path):
    csv_file = tmp_path / "r.csv"
    csv_file.write_text("indicator;college;jaar;waarde\n1a;Zuid;2020;6,90\n1b;ROCA;2020;44,0%\n", "utf-8")
    found = import_file(site, csv_file, name="r.csv")
    assert found.errors == []
    assert (site / "data" / "realisations.csv").read_text("utf-8").splitlines()[1:] == [
        "1a,zuid,2020,,,6.90,",
        "1b,,2020,,,44.0,",
    ]


def test_existing_yaml_realisation_is_not_overwritten(site: Path, tmp_path: Path):
    path = site / "data" / "indicators.yaml"
    path.write_text(
        path.read_text("utf-8").replace(
            "    tables: [cijfer]\n", "    tables: [cijfer]\n    realisations:\n      - {year: 2019, value: 6.8}\n"
        ),
        "utf-8",
    )
    same = workbook(tmp_path / "s.xlsx", [["1a", 2019, 6.8, "ROCA", None]])
    assert import_file(site, same, name="s.xlsx").same == 1
    assert not (site / "data" / "realisations.csv").exists()
    other = workbook(tmp_path / "o.xlsx", [["1a", 2019, 6.9, "ROCA", None]])
    assert [str(p) for p in import_file(site, other, name="o.xlsx").errors] == [
        "o.xlsx:Blad1!C3 waarde: indicators.yaml heeft hier al 6,8; pas de waarde daar aan of haal ze daar weg"
    ]


def test_problem_in_realisations_csv_names_its_line(site: Path):
    (site / "data" / "realisations.csv").write_text(
        "indicator,unit,year,period,breakdown,value,note\n1b,zuid,2020,,,140,\n1c,,2020,,,40,\n", "utf-8"
    )
    result = CliRunner().invoke(main, ["validate", str(site)])
    assert result.exit_code == 1
    assert "data/realisations.csv:2:6 value: percentage 140 ligt niet tussen 0 en 100" in result.output
    assert "data/realisations.csv:3:1 indicator: onbekende indicator '1c'" in result.output


def test_export_round_trip(site: Path, tmp_path: Path):
    import_file(site, workbook(tmp_path / "bestand.xlsx", GOOD, GOOD_FORMATS))
    before = digest(site)
    runner = CliRunner()
    assert runner.invoke(main, ["export", str(site), "-o", str(tmp_path / "uit.xlsx")]).exit_code == 0
    sheet = load_workbook(tmp_path / "uit.xlsx").active
    assert [c.value for c in sheet[1]] == [
        "indicator",
        "college",
        "jaar",
        "periode",
        "uitsplitsing",
        "waarde",
        "toelichting",
    ]
    assert [c.value for c in sheet[2]][:6] == ["1a", "College Noord", 2019, None, None, 6.7]
    assert sheet["F2"].number_format == "#,##0.00"
    found = import_file(site, tmp_path / "uit.xlsx")
    assert found.errors == [] and not found.written and found.same == 5
    assert digest(site) == before
    text = runner.invoke(main, ["export", str(site)]).output
    assert text.splitlines()[1] == "1a,College Noord,2019,,,6.70,"


def test_fractions_for_a_percentage_without_reference_and_unreadable_files(site: Path, tmp_path: Path):
    path = site / "data" / "indicators.yaml"
    path.write_text(
        path.read_text("utf-8")
        .replace("    baseline: {value: 38, year: 2018}\n", "")
        .replace(
            "      - {year: 2020, kind: value, value: 45}\n      - {year: 2022, kind: value, value: 50, indicative: true}\n",
            "      - {year: 2022, kind: direction, direction: hoger}\n",
        ),
        "utf-8",
    )
    book = workbook(tmp_path / "b.xlsx", [["1b", 2020, 0.776, "Zuid", None], ["1b", 2021, 0.79, "Zuid", None]])
    assert [str(p) for p in import_file(site, book, name="b.xlsx").errors] == [
        "b.xlsx:Blad1!C3 waarde: alle waarden van indicator 1b liggen tussen 0 en 1 (0,776): een breuk waar een "
        "percentage hoort? Geef de cellen de opmaak Percentage of typ 77,6 voor 77,6%"
    ]
    (tmp_path / "kapot.xlsx").write_text("geen zip", "utf-8")
    assert [str(p) for p in import_file(site, tmp_path / "kapot.xlsx", name="kapot.xlsx").errors] == [
        "kapot.xlsx geen leesbaar .xlsx-bestand (BadZipFile)"
    ]
    assert [str(p) for p in import_file(site, book, sheet="Blad2", name="b.xlsx").errors] == [
        "b.xlsx geen blad 'Blad2'; bedoelt u 'Blad1'? (bladen: Blad1)"
    ]
    assert not (site / "data" / "realisations.csv").exists()


def test_a_csv_names_line_and_column(site: Path, tmp_path: Path):
    csv_file = tmp_path / "r.csv"
    csv_file.write_text("indicator,college,jaar,waarde\n1a,Zuid,2020,6.9\n1a,Zuid,2021,12\n", "utf-8")
    assert [str(p) for p in import_file(site, csv_file, name="r.csv").errors] == [
        "r.csv:3:4 waarde: waarde 12 ligt buiten de schaal 1-10"
    ]


def test_numbers_as_shown_without_float_noise(site: Path, tmp_path: Path):
    rows = [
        ["1a", 2020, 0.1 + 6.2, "Zuid", None],  # 6.300000000000001 as a float, General format
        ["1a", 2021, 6.734, "Zuid", None],
    ]  # shown as 6,73
    book = workbook(tmp_path / "n.xlsx", rows, {"C4": "0.00"})
    found = import_file(site, book, name="n.xlsx")
    assert [p.display() for p in found.problems] == [
        "n.xlsx:Blad1!C4 waarde: waarschuwing: de cel bevat meer decimalen dan ze toont; ingelezen zoals getoond: 6,73"
    ]
    assert (site / "data" / "realisations.csv").read_text("utf-8").splitlines()[1:] == [
        "1a,zuid,2020,,,6.3,",
        "1a,zuid,2021,,,6.73,",
    ]
