"""A workaround for a step of WeasyPrint's PDF writing that grows with elements × pages.

pydyf's ``PDF.page_references`` (pydyf 0.13) is a property that builds a new tuple of every
page's ``"n 0 R"`` on each call; WeasyPrint's PDF/UA tagging (``weasyprint/pdf/tags.py``) and its
anchors read it once per tagged element and link, so a 1,000-page document spends a tenth or more
of its PDF time rebuilding the same tuple. :func:`memoised_page_references` keeps the tuple while
the page list is unchanged (same ``Kids`` list object, same length, same last page), so the PDF is
byte-identical (``tests/test_pdf_pagerefs.py``). The fix proposed upstream is in
``benchmarks/upstream-pydyf-page-references.md``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


def _references(pdf) -> tuple[bytes, ...]:
    kids = pdf.pages["Kids"]
    mark = (id(kids), len(kids), kids[-3] if kids else None)
    cached = pdf.__dict__.get("_kwsite_page_references")
    if cached is None or cached[0] != mark:
        cached = (mark, tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
        pdf.__dict__["_kwsite_page_references"] = cached
    return cached[1]


@contextmanager
def memoised_page_references() -> Iterator[None]:
    """While inside, ``pydyf.PDF.page_references`` is computed once per page list instead of once
    per call; the original property is put back on leaving (also after an error)."""
    import pydyf

    original = pydyf.PDF.__dict__.get("page_references")
    if not isinstance(original, property):  # an upstream pydyf that changed it: leave it alone
        yield
        return
    pydyf.PDF.page_references = property(_references, doc=original.__doc__)
    try:
        yield
    finally:
        pydyf.PDF.page_references = original
