"""The process page: the timeline tables of how the agenda came about (S4 3.2, 3.4).

Steps are shown in date order (:meth:`~kwsite.model.Timeline.ordered`) with
``when`` exactly as written; a step whose year the source does not print is
marked and explained below its table.
"""

from __future__ import annotations

from .. import paths
from ..model import Site
from ..templating import Templates
from .common import Generated, rel, table

PAGE = paths.PROCESS
MARK = " *"


def _table(timeline) -> dict:
    rows = [[s.when + ("" if s.year_printed else MARK), s.action, ", ".join(s.actors)] for s in timeline.ordered()]
    return table(list(timeline.columns), rows, timeline.title, css="kw-table kw-timeline")


def render(site: Site, chapters: dict[int, str], templates: Templates | None = None) -> Generated | None:
    """The page from ``pages/process.md``, or ``None`` without timelines."""
    if not site.timelines:
        return None
    timelines = [
        {
            "title": t.title,
            "intro": t.intro,
            "table": _table(t),
            "unprinted": [{"when": s.when, "year": s.year} for s in t.ordered() if not s.year_printed and s.year],
            "chapter": {"number": t.chapter, "url": rel(PAGE, chapters[t.chapter])} if t.chapter in chapters else None,
        }
        for t in site.timelines
    ]
    return Generated(PAGE, (templates or Templates()).render("pages/process.md", timelines=timelines), "Tijdpad")
