"""Spreadsheets (``downloads/<key>.xlsx``): numbers stay numbers with the printed decimals, the
unit is in the header, source and licence on a second sheet, data text never becomes a formula,
and the bytes depend only on the data and the build date."""

import datetime as dt
import io
import re
import zipfile

import openpyxl
import pytest

from conftest import ROOT
from kwsite.build import load_site
from kwsite.datasets import Dataset
from kwsite.publication import Publication
from kwsite.spreadsheet import ABOUT_SHEET, DATA_SHEET, _stored, workbook_bytes

WHEN = dt.datetime(2024, 3, 1, 12, 0, 0, tzinfo=dt.UTC)
HOSTILE = ['=HYPERLINK("http://example.invalid","klik")', "+1+1", "-2+3", "@SUM(A1)", "#N/A", "=1"]


@pytest.fixture(scope="module")
def about():
    site, _ = load_site(ROOT / "data")
    return Publication.of(site, WHEN)


def dataset(labels=("2017", "2018", "2019")) -> Dataset:
    rows = [(labels[0], "6.70", "1731", "6.9 (+0.2 punt)"), (labels[1], "", "12", "behoud"), (labels[2], "7.1", "", "")]
    return Dataset(
        "proef",
        "IBM per jaar",
        ("Jaar", "IBM", "Score", "Streefwaarde"),
        rows,
        "rapportcijfer",
        "Interne benchmark (IBM)",
        "themas/x.md",
    )


def read(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def test_round_trip_keeps_numbers_with_the_printed_decimals(about):
    sheet = read(workbook_bytes(dataset(), about))[DATA_SHEET]
    assert sheet["B2"].value == pytest.approx(6.70) and sheet["B2"].data_type == "n"
    assert sheet["B2"].number_format == "#,##0.00"  # 6,70 in a Dutch Excel, two decimals as printed
    assert sheet["C2"].value == 1731 and sheet["C2"].number_format == "#,##0"  # 1.731
    assert sheet["B4"].value == pytest.approx(7.1) and sheet["B4"].number_format == "#,##0.0"
    assert sheet["B3"].value is None  # not printed by the source: empty, never 0
    assert sheet["A2"].value == "2017" and sheet["A2"].data_type == "s"  # periods stay text
    assert sheet["D2"].value == "6.9 (+0.2 punt)" and sheet["D2"].data_type == "s"


def test_header_names_the_unit_and_the_second_sheet_source_and_licence(about):
    book = read(workbook_bytes(dataset(), about))
    assert [c.value for c in book[DATA_SHEET][1]] == [
        "Jaar",
        "IBM (rapportcijfer)",
        "Score (rapportcijfer)",
        "Streefwaarde",
    ]
    info = {row[0].value: row[1].value for row in book[ABOUT_SHEET].iter_rows()}
    assert info["Bron"] == "Interne benchmark (IBM)" and info["Eenheid"] == "rapportcijfer"
    assert info["Licentie"].startswith("CC0 1.0 Universeel (publiek domein) (CC0-1.0), https://creativecommons.org/")
    assert info["Stand van de gegevens"] == "1 maart 2024 (laatste wijziging)"
    assert info["Pagina op de site"] == "themas/x/"
    assert info["Zo citeert u"].startswith("ROC van Amsterdam en ROC van Flevoland (2024). Kwaliteitsagenda 2019-2022")


def test_percent_unit_is_shortened_in_the_header(about):
    d = Dataset("pct", "Doorstroom", ("Jaar", "ROCvA+F"), (("2016", "47.1"),), "procent (0-100)", None, "x.md")
    sheet = read(workbook_bytes(d, about))[DATA_SHEET]
    assert [c.value for c in sheet[1]] == ["Jaar", "ROCvA+F (%)"] and sheet["B2"].value == pytest.approx(47.1)


def test_data_text_never_becomes_a_formula(about):
    d = Dataset(
        "vijandig",
        HOSTILE[0],
        (HOSTILE[0], "IBM", "Tekst"),
        tuple((label, "6.7", label) for label in HOSTILE),
        "rapportcijfer",
        HOSTILE[4],
        "x.md",
    )
    data = workbook_bytes(d, about)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any("<f>" in s or "<f " in s for s in sheets)  # no formula element anywhere
    assert not any('t="e"' in s for s in sheets)  # nor an error value
    book = read(data)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    texts = {c.value for c in cells if c.data_type == "s"}
    assert set(HOSTILE) <= texts  # the text itself, unchanged
    assert all(c.data_type in ("s", "n") for c in cells)


def test_two_writes_give_the_same_bytes_dated_from_the_build(about):
    first = workbook_bytes(dataset(), about)
    _stored.cache_clear()
    second = workbook_bytes(dataset(), about)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2024, 3, 1, 12, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert re.search(r"<dcterms:created[^>]*>2024-03-01T12:00:00Z<", core)
    assert re.search(r"<dcterms:modified[^>]*>2024-03-01T12:00:00Z<", core)
    book = read(first)
    assert book.properties.modified == dt.datetime(2024, 3, 1, 12, 0, 0)
    other = Publication(**{**about.__dict__, "date": dt.datetime(2025, 1, 2, tzinfo=dt.UTC)})
    assert workbook_bytes(dataset(), other) != first  # the date is in the file, nothing else varies


def test_illegal_control_characters_are_dropped(about):
    d = Dataset("ctrl", "Titel\x07", ("Label", "Waarde"), (("a\x01b", "1"),), "aantal", None, "x.md")
    sheet = read(workbook_bytes(d, about))[DATA_SHEET]
    assert sheet["A2"].value == "ab"


def test_every_table_on_the_flagship_has_its_spreadsheet(flagship_site):
    csvs = {p.stem for p in (flagship_site / "downloads").glob("*.csv")}
    xlsx = {p.stem for p in (flagship_site / "downloads").glob("*.xlsx")}
    assert csvs == xlsx
    html = (flagship_site / "begroting/index.html").read_text(encoding="utf-8")
    size = re.search(r'href="\.\./downloads/begroting-thema\.xlsx">Excel, (\d+,\d) kB</a>', html)
    actual = (flagship_site / "downloads/begroting-thema.xlsx").stat().st_size / 1024
    assert size and abs(float(size.group(1).replace(",", ".")) - actual) <= 0.06
    sheet = read((flagship_site / "downloads/begroting-thema.xlsx").read_bytes())[DATA_SHEET]
    assert [c.value for c in sheet[1]] == ["thema", "aandeel_pct", "bedrag_mln_euro"]
    assert sheet["C2"].value == pytest.approx(7.0) and sheet["C2"].number_format == "#,##0.0"  # € 7,0 mln (S3)


def test_a_cached_workbook_is_byte_identical_to_a_fresh_one(about, tmp_path):
    import sqlite3

    from kwsite.chartcache import DB_NAME, ChartCache

    fresh = workbook_bytes(dataset(), about)
    cache = ChartCache(tmp_path)
    assert workbook_bytes(dataset(), about, cache) == fresh  # made and stored
    cache.close()
    _stored.cache_clear()
    db = sqlite3.connect(tmp_path / DB_NAME)
    assert db.execute("SELECT kind, data FROM entries").fetchall() == [(".xlsx", fresh)]
    assert workbook_bytes(dataset(), about, ChartCache(tmp_path)) == fresh  # read back, a new build
    _stored.cache_clear()
    with db:
        db.execute("UPDATE entries SET data = ?", (b"uit de cache",))
    db.close()  # proves the second build read the entry and did not make it again
    assert workbook_bytes(dataset(), about, ChartCache(tmp_path)) == b"uit de cache"
    assert workbook_bytes(dataset(), about, ChartCache(tmp_path / "leeg")) == fresh


def test_every_input_of_a_workbook_changes_its_cache_key(about):
    from kwsite.spreadsheet import _contents, workbook_digest

    base = dataset()
    rows = [list(r) for r in base.rows]
    rows[0][1] = "6.7"  # same number, other printed decimals: another cell format
    variants = [
        Dataset(base.key, base.title, base.columns, tuple(map(tuple, rows)), base.unit, base.source, base.page),
        Dataset(base.key, "Ander titel", base.columns, base.rows, base.unit, base.source, base.page),
        Dataset(base.key, base.title, ("Jaar", "IBM", "Score", "Doel"), base.rows, base.unit, base.source, base.page),
        Dataset(base.key, base.title, base.columns, base.rows, "procent (0-100)", base.source, base.page),
        Dataset(base.key, base.title, base.columns, base.rows, base.unit, None, base.page),
        Dataset(base.key, base.title, base.columns, base.rows, base.unit, base.source, "themas/y.md"),
    ]
    abouts = [
        Publication(**{**about.__dict__, field: value})
        for field, value in [
            ("date", dt.datetime(2024, 3, 2, tzinfo=dt.UTC)),
            ("date", None),
            ("title", "Andere uitgave"),
            ("publisher", "Ander ROC"),
            ("edition", "2025"),
            ("licence", "CC-BY-4.0"),
        ]
    ]
    keys = [workbook_digest(_contents(d, about)) for d in variants]
    keys += [workbook_digest(_contents(base, a)) for a in abouts]
    keys.append(workbook_digest(_contents(base, about)))
    assert len(set(keys)) == len(keys)
    assert workbook_digest(_contents(dataset(), about)) == keys[-1]  # the same inputs, the same key


def _commit(repo, message: str, when: str) -> None:
    import os
    import subprocess

    env = dict(os.environ, GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    env |= {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "commit", "-qm", message], cwd=repo, check=True, env=env)


def _workbooks(data, monkeypatch) -> dict[str, bytes]:
    """The generated workbooks of the site in ``data``, built as a build of its HEAD commit is."""
    from kwsite.build import build_pages
    from kwsite.repro import commit_epoch

    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(commit_epoch(data)))
    _stored.cache_clear()
    site, _ = load_site(data)
    generated, charts = build_pages(site, [])
    charts.close()
    return {g.path: g.body for g in generated if g.path.endswith(".xlsx")}


def _data_repo(tmp_path):
    """A git repository with Clusius's data committed on 1 March 2024 and a content page."""
    import shutil
    import subprocess

    repo = tmp_path / "site"
    shutil.copytree(ROOT / "examples/clusius/data", repo / "data")
    (repo / "content").mkdir()
    (repo / "content/index.md").write_text("# Start\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    _commit(repo, "data", "2024-03-01T12:00:00Z")
    return repo


def test_two_commits_with_the_same_data_give_the_same_workbooks(tmp_path, monkeypatch):
    """The workbooks carry the date of the last commit that changed the data, not the build's commit:
    a commit that only edits the narrative leaves every workbook byte for byte alone (so the CI cache,
    keyed on the data, serves them); a data edit dates them anew."""
    repo = _data_repo(tmp_path)
    first = _workbooks(repo / "data", monkeypatch)
    (repo / "content/index.md").write_text("# Start\n\nAndere tekst.\n", encoding="utf-8")
    _commit(repo, "tekst", "2025-01-02T08:00:00Z")
    second = _workbooks(repo / "data", monkeypatch)
    assert first and second == first  # built at another commit (2025), same bytes
    about = {row[0].value: row[1].value for row in read(next(iter(second.values())))[ABOUT_SHEET].iter_rows()}
    assert about["Stand van de gegevens"] == "1 maart 2024 (laatste wijziging)"
    assert "(2024)" in about["Zo citeert u"] and "stand 1 maart 2024" in about["Zo citeert u"]
    with (repo / "data/agenda.yaml").open("a", encoding="utf-8") as f:
        f.write("\n")  # a data edit, however small
    _commit(repo, "data", "2025-02-03T08:00:00Z")
    third = _workbooks(repo / "data", monkeypatch)
    assert third.keys() == first.keys() and all(third[k] != first[k] for k in first)
    about = {row[0].value: row[1].value for row in read(next(iter(third.values())))[ABOUT_SHEET].iter_rows()}
    assert about["Stand van de gegevens"] == "3 februari 2025 (laatste wijziging)"


def test_open_data_page_zip_and_workbooks_give_one_date(tmp_path, monkeypatch):
    """The open-data page and datapackage.json said "stand" with the build's commit date while every workbook
    said the data's: after a commit that only edits the narrative, all three give the data's last commit."""
    import io
    import json
    import zipfile

    from kwsite.build import build_pages
    from kwsite.repro import commit_epoch

    repo = _data_repo(tmp_path)
    (repo / "content/index.md").write_text("# Start\n\nAndere tekst.\n", encoding="utf-8")
    _commit(repo, "tekst", "2025-01-02T08:00:00Z")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(commit_epoch(repo / "data")))
    _stored.cache_clear()
    site, _ = load_site(repo / "data")
    generated, charts = build_pages(site, [])
    charts.close()
    files = {g.path: g.body for g in generated}
    page = next(body for path, body in files.items() if path.startswith("open-data"))
    assert (
        "Datum: 1 maart 2024 (de laatste wijziging van de gegevens" in page
        and "2025" not in page.split("Datum:")[1][:40]
    )
    bundle = next(body for path, body in files.items() if path.endswith(".zip"))
    package = json.loads(zipfile.ZipFile(io.BytesIO(bundle)).read("datapackage.json"))
    assert package["created"].startswith("2024-03-01")
    book = next(body for path, body in files.items() if path.endswith(".xlsx"))
    about = {row[0].value: row[1].value for row in read(book)[ABOUT_SHEET].iter_rows()}
    assert about["Stand van de gegevens"] == "1 maart 2024 (laatste wijziging)"


def test_the_parts_are_zipped_once_with_what_xlsxwriter_would_have_zipped(about):
    """The workbook keeps XlsxWriter's parts (its packager hook) and zips them once: the same
    entries, in XlsxWriter's order and with its contents, as the zip XlsxWriter makes itself
    (then read back and zipped again, before issue 20), only dated and marked reproducibly."""
    import xlsxwriter

    from kwsite.spreadsheet import _book_class, _contents, _write

    contents = _contents(dataset(), about)
    data = _write(contents)
    made = io.BytesIO()
    book = xlsxwriter.Workbook(made, {"in_memory": True})  # the same workbook, zipped by XlsxWriter
    hooked = _book_class()(io.BytesIO(), {"in_memory": True})
    for target in (book, hooked):
        sheet = target.add_worksheet(DATA_SHEET)
        sheet.write_string(0, 0, "Jaar")
        sheet.write_number(1, 0, 6.7)
        target.close()
    with zipfile.ZipFile(made) as own:
        expected = [(name, own.read(name)) for name in own.namelist()]
    parts = hooked.parts(io.BytesIO())
    assert [(name, content.encode() if isinstance(content, str) else content) for name, content in parts] == expected
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert names[0] == "[Content_Types].xml" and "xl/theme/theme1.xml" in names
        assert len(names) == len(set(names)) == 11
        assert {(i.create_system, i.external_attr >> 16, i.compress_type) for i in archive.infolist()} == {
            (3, 0o100644, zipfile.ZIP_DEFLATED)
        }
    book = read(data)
    assert book.sheetnames == [DATA_SHEET, ABOUT_SHEET]
    assert book.properties.title == "IBM per jaar" and book.properties.creator == about.publisher
    sheet = book[DATA_SHEET]
    assert [c.value for c in sheet[1]] == ["Jaar", "IBM (rapportcijfer)", "Score (rapportcijfer)", "Streefwaarde"]
    assert (sheet["B2"].value, sheet["B2"].data_type, sheet["B2"].number_format) == (6.7, "n", "#,##0.00")
    assert (sheet["C2"].value, sheet["C2"].number_format) == (1731, "#,##0")
    assert sheet["B3"].value is None and sheet["D3"].value == "behoud"
    assert sheet.freeze_panes == "A2"


def test_without_the_packager_hook_the_parts_come_from_xlsxwriters_own_zip():
    """Should a later XlsxWriter not call ``_get_packager``, its own zip is read back: the same parts."""
    from kwsite.spreadsheet import _book_class

    Book = _book_class()
    made = io.BytesIO()
    book = Book(made, {"in_memory": True})
    book._get_packager = lambda: type(book).__mro__[1]._get_packager(book)  # XlsxWriter's own packager
    book.add_worksheet(DATA_SHEET).write_string(0, 0, "Jaar")
    book.close()
    with zipfile.ZipFile(io.BytesIO(made.getvalue())) as own:
        expected = [(name, own.read(name)) for name in own.namelist()]
    assert len(expected) > 5 and book.parts(made) == expected
