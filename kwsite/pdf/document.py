"""The print document: every page of the site, in nav order, as one HTML file.

Fed by the same model and the same Markdown as the site: hand-written chapters
(front matter stripped, ``[[ref]]`` directives expanded) and the generated pages
of :mod:`kwsite.pages`, converted with the Markdown extensions of ``mkdocs.yml``.
A Jinja template (autoescaped) adds the cover and the table of contents; the
page numbers in the contents are CSS ``target-counter`` values, so they are the
real page numbers of the rendered PDF.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable

import jinja2
from babel.dates import format_date
from markupsafe import Markup
from ..frontmatter import get_data

from .. import paths
from ..directives import body_offset, expand
from ..editions import edition_line
from ..model import Site
from ..numbers import LOCALE, number
from ..pages import expand_nav, nav_pages, opendata
from ..problems import Problem
from ..repro import commit_epoch
from ..sanitize import clean_html
from .markup import DEFERRED_MARK, convert, page_key

DEFAULT_EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "admonition", "footnotes"]
"""Used when a site has no ``mkdocs.yml`` (the flagship's list)."""
STATUS = {"ingediend": "Ingediend", "bijgesteld": "Bijgesteld", "jaarverslag": "Jaarverslag", "concept": "Concept"}
TOC_DEPTH_WRITTEN = 2
"""Hand-written pages list their h1 and h2 in the contents; generated pages only their h1."""


@dataclass(frozen=True)
class PageSource:
    """One page of the site: docs path, Markdown (directives expanded), top-level nav section."""

    path: str
    markdown: str
    section: str | None = None
    generated: bool = False


@dataclass
class Source:
    """Everything the print document is made from.

    ``root`` is the docs dir (the URL fetcher serves only below it); ``memory``
    holds generated assets by docs path (chart SVGs); ``date`` is the edition's
    build date (``SOURCE_DATE_EPOCH`` or the last commit), ``None`` if unknown.
    """

    site: Site
    root: Path
    pages: list[PageSource]
    memory: dict[str, str | bytes] = field(default_factory=dict)
    extensions: list = field(default_factory=lambda: list(DEFAULT_EXTENSIONS))
    configs: dict = field(default_factory=dict)
    date: dt.datetime | None = None
    site_url: str | None = None
    """``site_url`` of ``mkdocs.yml`` (ends in ``/``), for addresses of site-only pages; ``None`` if unset."""
    directory_urls: bool = True


def source_date(directory: Path | str) -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` if set, else the last git commit's time in ``directory``, else ``None``."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or str(commit_epoch(Path(directory)) or "")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else None


def pages_in_order(
    site: Site, nav: list | None, written: list[str], generated: list[str]
) -> list[tuple[str | None, str]]:
    """(section, path) of every page: nav order when there is a nav, else home, chapters, generated pages."""
    if nav:
        return nav_pages(expand_nav(nav, site))
    first = [p for p in written if p == "index.md"]
    return [(None, p) for p in first + sorted(p for p in written if p != "index.md") + generated]


def page_sources(
    site: Site,
    order: list[tuple[str | None, str]],
    read: Callable[[str], str | None],
    generated: set[str],
    docs_name: str = "content",
) -> tuple[list[PageSource], list[Problem]]:
    """Markdown of each page (front matter stripped, directives expanded) and unknown references."""
    pages, problems = [], []
    for section, path in order:
        raw = read(path)
        if raw is None:
            continue
        body, _ = get_data(raw)
        offset = body_offset(raw, body)
        name = f"(gegenereerd) {path}" if path in generated else f"{docs_name}/{path}"
        text, found = expand(body, site, name, offset)
        problems += found
        pages.append(PageSource(path, text, section, path in generated))
    return pages, problems


def _cover(site: Site, date: dt.datetime | None) -> dict:
    agenda = site.agenda
    return {
        "institutions": [i.name for i in agenda.institutions],
        "title": agenda.title,
        "subtitle": agenda.subtitle,
        "period": f"{agenda.period_start}-{agenda.period_end}",
        "edition": agenda.edition.label,
        "status": STATUS.get(agenda.edition.status, agenda.edition.status),
        "edition_date": agenda.edition.date,
        "made": format_date(date.date(), "d MMMM y", locale=LOCALE) if date else None,
    }


def web_address(source: Source, path: str) -> str | None:
    """The web address of the site page ``path`` (``open-data.md``), or ``None`` without ``site_url``."""
    if not source.site_url:
        return None
    stem = path[:-3]
    page = (stem + "/" if source.directory_urls else stem + ".html") if stem != "index" else ""
    return source.site_url.rstrip("/") + "/" + page


def _open_data(source: Source) -> str:
    """The print form of the open-data page: one paragraph and the page's address. The site lists every
    dataset with its downloads; on paper that list took pages without one usable address."""
    count = sum(1 for p in source.memory if p.startswith(paths.DOWNLOADS_DIR + "/") and p.endswith(".csv"))
    address = web_address(source, opendata.PATH)
    where = (
        f"op de pagina [{opendata.TITLE}]({address}) van de website"
        if address
        else f"op de pagina {opendata.TITLE} van de website"
    )
    return (
        f"# {opendata.TITLE}\n\nElke tabel en elke grafiek van deze uitgave is op de website ook te downloaden, "
        f"als CSV en als JSON ({number(count)} bestanden per formaat), met eenheid en bron. De lijst staat {where}.\n"
    )


STATUS_SPAN = re.compile(r'<span class="kw-status\b[^"]*"><span aria-hidden="true">([^<]*)</span>([^<]*)</span>')
"""A status as the site marks it up: ``<span class="kw-status kw-status-behaald"><span aria-hidden="true">✓</span>
behaald</span>`` (the classes colour it on the site; print.css has no rule for them)."""


def plain_statuses(html: str) -> str:
    """``html`` with each status as its words only (``✓ behaald``): the same text and look in the PDF, two
    inline boxes fewer per status (5,620 statuses in the 40-college corpus, 8 % of the document's elements;
    683 pages: 64 MiB less at the peak and about 3 % less CPU)."""
    return STATUS_SPAN.sub(r"\1\2", html)


def _print_markdown(page: PageSource, source: Source) -> str:
    """The Markdown the PDF prints for ``page``: its own, except for pages that only make sense online."""
    if page.generated and page.path == opendata.PATH:
        return _open_data(source)
    return page.markdown


def html(source: Source) -> str:
    """The whole print document as one HTML string (UTF-8, ``lang`` from the agenda)."""
    source = dataclasses.replace(
        source, pages=[dataclasses.replace(p, markdown=_print_markdown(p, source)) for p in source.pages]
    )
    known = {p.path for p in source.pages}
    ids: set[str] = set()
    if any(DEFERRED_MARK in page.markdown for page in source.pages):  # no placeholders: two passes
        for page in source.pages:  # first pass: every id, so links to missing anchors can fall back to the page
            ids |= convert(page.markdown, page.path, known, source.extensions, source.configs).ids
        converted = [
            convert(page.markdown, page.path, known, source.extensions, source.configs, ids) for page in source.pages
        ]
    else:  # one pass; the link targets are filled in once every id is known (the same HTML)
        converted = [
            convert(page.markdown, page.path, known, source.extensions, source.configs, defer_links=True)
            for page in source.pages
        ]
        ids = set().union(*(done.ids for done in converted))
    sections, toc = [], []
    last = object()
    for page, done in zip(source.pages, converted):
        done = dataclasses.replace(done, html=done.resolved(ids), deferred=[])
        depth = 1 if page.generated else TOC_DEPTH_WRITTEN
        if page.section != last and page.section:
            toc.append({"part": page.section})
        last = page.section
        for h in done.headings:
            if h.level <= depth:
                toc.append({"level": h.level, "id": h.id, "text": h.text})
        css = ["kw-page", "kw-generated" if page.generated else "kw-written"]
        if page.path.startswith(paths.COLLEGES_DIR + "/") and page.path != paths.COLLEGES_INDEX:
            css.append("kw-appendix")
        if page.path.startswith("indicatoren/"):  # compact: the indicator pages follow each other (#15)
            css.append("kw-indicator")
        body = clean_html(done.html, single_document=True)  # the site's allow-list; links stay inside the document
        body = plain_statuses(body)  # no style of its own in print: the words only
        sections.append({"key": page_key(page.path), "css": " ".join(css), "html": Markup(body)})
    agenda = source.site.agenda
    title = f"{agenda.title} – {agenda.subtitle}" if agenda.subtitle else agenda.title
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("kwsite.pdf", "."),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    return env.get_template("print.html").render(
        lang=agenda.language,
        title=title,
        running=agenda.title,
        edition=edition_line(source.site, source.date),
        author=", ".join(i.name for i in agenda.institutions),
        date=source.date.strftime("%Y-%m-%dT%H:%M:%SZ") if source.date else None,
        cover=_cover(source.site, source.date),
        toc=toc,
        sections=sections,
    )
