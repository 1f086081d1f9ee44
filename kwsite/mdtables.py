"""Tables written by hand in the content pages (Markdown pipe tables) as open data.

Each such table gets the same CSV and JSON downloads as a generated one, keyed
``tekst-<page stem>-<n>``. Its cells are taken as the page shows them (after
``[[ref]]`` directives are expanded; link targets and emphasis dropped). A
column whose filled cells are all percentages (``3,0%``), all amounts in
millions of euros (``€ 7,0 mln``) or all plain Dutch numbers becomes a machine
number column (``3.0``) and its name says the unit (``(%)``, ``(mln euro)``);
any other column stays text, exactly as shown.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

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
    """A pipe table in a Markdown text: ``end`` is the index of its last line."""

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
                    out.append(Problem(file, top + k + 1, 1, row[0][:60],
                                       "HTML-commentaar midden in een tabel breekt de tabel af; zet het boven de tabel"))
            elif len(row) != len(found.header):
                out.append(Problem(file, top + k + 1, 1, row[0][:60] if row else "",
                                   f"rij heeft {len(row)} cellen, de kopregel {len(found.header)}; "
                                   "een | in een cel schrijf je als \\|"))
    return out


def _machine(text: str) -> str:
    return text.replace(".", "").replace(",", ".")


def dataset(found: Found, page: str, n: int, title: str) -> Dataset:
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


def datasets(markdown: str, page: str) -> list[Dataset]:
    """The datasets of every table in ``markdown`` (already expanded), titled by their heading."""
    found = find(markdown)
    return [dataset(f, page, n, f"{f.heading or 'Tabel'} (tabel {n})") for n, f in enumerate(found, 1)]


def with_links(markdown: str, links: list[str]) -> str:
    """``markdown`` with ``links[n]`` as a paragraph right after its n-th table."""
    lines = markdown.split("\n")
    for found, link in reversed(list(zip(find(markdown), links))):
        lines[found.end + 1 : found.end + 1] = ["", link, ""]
    return "\n".join(lines)


THEAD = re.compile(r"<thead>.*?</thead>", re.S)


def scope_headers(html: str) -> str:
    """Give the header cells of Markdown tables ``scope="col"`` (Python-Markdown writes bare ``<th>``)."""
    return THEAD.sub(lambda m: re.sub(r"<th(?![^>]*\bscope=)(?=[\s>])", '<th scope="col"', m.group(0)), html)
