"""The memoised ``page_references`` (kwsite/pdf/pagerefs.py) gives the same PDF bytes as pydyf's own."""

import pydyf
from weasyprint import HTML

from kwsite.pdf.pagerefs import memoised_page_references

HTML_TEXT = (
    "<html lang='nl'><body>"
    + "".join(
        f"<h1 id='h{i}'>Hoofdstuk {i}</h1><p>Tekst <a href='#h{(i + 3) % 12}'>naar {i + 3}</a></p>"
        f"<ul><li>een</li><li>twee</li></ul><table><tr><th>Jaar</th></tr><tr><td>{2017 + i}</td></tr></table>"
        "<p style='break-after: page'></p>"
        for i in range(12)
    )
    + "</body></html>"
)


def _pdf() -> bytes:
    return HTML(string=HTML_TEXT).render().write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=True)


def test_same_bytes_and_fewer_tuples(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    plain = _pdf()
    calls = {"built": 0}
    original = pydyf.PDF.page_references

    def counting(self):
        calls["built"] += 1
        return original.fget(self)

    monkeypatch.setattr(pydyf.PDF, "page_references", property(counting))
    unpatched = _pdf()
    built_without = calls["built"]
    calls["built"] = 0
    with memoised_page_references():
        memoised = _pdf()
        used = pydyf.PDF.page_references
    assert pydyf.PDF.page_references is not used  # put back on leaving
    assert memoised == plain == unpatched
    assert used.fget.__module__ == "kwsite.pdf.pagerefs"
    assert built_without > 40  # without it, every tag and link built the tuple of all pages again


def test_page_list_change_gives_new_references():
    pdf = pydyf.PDF()
    with memoised_page_references():
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
        first = pdf.page_references
        assert pdf.page_references is first
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
        second = pdf.page_references
    assert len(first) == 1 and len(second) == 2 and second[0] == first[0]
    assert second == pdf.page_references  # the original property agrees
