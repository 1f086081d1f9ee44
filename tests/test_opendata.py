"""Open data: every table and chart of the flagship has a CSV and a JSON download next
to it whose numbers equal the table's; the JSON follows the published schema; the
open-data page lists every dataset."""

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from htmltext import tables

HREF = re.compile(r'href="([^"]*downloads/[^"]+\.(csv|json))"')
TABLE = re.compile(r"<table\b.*?</table>", re.S)
CHART = re.compile(r'<img [^>]*src="[^"]*grafieken/[^"]+\.svg"')
DUTCH = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
MACHINE = re.compile(r"\d+(?:\.\d+)?")


def dutch_numbers(cells):
    """``"1.731"`` → 1731, ``"6,7 (2017)"`` → 6.7 and 2017; signs ignored (``+0,2`` → 0.2)."""
    return sorted(Decimal(m.replace(".", "").replace(",", ".")) for c in cells for m in DUTCH.findall(c))


def machine_numbers(cells):
    return sorted(Decimal(m) for c in cells for m in MACHINE.findall(c))


def pages(site: Path):
    for path in sorted(site.rglob("index.html")):
        html = path.read_text(encoding="utf-8")
        start = html.find("<article")
        yield path, html[start : html.find("</article>", start)] if start != -1 else ""


def resolve(page: Path, href: str) -> Path:
    return (page.parent / href).resolve()


def downloads_after(article: str, end: int, stop: int) -> dict[str, str]:
    """The download links between ``end`` and ``stop``: ``{"csv": href, "json": href}`` (first of each)."""
    found = {}
    for m in HREF.finditer(article, end, stop):
        found.setdefault(m.group(2), m.group(1))
    return found


@pytest.fixture(scope="module")
def paired(flagship_site):
    """(page, table html, csv path, json path) for every table of the flagship."""
    out = []
    for path, article in pages(flagship_site):
        found = list(TABLE.finditer(article))
        for i, m in enumerate(found):
            stop = found[i + 1].start() if i + 1 < len(found) else len(article)
            links = downloads_after(article, m.end(), stop)
            rel = path.relative_to(flagship_site)
            assert set(links) == {"csv", "json"}, f"{rel}: table {i + 1} has no CSV and JSON download after it"
            out.append((rel, m.group(0), resolve(path, links["csv"]), resolve(path, links["json"])))
    return out


def test_flagship_has_many_tables_with_downloads(paired):
    assert len(paired) > 100  # 5 theme pages, 13 colleges, budget, indicators
    assert {str(p[0]) for p in paired} >= {
        "begroting/index.html",
        "indicatoren/index.html",
        "themas/meerjarenstrategie/index.html",
        "colleges/amstelland/index.html",
    }


def assert_same_values(page, table_html: str, name: str, rows: list[list[str]]) -> None:
    """``rows`` (header and data rows of the download ``name``, machine text) hold the values the
    page's table shows: per cell for a hand-written table, the same numbers for a generated one."""
    shown = [c for row in tables(table_html)[0] for c in row]
    cells = [c for row in rows for c in row]
    assert len(rows) == len(tables(table_html)[0]), f"{page}: {name} has a header and one line per row"
    if name.startswith("tekst-"):  # hand-written table: same cells, numbers in machine form
        assert len(cells) == len(shown)
        for want, got in zip(shown, cells):
            assert got == want or machine_numbers([got]) == dutch_numbers([want]), (page, want, got)
    else:  # generated: the same numbers (a "6,7 (2017)" cell is two CSV columns)
        assert machine_numbers(cells) == dutch_numbers(shown), f"{page}: {name}"


def test_every_download_exists_and_its_numbers_equal_the_table(paired):
    for page, table_html, csv_path, json_path in paired:
        assert csv_path.is_file() and json_path.is_file(), (page, csv_path)
        rows = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
        assert_same_values(page, table_html, csv_path.name, rows)


def test_hand_written_table_becomes_numbers_with_unit_in_the_column_name(flagship_site):
    rows = list(
        csv.reader(
            io.StringIO((flagship_site / "downloads/tekst-02-trends-in-de-regio-1.csv").read_text(encoding="utf-8"))
        )
    )
    assert rows[0][1] == "Verwachte groei werknemersbanen 2018 (%)"
    assert rows[1][:2] == ["Groot Amsterdam", "3.0"] and rows[4] == ["Nederland", "1.8", ""]
    budget = (flagship_site / "downloads/tekst-12-inbedding-in-organisatie-1.csv").read_text(encoding="utf-8")
    assert "Aandeel (%),Bedrag per jaar (mln euro)" in budget and "Totaal,100,28.0" in budget


def test_csv_numbers_are_machine_readable(flagship_site):
    for path in sorted((flagship_site / "downloads").glob("*.csv")):
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
        types = [c["type"] for c in json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["columns"]]
        for row in rows[1:]:
            for cell, kind in zip(row, types):
                if kind == "number":
                    assert re.fullmatch(r"-?\d+(\.\d+)?|", cell), (path.name, cell)
                elif not path.name.startswith("tekst-"):  # generated text cells: targets such as "6.9 (+0.2 punt ...)"
                    assert not re.search(r"\d,\d|\d\.\d{3}\b|geen gegevens|%|€", cell), (path.name, cell)


def test_budget_download_holds_the_seed_values(flagship_site):
    rows = list(csv.reader(io.StringIO((flagship_site / "downloads/begroting-thema.csv").read_text(encoding="utf-8"))))
    assert rows[0] == ["thema", "aandeel_pct", "bedrag_mln_euro"]
    assert rows[-1] == ["Totaal", "100", "28.0"]
    assert [r[2] for r in rows[1:-1]] == ["7.0", "7.0", "7.0", "4.2", "2.8"]
    doc = json.loads((flagship_site / "downloads/begroting-thema.json").read_text(encoding="utf-8"))
    assert doc["rows"][-1] == ["Totaal", 100, 28.0]
    assert [c["type"] for c in doc["columns"]] == ["string", "number", "number"]


def test_json_follows_the_schema_and_equals_the_csv(flagship_site):
    schema = json.loads((flagship_site / "downloads/schema/dataset.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    paths = sorted((flagship_site / "downloads").glob("*.json"))
    assert paths
    for path in paths:
        doc = json.loads(path.read_text(encoding="utf-8"))
        validator.validate(doc)
        rows = list(csv.reader(io.StringIO(path.with_suffix(".csv").read_text(encoding="utf-8"))))
        assert [c["name"] for c in doc["columns"]] == rows[0]
        for got, want in zip(doc["rows"], rows[1:], strict=True):
            for value, cell in zip(got, want, strict=True):
                if value is None:
                    assert cell == "", (path.name, cell)
                elif isinstance(value, str):
                    assert value == cell.lstrip("'") or value == cell, (path.name, value, cell)
                else:
                    assert Decimal(str(value)) == Decimal(cell), (path.name, value, cell)
        assert (flagship_site / doc["page"] / "index.html").is_file(), doc["page"]


def test_missing_value_is_null_and_periods_are_strings(flagship_site):
    doc = json.loads((flagship_site / "downloads/indicator-1a.json").read_text(encoding="utf-8"))
    assert doc["columns"][0] == {"name": "Jaar", "type": "string"}
    by_year = {r[0]: r for r in doc["rows"]}
    assert by_year["2017"][1:3] == [6.7, 6.7]  # IBM 2017 and the baseline (S3)
    assert by_year["2020"][1] is None  # no realisation printed for 2020


def test_every_chart_has_downloads_next_to_it(flagship_site):
    count = 0
    for path, article in pages(flagship_site):
        found = list(CHART.finditer(article))
        for i, m in enumerate(found):
            stop = found[i + 1].start() if i + 1 < len(found) else len(article)
            assert set(downloads_after(article, m.end(), stop)) == {"csv", "json"}, path
            count += 1
    assert count >= 20


def test_link_texts_give_format_and_dutch_size(flagship_site):
    html = (flagship_site / "begroting/index.html").read_text(encoding="utf-8")
    sizes = re.findall(r'begroting-thema\.(csv|json)">(CSV|JSON), (\d+,\d) kB</a>', html)
    assert [s[1] for s in sizes] == ["CSV", "JSON"]
    for ext, _kind, size in sizes:
        actual = (flagship_site / f"downloads/begroting-thema.{ext}").stat().st_size / 1024
        assert abs(float(size.replace(",", ".")) - actual) <= 0.06


def test_open_data_page_lists_every_dataset(flagship_site):
    html = (flagship_site / "open-data/index.html").read_text(encoding="utf-8")
    listed = set(re.findall(r'href="\.\./downloads/([^"]+)\.csv"', html))
    on_disk = {p.stem for p in (flagship_site / "downloads").glob("*.csv")}
    assert listed == on_disk and len(on_disk) > 100
    assert "Eenheid: rapportcijfer." in html and "Bron: Interne benchmark (IBM)" in html
    # an empty cell is what the site's data lack, not a claim about the source (#17 item 6)
    assert "betekent dat de gegevens van deze site daar geen waarde hebben" in html and "bron geen waarde" not in html
    import zipfile

    with zipfile.ZipFile(flagship_site / "downloads" / "kwaliteitsagenda-data.zip") as archive:
        package = archive.read("datapackage.json").decode("utf-8")
    assert "de gegevens van de site daar geen waarde hebben" in package and "bron geen waarde" not in package


def test_every_header_cell_has_a_scope(flagship_site):
    for path, article in pages(flagship_site):
        cells = re.findall(r"<th\b[^>]*>", article)
        assert all("scope=" in c for c in cells), (path, [c for c in cells if "scope=" not in c][:3])
