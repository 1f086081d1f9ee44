"""The process page: the timeline tables of how the agenda came about (S4 3.2, 3.4).

Steps are shown in date order (:meth:`~kwsite.model.Timeline.ordered`) with
``when`` exactly as written; a step whose year the source does not print is
marked and explained below its table.
"""

from __future__ import annotations

from .. import paths
from ..model import Site
from ..tables import html_table
from .common import Generated, rel, text

PAGE = paths.PROCESS
MARK = " *"


def _table(timeline) -> str:
    rows = [[s.when + ("" if s.year_printed else MARK), s.action, ", ".join(s.actors)] for s in timeline.ordered()]
    return html_table(list(timeline.columns), rows, timeline.title, css="kw-table kw-timeline")


def render(site: Site, chapters: dict[int, str]) -> Generated | None:
    if not site.timelines:
        return None
    out = ["# Tijdpad\n", "Hoe de agenda tot stand kwam, in volgorde van datum. Data staan zoals de agenda ze "
           "schrijft, ook als alleen een maand of periode is genoemd.\n"]
    for timeline in site.timelines:
        out.append(f"## {text(timeline.title)}\n")
        if timeline.intro:
            out.append(timeline.intro + "\n")
        out.append(_table(timeline) + "\n")
        for step in timeline.ordered():
            if not step.year_printed and step.year:
                out.append(f"\\* {text(step.when)}: het jaar staat niet in de agenda; in de volgorde geplaatst in {step.year}.\n")
        if timeline.chapter in chapters:
            out.append(f"Zie ook [hoofdstuk {timeline.chapter}]({rel(PAGE, chapters[timeline.chapter])}).\n")
    return Generated(PAGE, "\n".join(out), "Tijdpad")
