"""Hostile input: a fixture site with script, event handlers, ``javascript:`` URLs and
``"><`` break-outs in Markdown, front matter, mkdocs.yml, YAML text fields (measure titles,
goal texts, college names, action lines with owner names) and CSV cells
builds with --strict, and its output holds nothing executable that came from input."""

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import mkdocs_build

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
MINI = Path(__file__).parent / "fixtures" / "mini"
MARK = "kwpwn"  # every payload calls kwpwn(N)
URL_ATTRS = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "background"}
FORBIDDEN_TAGS = {"iframe", "object", "embed", "frame", "frameset", "base", "applet"}


class Sinks(HTMLParser):
    """Collects every place in a document where code could run."""

    def __init__(self, theme_scripts: frozenset = frozenset()):
        super().__init__(convert_charrefs=True)
        self.found, self._script, self.inline = [], None, []
        self.theme_scripts = theme_scripts

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            src = attrs.get("src")
            self._script = None
            if src is not None:  # external: only our own files, by a relative URL
                if not src or re.match(r"^[a-z][a-z0-9+.-]*:|^//", src.strip().lower()):
                    self.found.append(f"<script src={src!r}>")
            elif attrs.get("type") != "application/json":  # JSON data does not run
                self._script = []  # inline: allowed only if the theme itself emits it
        if tag in FORBIDDEN_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.found.append(f"{tag}[{name}={value!r}]")
            if (
                name in URL_ATTRS
                and value
                and re.sub(r"[\s\x00-\x1f]", "", value)
                .lower()
                .startswith(("javascript:", "vbscript:", "data:text/html"))
            ):
                self.found.append(f"{tag}[{name}={value!r}]")
            if name == "style" and value and ("url(" in value or "expression(" in value):
                self.found.append(f"{tag}[style={value!r}]")

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            body = "".join(self._script)
            self.inline.append(body)
            if MARK in body or body not in self.theme_scripts:
                self.found.append(f"script body {body[:80]!r}")
            self._script = None


def parse(html: str, theme_scripts: frozenset = frozenset()) -> Sinks:
    parser = Sinks(theme_scripts)
    parser.feed(html)
    parser.close()
    return parser


def sinks(html: str, theme_scripts: frozenset = frozenset()) -> list[str]:
    return parse(html, theme_scripts).found


def build_copy(tmp_path_factory, source: Path) -> Path:
    """Build a copy of the fixture site ``source`` with --strict; returns its ``site/``."""
    work = tmp_path_factory.mktemp(source.name) / "site-src"
    shutil.copytree(source, work)
    proc = mkdocs_build(work, "--strict")
    assert proc.returncode == 0, proc.stderr[-3000:]
    return work / "site"


@pytest.fixture(scope="module")
def theme_scripts(tmp_path_factory):
    """Inline scripts Material itself writes, read off a clean build of the mini site."""
    bodies = set()
    for page in build_copy(tmp_path_factory, MINI).rglob("*.html"):
        bodies.update(parse(page.read_text(encoding="utf-8")).inline)
    assert len(bodies) >= 2
    return frozenset(bodies)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_copy(tmp_path_factory, HOSTILE)


def test_the_checker_finds_each_kind_of_sink():
    html = (
        '<script>kwpwn(1)</script><img src=x onerror="kwpwn(2)"><a href=" JavaScript:kwpwn(3)">x</a>'
        '<iframe src="x"></iframe><div style="background:url(javascript:kwpwn(4))"></div>'
        '<script src="https://cdn.example/x.js"></script>'
    )
    assert len(sinks(html, frozenset({"kwpwn(1)"}))) == 6
    assert sinks("<script>var ok=1</script>", frozenset({"var ok=1"})) == []


def test_payloads_reached_the_pages(built):
    """The fixture really carries its payloads into the output (as inert text)."""
    theme = (built / "themas/kern/index.html").read_text(encoding="utf-8")
    assert "Mentor&lt;script&gt;kwpwn(2)&lt;/script&gt;" in theme
    assert "College Zuid&lt;script&gt;kwpwn(10)&lt;/script&gt;" in (built / "colleges/index.html").read_text(
        encoding="utf-8"
    )
    lines = (built / "lijnen/noord/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;kwpwn(47)&lt;/script&gt;: Jan &lt;img src=x onerror=kwpwn(48)&gt; Kwaad" in lines


def test_no_executable_sink_in_any_page(built, theme_scripts):
    pages = sorted(built.rglob("*.html"))
    assert len(pages) >= 8
    found = {str(p.relative_to(built)): sinks(p.read_text(encoding="utf-8"), theme_scripts) for p in pages}
    assert {k: v for k, v in found.items() if v} == {}


def test_title_and_description_cannot_break_out(built):
    home = (built / "index.html").read_text(encoding="utf-8")
    head = home.split("</head>", 1)[0]
    assert MARK + "(13)" not in head and MARK + "(14)" not in head and MARK + "(15)" not in head
    assert re.search(r'<meta name="description" content="Besch&quot;&gt;">', head)
    assert "<script>" + MARK not in home  # site_name in the header and logo labels


def test_search_index_text_is_inert(built):
    index = json.loads((built / "search/search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        assert sinks(doc["title"]) == [] and sinks(doc["text"]) == [], doc["location"]
        assert "<script" not in doc["title"] + doc["text"]


def test_charts_hold_no_script(built):
    for svg in built.rglob("*.svg"):
        assert sinks(svg.read_text(encoding="utf-8")) == [], svg


def test_csv_downloads_neutralise_formulas_and_keep_numbers(built):
    text = (built / "downloads/tabel-reeks.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[1].startswith("\"'=HYPERLINK(") and lines[1].endswith(",1,2")
    assert lines[3] == "'@SUM(A1),5,6"
    for path in built.glob("downloads/*.csv"):
        for line in path.read_text(encoding="utf-8").splitlines():
            first = line.lstrip('"')
            assert not first.startswith(("=", "+", "@", "\t", "\r")), (path.name, line)


def pdf_actions(path: Path) -> list[str]:
    """Every action or script entry point in a PDF: document-level (OpenAction, AA,
    JavaScript name tree) and on each link annotation (its /A action and /AA)."""
    import pypdf

    reader = pypdf.PdfReader(path)
    root = reader.trailer["/Root"]
    found = [f"catalog {k}" for k in ("/OpenAction", "/AA") if k in root]
    names = root.get("/Names")
    if names is not None and "/JavaScript" in names.get_object():
        found.append("catalog /Names /JavaScript")
    for number, page in enumerate(reader.pages, start=1):
        found += [f"page {number} /AA"] if "/AA" in page else []
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            action = annot.get("/A")
            action = action.get_object() if action is not None else None
            kind = action.get("/S") if action is not None else None
            uri = str(action.get("/URI", "")) if action is not None else ""
            if (
                "/AA" in annot
                or (kind is not None and kind not in ("/GoTo", "/URI"))
                or (kind == "/URI" and not uri.lower().startswith(("http://", "https://", "mailto:")))
            ):
                found.append(f"page {number}: {kind} {uri}")
    return found


def test_pdf_of_the_hostile_site_has_no_scripts_or_actions(built):
    import pypdf

    pdf = built / "downloads/kwaliteitsagenda.pdf"
    assert pdf.is_file()
    assert pdf_actions(pdf) == []
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    assert "kwpwn(2)" in text  # the measure title's payload is there, as plain text
