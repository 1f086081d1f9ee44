"""All open data in one download: the flagship's ``downloads/kwaliteitsagenda-data.zip`` is a
valid Frictionless Data Package holding every dataset of the site with the values its page
shows; the open-data page and the home page link to it with its size and state licence,
edition, date and how to cite; every chart has its SVG as a download."""

import datetime as dt
import json
import re
import zipfile
from decimal import Decimal

import pytest

from test_opendata import CHART, assert_same_values, pages, paired  # noqa: F401 (paired is a fixture)

frictionless = pytest.importorskip("frictionless", reason="pip install -e '.[test]'")

ZIP = "downloads/kwaliteitsagenda-data.zip"


@pytest.fixture(scope="module")
def unpacked(flagship_site, tmp_path_factory):
    target = tmp_path_factory.mktemp("data-zip")
    with zipfile.ZipFile(flagship_site / ZIP) as archive:
        assert archive.testzip() is None
        archive.extractall(target)
    return target


@pytest.fixture(scope="module")
def package(unpacked):
    return frictionless.Package(str(unpacked / "datapackage.json"))


def test_the_zip_is_a_valid_data_package(unpacked):
    report = frictionless.validate(str(unpacked / "datapackage.json"))
    assert report.valid, report.flatten(["taskNumber", "rowNumber", "fieldName", "type", "note"])[:10]
    assert report.stats["tasks"] > 100


def test_every_dataset_of_the_site_is_in_the_zip_as_csv_and_json(flagship_site, unpacked, package):
    on_site = {p.stem for p in (flagship_site / "downloads").glob("*.csv")}
    assert {r.name for r in package.resources} == on_site and len(on_site) > 100
    for stem in on_site:
        for ext in ("csv", "json"):
            assert (unpacked / f"{stem}.{ext}").read_bytes() == (flagship_site / f"downloads/{stem}.{ext}").read_bytes()
    assert (unpacked / "schema/dataset.schema.json").read_bytes() == (
        flagship_site / "downloads/schema/dataset.schema.json"
    ).read_bytes()


def test_values_read_through_the_package_equal_the_page(paired, package):  # noqa: F811
    """Each table on a page, read back from the zip with frictionless (typed), shows the same values."""
    resources = {r.name: r for r in package.resources}
    for page, table_html, csv_path, _json in paired:
        resource = resources[csv_path.stem]
        with resource:
            header = list(resource.header)
            rows = [[_cell(row[name]) for name in header] for row in resource.read_rows()]
        assert_same_values(page, table_html, csv_path.name, [header] + rows)


def _cell(value) -> str:
    if value is None:
        return ""
    return str(value) if isinstance(value, Decimal | int) else value


def test_descriptor_has_types_units_sources_licence_and_edition(flagship_site, package):
    ind = package.get_resource("indicator-1a")
    source = json.loads((flagship_site / "downloads/indicator-1a.json").read_text(encoding="utf-8"))["source"]
    assert source.startswith("Interne benchmark (IBM)") and ind.sources == [{"title": source}]
    assert ind.title.startswith("Indicator 1a Samengestelde interne benchmark (IBM)")
    fields = {f.name: f for f in ind.schema.fields}
    assert fields["Jaar"].type == "string" and fields["ROCvA+F"].type == "number"
    assert fields["ROCvA+F"].to_dict()["unit"] == "rapportcijfer"
    assert "rapportcijfer" in fields["ROCvA+F"].description
    with ind:
        by_year = {row["Jaar"]: row for row in ind.read_rows()}
    assert by_year["2017"]["ROCvA+F"] == Decimal("6.7") and by_year["2020"]["ROCvA+F"] is None  # S3; 2020 not printed
    assert [lic.get("name") for lic in package.licenses] == ["CC0-1.0"]  # the default: agenda.yaml names none
    assert package.to_dict()["edition"] == {
        "id": "2019-2022",
        "label": "Kwaliteitsagenda 2019-2022",
        "status": "ingediend",
        "date": None,
    }
    assert package.contributors[0]["title"] == "ROC van Amsterdam en ROC van Flevoland"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", package.created)


def test_zip_entries_have_a_fixed_order_and_the_build_date(flagship_site):
    with zipfile.ZipFile(flagship_site / ZIP) as archive:
        names = archive.namelist()
        infos = archive.infolist()
        created = json.loads(archive.read("datapackage.json"))["created"]
    assert names[0] == "datapackage.json" and names[-1] == "schema/dataset.schema.json"
    assert len({i.date_time for i in infos}) == 1
    when = dt.datetime.strptime(created, "%Y-%m-%dT%H:%M:%SZ")  # the commit's date, not the clock
    assert infos[0].date_time == when.replace(second=when.second - when.second % 2).timetuple()[:6]  # zip: 2 s steps
    assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}


def test_open_data_page_links_the_zip_with_its_size_and_states_licence_edition_date_citation(flagship_site):
    html = (flagship_site / "open-data/index.html").read_text(encoding="utf-8")
    size = re.search(
        r'href="\.\./downloads/kwaliteitsagenda-data\.zip">Alle gegevens in één download \(ZIP, (\d+,\d) kB\)</a>', html
    )
    assert size, "no zip link on the open-data page"
    actual = (flagship_site / ZIP).stat().st_size / 1024
    assert abs(float(size.group(1).replace(",", ".")) - actual) <= 0.06
    assert 'href="https://creativecommons.org/publicdomain/zero/1.0/deed.nl"' in html
    assert "Editie: Kwaliteitsagenda 2019-2022 (ingediend)." in html
    assert re.search(r"Datum: \d{1,2} [a-z]+ \d{4} \(", html)
    assert re.search(
        r"<blockquote>\s*<p>ROC van Amsterdam en ROC van Flevoland \(\d{4}\)\. Kwaliteitsagenda 2019-2022", html
    )


def test_home_page_links_the_zip_with_its_size(flagship_site):
    home = (flagship_site / "index.html").read_text(encoding="utf-8")
    found = re.search(
        r'<a href="downloads/kwaliteitsagenda-data\.zip" download>Alle gegevens \(ZIP, (\d+,\d) kB\)</a>', home
    )
    assert found
    assert abs(float(found.group(1).replace(",", ".")) - (flagship_site / ZIP).stat().st_size / 1024) <= 0.06
    other = (flagship_site / "open-data/index.html").read_text(encoding="utf-8")
    assert 'class="kw-data-zip"' not in other  # only on the home page


def test_every_chart_has_its_svg_as_a_download_with_its_size(flagship_site):
    count = 0
    for path, article in pages(flagship_site):
        found = list(CHART.finditer(article))
        for i, m in enumerate(found):
            src = re.search(r'src="([^"]+)"', m.group(0)).group(1)
            stop = found[i + 1].start() if i + 1 < len(found) else len(article)
            link = re.search(
                r'<a href="([^"]+\.svg)">Download grafiek \(SVG, (\d+,\d) kB\)</a>', article[m.end() : stop]
            )
            assert link and link.group(1) == src, (path, src)
            actual = (path.parent / src).resolve().stat().st_size / 1024
            assert abs(float(link.group(2).replace(",", ".")) - actual) <= 0.06, (path, src)
            count += 1
    assert count >= 20


def test_chart_svg_stands_alone_with_title_description_and_generic_fonts(flagship_site):
    files = sorted((flagship_site / "grafieken").glob("*.svg"))
    assert len(files) > 80
    for path in files:
        svg = path.read_text(encoding="utf-8")
        assert svg.startswith("<svg ") and 'xmlns="http://www.w3.org/2000/svg"' in svg[:400], path.name
        head = svg[: svg.index("<defs>")]
        assert re.search(r"<svg [^>]*>\s*<title>[^<]{3,}</title>\s*<desc>[^<]{20,}</desc>", head), path.name
        families = re.findall(r"font-family: ([^;\"]+)", svg)
        assert families and all(f.strip().endswith(("sans-serif", "serif", "monospace")) for f in families), path.name
    one = (flagship_site / "grafieken/indicator-1a.svg").read_text(encoding="utf-8")
    assert "<title>1a IBM</title>" in one and "<desc>Lijngrafiek 1a IBM. ROCvA+F van 2015 tot en met 2017" in one


def test_licence_comes_from_agenda_yaml_and_an_unknown_one_is_a_clean_error(mini):
    from conftest import edit
    from kwsite.build import load_site
    from kwsite.datapackage import descriptor
    from kwsite.problems import KwsiteError
    from kwsite.publication import Publication

    edit(mini, "data/agenda.yaml", "  edition:", "  licence: CC-BY-4.0\n  edition:")
    site, _ = load_site(mini / "data")
    about = Publication.of(site, dt.datetime(2024, 3, 1, tzinfo=dt.UTC))
    assert descriptor([], about)["licenses"] == [
        {
            "name": "CC-BY-4.0",
            "title": "Creative Commons Naamsvermelding 4.0 Internationaal",
            "path": "https://creativecommons.org/licenses/by/4.0/deed.nl",
        }
    ]
    assert about.citation().endswith("stand 1 maart 2024. Licentie: CC-BY-4.0.")
    edit(mini, "data/agenda.yaml", "licence: CC-BY-4.0", "licence: MIT")
    with pytest.raises(KwsiteError) as found:
        load_site(mini / "data")
    assert re.search(
        r"data/agenda\.yaml:\d+:3 agenda\.licence: onbekende waarde; toegestaan: 'CC0-1\.0', 'CC-BY-4\.0' of "
        r"'CC-BY-SA-4\.0'",
        str(found.value),
    )


def test_zip_with_remembered_entries_has_the_same_bytes_and_compresses_only_what_changed(monkeypatch):
    """kwsite serve keeps the compressed entries of the data zip (kwsite.repro.zip_bytes ``memo``): the archive's
    bytes are those made without it, and after one entry changed only that entry is compressed again."""
    import datetime as dt
    import zlib

    from kwsite.repro import zip_bytes

    when = dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=dt.UTC)
    entries = [
        (f"t{i}.csv", "jaar,waarde\n" + "\n".join(f"{2015 + j},{i * j / 7:.3f}" for j in range(60))) for i in range(40)
    ]
    memo: dict = {}
    assert zip_bytes(entries, when, memo) == zip_bytes(entries, when)
    assert len(memo) == 40
    made = []
    real = zlib.compressobj
    monkeypatch.setattr(zlib, "compressobj", lambda *a: made.append(a) or real(*a))
    entries[7] = ("t7.csv", "jaar,waarde\n2015,1.5\n")
    again = zip_bytes(entries, when, memo)
    monkeypatch.setattr(zlib, "compressobj", real)
    assert again == zip_bytes(entries, when)
    assert len(made) == 1  # only the changed entry
    assert len(memo) == 40  # the old form of t7.csv is dropped
