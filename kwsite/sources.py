"""Source references: which seed lines a narrative paragraph or a data text rests on.

Not shown to readers; they let a reviewer check a sentence against the source in
seconds. Two places, one format (:data:`kwsite.model.base.SOURCE_REF`):

- Markdown: an HTML comment on its own line directly above each narrative block
  (paragraph, list, table, admonition)::

      <!-- bron: S3 r. 3153-3157 -->
      Het jaarresultaat ...

  ``<!-- bron: S4 r. 2134-2137, 2167-2170 -->`` for several ranges,
  ``<!-- bron: S0 r. 21-69; S1 r. 15-48 -->`` for several seeds,
  ``<!-- bron: redactie -->`` for the site's own words. Headings, a lone bold label
  (``**Ambities:**``) and the further items of a list split by blank lines need none.
  A page that is wholly the site's own text (an accessibility statement) says so once,
  as its first line or right below its title: ``<!-- bron: redactie, hele pagina -->``.
  The sanitizer strips comments (:func:`kwsite.sanitize.clean_html`), so they reach
  neither the HTML, the search index nor the PDF.
- Data: the field ``source_ref`` of a record with narrative text (the
  :class:`~kwsite.model.base.Sourced` models), e.g. ``source_ref: S3 r. 2678-2801``.

Seeds are named ``S0``-``S4`` after their file prefix (``003_…`` is S3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Iterator

from pydantic import BaseModel

from .model.base import SOURCE_REF

REF = re.compile(SOURCE_REF)
COMMENT = re.compile(r"^<!-- bron: (?P<ref>.*) -->$")
ANY_SOURCE_COMMENT = re.compile(r"^\s*<!--\s*bron\b", re.IGNORECASE)
HEADING = re.compile(r"^#{1,6}\s")
LABEL = re.compile(r"^\*\*[^*]+\*\*:?$")
LIST_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s")
FENCE = re.compile(r"^(```|~~~)")
RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
OTHER_COMMENT = re.compile(r"^<!--.*-->$")
WHOLE_PAGE = "<!-- bron: redactie, hele pagina -->"

NARRATIVE_FIELDS = frozenset(
    {
        "action",
        "actions",
        "acknowledged",
        "additional_sources",
        "adjustments",
        "ambition",
        "ambitions",
        "attainment",
        "attainment_rule",
        "basis_note",
        "definition",
        "description",
        "deviations",
        "goal",
        "goals",
        "indicator",
        "institution_derived",
        "intro",
        "items",
        "measured_by",
        "monitor",
        "monitoring",
        "national_min_share_text",
        "next_cycle",
        "note",
        "rationale",
        "results",
        "safeguarding",
        "satisfied_when",
        "source",
        "summary",
        "sustainability",
        "text",
        "what",
        "why",
    }
)
"""Fields holding narrative text (own words or the source's); a record with any of them filled needs a reference.
Names, titles, labels, dates and ``as_written`` (a quotation that names its own lines) are not narrative."""


@dataclass(frozen=True)
class Span:
    """Lines ``start``-``end`` (1-based, inclusive) of seed ``seed`` (``"S3"``)."""

    seed: str
    start: int
    end: int


def parse(ref: str) -> list[Span]:
    """The line spans of a reference (``"S3 r. 5-9, 12"`` → two spans); ``redactie`` has none.

    Raises ``ValueError`` for a text that is not in the format or a range that runs backwards."""
    if not REF.match(ref):
        raise ValueError(f"bronverwijzing niet in de vorm 'S3 r. 12-15, 20' of 'redactie': {ref!r}")
    spans = []
    for part in ref.split("; "):
        if part == "redactie":
            continue
        seed, _, ranges = part.partition(" r. ")
        for item in ranges.split(", "):
            first, _, last = item.partition("-")
            span = Span(seed, int(first), int(last or first))
            if span.end < span.start:
                raise ValueError(f"bereik loopt terug: {item} in {ref!r}")
            spans.append(span)
    return spans


@dataclass(frozen=True)
class Block:
    """A block of a Markdown page: its first line (1-based), its text, and its reference (or ``None``)."""

    line: int
    text: str
    ref: str | None


def _body_start(lines: list[str]) -> int:
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() in ("---", "..."):
                return i + 1
    return 0


def blocks(markdown: str) -> tuple[list[Block], list[tuple[int, str]]]:
    """The blocks of a page that need a reference, and the problems with references found.

    A block is a run of non-blank lines, a heading line on its own. Returned: each
    block that needs one (with its ``ref``, ``None`` when missing), and
    ``(line, message)`` for a malformed ``bron`` comment or one not directly above a block.
    """
    lines = markdown.splitlines()
    found: list[Block] = []
    problems: list[tuple[int, str]] = []
    i = _body_start(lines)
    head = [x.strip() for x in lines[i:] if x.strip()][:2]
    if WHOLE_PAGE in head and (head[0] == WHOLE_PAGE or HEADING.match(head[0])):
        return [], []
    in_list = False
    while i < len(lines):
        line = lines[i].rstrip()
        if not line.strip():
            i += 1
            continue
        if FENCE.match(line.lstrip()):
            fence = line.lstrip()[:3]
            i += 1
            while i < len(lines) and not lines[i].lstrip().startswith(fence):
                i += 1
            i += 1
            in_list = False
            continue
        if HEADING.match(line) or RULE.match(line.strip()):
            i += 1
            in_list = False
            continue
        start = i
        while i < len(lines) and lines[i].strip() and not HEADING.match(lines[i]):
            i += 1
        chunk = [x.rstrip() for x in lines[start:i]]
        ref = None
        first = chunk[0]
        if ANY_SOURCE_COMMENT.match(first):
            found_ref = COMMENT.match(first.strip())
            if not found_ref or not REF.match(found_ref.group("ref")):
                problems.append(
                    (start + 1, f"bronverwijzing niet in de vorm '<!-- bron: S3 r. 12-15 -->': {first.strip()}")
                )
            else:
                ref = found_ref.group("ref")
            chunk, start = chunk[1:], start + 1
            if not chunk:
                problems.append((start, "bronverwijzing staat niet direct boven een alinea"))
                continue
        first = chunk[0]
        if ref is None:
            if all(OTHER_COMMENT.match(x.strip()) for x in chunk):
                continue
            if len(chunk) == 1 and LABEL.match(first.strip()):
                in_list = False
                continue
            if in_list and (LIST_ITEM.match(first) or first.startswith((" ", "\t"))):
                continue
        in_list = (
            bool(LIST_ITEM.match(chunk[-1].lstrip()))
            or (in_list and chunk[-1].startswith((" ", "\t")))
            or any(LIST_ITEM.match(x) for x in chunk)
        )
        found.append(Block(start + 1, "\n".join(chunk), ref))
    return found, problems


OWN_RECORDS = frozenset({"lines"})
"""Fields whose items are records of their own (checked one by one, see :func:`records`)."""


def needs_ref(record: BaseModel) -> bool:
    """Whether ``record`` holds narrative text not covered by a nested record's own ``source_ref``."""
    for name in type(record).model_fields:
        if name in OWN_RECORDS:
            continue
        value = getattr(record, name)
        if name in NARRATIVE_FIELDS and value and (isinstance(value, str) or all(isinstance(v, str) for v in value)):
            return True
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(item, BaseModel) and not getattr(item, "source_ref", None) and needs_ref(item):
                return True
    return False


def records(site) -> Iterator[tuple[str, BaseModel]]:
    """Every data record of ``site`` that should carry a ``source_ref``, with a name for messages
    (``indicators.yaml 1a``): each entry of the data files, and each action/improvement line."""
    yield "agenda.yaml", site.agenda
    for key, items in (
        ("units.yaml", site.units),
        ("themes.yaml", site.themes),
        ("indicators.yaml", site.indicators),
        ("measures.yaml", site.measures),
        ("teamplans.yaml", site.teamplans),
        ("process.yaml", site.timelines),
        ("activities.yaml", site.activities),
        ("ratios.yaml", site.ratios),
    ):
        for item in items:
            yield f"{key} {item.id}", item
    for table in site.tables.values():
        yield f"tables.yaml {table.meta.id}", table.meta
    if site.budget is not None:
        yield "budget.yaml", site.budget
    for line_set in site.line_sets:
        yield f"lines.yaml {line_set.unit}", line_set
        for line in line_set.lines:
            yield f"lines.yaml {line.id}", line


def all_refs(record: BaseModel) -> Iterator[str]:
    """Every ``source_ref`` in ``record`` and the records nested in it."""
    own = getattr(record, "source_ref", None)
    if own:
        yield own
    for name in type(record).model_fields:
        value = getattr(record, name)
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(item, BaseModel):
                yield from all_refs(item)
