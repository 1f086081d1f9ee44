"""Size texts marked while ``kwsite serve`` renders a page, so that a later change of a file's size alone
(a workbook, a JSON file or the data zip after a one-value edit) is written into the page's previous output
instead of rendering the page again (:class:`kwsite.preview.Preview`; the open-data page names the size of
every download and is the largest page to render).

While a page is rendered each size text is written as ``OPEN`` index ``SEP`` text ``CLOSE`` (private-use
characters, which Markdown, the sanitizer and the templates pass on as text); :func:`strip` removes the marks
from the finished page and says where each size text is, :func:`replace` writes new size texts there, and
:func:`unmarked` / :func:`filled` do the same for the page's search entries. Nothing marked is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .pages.common import SIZE_MARK, size_text

OPEN, SEP, CLOSE = "\ue000", "\ue001", "\ue002"
SIZED = re.compile("\ue000(\\d+)\ue001([^\ue000-\ue002]*)\ue002")

Sized = list[tuple[str, str]]
"""(docs path of a file, size text) of each size a page shows, by index."""
Spans = list[tuple[int, int, int]]
"""(start, end, index into :data:`Sized`) of each size text in a page's output."""


def mark(markdown: str, content_of: Callable[[str], bytes | str | None], sized: Sized) -> str:
    """:func:`kwsite.pages.common.fill_sizes` with each size text marked; appends to ``sized``."""

    def size(match: re.Match) -> str:
        content = content_of(match.group(1))
        if content is None:
            return match.group(0)
        sized.append((match.group(1), size_text(content)))
        return f"{OPEN}{len(sized) - 1}{SEP}{sized[-1][1]}{CLOSE}"

    return SIZE_MARK.sub(size, markdown) if "<!--kw-size:" in markdown else markdown


def strip(output: str, sized: Sized) -> tuple[str, Spans | None]:
    """``output`` without the marks, and where each size text is in it (``None`` when a marked text is not
    the size text given: such a page is never patched)."""
    if OPEN not in output:
        return output, []
    parts, spans, at, pos, exact = [], [], 0, 0, True
    for match in SIZED.finditer(output):
        index, text = int(match.group(1)), match.group(2)
        exact = exact and index < len(sized) and sized[index][1] == text
        parts += [output[pos : match.start()], text]
        at += match.start() - pos
        spans.append((at, at + len(text), index))
        at, pos = at + len(text), match.end()
    parts.append(output[pos:])
    return "".join(parts), spans if exact else None


def replace(text: str, spans: Spans, old: Sized, new: Sized) -> tuple[str, Spans] | None:
    """``text`` with the size text at each span replaced by the new one, and the new spans; ``None`` when a
    span does not hold its old size text (the file was changed by something else)."""
    if not text or any(text[start:end] != old[i][1] for start, end, i in spans):
        return None
    parts, moved, at, pos = [], [], 0, 0
    for start, end, index in spans:
        size = new[index][1]
        parts += [text[pos:start], size]
        at += start - pos
        moved.append((at, at + len(size), index))
        at, pos = at + len(size), end
    parts.append(text[pos:])
    return "".join(parts), moved


def unmarked(text: str) -> str:
    """``text`` with each marked size as its plain size text."""
    return SIZED.sub(lambda m: m.group(2), text) if OPEN in text else text


def filled(text: str, sized: Sized) -> str:
    """``text`` (marked) with each marked size as the size text of its index in ``sized`` now."""
    return SIZED.sub(lambda m: sized[int(m.group(1))][1] if int(m.group(1)) < len(sized) else m.group(2), text)
