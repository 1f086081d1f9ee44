"""Generated pages: one per theme, one per college, budget and indicator
overviews, the open-data page, plus their charts (SVG) and downloads (CSV, JSON, Excel, and all
datasets in one zip with a data package descriptor). Everything is returned
as :class:`Generated` records in memory; nothing is written into ``content/``."""

from __future__ import annotations

import re

from .. import paths
from ..model import Site
from . import college, opendata, overview, theme
from . import lines as line_pages
from . import teamplan
from . import activities, process
from . import indicator as indicator_pages
from . import progress as progress_page
from ..datapackage import ZIP_PATH, bundle
from ..datapackage import unique as unique_datasets
from ..publication import Publication
from ..updated import indicator_dates
from ..spreadsheet import data_dated, workbook_bytes
from ..templating import Templates
from .common import Generated, dataset_files, with_urls, xlsx_path

CHAPTER = re.compile(r"(?:^|/)(\d{2})-[^/]*\.md$")


def chapter_paths(src_uris: list[str]) -> dict[int, str]:
    """Chapter number → docs path, from file names like ``hoofdstukken/06-x.md``."""
    out = {}
    for uri in sorted(src_uris):
        match = CHAPTER.search(uri)
        if match:
            out.setdefault(int(match.group(1)), uri)
    return out


def generate(
    site: Site,
    charts,
    chapters: dict[int, str] | None = None,
    text_tables=(),
    titles: dict[str, str] | None = None,
    directory_urls: bool = True,
    templates: Templates | None = None,
) -> list[Generated]:
    """Every generated page and asset. ``charts`` has ``indicator(ind)``, ``table(table)``,
    ``ratio(table)`` and ``college(unit, table)`` returning a chart or ``None`` (see
    :class:`kwsite.build.ChartSet`; a chart file's ``body`` may still be drawn, see :class:`Generated`);
    ``text_tables`` are the datasets of tables in hand-written pages (:mod:`kwsite.mdtables`),
    ``titles`` those pages' titles (docs path → title); ``directory_urls`` the site's
    ``use_directory_urls`` (the page URLs in the JSON downloads, the spreadsheets and the zip);
    ``templates`` the site's page templates (default: kwsite's own). Raises :class:`kwsite.KwsiteError`
    naming the template file and line when a template fails."""
    chapters = chapters or {}
    templates = templates or Templates()
    files: list[Generated] = [f for d in text_tables for f in dataset_files(d)]
    pages = [overview.themes_index(site, templates)] if site.themes or not _measure_level(site) else []
    pages += [theme.render(site, t, charts, chapters.get(t.chapter), files, templates) for t in site.themes]
    if site.units and (not _measure_level(site) or site.tables or site.measures):  # S4 has no colleges
        pages.append(overview.colleges_index(site, templates))
        pages += [college.render(site, u, files, charts, templates) for u in site.units]
    if site.indicators or not _measure_level(site):
        pages.append(overview.indicators(site, files, templates))
        updated = indicator_dates(site.root) if site.indicators and site.root else {}  # one git blame per build
        pages += [indicator_pages.render(site, i, charts, files, updated.get(i.id), templates) for i in site.indicators]
        pages.append(progress_page.render(site, templates))
    budget = overview.budget(site, files, templates)
    if budget:
        pages.append(budget)
    if site.line_sets:
        pages += [line_pages.index(site, templates)] + [
            line_pages.render(site, s, files, templates) for s in site.line_sets
        ]
    if site.teamplans:
        pages += (
            [teamplan.index(site, templates)]
            + [teamplan.render(site, p, templates) for p in site.teamplans]
            + [teamplan.reference(templates)]
        )
    pages += [p for p in (process.render(site, chapters, templates), activities.overview(site, files, templates)) if p]
    titles = dict(titles or {}) | {
        p.path: ("Bijlage " + p.title if p.path.startswith(paths.COLLEGES_DIR + "/") else p.title) for p in pages
    }
    files = [with_urls(f, directory_urls) for f in files]
    datasets = [f.dataset for f in files if f.is_dataset]
    about = data_dated(Publication.of(site), site.root)  # one "stand" everywhere: the data's last commit
    data_zip = Generated(ZIP_PATH, bundle(datasets, about))
    pages.append(opendata.render(datasets, titles, files, about, data_zip, templates))
    book_cache = getattr(charts, "cache", None)  # workbooks kept beside the charts (kwsite.spreadsheet)
    files += [Generated(xlsx_path(d), workbook_bytes(d, about, book_cache)) for d in unique_datasets(datasets)] + [
        data_zip
    ]
    unique: dict[str, Generated] = {}
    for f in pages + files:  # a chart shown on two pages (theme and indicator page): its first page, as in the zip
        unique.setdefault(f.path, f)
    return list(unique.values())


SECTIONS = (
    "themes",
    "preconditions",
    "process",
    "activities",
    "colleges",
    "indicators",
    "changes",
    "budget",
    "lines",
    "teamplans",
    "opendata",
    "progress",
)
"""The sections a ``kwsite:<section>`` placeholder in ``nav`` may name (see :func:`nav`)."""


def nav(site: Site, section: str) -> list:
    """Nav entries for a placeholder in ``mkdocs.yml`` (``kwsite:themes`` …)."""
    if section == "themes":
        return [{"Overzicht": paths.THEMES_INDEX}] + [
            {f"{t.number}. {t.short_title}": theme.path(t)} for t in site.themes if t.kind == "theme"
        ]
    if section == "preconditions":
        return [{f"Voorwaarde: {t.short_title}": theme.path(t)} for t in site.themes if t.kind == "precondition"]
    if section == "process":
        return [{"Tijdpad": process.PAGE}] if site.timelines else []
    if section == "activities":
        return [{"Specifieke activiteiten": activities.PAGE}] if site.activities else []
    if section == "colleges":
        if not site.units:
            return []
        return [{"Overzicht": paths.COLLEGES_INDEX}] + [{u.name: college.path(u)} for u in site.units]
    if section == "indicators":
        return [overview.INDICATORS] + [
            {f"{i.id} {i.short_name or i.name}": progress_page.indicator_path(i)} for i in site.indicators
        ]
    if section == "progress":
        return [{progress_page.TITLE: progress_page.PATH}] if site.indicators or not _measure_level(site) else []
    if section == "changes":
        from .changes import PATH, TITLE

        return [{TITLE: PATH}]
    if section == "budget":
        return [overview.BUDGET] if site.budget else []
    if section == "lines":
        return (
            [{"Overzicht": line_pages.INDEX}]
            + [{(site.unit(s.unit).name if site.unit(s.unit) else s.unit): line_pages.path(s)} for s in site.line_sets]
            if site.line_sets
            else []
        )
    if section == "teamplans":
        return (
            [{"Overzicht": teamplan.INDEX}]
            + [{p.title: teamplan.path(p)} for p in site.teamplans]
            + [{"Leidraad en checklist": teamplan.REFERENCE}]
            if site.teamplans
            else []
        )
    if section == "opendata":
        return [opendata.PATH]
    raise KeyError(section)


def _measure_level(site: Site) -> bool:
    """A site of only action/improvement lines and team plans (S0-S2): no theme,
    college or indicator overview pages are made unless it has data for them."""
    return bool(site.line_sets or site.teamplans)


PLACEHOLDER = "kwsite:"


def expand_nav(items: list, site: Site, top: bool = True) -> list:
    """``mkdocs.yml`` nav with every ``kwsite:<section>`` placeholder replaced by its entries. A site that
    gets a progress page but whose nav names neither ``kwsite:progress`` nor the page gets it at the end,
    so the page the other pages link to is in the nav (a strict build stops on a page outside it)."""
    out = []
    for item in items:
        if isinstance(item, str) and item.startswith(PLACEHOLDER):
            out += nav(site, item[len(PLACEHOLDER) :])
        elif isinstance(item, dict):
            out.append({k: expand_nav(v, site, False) if isinstance(v, list) else v for k, v in item.items()})
        else:
            out.append(item)
    progress_entry = nav(site, "progress")
    if (
        top
        and progress_entry
        and not (nav_mentions(items, PLACEHOLDER + "progress") or nav_mentions(items, progress_page.PATH))
    ):
        at = next((i + 1 for i, item in enumerate(out) if nav_mentions(item, overview.INDICATORS)), len(out))
        out[at:at] = progress_entry  # after the indicators, else at the end
    return out


def nav_pages(items: list, section: str | None = None) -> list[tuple[str | None, str]]:
    """(top-level section title or ``None``, docs path) of every Markdown page in an expanded nav, in order."""
    out = []
    for item in items:
        if isinstance(item, str):
            pairs = [(None, item)]
        elif isinstance(item, dict):
            pairs = list(item.items())
        else:
            continue
        for title, value in pairs:
            if isinstance(value, list):
                out += nav_pages(value, section or title)
            elif isinstance(value, str) and value.endswith(".md") and "://" not in value:
                out.append((section, value))
    return out


__all__ = ["Generated", "chapter_paths", "expand_nav", "generate", "nav", "nav_pages"]


def nav_mentions(items, name: str) -> bool:
    """Whether the nav (nested lists/dicts of strings) contains the string ``name``."""
    if isinstance(items, str):
        return items == name
    if isinstance(items, dict):
        return any(nav_mentions(v, name) for v in items.values())
    if isinstance(items, list):
        return any(nav_mentions(v, name) for v in items)
    return False
