"""A page's margin-box styles looked up from its own entries (kwsite/pdf/pagestyles.py): the same PDF bytes."""

import weasyprint.layout.page
from weasyprint import CSS, HTML

from kwsite.pdf.pagestyles import indexed_page_styles
from kwsite.pdf.render import stylesheet

HTML_TEXT = (
    "<html lang='nl'><body data-running='Agenda' data-edition='Uitgave 1'>"
    "<section class='kw-cover'><h1>Omslag</h1></section>"
    + "".join(f"<section class='kw-page'><h1>Hoofdstuk {i}</h1><p>{'Tekst. ' * 900}</p></section>" for i in range(6))
    + "</body></html>"
)


def _render():
    return HTML(string=HTML_TEXT).render(stylesheets=[CSS(string=stylesheet())])


def test_same_bytes_and_each_page_looks_up_only_its_own(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    plain = _render()
    looked_up = []
    original = weasyprint.css.StyleFor.set_computed_styles

    def watching(self, element, parent, root=None, pseudo_type=None, base_url=None, target_collector=None):
        if pseudo_type and not hasattr(element, "tag"):
            looked_up.append((element.index, pseudo_type))
        return original(self, element, parent, root, pseudo_type, base_url, target_collector)

    monkeypatch.setattr(weasyprint.css.StyleFor, "set_computed_styles", watching)
    with indexed_page_styles():
        indexed = _render()
        assert weasyprint.layout.page.set_page_type_computed_styles.__module__ == "kwsite.pdf.pagestyles"
    assert weasyprint.layout.page.set_page_type_computed_styles.__module__ == "weasyprint.layout.page"
    assert len(plain.pages) == len(indexed.pages) == 13  # cover and six chapters of two pages
    assert plain.write_pdf(pdf_variant="pdf/ua-1") == indexed.write_pdf(pdf_variant="pdf/ua-1")
    # each page computes its own 18 margin boxes (WeasyPrint's user-agent @page rules), in the same order,
    # not a walk through the entries of every page made before it
    pseudo = [p for i, p in looked_up if i == 0]
    assert len(pseudo) == 18 and pseudo[:4] == ["@footnote", "@note-area", "@top-left-corner", "@top-left"]
    assert all([p for i, p in looked_up if i == n] == pseudo for n in range(13))
    assert len(looked_up) == 13 * 18
