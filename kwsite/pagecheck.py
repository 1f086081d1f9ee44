"""Hand-written pages the nav leaves out, and links between pages that lead nowhere: what MkDocs'
``validation:`` (``omitted_files``, ``links.not_found``, ``links.anchors``) warns about — and a strict
build stops on — found the same way, with the file, line and column and a Dutch message.

The plugin reports these in the build and ``kwsite validate`` reports them before it; both call
:func:`page_problems`. A page is read as MkDocs reads it (front matter split off by
:mod:`kwsite.frontmatter`, then Python-Markdown with the site's ``markdown_extensions``); links are the
``href`` of ``<a>`` in the parse (not a second parser of Markdown). Checked: links to pages (``.md``)
and their anchors (``#kop``) on hand-written pages, and anchors on the page itself. Links to other
files and anchors on generated pages are left to MkDocs.
"""

from __future__ import annotations

import logging
import posixpath
import re
from collections.abc import Iterable, Mapping
from html.parser import HTMLParser
from typing import Any
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .frontmatter import get_data
from .problems import Level, Problem
from .project import Project


class _Ids(HTMLParser):
    """Ids (and ``<a name>``) in raw HTML blocks, as MkDocs collects them."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if value and (key == "id" or (key == "name" and tag == "a")):
                self.ids.add(value)


class _Collect(Treeprocessor):
    """Runs last: the ids the page ends up with and the ``href`` of every link."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def run(self, root: Element) -> None:
        for element in root.iter():
            if element.get("id"):
                self.ids.add(str(element.get("id")))
            if element.tag == "a":
                if element.get("name"):
                    self.ids.add(str(element.get("name")))
                if element.get("href") is not None:
                    self.links.append(str(element.get("href")))


class LinkCollector(Extension):
    """Collects a page's ids and links in a parse made for something else (the build parses each
    hand-written page once, for its tables and for this, :func:`kwsite.build.text_tables`); after
    ``convert``, :meth:`found` of the body that was parsed."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        self.collect = _Collect(md)
        md.treeprocessors.register(self.collect, "kwsite_pagecheck", 0)

    def found(self, body: str) -> tuple[frozenset[str], tuple[str, ...]]:
        """(ids, link targets) of the parsed page; ``body``: its Markdown without front matter (its raw HTML ids)."""
        raw = _Ids()
        raw.feed(body)
        raw.close()
        return frozenset(self.collect.ids | raw.ids), tuple(self.collect.links)


def _read(text: str, project: Project) -> tuple[frozenset[str], tuple[str, ...]]:
    """(ids, link targets) of one page's Markdown ``text``."""
    collector = LinkCollector()
    md = markdown.Markdown(
        extensions=[*(project.markdown_extensions or ["toc", "tables"]), collector],
        extension_configs=dict(project.mdx_configs),
    )
    body, _ = get_data(text)
    md.convert(body)
    return collector.found(body)


Read = tuple[frozenset[str], tuple[str, ...]]
"""What a page holds for the checks: its ids and its link targets."""
_READ: dict[tuple[str, str], Read] = {}
"""(page text, Markdown settings) → what :func:`_read` found, for the pages of the previous call: in
``kwsite serve`` an edit of one page (or of data) does not parse every other page again."""


def _read_all(texts: Mapping[str, str], project: Project, parsed: Mapping[str, Read] | None = None) -> dict[str, Read]:
    """:func:`_read` of each page, the previous call's result where text and settings are the same;
    ``parsed``: what the caller's own parse of some pages found already."""
    global _READ
    parsed = parsed or {}
    settings = repr((list(project.markdown_extensions), dict(project.mdx_configs)))
    known, _READ, out = _READ, {}, {}
    for path, text in sorted(texts.items()):
        if path in parsed:
            out[path] = parsed[path]
            continue
        key = (text, settings)
        found = known.get(key) or _READ.get(key)
        if found is None:
            found = _read(text, project)
        _READ[key] = out[path] = found
    return out


def _level(value: Any) -> Level | None:
    """MkDocs' validation level (a logging level) as a problem level; ``None``: not reported."""
    return "warning" if isinstance(value, int) and value >= logging.WARNING else None


def _where(text: str, needle: str) -> tuple[int, int]:
    at = text.find(needle)
    if at < 0:
        return 0, 0
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def omitted(project: Project, pages: Iterable[str]) -> list[Problem]:
    """Hand-written ``pages`` (docs paths) that the nav leaves out, when the site has a nav and
    ``validation.omitted_files`` is ``warn`` (``not_in_nav`` patterns are left out, as MkDocs does)."""
    level = _level(project.validation.get("omitted_files"))
    if project.nav is None or level is None:
        return []
    import pathspec

    from .pages import nav_pages

    listed = {path for _, path in nav_pages(project.nav)}
    spec = pathspec.PathSpec.from_lines("gitwildmatch", project.not_in_nav.splitlines())
    return [
        Problem(
            f"{project.docs_rel}/{page}",
            0,
            0,
            "",
            "pagina staat niet in de nav van mkdocs.yml; zet hem erin of noem hem onder not_in_nav",
            level,
        )
        for page in sorted(pages)
        if page not in listed and not spec.match_file(page)
    ]


def links(
    project: Project, texts: Mapping[str, str], generated: Iterable[str], parsed: Mapping[str, Read] | None = None
) -> list[Problem]:
    """Links in the hand-written pages ``texts`` (docs path → Markdown) to a page that is neither one
    of them nor a ``generated`` page, or to an anchor a hand-written page does not have. ``parsed``: the
    ids and links of pages the caller has parsed already (the build: with their directives expanded, as
    MkDocs renders them, :func:`kwsite.build.text_tables`); the others are parsed here."""
    missing, anchors = _level(project.validation.get("not_found")), _level(project.validation.get("anchors"))
    if missing is None and anchors is None:
        return []
    pages = set(texts) | {g for g in generated if g.endswith(".md")}
    read = _read_all(texts, project, parsed)
    out = []
    for path, (_, hrefs) in read.items():
        shown = f"{project.docs_rel}/{path}"
        for href in dict.fromkeys(hrefs):
            scheme, netloc, part, _, anchor = urlsplit(href)
            if scheme or netloc or href.startswith(("/", "\\")) or (part and not part.endswith(".md")):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), unquote(part))) if part else path
            where = _where(texts[path], href)
            if target not in pages:
                if missing:
                    out.append(
                        Problem(
                            shown,
                            *where,
                            "",
                            f"link '{href}' leidt nergens heen: pagina '{target}' "
                            "bestaat niet en wordt niet gegenereerd",
                            missing,
                        )
                    )
            elif anchor and anchors and target in read and anchor not in read[target][0]:
                page = "deze pagina" if target == path else f"pagina '{target}'"
                out.append(
                    Problem(shown, *where, "", f"link '{href}': {page} heeft geen kop of anker '#{anchor}'", anchors)
                )
    return out


def page_problems(
    project: Project, texts: Mapping[str, str], generated: Iterable[str], parsed: Mapping[str, Read] | None = None
) -> list[Problem]:
    """:func:`omitted` and :func:`links` of the hand-written pages ``texts`` (docs path → Markdown)."""
    return omitted(project, texts) + links(project, texts, generated, parsed)


class Reported(logging.Filter):
    """Drops MkDocs' own log record of a problem :func:`page_problems` reported already (the build then
    says it once, in Dutch, with its line); MkDocs' other link and nav findings pass. Set ``problems``
    per build and add the filter to the ``mkdocs.structure.pages`` and ``mkdocs.structure.nav`` loggers."""

    LINK = re.compile(r"Doc file '(.+?)' contains a link '(.+?)', but ")
    OMITTED = 'The following pages exist in the docs directory, but are not included in the "nav" configuration:'

    def __init__(self) -> None:
        super().__init__()
        self.links: set[tuple[str, str]] = set()
        self.omitted: set[str] = set()

    def set(self, project: Project, problems: Iterable[Problem]) -> None:
        """Remember ``problems`` (docs paths relative to the docs folder, as MkDocs names them)."""
        prefix = project.docs_rel + "/"
        self.links, self.omitted = set(), set()
        for problem in problems:
            page = problem.file.removeprefix(prefix)
            found = re.match(r"link '(.+?)'", problem.message)
            if found:
                self.links.add((page, found.group(1)))
            else:
                self.omitted.add(page)

    def clear(self) -> None:
        """Forget the problems (after a build)."""
        self.links, self.omitted = set(), set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        link = self.LINK.match(message)
        if link:
            return (link.group(1), link.group(2)) not in self.links
        if message.startswith(self.OMITTED):
            listed = set(re.findall(r"^\s+- (.+)$", message, re.M))
            return not (listed and listed <= self.omitted)
        return True


def section_pages(site: Any) -> set[str]:
    """The pages kwsite generates for the nav sections of ``site`` (without generating them)."""
    from .pages import SECTIONS, nav, nav_pages

    return {path for section in SECTIONS for _, path in nav_pages(nav(site, section))}


def read_pages(project: Project) -> dict[str, str]:
    """The hand-written pages of ``project`` (docs path → text), as MkDocs finds them: ``*.md`` under the
    docs folder, leaving out hidden files and folders and ``templates/``; unreadable ones are left out
    (:func:`kwsite.directives.check_content` reports them)."""
    docs = project.docs_dir
    if not docs.is_dir():
        return {}
    top, out = docs.resolve(), {}
    for file in sorted(docs.rglob("*.md")):
        rel = file.relative_to(docs).as_posix()
        if any(part.startswith(".") for part in rel.split("/")) or rel.startswith("templates/"):
            continue
        if not file.is_file() or not file.resolve().is_relative_to(top):
            continue
        try:
            out[rel] = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
    return out
