"""A workaround for a step of WeasyPrint's layout that grows with pages × pages.

For every page it makes, WeasyPrint (70.0, ``layout/page.py``, ``set_page_type_computed_styles``)
adds the page's cascaded ``@page`` declarations (one entry for the page and one per margin box) to
one dictionary, then walks the *whole* dictionary to find the margin boxes of this page. The
dictionary holds the entries of every page made so far (about 19 per page), so a 1,772-page document
walks it 1,772 times at up to 33,000 entries: about 3 % of the PDF's CPU time at 683 pages and more
than twice that share at 1,772. :func:`indexed_page_styles` remembers which entries each page type
added, in the order they were added, and computes the same margin-box styles in the same order from
that list, so the PDF is byte-identical (``tests/test_pdf_pagestyles.py``). The fix proposed upstream
is in ``benchmarks/upstream-weasyprint-large-documents.md``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from .patching import replaced
from itertools import islice


def _set_page_type_computed_styles(page_type, html, style_for):
    """``weasyprint.layout.page.set_page_type_computed_styles``, with the page's own entries looked up."""
    cascaded = style_for.get_cascaded_styles()
    index = style_for.__dict__.setdefault("_kwsite_page_keys", {})
    before = len(cascaded)
    style_for.add_page_declarations(page_type)
    # add_page_declarations only adds (page_type, pseudo_type) keys: the new ones are the last of the dict
    added = list(islice(reversed(cascaded.keys()), len(cascaded) - before))[::-1]
    keys = index.setdefault(page_type, [])
    keys.extend(added)

    # Apply style for page (@page inherits from the root element)
    style_for.set_computed_styles(page_type, root=html.etree_element, parent=html.etree_element, base_url=html.base_url)
    # Apply style for page pseudo-elements (margin boxes), in the order the entries were added
    for element, pseudo_type in keys:
        if pseudo_type:
            style_for.set_computed_styles(
                element, pseudo_type=pseudo_type, root=html.etree_element, parent=element, base_url=html.base_url
            )


@contextmanager
def indexed_page_styles() -> Iterator[None]:
    """While inside, WeasyPrint finds a page's margin-box styles without walking every page's; the
    original function is put back on leaving (also after an error)."""
    from weasyprint.layout import page as page_module

    with replaced(page_module, "set_page_type_computed_styles", lambda _original: _set_page_type_computed_styles):
        yield
