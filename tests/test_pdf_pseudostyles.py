"""Shared pseudo-element styles (kwsite/pdf/pseudostyles.py) give the same PDF bytes as WeasyPrint's own."""

import weasyprint.css
from weasyprint import CSS, HTML

from kwsite.pdf.pseudostyles import shared_pseudo_styles
from kwsite.pdf.render import stylesheet

HTML_TEXT = (
    "<html lang='nl'><body>"
    + "".join(
        f"<h1 id='h{i}'>Hoofdstuk {i}</h1><p>Tekst <a href='#h{(i + 3) % 12}'>naar {i + 3}</a>"
        f"<span class='kw-fn'>Voetnoot {i}</span></p>"
        f"<ol><li>een</li><li>twee</li></ol><ul><li>drie</li></ul>"
        f"<details class='kw-data'><summary>Tabel</summary><table><tr><th>Jaar</th></tr>"
        f"<tr><td>{2017 + i}</td></tr></table></details>"
        "<p style='break-after: page'></p>"
        for i in range(12)
    )
    + "</body></html>"
)


def _render():
    return HTML(string=HTML_TEXT).render(stylesheets=[CSS(string=stylesheet())])


def test_same_bytes_and_fewer_styles(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    seen = {}
    original_init = weasyprint.css.StyleFor.__init__

    def counting(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        styles = self._computed_styles
        seen["pseudo"] = len({id(s) for (_, pseudo), s in styles.items() if pseudo == "marker"})
        seen["elements"] = sum(1 for _, pseudo in styles if pseudo is None)

    monkeypatch.setattr(weasyprint.css.StyleFor, "__init__", counting)
    plain = _render()
    plain_markers = seen["pseudo"]
    with shared_pseudo_styles():
        shared = _render()
        patched = weasyprint.css.StyleFor.set_computed_styles
    shared_markers = seen["pseudo"]
    assert weasyprint.css.StyleFor.set_computed_styles is not patched  # put back on leaving
    assert len(plain.pages) == len(shared.pages) == 12  # a page per chapter, its footnote at the foot
    assert plain.write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=True) == shared.write_pdf(
        pdf_variant="pdf/ua-1", pdf_identifier=True
    )
    assert plain_markers == seen["elements"]  # without: a ::marker style for every element
    assert shared_markers < plain_markers / 4  # 41 of 219 here; 5,700 of 51,000 in the corpus


def test_list_markers_and_footnote_calls_still_drawn(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    with shared_pseudo_styles():
        document = _render()
    text = [box.text for page in document.pages for box in _descendants(page._page_box) if hasattr(box, "text")]
    assert text.count("• ") == 12  # the bullets (::marker)
    assert [t for t in text if t.isdigit() and len(t) < 3] == [
        str(i) for i in range(1, 13)
    ]  # footnote calls, numbered on
    # the ordered lists' markers "1. " and "2. " on every page, and each footnote's own marker "n. "
    assert text.count("1. ") == text.count("2. ") == 13 and text.count("12. ") == 1


def _descendants(box):
    yield box
    for child in getattr(box, "children", []):
        yield from _descendants(child)
