"""A workaround for the memory WeasyPrint holds in drawn pages until the PDF is written.

WeasyPrint (70.0, ``pdf/__init__.py``) draws every page into a ``pydyf.Stream`` whose content is a
Python list of small ``bytes`` operators (``b"1 0 0 1 72 700 cm"``), and compresses each list only
when the whole file is written, after the last page. For a 683-page document those lists held about
290 MiB at the peak (memray), against 7 MiB of compressed PDF. :func:`packed_page_streams` compresses
a page's streams (the page itself and the groups drawn into it) as soon as the page is painted, with
the same zlib settings and the same joined bytes pydyf would use, so the PDF is byte-identical
(``tests/test_pdf_packstreams.py``). The fix proposed upstream is in
``benchmarks/upstream-weasyprint-large-documents.md``.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager


def _compressed(data: bytes) -> bytes:
    """zlib as ``pydyf.Stream.data`` does it (level 9, one stream)."""
    compressor = zlib.compressobj(level=9)
    return compressor.compress(data) + compressor.flush()


def _packed_class(base):
    import pydyf

    class PackedStream(base):
        """WeasyPrint's stream; :meth:`kwsite_pack` turns the operator list into compressed bytes."""

        kwsite_packed: bytes | None = None

        def kwsite_pack(self) -> None:
            if not self.compress or self.kwsite_packed is not None:
                return
            self.kwsite_packed = _compressed(b"\n".join(pydyf._to_bytes(item) for item in self.stream))
            self.stream = []

        @property
        def data(self):
            if self.kwsite_packed is None:
                return super().data
            packed = self.kwsite_packed
            if self.stream:  # drawn into after packing (WeasyPrint 70 does not): the same bytes all the same
                rest = b"\n".join(pydyf._to_bytes(item) for item in self.stream)
                packed = _compressed(zlib.decompress(packed) + b"\n" + rest)
            extra = pydyf.Dictionary(self.extra.copy())
            extra["Filter"] = "/FlateDecode"
            extra["Length"] = len(packed)
            return b"\n".join((extra.data, b"stream", packed, b"endstream"))

    return PackedStream


@contextmanager
def packed_page_streams() -> Iterator[None]:
    """While inside, WeasyPrint's PDF writer compresses each page's content streams right after the
    page is painted instead of keeping them as operator lists until the end; the original classes are
    put back on leaving (also after an error)."""
    import weasyprint.pdf as pdf_module
    from weasyprint.document import Page
    from weasyprint.pdf import stream as stream_module

    original_stream, original_paint = stream_module.Stream, Page.__dict__.get("paint")
    if pdf_module.__dict__.get("Stream") is not original_stream or original_paint is None:
        yield  # an upstream WeasyPrint that changed them: leave it alone
        return
    packed = _packed_class(original_stream)
    created: list = []

    class Tracked(packed):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            created.append(self)

    def paint(self, stream, scale=1):
        original_paint(self, stream, scale)
        for done in [stream, *created]:  # the page and the groups drawn into it are finished
            if isinstance(done, packed):
                done.kwsite_pack()
        created.clear()

    stream_module.Stream = pdf_module.Stream = Tracked
    Page.paint = paint
    try:
        yield
    finally:
        stream_module.Stream = pdf_module.Stream = original_stream
        Page.paint = original_paint
        created.clear()
