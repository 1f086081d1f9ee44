"""A workaround for the cost of ``style`` attributes in SVG charts: WeasyPrint parses each one anew.

WeasyPrint (70.0, ``svg/__init__.py``, ``Node.cascade``) runs tinycss2 on the ``style`` attribute of
every SVG node it draws. Charts repeat the same few hundred attributes (``fill: none; stroke:
#d9d9d9; stroke-width: 0.8``) on tens of thousands of nodes, and the parsing was about 3 % of the
whole PDF's CPU time (py-spy, 683 pages, 360 charts). :func:`shared_svg_styles` keeps the parsed
declarations of each distinct attribute text while the document is drawn. ``Node.cascade`` only
reads the two lists (it copies each name and value into the node's own attributes), so sharing them
gives the same drawing and the same PDF bytes (``tests/test_pdf_svgstyles.py``). The fix proposed
upstream is in ``benchmarks/upstream-weasyprint-large-documents.md``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from .patching import replaced


@contextmanager
def shared_svg_styles() -> Iterator[None]:
    """While inside, WeasyPrint parses each distinct SVG ``style`` attribute text once; the original
    function is put back on leaving (also after an error)."""
    import weasyprint.svg as svg_module

    with replaced(svg_module, "parse_declarations", _parsed_once):
        yield


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
