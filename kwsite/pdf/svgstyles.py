"""A workaround for the cost of ``style`` attributes and lengths in SVG charts: WeasyPrint parses each one anew.

WeasyPrint (70.0, ``svg/__init__.py``, ``Node.cascade``) runs tinycss2 on the ``style`` attribute of
every SVG node it draws. Charts repeat the same few hundred attributes (``fill: none; stroke:
#d9d9d9; stroke-width: 0.8``) on tens of thousands of nodes, and the parsing was about 3 % of the
whole PDF's CPU time (py-spy, 683 pages, 360 charts). :func:`shared_svg_styles` keeps the parsed
declarations of each distinct attribute text while the document is drawn. ``Node.cascade`` only
reads the two lists (it copies each name and value into the node's own attributes), so sharing them
gives the same drawing and the same PDF bytes (``tests/test_pdf_svgstyles.py``). The fix proposed
upstream is in ``benchmarks/upstream-weasyprint-large-documents.md``. The same holds for its ``size``
(a length attribute to a number, a pure function of its three arguments): each distinct call is computed once.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from .patching import replaced


@contextmanager
def shared_svg_styles() -> Iterator[None]:
    """While inside, WeasyPrint parses each distinct SVG ``style`` attribute text and length once; the
    original functions are put back on leaving (also after an error)."""
    import weasyprint.svg as svg_module

    import weasyprint.svg.defs as defs_module

    with replaced(svg_module, "parse_declarations", _parsed_once):
        with replaced(svg_module, "size", _sized_once), replaced(defs_module, "size", _sized_once):
            yield


def _sized_once(original):
    """``original`` (WeasyPrint's SVG ``size``: a length text, the font size and the percentage reference in,
    a number out) remembering its result per arguments. Every node's default font size ``1em`` went through a
    failed ``float()`` and four regular expressions each time; a chart repeats a few dozen lengths."""
    cache: dict[tuple, float] = {}

    def size(string, font_size=None, percentage_reference=None):
        key = (string, font_size, percentage_reference)
        try:
            found = cache.get(key)
        except TypeError:
            return original(string, font_size, percentage_reference)
        if found is None:
            found = cache[key] = original(string, font_size, percentage_reference)
        return found

    return size


def _parsed_once(original):
    """``original`` (WeasyPrint's ``parse_declarations``) remembering its result per style text."""
    cache: dict[str, tuple[list, list]] = {}

    def parse_declarations(text):
        if not isinstance(text, str):
            return original(text)
        found = cache.get(text)
        if found is None:
            found = cache[text] = original(text)
        return found

    return parse_declarations
