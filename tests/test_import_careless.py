"""``kwsite import`` with the habits of a careless editor (review of #15): each case once published a
wrong figure or cost minutes and gigabytes. Workbooks are made here with openpyxl; their figures are
fictional test data on the fictional ``tests/fixtures/mini`` site (baseline of 1b: 38%)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook

from kwsite.sheetimport import import_file

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    target = tmp_path / "site"
    shutil.copytree(MINI, target)
    return target


def sheet(path: Path, rows: list[list], hook=None) -> Path:
    book = Workbook()
    ws = book.active
    ws.title = "Blad1"
    for row in rows:
        ws.append(row)
    if hook:
        hook(ws)
    book.save(path)
    return path


def messages(out) -> list[str]:
    return [p.display() for p in out.ordered()]


def test_a_year_beside_a_school_year_that_disagree_is_refused(site: Path, tmp_path: Path):
    book = sheet(
        tmp_path / "r.xlsx",
        [
            ["Indicator", "College", "Jaar", "Schooljaar", "Waarde"],
            ["1b", "Noord", 2021, "2018-2019", 41],
            ["1b", "Zuid", 2020, "2021", 42],
            ["1b", "Noord", 2020, "2019-2020", 43],
        ],
    )
    out = import_file(site, book, name="r.xlsx")
    assert messages(out) == [
        "r.xlsx:Blad1!D2 periode: schooljaar 2018-2019 telt als 2019, de kolom jaar zegt 2021; maak ze gelijk of "
        "laat er één leeg",
        "r.xlsx:Blad1!D3 periode: 2021 en de kolom jaar (2020) spreken elkaar tegen",
    ]
    assert not out.written and not (site / "data" / "realisations.csv").exists()


def test_a_fraction_beside_a_reference_is_refused_even_under_validates_factor(site: Path, tmp_path: Path):
    # 0.776 for 77.6%: 38 / 0.776 = 49, under plausible.FACTOR (50); "0,776" as text the same
    book = sheet(
        tmp_path / "r.xlsx",
        [
            ["Indicator", "College", "Jaar", "Waarde"],
            ["1b", "Noord", 2020, 0.776],
            ["1b", "Zuid", 2020, "0,776"],
            ["1b", "ROCA", 2020, 44],
        ],
    )
    out = import_file(site, book, name="r.xlsx")
    assert [p.file for p in out.errors] == ["r.xlsx:Blad1!D2", "r.xlsx:Blad1!D3"]
    assert out.errors[0].message.startswith("0,776 is meer dan 10 keer kleiner dan 38 (referentie van indicator 1b)")
    assert not (site / "data" / "realisations.csv").exists()


def test_a_stray_cell_far_right_does_not_widen_every_row(site: Path, tmp_path: Path):
    from kwsite.sheetread import _xlsx

    def stray(ws):
        ws["XFD1"] = "x"  # one typed cell in the last column: openpyxl's sheet is 16,384 columns wide

    book = sheet(
        tmp_path / "r.xlsx", [["Indicator", "College", "Jaar", "Waarde"], *[["1b", "Noord", 2020, 40]] * 3], stray
    )
    grid = _xlsx(book, None)[0]
    assert {len(row) for row in grid} == {4}  # was 16,384 cells a row: minutes and gigabytes for 200 rows
    out = import_file(
        site,
        sheet(tmp_path / "s.xlsx", [["Indicator", "College", "Jaar", "Waarde"], ["1b", "Noord", 2020, 40]], stray),
        name="s.xlsx",
    )
    assert out.errors == [] and (site / "data" / "realisations.csv").read_text("utf-8").endswith(
        "1b,noord,2020,,,40,\n"
    )


def test_hidden_columns_rows_and_sheets(site: Path, tmp_path: Path):
    def hide_column(ws):
        ws.column_dimensions["E"].hidden = True

    book = sheet(
        tmp_path / "r.xlsx",
        [["Indicator", "College", "Jaar", "Waarde 2020", "Realisatie"], ["1b", "Noord", 2020, 40, 99]],
        hide_column,
    )
    out = import_file(site, book, name="r.xlsx")  # 99, not the 40 the editor sees, would have been written
    assert [p.display() for p in out.errors] == [
        "r.xlsx:Blad1!E1 kop: kolom 'Realisatie' is verborgen; maak hem zichtbaar of verwijder hem, zodat u ziet wat "
        "wordt ingelezen"
    ]
    assert not (site / "data" / "realisations.csv").exists()

    def hide_row(ws):
        ws.row_dimensions[3].hidden = True

    book = sheet(
        tmp_path / "h.xlsx",
        [["Indicator", "College", "Jaar", "Waarde"], ["1b", "Noord", 2020, 40], ["1b", "Zuid", 2020, 41]],
        hide_row,
    )
    out = import_file(site, book, name="h.xlsx")
    assert out.errors == [] and [p.display() for p in out.problems] == [
        "h.xlsx:Blad1!3:3 waarschuwing: rij 3 is verborgen (of weggefilterd) en toch ingelezen; controleer die"
    ]

    def hidden_first_sheet(ws):
        ws.sheet_state = "hidden"
        shown = ws.parent.create_sheet("Resultaat")
        for row in (["Indicator", "College", "Jaar", "Waarde"], ["1b", "Zuid", 2021, 43]):
            shown.append(row)

    book = sheet(
        tmp_path / "v.xlsx", [["Indicator", "College", "Jaar", "Waarde"], ["1b", "Zuid", 2021, 3]], hidden_first_sheet
    )
    out = import_file(site, book, name="v.xlsx")
    assert out.errors == [] and "1b,zuid,2021,,,43," in (site / "data" / "realisations.csv").read_text("utf-8")


def test_a_sheet_too_long_is_refused_before_it_is_loaded_whole(site: Path, tmp_path: Path, monkeypatch):
    import openpyxl.reader.excel as excel

    from kwsite import sheetread

    monkeypatch.setattr(sheetread, "MAX_ROWS", 5)
    book = sheet(tmp_path / "r.xlsx", [["Indicator", "College", "Jaar", "Waarde"], *[["1b", "Noord", 2020, 40]] * 5])
    full = []
    real = excel.load_workbook
    monkeypatch.setattr("openpyxl.load_workbook", lambda path, **kw: full.append(kw) or real(path, **kw))
    out = import_file(site, book, name="r.xlsx")
    assert [p.display() for p in out.errors] == ["r.xlsx blad 'Blad1' heeft meer dan 5 rijen"]
    assert all(kw.get("read_only") for kw in full)  # 100,000 rows took 50 s and 414 MB to refuse; now a streamed count


def test_a_row_the_corrected_sheet_no_longer_has_is_named(site: Path, tmp_path: Path):
    header = ["Indicator", "College", "Jaar", "Waarde"]
    import_file(
        site,
        sheet(
            tmp_path / "r.xlsx",
            [header, ["1b", "Zuid", 2020, 41], ["1b", "Noord", 2020, 40], ["1b", "Noord", 2019, 39]],
        ),
        name="r.xlsx",
    )
    # Zuid was a slip for the institution: corrected in the sheet and imported again
    out = import_file(
        site, sheet(tmp_path / "r.xlsx", [header, ["1b", "ROCA", 2020, 41], ["1b", "Noord", 2020, 40]]), name="r.xlsx"
    )
    assert out.errors == [] and [p.display() for p in out.problems] == [
        "r.xlsx waarschuwing: realisations.csv houdt 1 realisatie(s) van dezelfde indicator en hetzelfde jaar die niet "
        "in dit bestand staan (1b 2020 College Zuid: 41); ze blijven staan: haal ze daar weg als ze niet kloppen"
    ]
    assert "1b,zuid,2020,,,41," in (site / "data" / "realisations.csv").read_text("utf-8")  # kept, but named


def test_export_into_data_or_a_missing_folder_is_refused_in_dutch(site: Path, tmp_path: Path):
    from click.testing import CliRunner

    from kwsite.cli import main

    kept = (site / "data" / "indicators.yaml").read_bytes()
    (site / "data" / "realisations.csv").write_text(
        "indicator,unit,year,period,breakdown,value,note\n1b,,2019,,,40,\n", "utf-8"
    )
    before = (site / "data" / "realisations.csv").read_bytes()
    runner = CliRunner()
    out = runner.invoke(main, ["export", str(site), "-o", str(site / "data" / "realisations.csv")])
    # this wrote the export's own header over the file, and the site no longer loaded
    assert out.exit_code == 2 and "een export hoort niet in data/" in out.output
    assert (site / "data" / "realisations.csv").read_bytes() == before
    assert (site / "data" / "indicators.yaml").read_bytes() == kept
    out = runner.invoke(main, ["export", str(site), "-o", str(tmp_path / "geen-map" / "x.xlsx")])
    assert out.exit_code == 1 and "x.xlsx: schrijven lukt niet (de map bestaat niet)" in out.output
    assert out.exc_info is None or out.exc_info[0] is SystemExit  # was a FileNotFoundError traceback


def test_a_link_in_place_of_the_temporary_file_is_not_written_through(site: Path, tmp_path: Path):
    outside = tmp_path / "buiten.txt"
    outside.write_text("van iemand anders", "utf-8")
    (site / "data" / ".realisations.csv.tmp").symlink_to(outside)
    book = sheet(tmp_path / "r.xlsx", [["Indicator", "College", "Jaar", "Waarde"], ["1b", "Noord", 2020, 40]])
    out = import_file(site, book, name="r.xlsx")
    assert out.errors == [] and out.written
    assert outside.read_text("utf-8") == "van iemand anders"  # was overwritten with the CSV
    assert (site / "data" / "realisations.csv").read_text("utf-8").endswith("1b,noord,2020,,,40,\n")
    assert not (site / "data" / ".realisations.csv.tmp").exists()


def test_an_unwritable_data_folder_is_a_message(site: Path, tmp_path: Path, monkeypatch):
    import os

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    book = sheet(tmp_path / "r.xlsx", [["Indicator", "College", "Jaar", "Waarde"], ["1b", "Noord", 2020, 40]])
    out = import_file(site, book, name="r.xlsx")
    assert [p.display() for p in out.errors] == [
        "data/realisations.csv schrijven lukt niet (PermissionError); er is niets veranderd"
    ]
    assert not out.written and sorted(p.name for p in (site / "data").iterdir() if "realis" in p.name) == []


def test_a_folder_for_the_file_is_told_in_dutch(site: Path):
    from click.testing import CliRunner

    from kwsite.cli import main

    out = CliRunner().invoke(main, ["import", str(site / "data"), str(site)])  # the arguments the wrong way round
    assert out.exit_code == 2
    assert f"Ongeldige waarde voor 'FILE': {str(site / 'data')!r} is een map; verwacht een bestand." in out.output


def test_an_escaped_percent_sign_in_the_format_is_only_shown(site: Path, tmp_path: Path):
    # 0.5 under 0.0\% shows "0,5%" (a literal sign, no ×100): it was read as 50
    def formats(ws):
        ws["D2"].number_format = "0.0\\%"
        ws["D3"].number_format = '0.0"%"'

    book = sheet(
        tmp_path / "r.xlsx",
        [["Indicator", "College", "Jaar", "Waarde"], ["1b", "Noord", 2020, 41.5], ["1b", "Zuid", 2020, 42.5]],
        formats,
    )
    out = import_file(site, book, name="r.xlsx")
    assert out.errors == []
    assert (site / "data" / "realisations.csv").read_text("utf-8").splitlines()[1:] == [
        "1b,noord,2020,,,41.5,",
        "1b,zuid,2020,,,42.5,",
    ]


def test_realisations_saved_by_dutch_excel_says_why(site: Path):
    from kwsite.build import load_site
    from kwsite.problems import KwsiteError

    (site / "data" / "realisations.csv").write_bytes(  # opened and saved in Excel: semicolons, cp1252, CRLF
        "indicator;unit;year;period;breakdown;value;note\r\n1b;noord;2020;;;41,5;\r\n".encode("cp1252")
    )
    with pytest.raises(KwsiteError) as caught:
        load_site(site / "data")
    assert [p.display() for p in caught.value.problems] == [
        "data/realisations.csv:1:1 kopregel moet zijn: indicator,unit,year,period,breakdown,value,note (dit bestand "
        "heeft puntkomma's, opgeslagen in Excel? Herstel het uit git of zet de komma's terug)"
    ]


def test_a_small_real_percentage_beside_a_small_reference_is_kept(site: Path, tmp_path: Path):
    indicators = site / "data" / "indicators.yaml"
    indicators.write_text(
        indicators.read_text("utf-8")
        .replace("baseline: {value: 38, year: 2018}", "baseline: {value: 6.5, year: 2018}")
        .replace("value: 45}", "value: 6}")
        .replace("value: 50, indicative", "value: 5.5, indicative"),
        "utf-8",
    )
    book = sheet(tmp_path / "r.xlsx", [["Indicator", "College", "Jaar", "Waarde"], ["1b", "Noord", 2020, 0.5]])
    out = import_file(site, book, name="r.xlsx")  # 13 times under 6.5, but a college with 0.5% is real
    assert out.errors == [] and out.written


def test_a_name_two_indicators_share_is_refused(site: Path, tmp_path: Path):
    indicators = site / "data" / "indicators.yaml"
    indicators.write_text(
        indicators.read_text("utf-8")
        .replace("name: Aandeel tevreden", "name: Aandeel tevreden\n    short_name: Tevreden")
        .replace("name: Gemiddeld cijfer", "name: Gemiddeld cijfer\n    short_name: Tevreden"),
        "utf-8",
    )
    book = sheet(
        tmp_path / "r.xlsx",
        [["Indicator", "College", "Jaar", "Waarde"], ["Tevreden", "Noord", 2020, 7.2], ["1b", "Noord", 2020, 41]],
    )
    out = import_file(site, book, name="r.xlsx")  # 7.2 went to 1a, the first with that name
    assert [p.display() for p in out.errors] == [
        "r.xlsx:Blad1!A2 indicator: 'Tevreden' is de naam van 1a en 1b; gebruik het id"
    ]
    assert not (site / "data" / "realisations.csv").exists()


def test_a_date_in_the_year_column_is_named_as_a_date(site: Path, tmp_path: Path):
    from datetime import datetime

    def year_format(ws):
        ws["C2"].number_format = "yyyy"  # Excel shows 2020

    book = sheet(
        tmp_path / "r.xlsx",
        [["Indicator", "College", "Jaar", "Waarde"], ["1b", "Noord", datetime(2020, 10, 1), 41]],
        year_format,
    )
    out = import_file(site, book, name="r.xlsx")
    # was: '2020-10-01 00:00:00' is geen jaar
    assert [p.display() for p in out.errors] == [
        "r.xlsx:Blad1!C2 jaar: een datum (01-10-2020) is geen jaar; typ het jaar (2020) als getal of tekst"
    ]
