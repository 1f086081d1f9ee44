"""What a reader of the built site meets outside the pages' own text (issue #17): the 404 page,
requests the site makes, the footer, search. Builds of the mini fixture."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import mkdocs_build


def _config(page: str) -> dict:
    """Material's ``__config`` JSON of a built page."""
    return json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', page, re.S).group(1))


def _without_site_url(site: Path) -> None:
    config = site / "mkdocs.yml"
    config.write_text(re.sub(r"^site_url:.*\n", "", config.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")


def test_404_page_links_home_without_site_url(mini):
    _without_site_url(mini)
    proc = mkdocs_build(mini)
    assert proc.returncode == 0, proc.stderr[-2000:]
    page = (mini / "site" / "404.html").read_text(encoding="utf-8")
    assert re.findall(r'<a href="([^"]*)">startpagina</a>', page) == ["/"]  # was "//": a host-less URL


def _with_version_selector(site: Path) -> None:
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("extra:\n", "extra:\n  version:\n    provider: mike\n    default: latest\n"), encoding="utf-8"
    )


def test_no_versions_json_request_without_a_mike_build(mini):
    _with_version_selector(mini)
    proc = mkdocs_build(mini)  # a plain build (kwsite build, the pull-request artifact): no versions.json exists
    assert proc.returncode == 0, proc.stderr[-2000:]
    page = (mini / "site" / "index.html").read_text(encoding="utf-8")
    assert _config(page)["version"] is None  # Material fetches ../versions.json only with a version provider
    assert not (mini / "site" / "versions.json").exists()


def test_mike_build_keeps_the_version_selector(mini):
    _with_version_selector(mini)
    proc = mkdocs_build(mini, env={"MIKE_DOCS_VERSION": "2019-2022"})  # what `mike deploy` sets
    assert proc.returncode == 0, proc.stderr[-2000:]
    page = (mini / "site" / "index.html").read_text(encoding="utf-8")
    assert _config(page)["version"] == {"provider": "mike", "default": "latest"}


def test_edition_and_date_in_the_footer_of_every_page_and_the_pdf(mini):
    import pdfplumber

    proc = mkdocs_build(mini, env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    line = "Testeditie · deze versie: 14 november 2023"  # mini agenda.yaml: label, no date; the epoch's date
    pages = sorted((mini / "site").rglob("*.html"))
    assert len(pages) >= 8
    for page in pages:
        assert f'<div class="kw-edition">{line}</div>' in page.read_text(encoding="utf-8"), page
    with pdfplumber.open(mini / "site" / "downloads" / "kwaliteitsagenda.pdf") as pdf:
        feet = [p.extract_text_lines()[-1]["text"] for p in pdf.pages[2:]]
    assert feet and all(foot.startswith(line) and "pagina" in foot for foot in feet), feet[:3]


def test_theme_and_college_indexes_say_what_each_page_holds(mini):
    from conftest import MINI
    from kwsite.build import load_site
    from kwsite.pages import overview

    site, _ = load_site(MINI / "data")
    assert (
        "- [Thema 1: Kernthema](kern.md) (landelijk thema): 2 indicatoren, 1 maatregel"
        in overview.themes_index(site).content
    )
    colleges = overview.colleges_index(site).content
    assert (
        "- [College Noord](noord.md) (code 100): waarden in 1 van de 1 tabel; 1 maatregel noemt het college" in colleges
    )
    assert "- [College Zuid](zuid.md): waarden in 0 van de 1 tabel; geen maatregel noemt het college" in colleges
