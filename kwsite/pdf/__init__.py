"""Printable PDF edition of a site, made with WeasyPrint from the same model and Markdown.

- :func:`collect` reads a site (a :class:`kwsite.project.Project`: its data, content and nav)
  without running MkDocs; the plugin builds a :class:`Source` from its own files.
- :func:`document.html` assembles cover, contents and every page in nav order.
- :func:`render.render` calls WeasyPrint through a fetcher that serves only build files.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .. import paths
from .document import Source, html, page_sources, pages_in_order, source_date
from .render import STEPS, PdfError, Rendered, render

if TYPE_CHECKING:
    from ..project import Project

PDF_PATH = paths.PDF
"""Where the site build writes the PDF, relative to the site dir."""


def collect(project: Project | Path | str) -> Source:
    """Load, validate and generate everything the PDF of ``project`` needs
    (a progress bar for the charts on a terminal). A folder is read as a project first
    (:func:`kwsite.mkdocsproject.load`, which needs MkDocs).

    Raises :class:`kwsite.KwsiteError` with every data problem or unknown
    ``[[ref]]`` in the content.
    """
    from ..build import build_pages, chart_count, load_site
    from ..pages.common import fill_sizes
    from ..repro import set_source_date
    from ..progress import steps
    from ..privacy import redact
    from ..problems import KwsiteError
    from ..templating import SITE_THEME, outside_links

    from .. import siteconfig
    from ..project import Project

    if not isinstance(project, Project):
        from ..mkdocsproject import load

        project = load(project)
    site_dir, docs, data_dir = project.root, project.docs_dir, project.data_dir
    outside = siteconfig.data_outside(site_dir, data_dir)
    if outside:
        raise KwsiteError(outside)
    site, _ = load_site(data_dir, project.data_rel)
    found = siteconfig.check(project, site)[1]
    if found:  # the same folder, nav and link rules as the site build
        raise KwsiteError(sorted(found))
    if not project.options.show_person_names:  # privacy by default, as in the site build
        site = redact(site)
    outside = outside_links(site_dir / SITE_THEME, site_dir)  # the page templates: as the site build
    if outside:
        raise KwsiteError(outside)
    written = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) if docs.is_dir() else []
    texts = {p: (docs / p).read_text(encoding="utf-8-sig") for p in written}
    set_source_date(site_dir)  # the open-data page and downloads state the build date, as in the site build
    with steps("grafieken", chart_count(site)) as tick:
        generated, _ = build_pages(
            site,
            written,
            project.cache_dir,
            texts,
            tick=tick,
            directory_urls=project.use_directory_urls,
            theme_dir=site_dir / SITE_THEME,
        )
    if siteconfig.shows_changes(project):  # as the plugin decides
        generated.append(_changes(site, site_dir, data_dir, project.data_rel))
    by_path = {g.path: g.content for g in generated}
    md_paths = [g.path for g in generated if g.path.endswith(".md")]
    by_path |= {p: fill_sizes(by_path[p], by_path.get) for p in md_paths}
    order = pages_in_order(site, project.nav, written, md_paths)

    def read(path: str) -> str | None:
        if path in by_path:
            return by_path[path]
        return texts.get(path)

    pages, problems = page_sources(site, order, read, set(md_paths), docs.name)
    if problems:
        raise KwsiteError(sorted(problems))
    memory = {p: c for p, c in by_path.items() if not p.endswith(".md")}
    source = Source(
        site,
        docs,
        pages,
        memory,
        date=source_date(site_dir),
        site_url=project.site_url,
        directory_urls=project.use_directory_urls,
    )
    if project.config_file is not None:
        source.extensions, source.configs = list(project.markdown_extensions), dict(project.mdx_configs)
    return source


def _changes(site, root: Path, data_dir: Path, data_rel: str):
    """The page "Wat is er veranderd", as the site build makes it (``agenda.edition.previous``)."""
    from ..editions import PreviousEditionError, compare, load_previous
    from ..pages.changes import render as changes_page
    from ..problems import KwsiteError, Problem

    ref = site.agenda.edition.previous
    try:
        previous = load_previous(root, data_dir, ref) if ref else None
    except PreviousEditionError as exc:
        raise KwsiteError(
            [Problem(f"{data_rel}/agenda.yaml", 0, 0, "edition.previous", f"vorige editie '{ref}': {exc}")]
        ) from None
    from ..templating import SITE_THEME, Templates

    return changes_page(site, previous, compare(previous, site) if previous else None, Templates(root / SITE_THEME))


def build(source: Source) -> Rendered:
    """The PDF of ``source`` (tagged PDF/UA-1), with a progress bar on a terminal."""
    from ..progress import steps

    with steps("PDF", STEPS) as tick:
        return render(html(source), source.root, source.memory, tick=tick)


__all__ = [
    "PDF_PATH",
    "PdfError",
    "Rendered",
    "Source",
    "build",
    "collect",
    "html",
    "page_sources",
    "pages_in_order",
    "render",
    "source_date",
]
