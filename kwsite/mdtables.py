"""Tables written by hand in the content pages (Markdown pipe tables) as open data.

Each such table gets the same CSV and JSON downloads as a generated one, keyed
``tekst-<page stem>-<n>``. The tables are found by a Python-Markdown tree processor
(:class:`Collect`) in the parse that renders the page — the site's own extensions — so
a table without outer pipes, an escaped ``\\|`` and a ``|`` in a code span give the cells
the reader sees. A cell is its text as shown (after ``[[ref]]`` directives are expanded;
link targets, emphasis, footnote marks and HTML tags dropped). A column whose filled cells
are all percentages (``3,0%``), all amounts in millions of euros (``€ 7,0 mln``) or all plain
Dutch numbers becomes a machine number column (``3.0``) and its name says the unit (``(%)``,
``(mln euro)``); any other column stays text, exactly as shown. :class:`TableLinks` puts the
download links right after each table in the page's own render.

:func:`row_problems` still reads the source lines: it reports a row with more or fewer cells
than its header, which the rendered table no longer shows (Python-Markdown drops or pads cells).
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable
from dataclasses import dataclass

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from .datasets import Dataset
from .problems import Problem

ROW = re.compile(r"^\s*\|.*\|\s*$")
SEPARATOR = re.compile(r"^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
NUM = r"(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
KINDS = (
    (re.compile(rf"^{NUM}\s?%$"), " (%)"),
    (re.compile(rf"^€\s?{NUM}\s?mln$"), " (mln euro)"),
    (re.compile(rf"^{NUM}$"), ""),
)
UNIT = "zie de kolomnamen"
SOURCE = "de tekst van de kwaliteitsagenda; cijfers zoals daar vermeld"


@dataclass(frozen=True)
class Found:
    """A pipe table in the source lines (for :func:`row_problems`): ``end`` is the index of its last line."""

    end: int
    header: list[str]
    rows: list[list[str]]
    heading: str


CODE = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)")


def _split(line: str) -> list[str]:
    """The cells of a row as Python-Markdown splits them: ``\\|`` and a ``|`` in inline code stay in their cell."""
    inner = line.strip().removeprefix("|")
    if inner.endswith("|") and not inner.endswith("\\|"):
        inner = inner[:-1]
    masked = CODE.sub(lambda m: "x" * len(m.group(0)), inner)
    cuts = [i for i, c in enumerate(masked) if c == "|" and (i == 0 or masked[i - 1] != "\\")]
    return [inner[a + 1 : b].replace("\\|", "|") for a, b in zip([-1] + cuts, cuts + [len(inner)])]


def _cells(line: str) -> list[str]:
    return [_plain(c) for c in _split(line)]


def _plain(cell: str) -> str:
    cell = LINK.sub(r"\1", cell).replace("**", "").replace("`", "")
    return " ".join(cell.replace("\\*", "*").split())


def find(markdown: str) -> list[Found]:
    """Every pipe table (header line, separator line, body lines up to a blank line) outside code fences,
    with the heading above it."""
    lines = markdown.split("\n")
    out, heading, i, fenced = [], "", 0, False
    while i < len(lines):
        if FENCE.match(lines[i]):
            fenced = not fenced
        if fenced:
            i += 1
            continue
        match = HEADING.match(lines[i])
        if match:
            heading = _plain(match.group(1))
        if ROW.match(lines[i]) and i + 1 < len(lines) and SEPARATOR.match(lines[i + 1]):
            j = i + 2  # as Python-Markdown: every line up to a blank one is a row, with or without pipes
            while j < len(lines) and lines[j].strip() and not FENCE.match(lines[j]):
                j += 1
            out.append(Found(j - 1, _cells(lines[i]), [_cells(r) for r in lines[i + 2 : j]], heading))
            i = j
            continue
        i += 1
    return out


def row_problems(markdown: str, file: str, first_line: int = 1) -> list[Problem]:
    """A problem for each table row with more or fewer cells than its header line: Python-Markdown
    drops a cell beyond the header and fills a missing one at the end, so text is lost or a value
    lands in the wrong column. ``first_line`` is the line of ``markdown``'s first line in ``file``."""
    out = []
    for found in find(markdown):
        top = found.end - len(found.rows) + first_line
        for k, row in enumerate(found.rows):
            if len(row) == 1 and row[0].startswith("<!--"):
                if "-->" in row[0]:  # an unclosed one is reported by kwsite.directives.open_comments
                    out.append(
                        Problem(
                            file,
                            top + k + 1,
                            1,
                            row[0][:60],
                            "HTML-commentaar midden in een tabel breekt de tabel af; zet het boven de tabel",
                        )
                    )
            elif len(row) != len(found.header):
                out.append(
                    Problem(
                        file,
                        top + k + 1,
                        1,
                        row[0][:60] if row else "",
                        f"rij heeft {len(row)} cellen, de kopregel {len(found.header)}; "
                        "een | in een cel schrijf je als \\|",
                    )
                )
    return out


def _machine(text: str) -> str:
    return text.replace(".", "").replace(",", ".")


def dataset(found: Table, page: str, n: int, title: str) -> Dataset:
    """The machine form of table ``n`` (1-based) on ``page`` (docs path)."""
    width = len(found.header)
    rows = [(r + [""] * width)[:width] for r in found.rows]
    columns = list(found.header)
    for j in range(1, width):
        filled = [r[j] for r in rows if r[j]]
        for pattern, suffix in KINDS:
            if filled and all(pattern.match(c) for c in filled):
                columns[j] += suffix
                for r in rows:
                    r[j] = _machine(pattern.match(r[j]).group(1)) if r[j] else ""
                break
    stem = posixpath.splitext(posixpath.basename(page))[0]
    return Dataset(f"tekst-{stem}-{n}", title, tuple(columns), tuple(map(tuple, rows)), UNIT, SOURCE, page)


DEFAULT_EXTENSIONS = ("toc", "tables", "fenced_code")
"""MkDocs' default ``markdown_extensions``: used when the caller names none."""
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
"""YAML front matter as MkDocs strips it (``mkdocs.utils.meta``) before the page is parsed."""
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass(frozen=True)
class Table:
    """A table as the page shows it: header cells, body rows (cells as text) and the heading above it."""

    header: list[str]
    rows: list[list[str]]
    heading: str


class _Read(Exception):
    """Ends a parse made for :class:`Collect` once it has read the tree (:func:`tables`)."""


class Collect(Treeprocessor):
    """Records every ``<table>`` of the parsed page, in document order, as :class:`Table` (``self.found``).
    Runs last (after inline patterns and unescaping), so cells hold the text the reader sees; then ends
    the parse (:class:`_Read`)."""

    def run(self, root: etree.Element) -> None:
        self.found: list[Table] = []
        heading = ""
        for el in root.iter():
            if el.tag in HEADINGS:
                heading = self._text(el)
            elif el.tag == "table":
                rows = [[self._text(cell) for cell in tr if cell.tag in ("th", "td")] for tr in el.iter("tr")]
                if rows:
                    self.found.append(Table(rows[0], rows[1:], heading))
        raise _Read  # the tree is read: the page's HTML (serializer, postprocessors) is not needed

    def _text(self, el: etree.Element) -> str:
        parts: list[str] = []
        _walk(el, parts)
        stash = self.md.htmlStash.rawHtmlBlocks

        def raw(match: re.Match) -> str:  # inline HTML: its text (``<br>`` a space), never its markup
            html = str(stash[int(match.group(1))])
            return " " if re.fullmatch(r"<br\s*/?>", html.strip(), re.I) else re.sub(r"<[^>]*>", "", html)

        return " ".join(HTML_PLACEHOLDER_RE.sub(raw, "".join(parts)).split())


def _walk(el: etree.Element, parts: list[str]) -> None:
    """The text of ``el`` without footnote marks and heading permalinks (not part of what a cell says)."""
    parts.append(el.text or "")
    for child in el:
        skip = child.get("id", "").startswith("fnref") or "headerlink" in child.get("class", "").split()
        if not skip:
            _walk(child, parts)
        parts.append(child.tail or "")


class _CollectExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        self.collect = Collect(md)
        md.treeprocessors.register(self.collect, "kwsite_tables", -10)


def tables(text: str, extensions: Iterable = DEFAULT_EXTENSIONS, configs: dict | None = None) -> list[Table]:
    """Every table of the page ``text`` (Markdown, directives expanded; front matter is skipped) as
    Python-Markdown renders it with ``extensions``/``configs`` (MkDocs' ``markdown_extensions`` and
    ``mdx_configs``): no ``tables`` extension, no tables."""
    collector = _CollectExtension()
    md = markdown.Markdown(extensions=[*extensions, collector], extension_configs=configs or {})
    try:
        md.convert(FRONT_MATTER.sub("", text, count=1))
    except _Read:
        pass
    return getattr(collector.collect, "found", [])


def datasets(
    text: str, page: str, extensions: Iterable = DEFAULT_EXTENSIONS, configs: dict | None = None
) -> list[Dataset]:
    """The datasets of every table in the page ``text`` (already expanded), titled by their heading;
    ``extensions``/``configs`` as for :func:`tables`."""
    found = tables(text, extensions, configs)
    return [dataset(f, page, n, f"{f.heading or 'Tabel'} (tabel {n})") for n, f in enumerate(found, 1)]


class _Links(Treeprocessor):
    def __init__(self, md: markdown.Markdown, owner: TableLinks):
        super().__init__(md)
        self.owner = owner

    def run(self, root: etree.Element) -> None:
        links, self.owner.pending = self.owner.pending, None
        if not links:
            return
        parents = {child: parent for parent in root.iter() for child in parent}
        for table, link in zip([t for t in root.iter("table")], links):
            parent = parents[table]
            paragraph = etree.Element("p")
            paragraph.text = link  # Markdown: the inline patterns (links) run after this processor
            parent.insert(list(parent).index(table) + 1, paragraph)


class TableLinks(Extension):
    """Puts ``pending[n]`` (Markdown, e.g. the download links) in a paragraph right after the page's
    n-th table, in the render of the next page only; set ``pending`` just before that page is parsed."""

    def __init__(self) -> None:
        super().__init__()
        self.pending: list[str] | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_Links(md, self), "kwsite_table_links", 25)  # before 'inline' (20)


THEAD = re.compile(r"<thead>.*?</thead>", re.S)


def scope_headers(html: str) -> str:
    """Give the header cells of Markdown tables ``scope="col"`` (Python-Markdown writes bare ``<th>``)."""
    return THEAD.sub(lambda m: re.sub(r"<th(?![^>]*\bscope=)(?=[\s>])", '<th scope="col"', m.group(0)), html)
