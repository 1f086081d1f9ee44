"""Generated paths and page URLs (kwsite.paths), in both ``use_directory_urls`` modes: the page URL in
every JSON download, spreadsheet and the data package points at the page MkDocs really wrote."""

import io
import json
import zipfile

import pytest
from openpyxl import load_workbook

from conftest import edit, mkdocs_build
from kwsite import paths


def test_page_url_in_both_modes():
    assert paths.page_url("themas/kern.md") == "themas/kern/"
    assert paths.page_url("themas/kern.md", directory_urls=False) == "themas/kern.html"
    assert paths.page_url("index.md") == ""
    assert paths.page_url("index.md", False) == "index.html"
    assert paths.page_url("themas/index.md") == "themas/"
    assert paths.page_url("themas/index.md", False) == "themas/index.html"
    assert paths.page_url("downloads/x.csv", False) == "downloads/x.csv"


def test_generated_paths():
    assert paths.theme("kern") == "themas/kern.md"
    assert paths.college("amstelland") == "colleges/amstelland.md"
    assert paths.chart("ind-1a") == "grafieken/ind-1a.svg"
    assert paths.download("tabel-x", "json") == "downloads/tabel-x.json"
    assert paths.rel("themas/a.md", paths.BUDGET) == "../begroting.md"


@pytest.mark.parametrize("directory_urls", [True, False])
def test_json_download_names_the_built_page(mini, directory_urls):
    edit(mini, "mkdocs.yml", "strict: true", f"strict: true\nuse_directory_urls: {str(directory_urls).lower()}")
    edit(mini, "mkdocs.yml", "  - kwsite:\n      data_dir: data", "  - kwsite:\n      data_dir: data\n      pdf: false")
    proc = mkdocs_build(mini, "--strict")
    assert proc.returncode == 0, proc.stderr[-2000:]
    site = mini / "site"
    found = {}
    for path in sorted((site / "downloads").glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        if "page" in doc:
            found[doc["id"]] = doc["page"]
    assert found, "no JSON downloads"
    for key, url in found.items():
        built = site / (url + "index.html" if url.endswith("/") or url == "" else url)
        assert built.is_file(), f"{key}: page {url!r} was not built"
        assert url.endswith(".html") != directory_urls, (key, url)
    theme_pages = sorted(u for u in found.values() if u.startswith("themas/"))
    expected = "themas/kern/" if directory_urls else "themas/kern.html"
    assert theme_pages and all(u == expected for u in theme_pages if "kern" in u)
    # the spreadsheet and the data package name the same URL
    key, url = next((k, u) for k, u in found.items() if u.startswith("themas/"))
    sheet = load_workbook(site / "downloads" / f"{key}.xlsx").worksheets[1]
    assert (("Pagina op de site", url)) in [tuple(r[:2]) for r in sheet.iter_rows(values_only=True)]
    with zipfile.ZipFile(io.BytesIO((site / paths.DATA_ZIP).read_bytes())) as z:
        package = json.loads(z.read("datapackage.json"))
    described = next(r for r in package["resources"] if r["name"] == key)
    assert f"Op de pagina {url} van de site" in described["description"]
    # the size in the link text is the size of the JSON file as written
    page = site / (url + "index.html" if directory_urls else url)
    kb = f"{len((site / 'downloads' / f'{key}.json').read_bytes()) / 1024:.1f}".replace(".", ",")
    assert f"JSON, {kb}\u00a0kB" in page.read_text(encoding="utf-8") or f"JSON, {kb} kB" in page.read_text(
        encoding="utf-8"
    )
