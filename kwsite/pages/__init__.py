"""Generated pages: one per theme, one per college, budget and indicator
overviews, plus their charts (SVG) and downloads (CSV). Everything is returned
as :class:`Generated` records in memory; nothing is written into ``content/``."""

from __future__ import annotations

import re

from ..model import Site
from . import college, overview, theme
from .common import Generated

CHAPTER = re.compile(r"(?:^|/)(\d{2})-[^/]*\.md$")


def chapter_paths(src_uris: list[str]) -> dict[int, str]:
    """Chapter number → docs path, from file names like ``hoofdstukken/06-x.md``."""
    out = {}
    for uri in sorted(src_uris):
        match = CHAPTER.search(uri)
        if match:
            out.setdefault(int(match.group(1)), uri)
    return out


def generate(site: Site, charts, chapters: dict[int, str] | None = None) -> list[Generated]:
    """Every generated page and asset. ``charts`` has ``indicator(ind)`` and
    ``table(table)`` returning a chart or ``None`` (see :class:`kwsite.build.ChartSet`)."""
    chapters = chapters or {}
    files: list[Generated] = []
    pages = [overview.themes_index(site)]
    pages += [theme.render(site, t, charts, chapters.get(t.chapter), files) for t in site.themes]
    pages.append(overview.colleges_index(site))
    pages += [college.render(site, u, files) for u in site.units]
    pages.append(overview.indicators(site, files))
    budget = overview.budget(site, files)
    if budget:
        pages.append(budget)
    unique = {}
    for f in pages + files:
        unique[f.path] = f
    return list(unique.values())


def nav(site: Site, section: str) -> list:
    """Nav entries for a placeholder in ``mkdocs.yml`` (``kwsite:themes`` …)."""
    if section == "themes":
        return [{"Overzicht": "themas/index.md"}] + [{f"{t.number}. {t.short_title}": theme.path(t)} for t in site.themes]
    if section == "colleges":
        return [{"Overzicht": "colleges/index.md"}] + [{u.short_name: college.path(u)} for u in site.units]
    if section == "indicators":
        return [overview.INDICATORS]
    if section == "budget":
        return [overview.BUDGET] if site.budget else []
    raise KeyError(section)


PLACEHOLDER = "kwsite:"


def expand_nav(items: list, site: Site) -> list:
    """``mkdocs.yml`` nav with every ``kwsite:<section>`` placeholder replaced by its entries."""
    out = []
    for item in items:
        if isinstance(item, str) and item.startswith(PLACEHOLDER):
            out += nav(site, item[len(PLACEHOLDER):])
        elif isinstance(item, dict):
            out.append({k: expand_nav(v, site) if isinstance(v, list) else v for k, v in item.items()})
        else:
            out.append(item)
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
