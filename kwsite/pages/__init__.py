"""Generated pages: one per theme, one per college, budget and indicator
overviews, plus their charts (SVG) and downloads (CSV). Everything is returned
as :class:`Generated` records in memory; nothing is written into ``content/``."""

from __future__ import annotations

import re

from ..model import Site
from . import college, overview, theme
from . import activities, process
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
    if site.units:  # a site without colleges (S4) gets no colleges index
        pages.append(overview.colleges_index(site))
    pages += [college.render(site, u, files) for u in site.units]
    pages.append(overview.indicators(site, files))
    budget = overview.budget(site, files)
    if budget:
        pages.append(budget)
    pages += [p for p in (process.render(site, chapters), activities.overview(site, files)) if p]
    unique = {}
    for f in pages + files:
        unique[f.path] = f
    return list(unique.values())


def nav(site: Site, section: str) -> list:
    """Nav entries for a placeholder in ``mkdocs.yml`` (``kwsite:themes`` …)."""
    if section == "themes":
        return [{"Overzicht": "themas/index.md"}] + [{f"{t.number}. {t.short_title}": theme.path(t)} for t in site.themes if t.kind == "theme"]
    if section == "preconditions":
        return [{f"Voorwaarde: {t.short_title}": theme.path(t)} for t in site.themes if t.kind == "precondition"]
    if section == "process":
        return [{"Tijdpad": process.PAGE}] if site.timelines else []
    if section == "activities":
        return [{"Specifieke activiteiten": activities.PAGE}] if site.activities else []
    if section == "colleges":
        if not site.units:
            return []
        return [{"Overzicht": "colleges/index.md"}] + [{u.short_name: college.path(u)} for u in site.units]
    if section == "indicators":
        return [overview.INDICATORS]
    if section == "budget":
        return [overview.BUDGET] if site.budget else []
    raise KeyError(section)


__all__ = ["Generated", "chapter_paths", "generate", "nav"]
