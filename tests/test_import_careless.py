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
    book = sheet(tmp_path / "r.xlsx", [["Indicator", "College", "Jaar", "Schooljaar", "Waarde"],
                                       ["1b", "Noord", 2021, "2018-2019", 41],
                                       ["1b", "Zuid", 2020, "2021", 42],
                                       ["1b", "Noord", 2020, "2019-2020", 43]])
    out = import_file(site, book, name="r.xlsx")
    assert messages(out) == [
        "r.xlsx:Blad1!D2 periode: schooljaar 2018-2019 telt als 2019, de kolom jaar zegt 2021; maak ze gelijk of "
        "laat er één leeg",
        "r.xlsx:Blad1!D3 periode: 2021 en de kolom jaar (2020) spreken elkaar tegen",
    ]
    assert not out.written and not (site / "data" / "realisations.csv").exists()


def test_a_fraction_beside_a_reference_is_refused_even_under_validates_factor(site: Path, tmp_path: Path):
    # 0.776 for 77.6%: 38 / 0.776 = 49, under plausible.FACTOR (50); "0,776" as text the same
    book = sheet(tmp_path / "r.xlsx", [["Indicator", "College", "Jaar", "Waarde"],
                                       ["1b", "Noord", 2020, 0.776], ["1b", "Zuid", 2020, "0,776"],
                                       ["1b", "ROCA", 2020, 44]])
    out = import_file(site, book, name="r.xlsx")
    assert [p.file for p in out.errors] == ["r.xlsx:Blad1!D2", "r.xlsx:Blad1!D3"]
    assert out.errors[0].message.startswith("0,776 is meer dan 10 keer kleiner dan 38 (referentie van indicator 1b)")
    assert not (site / "data" / "realisations.csv").exists()
