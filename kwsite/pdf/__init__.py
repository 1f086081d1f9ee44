"""Printable PDF edition of a site, made with WeasyPrint from the same model and Markdown.

- :func:`collect` reads a site directory (``data/``, ``content/``, ``mkdocs.yml``)
  without running MkDocs; the plugin builds a :class:`Source` from its own files.
- :func:`document.html` assembles cover, contents and every page in nav order.
- :func:`render.render` calls WeasyPrint through a fetcher that serves only build files.
"""

from __future__ import annotations

from pathlib import Path

from .. import paths
from .document import Source, html, page_sources, pages_in_order, source_date
from .render import STEPS, PdfError, Rendered, render

PDF_PATH = paths.PDF
"""Where the site build writes the PDF, relative to the site dir."""


def collect(site_dir: Path | str) -> Source:
    """Load, validate and generate everything the PDF of ``site_dir`` needs
    (a progress bar for the charts on a terminal).

    Raises :class:`kwsite.KwsiteError` with every data problem or unknown
    ``[[ref]]`` in the content.
    """
    from ..build import build_pages, chart_count, load_site
    from ..pages.common import fill_sizes
    from ..pages import PLACEHOLDER, nav_mentions
    from ..repro import set_source_date
    from ..progress import steps
    from ..privacy import redact
    from ..problems import KwsiteError
    from ..templating import SITE_THEME, outside_links

    site_dir = Path(site_dir)
    config = _mkdocs_config(site_dir)
    docs = Path(config["docs_dir"]) if config else site_dir / "content"
    plugin = _plugin_options(config)
    from .. import siteconfig

    data_dir = site_dir / plugin.get("data_dir", "data")
    outside = siteconfig.data_outside(site_dir, data_dir)
    if outside:
        raise KwsiteError(outside)
    site, _ = load_site(data_dir, plugin.get("data_dir", "data"))
    found = siteconfig.check(config, site, data_dir)[1] if config else siteconfig.confined(docs, docs.name)
    if found:  # the same folder, nav and link rules as the site build
        raise KwsiteError(sorted(found))
    if not plugin.get("show_person_names", False):  # privacy by default, as in the site build
        site = redact(site)
    outside = outside_links(site_dir / SITE_THEME, site_dir)  # the page templates: as the site build
    if outside:
        raise KwsiteError(outside)
    written = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) if docs.is_dir() else []
    texts = {p: (docs / p).read_text(encoding="utf-8-sig") for p in written}
    cache = plugin.get("cache_dir")
    set_source_date(site_dir)  # the open-data page and downloads state the build date, as in the site build
    with steps("grafieken", chart_count(site)) as tick:
        generated, _ = build_pages(site, written, site_dir / cache if cache else None, texts, tick=tick,
                                   directory_urls=config["use_directory_urls"] if config else True,
                                   theme_dir=site_dir / SITE_THEME)
    nav = config["nav"] if config else None
    if nav is None or nav_mentions(nav, PLACEHOLDER + "changes"):  # as the plugin decides
        generated.append(_changes(site, site_dir, site_dir / plugin.get("data_dir", "data")))
    by_path = {g.path: g.content for g in generated}
    md_paths = [g.path for g in generated if g.path.endswith(".md")]
    by_path |= {p: fill_sizes(by_path[p], by_path.get) for p in md_paths}
    order = pages_in_order(site, config["nav"] if config else None, written, md_paths)

    def read(path: str) -> str | None:
        if path in by_path:
            return by_path[path]
        return texts.get(path)

    pages, problems = page_sources(site, order, read, set(md_paths), docs.name)
    if problems:
        raise KwsiteError(sorted(problems))
    memory = {p: c for p, c in by_path.items() if not p.endswith(".md")}
    extensions = config["markdown_extensions"] if config else None
    source = Source(site, docs, pages, memory, date=source_date(site_dir),
                    site_url=config["site_url"] if config else None,
                    directory_urls=config["use_directory_urls"] if config else True)
    if extensions is not None:
        source.extensions, source.configs = list(extensions), dict(config["mdx_configs"])
    return source


def _changes(site, root: Path, data_dir: Path):
    """The page "Wat is er veranderd", as the site build makes it (``agenda.edition.previous``)."""
    from ..editions import PreviousEditionError, compare, load_previous
    from ..pages.changes import render as changes_page
    from ..problems import KwsiteError, Problem

    ref = site.agenda.edition.previous
    try:
        previous = load_previous(root, data_dir, ref) if ref else None
    except PreviousEditionError as exc:
        raise KwsiteError([Problem(f"{data_dir.name}/agenda.yaml", 0, 0, "edition.previous",
                                   f"vorige editie '{ref}': {exc}")]) from None
    from ..templating import SITE_THEME, Templates

    return changes_page(site, previous, compare(previous, site) if previous else None, Templates(root / SITE_THEME))


def _mkdocs_config(site_dir: Path):
    path = site_dir / "mkdocs.yml"
    if not path.is_file():
        return None
    from mkdocs.config import load_config

    return load_config(str(path))


def _plugin_options(config) -> dict:
    if config is None:
        return {}
    plugin = config["plugins"].get("kwsite")
    return dict(plugin.config) if plugin is not None else {}


def build(source: Source) -> Rendered:
    """The PDF of ``source`` (tagged PDF/UA-1), with a progress bar on a terminal."""
    from ..progress import steps

    with steps("PDF", STEPS) as tick:
        return render(html(source), source.root, source.memory, tick=tick)


__all__ = ["PDF_PATH", "PdfError", "Rendered", "Source", "build", "collect", "html", "page_sources",
           "pages_in_order", "render", "source_date"]
