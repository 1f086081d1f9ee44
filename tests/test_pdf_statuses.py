"""A status prints as its words (kwsite/pdf/document.py ``plain_statuses``): no spans that print.css never styles."""

import dataclasses

from conftest import ROOT

from kwsite.pdf import collect, html
from kwsite.pdf.document import PageSource, plain_statuses

SITE = '<td><span class="kw-status kw-status-niet-behaald"><span aria-hidden="true">✗</span> niet behaald</span> (2022)</td>'


def test_status_keeps_symbol_and_words():
    assert plain_statuses(SITE) == "<td>✗ niet behaald (2022)</td>"
    other = '<span class="kw-uncertain">?</span> <span aria-hidden="true">✓</span>'
    assert plain_statuses(other) == other  # only the status markup


def test_document_prints_statuses_as_words():
    source = collect(ROOT)
    table = f'<table class="kw-table kw-status-table"><tbody><tr><th>2022</th>{SITE}</tr></tbody></table>'
    page = PageSource("stand.md", f"# Stand\n\n{table}\n\n- i04: {SITE[4:-5]}\n", generated=True)
    document = html(dataclasses.replace(source, pages=[*source.pages, page]))
    assert "kw-status " not in document and "kw-status-niet" not in document
    assert "<td>✗ niet behaald (2022)</td>" in document and "<li>i04: ✗ niet behaald (2022)</li>" in document
