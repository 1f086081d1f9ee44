"""Tables and charts that scroll sideways: a named region a keyboard user can reach (WCAG 2.1.1, 4.1.2).

On a narrow screen a wide table scrolls inside its box, not the page (WCAG 1.4.10). A box
that scrolls must be reachable with the keyboard, or its hidden columns cannot be read
without a mouse; a screen reader must hear what the box holds. Generated tables are built
that way (the macro ``table`` in ``kwsite/theme/pages/macros/table.html``); this pass does the same, in the page's HTML at
build time (so it holds without JavaScript), for every other table: Markdown tables in the
hand-written chapters, raw HTML tables, and generated wrappers written without the
attributes. Each outermost ``<table>`` ends up directly inside
``<div class="kw-table-wrap" role="region" tabindex="0" aria-label="…">``.

The name is the table's ``<caption>``; without one it is "Tabel bij <heading>" after the
nearest heading above the table ("Tabel 2 bij …" for the second table under that heading),
or "Tabel <n>" when no heading precedes it. Material's script still wraps a table without a
class in its own ``.md-typeset__scrollwrap`` at runtime; ``kwsite.css`` keeps that inner box
from scrolling, so the named region is the one that scrolls.

Charts take the same pass. A chart's text is drawn to scale with the image, so on a phone a
chart that shrinks to the text column has text too small to read; ``kwsite.css`` gives it a
minimum width instead, and the chart scrolls sideways inside its region (WCAG 1.4.10 exempts
content that needs a two-dimensional layout; the data table under the chart reflows). The
paragraph that holds only the chart image (``<p><img class="kw-chart" …></p>``, from
``![alt](…){ .kw-chart }``) ends up inside ``<div class="kw-chart-wrap" role="region"
tabindex="0" aria-label="Grafiek: …">``, named after the start of the image's alt text (whose
first sentence is the chart's title).
"""

from __future__ import annotations

import re
from html import escape, unescape

WRAP = "kw-table-wrap"
CHART_WRAP = "kw-chart-wrap"
CHART_NAME_CHARS = 80
"""At most this much of the alt text names a chart's region (cut at a word, with "…")."""
TOKEN = re.compile(
    r"(?=<)(?:"  # every token starts with '<': the scan skips to the next one (three times faster)
    r"<h([1-6])\b[^>]*>(?P<heading>.*?)</h\1>"
    rf'|(?P<chart>(?P<wrapped><div class="{CHART_WRAP}"[^>]*>\s*)?<p>\s*<img\b(?P<img>[^>]*\bclass="[^"]*\bkw-chart\b[^>]*)>\s*</p>)'
    r"|<(?P<close>/?)table\b[^>]*>"
    rf'|<div class="{WRAP}"(?P<attrs>[^>]*)>(?=\s*<table\b))',
    re.S | re.I,
)
CAPTION = re.compile(r"\s*<caption\b[^>]*>(.*?)</caption>", re.S | re.I)
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
TAG = re.compile(r"<[^>]+>")


def plain(fragment: str) -> str:
    """The text of an HTML fragment: tags and the heading's ¶ link dropped, entities decoded, spaces collapsed."""
    return " ".join(unescape(TAG.sub("", HEADERLINK.sub("", fragment))).split())


def _attributes(name: str) -> str:
    return f' role="region" tabindex="0" aria-label="{escape(name)}"'


ALT = re.compile(r'\balt="([^"]*)"')


def chart_name(img_attributes: str) -> str:
    """ "Grafiek: <start of the alt text>" for an ``<img>``'s attribute text: its first sentence,
    at most :data:`CHART_NAME_CHARS` characters (cut at a word, "…" added); "Grafiek" without alt text."""
    alt = ALT.search(img_attributes)
    words = " ".join(unescape(alt.group(1)).split()) if alt else ""
    first = re.split(r"(?<=[.:;])\s", words, maxsplit=1)[0].rstrip(".:;")
    if len(first) > CHART_NAME_CHARS:
        first = first[:CHART_NAME_CHARS].rsplit(" ", 1)[0] + " …"
    return f"Grafiek: {first}" if first else "Grafiek"


def scroll_regions(html: str) -> str:
    """``html`` (a page body) with every outermost table inside a focusable, named ``kw-table-wrap`` region,
    and every chart paragraph outside a table inside a ``kw-chart-wrap`` region (:func:`chart_name`).

    A wrapper that already has a ``role`` is left as it is; one without gets the attributes."""
    out: list[str] = []
    pos = depth = count = 0
    heading, under_heading = "", 0
    pending: int | None = None  # index in ``out`` of a bare wrapper's opening tag, waiting for its table
    named = False  # the wrapper just before the next table is already a region
    close_wrapper = False  # this pass opened a wrapper for the open outermost table
    for match in TOKEN.finditer(html):
        out.append(html[pos : match.start()])
        pos = match.end()
        token = match.group(0)
        if match.group("heading") is not None:
            heading, under_heading = plain(match.group("heading")), 0
        elif match.group("chart") is not None:
            if not depth and match.group("wrapped") is None:  # a region already: left as it is
                token = f'<div class="{CHART_WRAP}"{_attributes(chart_name(match.group("img")))}>{token}</div>'
        elif match.group("attrs") is not None:
            named = "role=" in match.group("attrs")
            pending = None if named else len(out)
        elif match.group("close") == "/":
            depth = max(depth - 1, 0)
            if depth == 0 and close_wrapper:
                token, close_wrapper = token + "</div>", False
        elif depth:
            depth += 1  # a nested table: its outer table's region holds it
        else:
            depth, count, under_heading = 1, count + 1, under_heading + 1
            if not named:
                caption = CAPTION.match(html, pos)
                name = plain(caption.group(1)) if caption else ""
                if not name:
                    number = f" {under_heading}" if under_heading > 1 else ""
                    name = f"Tabel{number} bij {heading}" if heading else f"Tabel {count}"
                if pending is not None:
                    out[pending] = out[pending][:-1] + _attributes(name) + ">"
                else:
                    out.append(f'<div class="{WRAP}"{_attributes(name)}>')
                    close_wrapper = True
            pending, named = None, False
        out.append(token)
    out.append(html[pos:])
    return "".join(out)
