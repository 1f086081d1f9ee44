"""Page streams compressed once painted (kwsite/pdf/packstreams.py) give the same PDF bytes as WeasyPrint's own."""

import pydyf
import weasyprint.pdf
from weasyprint import CSS, HTML
from weasyprint.document import Page

from kwsite.pdf.packstreams import _packed_class, packed_page_streams
from kwsite.pdf.render import stylesheet

CHART = (
    "<svg xmlns='http://www.w3.org/2000/svg' width='200' height='100' viewBox='0 0 200 100'>"
    "<g style='opacity: 0.5'><rect x='10' y='10' width='50' height='80' style='fill: #1f4e79'/></g>"
    "<text x='70' y='50' style='font-size: 12px; font-family: DejaVu Sans'>45,8%</text></svg>"
)
HTML_TEXT = (
    "<html lang='nl'><body>"
    + "".join(
        f"<h1 id='h{i}'>Hoofdstuk {i}</h1><p>Tekst <a href='#h{(i + 1) % 5}'>verder</a></p>"
        f"<img alt='Grafiek {i}' src='data:image/svg+xml,{CHART}'>"
        "<table><tr><th>Jaar</th><td>2022</td></tr></table><p style='break-after: page'></p>"
        for i in range(5)
    )
    + "</body></html>"
)


def _pdf(document):
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=True)


def test_same_bytes_and_packed_while_drawing(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    document = HTML(string=HTML_TEXT).render(stylesheets=[CSS(string=stylesheet())])
    plain = _pdf(document)
    painted = []
    with packed_page_streams():
        patched_paint = Page.paint

        def watching(self, stream, scale=1):
            patched_paint(self, stream, scale)
            painted.append((stream.kwsite_packed is not None, stream.stream))

        monkeypatch.setattr(Page, "paint", watching)
        packed = _pdf(document)
        monkeypatch.undo()
    assert len(document.pages) == 5
    assert packed == plain
    assert painted == [(True, [])] * 5  # every page compressed right after painting, its operator list gone
    assert weasyprint.pdf.Stream is weasyprint.pdf.stream.Stream  # the originals are back
    assert "kwsite" not in weasyprint.pdf.Stream.__qualname__ and Page.paint.__module__ == "weasyprint.document"


def test_drawn_into_after_packing_still_same_bytes():
    base = pydyf.Stream
    packed_class = _packed_class(weasyprint.pdf.stream.Stream)
    items = [b"q", b"1 0 0 1 72 700 cm", 0.5, b"Q"]
    plain = base(list(items), {"Type": "/XObject"}, compress=True)
    packed = packed_class(None, None, None, None, None, None, None, list(items[:2]), {"Type": "/XObject"}, True)
    packed.kwsite_pack()
    assert packed.stream == [] and packed.kwsite_packed
    packed.stream.extend(items[2:])
    assert packed.data == plain.data  # re-compressed with what came after: what pydyf writes


def test_uncompressed_streams_left_alone():
    packed_class = _packed_class(weasyprint.pdf.stream.Stream)
    stream = packed_class(None, None, None, None, None, None, None, [b"q", b"Q"], None, False)
    stream.kwsite_pack()
    assert stream.kwsite_packed is None and stream.data == pydyf.Stream([b"q", b"Q"], compress=False).data
