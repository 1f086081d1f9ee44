"""Markdown → print HTML for one page of the document.

The page is converted with the site's own Markdown extensions (from
``mkdocs.yml``); one extra tree processor, run after ``toc``, makes the page
fit into a single print document:

- every ``id`` gets the page's key as prefix, so ids stay unique;
- links to other pages (``../themas/x.md#a``) become ``#<key>--a`` and stay
  clickable; links to files that are not pages (CSV downloads) are dropped,
  keeping their surrounding text; web links get their address as a footnote;
- Markdown footnotes (extension ``footnotes``) become page footnotes;
- image paths become docs-relative, so the URL fetcher finds them.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


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


class _PrintTree(Treeprocessor):
    def __init__(self, md, path: str, pages: set[str]):
        super().__init__(md)
        self.path, self.pages, self.key = path, pages, page_key(path)

    def _target(self, href: str) -> str | None:
        """The in-document target of a relative link, or ``None`` if it is no page."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return href
        if not parts.path:
            return f"#{self.key}--{parts.fragment}" if parts.fragment else f"#{self.key}"
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.path), unquote(parts.path)))
        if target.endswith("/") or not target.endswith(".md"):
            target = posixpath.join(target, "index.md") if "." not in posixpath.basename(target) else target
        if target not in self.pages:
            return None
        key = page_key(target)
        return f"#{key}--{parts.fragment}" if parts.fragment else f"#{key}"

    def run(self, root):
        _page_footnotes(root)
        parents = {child: parent for parent in root.iter() for child in parent}
        for el in list(root.iter()):
            if el.get("id"):
                el.set("id", f"{self.key}--{el.get('id')}")
            if el.tag == "img" and el.get("src"):
                src = el.get("src")
                if not urlsplit(src).scheme:
                    el.set("src", posixpath.normpath(posixpath.join(posixpath.dirname(self.path), unquote(src))))
            if el.tag != "a" or not el.get("href"):
                continue
            href = el.get("href")
            target = self._target(href)
            if target is None:
                _drop(el, parents)
            elif target.startswith(("http://", "https://")):
                note = etree.Element("span", {"class": "kw-url"})
                note.text = target
                parent = parents[el]
                parent.insert(list(parent).index(el) + 1, note)
                note.tail, el.tail = el.tail, None
            else:
                el.set("href", target)
        return root


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


def _drop(el, parents) -> None:
    """Remove a link element, keep its tail; drop a paragraph left empty."""
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
    if parent.tag == "p" and not len(parent) and not (parent.text or "").strip() and parent in parents:
        parents[parent].remove(parent)


class _PrintExtension(markdown.Extension):
    def __init__(self, path: str, pages: set[str]):
        super().__init__()
        self.path, self.pages = path, pages

    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(_PrintTree(md, self.path, self.pages), "kwsite_print", 4)


def _flatten(tokens: list[dict], key: str) -> list[Heading]:
    out = []
    for t in tokens:
        out.append(Heading(t["level"], f"{key}--{t['id']}", t["name"]))
        out += _flatten(t.get("children", []), key)
    return out


def convert(text: str, path: str, pages: set[str], extensions: list, configs: dict) -> Converted:
    """HTML of one page and its headings (level, prefixed id, plain text).

    ``extensions``/``configs`` as MkDocs' ``markdown_extensions``/``mdx_configs``;
    ``toc`` permalinks are switched off for print.
    """
    configs = {k: dict(v) for k, v in configs.items()}
    configs.setdefault("toc", {})["permalink"] = False
    names = list(extensions) + ([] if "toc" in extensions else ["toc"])
    md = markdown.Markdown(extensions=[*names, _PrintExtension(path, pages)], extension_configs=configs)
    html = md.convert(text)
    return Converted(html, _flatten(getattr(md, "toc_tokens", []), page_key(path)))
