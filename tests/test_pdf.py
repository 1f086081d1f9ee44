"""The PDF edition: opened with pypdf / pdfplumber and checked against the seed's figures.

The PDF of every site in the repository (the flagship at the root and each ``examples/*``
site) is the one its session build wrote (conftest); ``kwsite pdf`` in a subprocess is
checked on the small fixture. Site-specific known values live in ``KNOWN``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from conftest import ROOT, build_copy

EPOCH = "1700000000"
MM = 72 / 25.4
RIGHT_MARGIN, PAGE_TOP_BOTTOM = 20 * MM, 0
EXAMPLES = sorted(p.parent for p in (ROOT / "examples").glob("*/mkdocs.yml"))
SITES = {"flagship": ROOT, **{p.name: p for p in EXAMPLES}}

KNOWN = {
    # S1 (Clusius, mbo action lines): an action of the first line and its evaluation year.
    "clusius": ["Aanstellen Ambassadeur Kwaliteitsnetwerk (2019) voor Clusius College mbo", "Evaluatie: 2021"],
    # S3: 1b baseline 38% (2018), target 45% in 2020 and 50% (indicative) in 2022; budget total € 28,0 mln.
    "flagship": [
        "1b Superschool 38% (2018) 45% 50% (indicatief)",
        "Totaal 100% € 28,0 mln",
        "1a IBM 6,7 (2017) 6,9 (+0,2 punt) 7,1 (+0,4 punt, indicatief)",
    ],
    # S4 L1595-1601: VSV maxima per level for 2022 (26,2 / 8,45 / 3,15 / 2,75).
    "noorderpoort": ["Entree: maximaal 26,2%", "Niveau 2: maximaal 8,45%"],
}


def render(site_dir: Path, out: Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "kwsite.cli", "pdf", str(site_dir), "-o", str(out)],
        cwd=cwd or site_dir,
        env=env,
        capture_output=True,
        text=True,
    )


@dataclass
class Page:
    number: int
    width: float
    height: float
    text: str
    lines: list[tuple[str, float]]  # text, largest font size
    chars: list[tuple[str, float, float, float, float, float]]  # text, size, x0, x1, top, bottom

    def headings(self, size: float) -> list[str]:
        """Headings set in this font size (wrapped lines joined), whitespace removed."""
        out, previous = [], None
        for text, line_size in self.lines:
            if line_size == size:
                if previous == size:
                    out[-1] += squash(text)
                else:
                    out.append(squash(text))
            previous = line_size
        return out

    def sized_text(self, size: float) -> str:
        """Text set in exactly this font size, whitespace removed."""
        return squash("".join(c[0] for c in self.chars if c[1] == size))


@dataclass
class Pdf:
    path: Path
    pages: list[Page]

    def text(self) -> str:
        return norm("\n".join(p.text for p in self.pages))


def norm(s: str) -> str:
    return s.replace("\u00a0", " ").replace("\u2010", "-")


def squash(s: str) -> str:
    return re.sub(r"\s+", "", norm(s))


def read(path: Path) -> Pdf:
    pages = []
    with pdfplumber.open(path) as pdf:
        for i, p in enumerate(pdf.pages, start=1):
            chars = [(c["text"], round(c["size"], 1), c["x0"], c["x1"], c["top"], c["bottom"]) for c in p.chars]
            lines = [(line["text"], max(round(c["size"], 1) for c in line["chars"])) for line in p.extract_text_lines()]
            pages.append(Page(i, float(p.width), float(p.height), p.extract_text() or "", lines, chars))
    return Pdf(path, pages)


@pytest.fixture(scope="module", params=sorted(SITES))
def built(request, tmp_path_factory):
    """(name, the PDF its site build wrote, the site's copy): the session's builds (conftest, dated ``EPOCH``).
    ``kwsite pdf`` writes the same document (test_kwsite_pdf_and_the_builds_pdf_are_the_same_document)."""
    name = request.param
    try:
        build = request.getfixturevalue(f"{name}_build")
    except pytest.FixtureLookupError:  # a site without a session fixture yet
        build = build_copy(SITES[name], tmp_path_factory.mktemp(f"pdf-{name}"))
    return name, read(build.site / "downloads" / "kwaliteitsagenda.pdf"), build.root


def test_every_page_after_the_cover_says_its_number_of_the_total(built):
    name, pdf, _ = built
    total = len(pdf.pages)
    assert "pagina" not in norm(pdf.pages[0].text)  # the cover
    for page in pdf.pages[1:]:
        assert f"pagina {page.number} van {total}" in norm(page.text), (name, page.number)


TOC_LINE = re.compile(r"^(.*?)\s*\.{4,}\s*(\d+)$")


TOC_SIZES = {10.0: 20.0, 9.0: 14.0}
"""Font size of a contents entry → font size of its heading (print.css: h1 entries 10pt, h1 20pt;
h2 entries 9pt, h2 14pt). Part labels, running heads and page numbers have other sizes."""


def toc_entries(pdf: Pdf) -> list[tuple[str, int, float]]:
    """(heading text, printed page, heading size) for every contents line, joining wrapped entries."""
    entries, pending = [], ""
    for page in (p for p in pdf.pages[1:8] if "Inhoud" in p.text[:60]):
        for text, size in page.lines:
            if size not in TOC_SIZES:
                continue
            match = TOC_LINE.match(f"{pending} {norm(text)}".strip())
            if match:
                entries.append((match.group(1).strip(), int(match.group(2)), TOC_SIZES[size]))
                pending = ""
            else:
                pending = f"{pending} {norm(text)}".strip()
    assert not pending, pending
    return entries


def test_every_contents_entry_points_at_the_page_of_its_heading(built):
    name, pdf, _ = built
    entries = toc_entries(pdf)
    assert len(entries) >= 10
    cursor = max(i for i, p in enumerate(pdf.pages) if "Inhoud" in p.text[:60]) + 1
    for text, printed, size in entries:
        found = next((p.number for p in pdf.pages[cursor:] if squash(text) in p.headings(size)), None)
        assert found == printed, f"{name}: '{text}' printed as page {printed}, heading found on page {found}"
        cursor = found - 1


def test_known_values_appear(built):
    name, pdf, _ = built
    text = re.sub(r"[ \t]+", " ", pdf.text())
    for value in KNOWN.get(name, []):
        assert value in text, f"{name}: {value!r} not in the PDF"
    assert "Tabel downloaden" not in text and "downloaden:" not in text and "Download:" not in text  # site-only


def test_no_text_outside_the_page_or_into_the_right_margin(built):
    _, pdf, _ = built
    for page in pdf.pages:
        for text, _, x0, x1, top, bottom in page.chars:
            assert x0 >= 0 and top >= 0 and bottom <= page.height, (page.number, text)
            assert x1 <= page.width - RIGHT_MARGIN + 1, f"page {page.number}: {text!r} ends at {x1:.1f}"


def test_metadata_language_tags_and_bookmarks(built):
    name, pdf, _ = built
    reader = PdfReader(pdf.path)
    meta = reader.metadata
    assert meta.title and meta.author
    if name == "flagship":
        assert meta.title == "Kwaliteitsagenda 2019-2022 – ROC van Amsterdam en ROC van Flevoland"
        assert meta.author == "ROC van Amsterdam, ROC van Flevoland"
        assert meta["/CreationDate"] == "D:20231114221320Z"  # SOURCE_DATE_EPOCH
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]  # tagged, PDF/UA-1
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert "pdfuaid" in xmp and meta.title in xmp
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert "Inhoud" in titles and len(titles) >= 8
    if name == "flagship":
        assert "1 Koers" in titles and "Begroting" in titles and "MBO College Lelystad" in titles


def _alts(node, out, depth=0):
    node = node.get_object() if hasattr(node, "get_object") else node
    if depth > 60:
        return
    if isinstance(node, dict):
        if "/Alt" in node:
            out.append(str(node["/Alt"]))
        kids = node.get("/K")
        if kids is not None:
            _alts(kids, out, depth + 1)
    elif isinstance(node, list):
        for kid in node:
            _alts(kid, out, depth + 1)


def test_charts_are_embedded_with_their_alt_text(built):
    name, pdf, _ = built
    reader = PdfReader(pdf.path)
    alts: list[str] = []
    _alts(reader.trailer["/Root"]["/StructTreeRoot"], alts)
    if name == "flagship":
        assert len(alts) >= 20, "charts without alt text"
        assert any("1b" in a and "38" in a for a in alts), alts[:5]


def test_internal_links_are_clickable(built):
    _, pdf, _ = built
    reader = PdfReader(pdf.path)
    toc = reader.pages[1]
    links = [a.get_object() for a in toc.get("/Annots", [])]
    assert len(links) >= 10
    assert all(a["/Subtype"] == "/Link" and ("/Dest" in a or "/A" in a) for a in links)


def test_college_appendices_each_start_a_page(built):
    name, pdf, _ = built
    if name != "flagship":
        pytest.skip("college names checked for the flagship")
    for college in ("MBO College Zuidoost", "MBO College Amstelland", "MBO College Lelystad"):
        starts = [p for p in pdf.pages[5:] if p.sized_text(20.0).startswith(squash(college))]
        assert len(starts) == 1, college


def test_two_renders_in_separate_processes_are_byte_identical(mini, tmp_path):
    """Determinism on the small fixture: the first render draws the charts, the second takes them from the cache."""
    first, second = tmp_path / "1.pdf", tmp_path / "2.pdf"
    for out in (first, second):
        proc = render(mini, out)
        assert proc.returncode == 0, proc.stderr[-2000:]
    assert first.read_bytes() == second.read_bytes()


def test_mini_fixture_renders_without_mkdocs_yml(mini, tmp_path):
    (mini / "mkdocs.yml").unlink(missing_ok=True)  # content/ and data/ only: default extensions, no nav
    out = tmp_path / "mini.pdf"
    proc = render(mini, out, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    pdf = read(out)
    text = re.sub(r"[ \t]+", " ", pdf.text())
    assert "6,7 (2017)" in text and "7,1 (+0,4 punt, indicatief)" in text
    assert PdfReader(out).trailer["/Root"]["/Lang"] == "nl"


def test_unknown_reference_in_content_fails_with_file_and_line(mini, tmp_path):
    (mini / "content").mkdir(exist_ok=True)
    (mini / "content" / "index.md").write_text("# Home\n\nWaarde: [[ind.9z.baseline]]\n", encoding="utf-8")
    proc = render(mini, tmp_path / "x.pdf")
    assert proc.returncode == 1
    assert "content/index.md:3:" in proc.stderr and "ind.9z.baseline" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_long_wide_table_repeats_its_header_and_stays_on_the_page(mini, tmp_path):
    periods = [str(y) for y in range(2008, 2023)]  # 15 periods: 16 columns
    rows = [
        f"Domein {i:02d} {'met een lange naam ' * (i % 3)}".strip()
        + ","
        + ",".join(f"{i}.{j % 10}" for j in range(len(periods)))
        for i in range(1, 51)
    ]
    (mini / "data" / "tables" / "lang.csv").write_text(
        "label," + ",".join(periods) + "\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    with (mini / "data" / "tables.yaml").open("a", encoding="utf-8") as f:
        f.write(
            "  - id: lang\n    title: Lange brede tabel\n    file: tables/lang.csv\n    indicator: 1b\n"
            "    unit: percent\n    rows: domain\n"
        )
    out = tmp_path / "long.pdf"
    proc = render(mini, out, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    pdf = read(out)
    # table rows carry a value per period (the bar chart's labels, one text run each, have one)
    with_rows = [p for p in pdf.pages if re.search(r"^Domein \d\d.*%.*%", norm(p.text), re.M)]
    assert len(with_rows) >= 2, "50 rows fit on one page?"
    header = "Domein " + " ".join(periods)
    assert all(header in norm(p.text) for p in with_rows)
    assert re.search(r"^Domein 50 .*50,0% 50,1% .* 50,4%$", norm(pdf.text()), re.M)
    for page in with_rows:
        assert max(c[3] for c in page.chars) <= page.width - RIGHT_MARGIN + 1


def test_footnotes_and_web_addresses_go_to_the_foot_of_the_page(mini, tmp_path):
    (mini / "mkdocs.yml").unlink(missing_ok=True)  # the default extensions include footnotes
    (mini / "content").mkdir(exist_ok=True)
    (mini / "content" / "index.md").write_text(
        "# Home\n\nDe agenda volgt de wet[^wet] en de [Inspectie](https://www.onderwijsinspectie.nl/mbo).\n\n"
        "Nulmeting [[ind.1b.baseline]].[^n]\n\n[^wet]: Wet educatie en beroepsonderwijs, art. 2.\n"
        "[^n]: Gemeten in 2018.\n",
        encoding="utf-8",
    )
    out = tmp_path / "fn.pdf"
    proc = render(mini, out, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    home = next(p for p in read(out).pages if p.headings(20.0) == ["Home"])
    lines = [norm(t) for t, _ in home.lines]
    assert "De agenda volgt de wet1 en de Inspectie2." in lines and "Nulmeting 38%.3" in lines
    notes = lines[lines.index("Nulmeting 38%.3") + 1 :]
    assert notes[:3] == [
        "1. Wet educatie en beroepsonderwijs, art. 2.",
        "2. https://www.onderwijsinspectie.nl/mbo",
        "3. Gemeten in 2018.",
    ]
    note_top = min(c[4] for c in home.chars if c[0] == "W" and c[1] == 8.0)  # "Wet educatie", 8pt
    assert note_top > home.height * 0.7, "footnote not at the foot of the page"


def test_dutch_hyphenation_is_on(built):
    name, pdf, _ = built
    lines = [line for page in pdf.pages for line in page.text.split("\n")]
    hyphenated = [line for line in lines if line.endswith("\u2010")]  # the content has no U+2010 itself
    assert len(hyphenated) >= (50 if name == "flagship" else 1)
    if name == "flagship":
        assert any(line.endswith("agen\u2010") for line in hyphenated)  # "agen-da", Dutch rules (pyphen nl_NL)


def test_plugin_option_pdf_false_builds_no_pdf_and_no_link(mini):
    (mini / "content").mkdir(exist_ok=True)
    (mini / "content" / "index.md").write_text("# Home\n\nNulmeting [[ind.1b.baseline]].\n", encoding="utf-8")
    (mini / "mkdocs.yml").write_text(
        "site_name: Mini\ndocs_dir: content\ntheme:\n  name: material\n  language: nl\n"
        "plugins:\n  - kwsite:\n      pdf: false\n",
        encoding="utf-8",
    )
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=mini, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "38%" in (mini / "site" / "index.html").read_text(encoding="utf-8")
    assert not (mini / "site" / "downloads" / "kwaliteitsagenda.pdf").exists()
    assert "Download PDF" not in (mini / "site" / "index.html").read_text(encoding="utf-8")


def test_every_internal_link_of_the_print_document_has_a_target():
    from kwsite.pdf import collect, html

    doc = html(collect(ROOT))
    ids = set(re.findall(r' id="([^"]+)"', doc))
    hrefs = re.findall(r' href="([^"]+)"', doc)
    assert len(hrefs) > 100
    web = [h for h in hrefs if h.startswith(("http://", "https://"))]
    assert [h for h in hrefs if h not in web and (not h.startswith("#") or h[1:] not in ids)] == []
    assert all(f'<span class="kw-url">{h}</span>' in doc for h in web)  # the address is printed as a footnote
    assert ".csv" not in doc  # download links are site-only
    assert re.findall(r'<img [^>]*src="([^"]+)"', doc)[0] == "grafieken/indicator-1a.svg"


def _grow(mini: Path, n: int = 9) -> None:
    """Add ``n`` fictional indicators, each with a college table of another length and title, so that page
    breaks in the theme page and the college appendix fall at many different places."""
    tables = mini / "data" / "tables"
    with (
        (mini / "data" / "tables.yaml").open("a", encoding="utf-8") as t,
        (mini / "data" / "indicators.yaml").open("a", encoding="utf-8") as ind,
    ):
        for i in range(n):
            periods = [str(2010 + j) for j in range(3 + i % 5)]
            rows = [
                "Nrd," + ",".join(f"6.{(i + j) % 10}" for j in range(len(periods))),
                "Totaal ROCA," + ",".join(f"6.{(i + 2 * j) % 10}" for j in range(len(periods))),
            ]
            (tables / f"t{i}.csv").write_text(
                "label," + ",".join(periods) + "\n" + "\n".join(rows) + "\n", encoding="utf-8"
            )
            t.write(
                f"  - id: t{i}\n    title: Tabel {i} {'met een langere titel ' * (i % 3)}\n"
                f"    file: tables/t{i}.csv\n    indicator: 2{chr(97 + i)}\n    unit: grade\n    rows: unit\n"
                "    total: Totaal ROCA\n"
            )
            ind.write(
                f"  - id: 2{chr(97 + i)}\n    theme: kern\n    name: Cijfer {i}{' met een toelichting' * (i % 4)}\n"
                f"    unit: grade\n    scale: {{min: 1, max: 10}}\n    baseline: {{value: 6.{i}, year: 2012}}\n"
                f"    targets:\n      - {{year: 2020, kind: value, value: 7.{i}}}\n    tables: [t{i}]\n"
            )


HEADING_SIZES = {20.0, 14.0, 11.5}
"""print.css: h1, h2, h3 (h4 is bold body size)."""


def page_endings(path: Path) -> list[tuple[int, str, str]]:
    """(page, kind, text) for every page whose last line (running head and page number left out, chart
    text included) is a heading, a lead-in ("Indicator …", a line ending in a colon) or a summary line."""
    out = []
    with pdfplumber.open(path) as pdf:
        for n, page in enumerate(pdf.pages[1:], start=2):  # the cover is one block
            lines = [
                line
                for line in page.extract_text_lines()  # running head and page foot left out
                if 24 * MM < line["top"] < page.height - 22 * MM
            ]
            if not lines:
                continue
            last = max(lines, key=lambda line: line["bottom"])
            text = norm(last["text"]).strip()
            if not all("Liberation" in c["fontname"] for c in last["chars"]):
                continue  # a chart's own text: the page ends with the chart
            size = max(round(c["size"], 1) for c in last["chars"])
            bold = all("Bold" in c["fontname"] for c in last["chars"] if c["text"].strip())
            if size in HEADING_SIZES or (bold and size == 10.0):
                out.append((n, "heading", text))
            elif text.startswith("Tabel bij de grafiek"):
                out.append((n, "summary", text))
            elif text.startswith("Indicator ") or text.endswith(":"):
                out.append((n, "lead-in", text))
    return out


def test_no_page_ends_with_a_heading_lead_in_or_summary_line(mini, tmp_path):
    _grow(mini)
    out = tmp_path / "grown.pdf"
    proc = render(mini, out, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    pdf = read(out)
    assert len(pdf.pages) >= 25  # nine charts in the appendix and the theme page each: page breaks among them
    assert page_endings(out) == []
    lead_ins = [
        p.number
        for p in pdf.pages
        for t, _ in p.lines
        if t.startswith("Indicator 2") and not re.match(r"Indicator \S+:", t)
    ]  # not the indicator pages' titles
    assert len(lead_ins) == 18, lead_ins  # each printed once in both appendices (Zuid: "geen gegevens")


def test_a_table_wider_than_the_page_wraps_instead_of_losing_columns(mini, tmp_path):
    codes = [f"CODE{i}X" + "".join(str((i * 7 + j) % 10) for j in range(34)) for i in range(7)]  # unbreakable
    table = (
        "| " + " | ".join(f"Kolom {i}" for i in range(7)) + " |\n|" + "---|" * 7 + "\n| " + " | ".join(codes) + " |\n"
    )
    (mini / "content" / "index.md").write_text(
        f"# Home\n\nEen brede tabel:\n\n{table}\nNa de tabel.\n", encoding="utf-8"
    )
    periods = [str(y) for y in range(2011, 2023)]  # a generated table (raw HTML in the Markdown) with a long code
    (mini / "data" / "tables" / "codes.csv").write_text(
        "label," + ",".join(periods) + "\n" + f"{codes[0]}," + ",".join("12.5" for _ in periods) + "\n",
        encoding="utf-8",
    )
    with (mini / "data" / "tables.yaml").open("a", encoding="utf-8") as f:
        f.write(
            "  - id: codes\n    title: Codes\n    file: tables/codes.csv\n    indicator: 1b\n"
            "    unit: percent\n    rows: domain\n"
        )
    out = tmp_path / "wide.pdf"
    proc = render(mini, out, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    home = next(p for p in read(out).pages if p.headings(20.0) == ["Home"])
    assert max(c[3] for c in home.chars) <= home.width - RIGHT_MARGIN + 1
    with pdfplumber.open(out) as pdf:
        rows = pdf.pages[home.number - 1].extract_table()
    assert rows[0] == [f"Kolom {i}" for i in range(7)]
    assert [squash(cell) for cell in rows[1]] == codes  # every cell whole, wrapped inside its column
    with pdfplumber.open(out) as pdf:
        found = [
            (n, row)
            for n, page in enumerate(pdf.pages, start=1)
            for t in page.extract_tables()
            for row in t
            if row[0] and row[0].startswith("CODE0") and row[-1] == "12,5%"
        ]
    assert len(found) == 1
    number, row = found[0]
    assert [squash(c) for c in row] == [codes[0]] + ["12,5%"] * len(periods)
    page = read(out).pages[number - 1]
    assert max(c[3] for c in page.chars) <= page.width - RIGHT_MARGIN + 1


def test_open_data_page_is_one_paragraph_with_the_address_in_print(mini, tmp_path):
    out = tmp_path / "od.pdf"
    proc = render(mini, out, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    pdf = read(out)
    pages = [p for p in pdf.pages if "Opendata" in p.headings(20.0)]
    assert len(pages) == 1 and pages[0] is pdf.pages[-1]  # the last page of the mini nav, and only one
    text = re.sub(r"\s+", " ", norm(pages[0].text))
    assert (
        "als CSV en als JSON (10 bestanden per formaat)" in text
    )  # the mini site's 10 datasets (no stand-* tables without realisations; the indicator pages' targets, #15)
    assert "1. https://mini.example.invalid/open-data/" in text  # the address, as a footnote
    assert "Nulmeting en streefwaarden van indicator 1a" not in pdf.text()  # the site's list stays online


def test_open_data_page_without_site_url_names_the_page_only():
    from kwsite.pdf import collect, html

    source = collect(ROOT / "tests" / "fixtures" / "mini")
    source.site_url = None
    doc = html(source)
    section = doc[doc.index('id="p-open-data"') :]
    assert "op de pagina Open data van de website." in section and "http" not in section


@pytest.mark.parametrize("nav", ["changes", "none"])
def test_kwsite_pdf_and_the_builds_pdf_are_the_same_document(mini, tmp_path, nav):
    config = (mini / "mkdocs.yml").read_text(encoding="utf-8")
    if nav == "changes":
        config = config.replace("  - kwsite:opendata\n", "  - kwsite:changes\n  - kwsite:opendata\n")
    else:  # no nav: MkDocs lists every page, the plugin adds "Wat is er veranderd" as well
        config = config[: config.index("nav:")]
    (mini / "mkdocs.yml").write_text(config, encoding="utf-8")
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=mini, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = tmp_path / "cli.pdf"
    proc = render(mini, out, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    built = mini / "site" / "downloads" / "kwaliteitsagenda.pdf"
    assert "Dit is de eerste editie" in read(out).text()  # "Wat is er veranderd" is in both
    assert built.read_bytes() == out.read_bytes()


def test_readme_quotes_no_size_the_build_decides():
    """A size or page count of the built PDF goes stale with the next edit of the data (it said 0,9 MB at 1,2 MB)."""
    sizes = re.compile(r"\d[\d.,]*\s?(?:kB|KB|MB|GB)\b|\b\d+\s+pagina's")
    for name in ("README.md", "CONTRIBUTING.md", "kwsite/scaffold/README.md"):
        text = (ROOT / name).read_text(encoding="utf-8")
        text = text[: text.find("## Snelheid")] if "## Snelheid" in text else text  # the benchmark corpus is fixed
        assert sizes.findall(text) == [], name
