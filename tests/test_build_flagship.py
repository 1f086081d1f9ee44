"""Integration: the real S3 site builds with --strict and shows the seed's figures."""

import re

import pytest

from external import external_requests
from htmltext import tables, text


@pytest.fixture(scope="module")
def built(flagship_build):
    """The session's build of the flagship (conftest): output folder and log."""
    return flagship_build.site, flagship_build.log


def page(built, rel):
    return (built[0] / rel / "index.html").read_text(encoding="utf-8")


def card_row(html, indicator_id):
    for table in tables(html):
        for row in table:
            if row and row[0].startswith(indicator_id + " "):
                return row
    raise AssertionError(f"no card for {indicator_id}")


def test_theme_page_shows_1a_and_1b_baseline_and_targets(built):
    html = page(built, "themas/meerjarenstrategie")
    assert card_row(html, "1a")[1:] == ["6,7 (2017)", "6,9 (+0,2 punt)", "7,1 (+0,4 punt, indicatief)"]
    assert card_row(html, "1b")[1:] == ["38% (2018)", "45%", "50% (indicatief)"]


def test_budget_table_matches_the_seed(built):
    html = page(built, "begroting")
    rows = tables(html)[0]
    assert rows[0] == ["Thema", "Aandeel", "Bedrag"]
    body = {r[0]: r[1:] for r in rows[1:]}
    assert ["25%", "€ 7,0 mln"] in body.values()
    assert body["Totaal"] == ["100%", "€ 28,0 mln"]
    amounts = [r[2] for r in rows[1:-1]]
    assert amounts == ["€ 7,0 mln", "€ 7,0 mln", "€ 7,0 mln", "€ 4,2 mln", "€ 2,8 mln"]


def test_twelve_college_appendices(built):
    pages = sorted(p.name for p in (built[0] / "colleges").iterdir() if p.is_dir())
    assert len(pages) == 12, pages


def test_college_page_shows_values_beside_total_and_missing_rows(built):
    html = page(built, "colleges/amstelland")
    body = text(html)
    # IBM per college: Amstlnd 6,1 6,5 6,2 beside ROCvA+F 6,3 6,8 6,7 (S3 r. 2758-2784)
    ibm = next(t for t in tables(html) if t[0][:2] == ["Periode", "MBO College Amstelland"] and t[1][1] == "6,1")
    assert ibm[1:] == [["2015", "6,1", "6,3"], ["2016", "6,5", "6,8"], ["2017", "6,2", "6,7"]]
    assert "geen gegevens" in body  # Amstelland has no row in the entree table


def test_college_chart_stands_above_its_table_with_the_values_in_its_alt(built):
    from html import unescape

    html = page(built, "colleges/amstelland")
    # IBM per college (S3 r. 2758-2784; data/tables/ibm-per-college.csv): Amstlnd 6,1 6,5 6,2, ROCvA+F 6,3 6,8 6,7
    img = re.search(
        r'<img alt="([^"]+)" class="kw-chart" src="\.\./\.\./grafieken/college-amstelland-ibm-per-college\.svg"', html
    )
    assert img, "no IBM chart on the Amstelland page"
    assert unescape(img.group(1)) == (
        "Lijngrafiek Interne benchmark per Mbo College: MBO College Amstelland naast ROCvA+F, per periode. "
        "MBO College Amstelland: 2015 6,1; 2016 6,5; 2017 6,2. ROCvA+F: 2015 6,3; 2016 6,8; 2017 6,7."
    )
    after = html[img.end() :]
    assert after.index("<table") < after.index("<h3")  # its data table follows, before the next heading
    assert len(re.findall(r"college-amstelland-ibm-per-college\.csv", html)) == 1  # one table, one download
    svg = (built[0] / "grafieken" / "college-amstelland-ibm-per-college.svg").read_text(encoding="utf-8")
    shown = re.findall(r"<text\b[^>]*>([^<]*)</text>", svg)
    assert {"Amstelland", "ROCvA+F", "2015", "2017"} <= {t.strip() for t in shown}
    # Amstelland has no row in the entree table (S3): no chart there, the page says so
    assert "college-amstelland-jaarresultaat-entree" not in html


def test_the_build_drew_every_chart_it_publishes(built):
    """The session build started from an empty cache: each chart file of the site was drawn once (the
    rebuild from the cache is tested on the smaller Noorderpoort site, test_example_noorderpoort.py)."""
    drawn = int(re.search(r"grafieken: (\d+) getekend, 0 uit de cache", built[1]).group(1))
    assert drawn == len(list((built[0] / "grafieken").glob("*.svg")))


def test_charts_are_svg_with_alt_text_and_dutch_numbers(built):
    html = page(built, "themas/meerjarenstrategie")
    imgs = re.findall(r'<img[^>]+src="([^"]+\.svg)"[^>]*>', html)
    assert imgs, "no chart"
    alts = re.findall(r'<img[^>]+alt="([^"]+)"[^>]+src="[^"]+\.svg"', html) + re.findall(
        r'<img[^>]+src="[^"]+\.svg"[^>]+alt="([^"]+)"', html
    )
    assert alts and all(len(a) > 30 for a in alts)
    svg = (built[0] / "grafieken" / "indicator-1a.svg").read_text(encoding="utf-8")
    assert "6,7" in svg and "7,1" in svg and "6.7" not in svg


def test_no_directive_left_unexpanded(built):
    for html in built[0].rglob("*.html"):
        assert "[[" not in text(html.read_text(encoding="utf-8")), html


def test_no_requests_to_other_hosts(built):
    """No web fonts, scripts, styles or images from elsewhere (HTML and CSS scanned)."""
    assert external_requests(built[0]) == {}


def test_college_table_without_printed_total_has_no_total_column(built):
    html = page(built, "colleges/amstelland")
    # Startersresultaat per college (S3 r. 3643-3669) prints no total row; Amstelland 90% 88% 92%
    starters = next(t for t in tables(html) if t[0][:2] == ["Periode", "MBO College Amstelland"] and t[1][1] == "90%")
    assert starters == [["Periode", "MBO College Amstelland"], ["2015", "90%"], ["2016", "88%"], ["2017", "92%"]]


def test_year_without_target_says_so(built):
    html = page(built, "indicatoren")
    row = next(r for r in tables(html)[0] if r[0].startswith("5a "))
    assert "geen streefwaarde" in row[3] and "geen gegevens" not in row[3]


def test_pdf_is_written_and_linked_with_its_real_size(built):
    from kwsite.pdf.site import megabytes

    pdf = built[0] / "downloads" / "kwaliteitsagenda.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    link = f'<a href="downloads/kwaliteitsagenda.pdf" download>Download PDF ({megabytes(pdf.stat().st_size)})</a>'
    assert link in page(built, "")
    assert 'href="../../downloads/kwaliteitsagenda.pdf"' in page(built, "themas/gelijke-kansen")


def test_megabytes_is_dutch():
    from kwsite.pdf.site import megabytes

    assert megabytes(930_000) == "0,9\u00a0MB"
    assert megabytes(12_345_678) == "11,8\u00a0MB"
    assert megabytes(10) == "0,1\u00a0MB"
