"""Markdown → print HTML for one page of the document.

The page is converted with the site's own Markdown extensions (from
``mkdocs.yml``); one extra tree processor, run after ``toc``, makes the page
fit into a single print document:

- every ``id`` gets the page's key as prefix, so ids stay unique;
- links to other pages (``../themas/x.md#a``) become ``#<key>--a`` and stay
  clickable (with ``defer_links``, a placeholder that :meth:`Converted.resolved` fills in once every
  page's ids are known: one Markdown pass per page instead of two); download links (their text names a size) are dropped, keeping
  the surrounding text; links to other files keep only their words; web links
  get their address as a footnote;
- Markdown footnotes (extension ``footnotes``) become page footnotes;
- image paths become docs-relative, so the URL fetcher finds them;
- a chart or table is wrapped in ``div.kw-keep`` with the headings and the
  lead-in right above it, so print.css can keep them on one page (WeasyPrint's
  selectors have no ``:has()``, so the markup carries the grouping);
- a table with a header cell in a seventh column gets ``class="kw-wide"`` (print.css sets it smaller;
  the selector ``table:has(th:nth-child(7))`` did the same but cost a walk through the table for every
  cell, a seventh of the PDF's time on the benchmark corpus);
- a table cell with a word too long for a column (a code, an address) gets
  ``class="kw-long"`` (and ``kw-code`` if the word has a digit: never
  hyphenated), which print.css lets break anywhere: a wide table wraps instead
  of running off the page.
"""

from __future__ import annotations

import html as html_lib
import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

SIZE = re.compile(r"\d[\d.,]*\s?(?:kB|MB|KB|bytes?)\b")
"""A file size in a link text marks a download link."""


def page_key(path: str) -> str:
    """``hoofdstukken/01-koers.md`` → ``p-hoofdstukken-01-koers``."""
    stem = path[:-3] if path.endswith(".md") else path
    return "p-" + re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-")


@dataclass
class Heading:
    level: int
    id: str
    text: str


@dataclass
class Converted:
    html: str
    headings: list[Heading] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    """Every (prefixed) id of the page, for resolving links between pages."""
    deferred: list[tuple[str, str]] = field(default_factory=list)
    """With ``defer_links``: (target id, its page's key) of each in-document link, in placeholder order."""

    def resolved(self, ids: set[str]) -> str:
        """The HTML with each deferred link target filled in: ``#<target>`` if ``target`` is in ``ids``,
        else ``#<page key>`` (a broken anchor opens its page), as a conversion with ``ids`` gives it."""
        if not self.deferred:
            return self.html
        targets = [target if target in ids else key for target, key in self.deferred]
        return DEFERRED.sub(lambda m: targets[int(m.group(1))], self.html)


DEFERRED_MARK = "\ue000"
"""Placeholder characters of a deferred link (Unicode private use: a page containing one is converted
without deferring)."""
DEFERRED = re.compile("\ue000(\\d+)\ue001")


class _PrintTree(Treeprocessor):
    def __init__(self, md, path: str, pages: set[str], ids: set[str] | None, defer: bool = False):
        super().__init__(md)
        self.path, self.pages, self.key, self.ids = path, pages, page_key(path), ids
        self.found: set[str] = set()
        self.deferred: list[tuple[str, str]] | None = [] if defer else None

    def _anchor(self, key: str, fragment: str) -> str:
        """``#key--fragment``; the page itself when the fragment is no id of the document
        (a broken anchor: MkDocs warns about it, the PDF just opens the page). Deferred: a placeholder."""
        target = f"{key}--{fragment}" if fragment else key
        if self.deferred is not None:
            self.deferred.append((target, key))
            return f"#\ue000{len(self.deferred) - 1}\ue001"
        return f"#{target}" if self.ids is None or target in self.ids else f"#{key}"

    def _target(self, href: str) -> str | None:
        """The in-document target of a relative link, or ``None`` if it is no page."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return href
        if not parts.path:
            return self._anchor(self.key, parts.fragment)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.path), unquote(parts.path)))
        if target.endswith("/") or not target.endswith(".md"):
            target = posixpath.join(target, "index.md") if "." not in posixpath.basename(target) else target
        if target not in self.pages:
            return None
        return self._anchor(page_key(target), parts.fragment)

    def run(self, root):
        _page_footnotes(root)
        parents = {child: parent for parent in root.iter() for child in parent}
        for el in list(root.iter()):
            if el.tag == "table" and any(
                len(tr) >= WIDE_COLUMNS and tr[WIDE_COLUMNS - 1].tag == "th" for tr in el.iter("tr")
            ):
                el.set("class", " ".join([*_classes(el), "kw-wide"]))
            if el.tag in ("td", "th") and _long_classes("".join(el.itertext())):
                el.set("class", " ".join([*_classes(el), *_long_classes("".join(el.itertext()))]))
            if el.get("id"):
                el.set("id", f"{self.key}--{el.get('id')}")
                self.found.add(el.get("id"))
            if el.tag == "img" and el.get("src"):
                src = el.get("src")
                if not urlsplit(src).scheme:
                    el.set("src", posixpath.normpath(posixpath.join(posixpath.dirname(self.path), unquote(src))))
            if el.tag != "a" or not el.get("href"):
                continue
            href = el.get("href")
            target = self._target(href)
            if target is None and SIZE.search("".join(el.itertext())) and not (el.tail or "").strip(" ·\n"):
                _drop(el, parents)  # a download link ("CSV, 0,4 kB") ending its line: site-only
            elif target is None:
                _unlink(el, parents)  # another file of the site (a schema): keep the words
            elif target.startswith(("http://", "https://")):
                note = etree.Element("span", {"class": "kw-url"})
                note.text = target
                parent = parents[el]
                parent.insert(list(parent).index(el) + 1, note)
                note.tail, el.tail = el.tail, None
            else:
                el.set("href", target)
        raw = self._raw_blocks(root)
        _keep_together(root, lambda el: _classes(el) | raw.get(el, set()))
        return root

    def _raw_blocks(self, root) -> dict:
        """Raw HTML blocks of the page (generated tables, ``<details>``): Python-Markdown keeps them as
        placeholder paragraphs until after the tree. Mark their long-worded cells ``kw-long`` in the stash;
        return placeholder paragraph → classes of the block's first element."""
        stash, found = self.md.htmlStash, {}
        for el in root.iter("p"):
            match = PLACEHOLDER.fullmatch((el.text or "").strip()) if not len(el) else None
            if match is None or int(match.group(1)) >= len(stash.rawHtmlBlocks):
                continue
            i = int(match.group(1))
            block = stash.rawHtmlBlocks[i]
            if not isinstance(block, str):
                continue
            stash.rawHtmlBlocks[i] = RAW_TABLE.sub(_mark_wide_table, RAW_CELL.sub(_mark_long_cell, block))
            first = FIRST_CLASS.match(block)
            found[el] = set(first.group(1).split()) if first else set()
        return found


LONG_WORD = 18
"""Characters of a word without a break opportunity that a table column may not be able to hold."""


def _long_classes(words: str) -> list[str]:
    """``["kw-long"]`` for a cell text with a word longer than :data:`LONG_WORD`, plus ``"kw-code"`` if such a
    word has a digit; ``[]`` otherwise."""
    long = [w for w in re.split(r"[\s\-/]+", words) if len(w) > LONG_WORD]
    return (["kw-long"] + (["kw-code"] if any(c.isdigit() for w in long for c in w) else [])) if long else []


PLACEHOLDER = HTML_PLACEHOLDER_RE
"""Python-Markdown's placeholder for a stashed raw HTML block."""
FIRST_CLASS = re.compile(r'\s*<[a-z]+\b[^>]*?\bclass="([^"]*)"')
RAW_CELL = re.compile(r"<(td|th)\b([^>]*)>(.*?)</\1>", re.S)


WIDE_COLUMNS = 7
"""A table with a header cell (``th``) as seventh cell of a row is printed smaller (``kw-wide``)."""
RAW_TABLE = re.compile(r"<table\b([^>]*)>(.*?)</table>", re.S)
RAW_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S)
RAW_CELL_TAG = re.compile(r"<(th|td)\b")


def _mark_wide_table(match: re.Match) -> str:
    """``class="kw-wide"`` on a raw HTML table whose row has a ``th`` as seventh cell (as
    ``table:has(th:nth-child(7))`` would select it)."""
    attrs, inner = match.groups()
    rows = (RAW_CELL_TAG.findall(row) for row in RAW_ROW.findall(inner))
    if not any(len(cells) >= WIDE_COLUMNS and cells[WIDE_COLUMNS - 1] == "th" for cells in rows):
        return match.group(0)
    classes = re.search(r'\bclass="([^"]*)"', attrs)
    if classes:
        attrs = attrs.replace(classes.group(0), f'class="{classes.group(1)} kw-wide"')
    else:
        attrs += ' class="kw-wide"'
    return f"<table{attrs}>{inner}</table>"


def _mark_long_cell(match: re.Match) -> str:
    tag, attrs, inner = match.groups()
    extra = _long_classes(html_lib.unescape(re.sub(r"<[^>]+>", " ", inner)))
    if not extra:
        return match.group(0)
    classes = re.search(r'\bclass="([^"]*)"', attrs)
    if classes:
        attrs = attrs.replace(classes.group(0), f'class="{" ".join([classes.group(1), *extra])}"')
    else:
        attrs += f' class="{" ".join(extra)}"'
    return f"<{tag}{attrs}>{inner}</{tag}>"


HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
LEAD_IN_CHARS = 240
"""A paragraph right above a chart or table is its lead-in if it is this short or ends with a colon."""


def _classes(el) -> set[str]:
    return set((el.get("class") or "").split())


def _is_chart(el) -> bool:
    """A paragraph holding only a chart image (``![alt](x.svg){ .kw-chart }``)."""
    return (
        el.tag == "p"
        and len(el) == 1
        and el[0].tag == "img"
        and "kw-chart" in _classes(el[0])
        and not (el.text or "").strip()
        and not (el[0].tail or "").strip()
    )


def _is_block(el, classes) -> bool:
    """What a heading and a lead-in introduce: a chart, a table, or a chart's data table."""
    return _is_chart(el) or el.tag == "table" or bool(classes(el) & {"kw-table-wrap", "kw-data"})


def _is_lead_in(el, classes) -> bool:
    if el.tag != "p" or _is_chart(el) or classes(el) - _classes(el):
        return False  # a chart, or a raw HTML block (a table)
    words = "".join(el.itertext()).strip()
    return len(words) <= LEAD_IN_CHARS or words.endswith(":")


def _keep_together(root, classes) -> None:
    """Wrap the headings and lead-in above each chart or table, with the chart and the table right
    after it (its data), in ``div.kw-keep``; print.css keeps such a group on one page where it fits.
    ``classes(el)``: the classes of an element or of the raw HTML block a placeholder paragraph stands for."""
    for parent in [el for el in root.iter() if el.tag in ("div", "section", "li", "blockquote") or el is root]:
        children = list(parent)
        i = 0
        while i < len(children):
            if not _is_block(children[i], classes):
                i += 1
                continue
            start = i
            if start > 0 and _is_lead_in(children[start - 1], classes):
                start -= 1
            while start > 0 and children[start - 1].tag in HEADINGS:
                start -= 1
            end = i + 1
            if _is_chart(children[i]) and end < len(children) and classes(children[end]) & {"kw-data", "kw-table-wrap"}:
                end += 1  # the chart's table ("Tabel bij de grafiek", or a college's values), right below it
            if start == i and end == i + 1 and not _is_chart(children[i]):
                i += 1  # a table on its own: its own break-inside rule suffices
                continue
            group = etree.Element("div", {"class": "kw-keep"})
            position = list(parent).index(children[start])
            for el in children[start:end]:
                parent.remove(el)
                group.append(el)
            group.tail, group[-1].tail = group[-1].tail, None
            parent.insert(position, group)
            children[start:end] = [group]
            i = start + 1


def _page_footnotes(root) -> None:
    """Move each note of the ``footnotes`` extension to its reference as ``span.kw-fn`` (CSS floats it
    to the foot of the page); the end-of-page list disappears."""
    block = next((d for d in root.iter("div") if "footnote" in (d.get("class") or "").split()), None)
    if block is None:
        return
    notes = {li.get("id"): li for li in block.iter("li")}
    parents = {child: parent for parent in root.iter() for child in parent}
    for sup in [s for s in root.iter("sup") if s.find("a") is not None]:
        link = sup.find("a")
        li = notes.get((link.get("href") or "").lstrip("#"))
        if li is None:
            continue
        note = etree.Element("span", {"class": "kw-fn"})
        for p in li:
            for back in [a for a in p.iter("a") if "footnote-backref" in (a.get("class") or "")]:
                parents_p = {c: q for q in p.iter() for c in q}
                parents_p[back].remove(back)
            chunk = etree.SubElement(note, "span")
            chunk.text, chunk[:] = p.text, list(p)
            chunk.tail = " "
        parent = parents[sup]
        note.tail = sup.tail
        parent.insert(list(parent).index(sup), note)
        parent.remove(sup)
    parents[block].remove(block)


LEAD_IN = re.compile(r"[^\n.]*:[\s·]*$")


def _trim_lead_in(parent) -> None:
    """After the last download link went: drop its lead-in ("Download:") and a line break left at the end."""
    children = list(parent)
    if children:
        children[-1].tail = LEAD_IN.sub("", children[-1].tail or "") or None
        if children[-1].tag == "br" and not (children[-1].tail or "").strip():
            parent.remove(children[-1])
    else:
        parent.text = LEAD_IN.sub("", parent.text or "") or None


def _unlink(el, parents) -> None:
    """Replace a link element by a span with the same content (no target in the PDF)."""
    el.tag = "span"
    el.attrib.clear()


def _drop(el, parents) -> None:
    """Remove a link element, keep its tail; drop a paragraph left empty or ending in a colon."""
    parent = parents[el]
    children = list(parent)
    i = children.index(el)
    tail = (el.tail or "").strip(" ·")
    if i == 0:
        parent.text = ((parent.text or "").rstrip(" ·") + (" " + tail if tail else "")).strip() or None
    else:
        prev = children[i - 1]
        prev.tail = ((prev.tail or "").rstrip(" ·") + (" " + tail if tail else "")) or None
    parent.remove(el)
    if i == len(children) - 1 and not tail:
        _trim_lead_in(parent)
    rest = (parent.text or "").strip()
    if parent.tag == "p" and not len(parent) and (not rest or rest.endswith(":")) and parent in parents:
        parents[parent].remove(parent)  # empty, or only the lead-in of the dropped links ("Downloaden:")


class _PrintExtension(markdown.Extension):
    def __init__(self, path: str, pages: set[str], ids: set[str] | None, defer: bool = False):
        super().__init__()
        self.tree = None
        self.path, self.pages, self.ids, self.defer = path, pages, ids, defer

    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's name)
        self.tree = _PrintTree(md, self.path, self.pages, self.ids, self.defer)
        md.treeprocessors.register(self.tree, "kwsite_print", 4)


def _flatten(tokens: list[dict], key: str) -> list[Heading]:
    out = []
    for t in tokens:
        # the toc extension gives the name HTML-escaped ('(&gt;12u)'); the contents template escapes it again
        out.append(Heading(t["level"], f"{key}--{t['id']}", html_lib.unescape(t["name"])))
        out += _flatten(t.get("children", []), key)
    return out


def convert(
    text: str,
    path: str,
    pages: set[str],
    extensions: list,
    configs: dict,
    ids: set[str] | None = None,
    defer_links: bool = False,
) -> Converted:
    """HTML of one page, its headings (level, prefixed id, plain text) and its ids.

    ``extensions``/``configs`` as MkDocs' ``markdown_extensions``/``mdx_configs``;
    ``toc`` permalinks are switched off for print. ``ids``: every id of the
    document (from a first pass); a link to an id not in it opens its page.
    ``defer_links``: leave in-document link targets as placeholders for :meth:`Converted.resolved`
    (not for a text that contains :data:`DEFERRED_MARK`).
    """
    configs = {k: dict(v) for k, v in configs.items()}
    configs.setdefault("toc", {})["permalink"] = False
    names = list(extensions) + ([] if "toc" in extensions else ["toc"])
    ext = _PrintExtension(path, pages, ids, defer_links)
    md = markdown.Markdown(extensions=[*names, ext], extension_configs=configs)
    html = md.convert(text)
    headings = _flatten(getattr(md, "toc_tokens", []), page_key(path))
    return Converted(html, headings, ext.tree.found | {page_key(path)}, ext.tree.deferred or [])
