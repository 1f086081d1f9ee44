"""The print document converts each page's Markdown once: link targets are filled in after every id is known
(kwsite/pdf/markup.py ``defer_links``), giving the HTML the two-pass conversion gave."""

import dataclasses

from conftest import ROOT

from kwsite.pdf import collect, document, html
from kwsite.pdf.markup import DEFERRED_MARK, convert

EXT = ["toc", "tables", "attr_list", "footnotes"]
PAGES = {"a.md", "b/c.md"}
A = "# Een\n\n## Doel {#doel}\n\nZie [het doel](#doel), [C](b/c.md#plan), [C kapot](b/c.md#weg) en [C](b/c.md).\n"


def test_deferred_links_resolve_as_the_second_pass_does():
    ids = convert("# C\n\n## Plan {#plan}\n", "b/c.md", PAGES, EXT, {}).ids | {"p-a--doel"}
    two_pass = convert(A, "a.md", PAGES, EXT, {}, ids)
    deferred = convert(A, "a.md", PAGES, EXT, {}, defer_links=True)
    assert deferred.deferred == [
        ("p-a--doel", "p-a"),
        ("p-b-c--plan", "p-b-c"),
        ("p-b-c--weg", "p-b-c"),
        ("p-b-c", "p-b-c"),
    ]
    assert DEFERRED_MARK in deferred.html and 'href="#p-a--doel"' not in deferred.html
    assert deferred.resolved(ids) == two_pass.html
    assert 'href="#p-b-c--plan"' in two_pass.html and 'href="#p-b-c"' in two_pass.html  # the broken one opens C
    assert 'href="#p-b-c--weg"' not in two_pass.html
    assert (deferred.headings, deferred.ids) == (two_pass.headings, two_pass.ids)


def test_flagship_document_is_the_same_with_one_pass_or_two(monkeypatch):
    source = collect(ROOT)
    one = html(source)
    calls = []
    original = document.convert

    def counting(*args, **kwargs):
        calls.append(kwargs.get("defer_links", False))
        return original(*args, **kwargs)

    monkeypatch.setattr(document, "convert", counting)
    assert html(source) == one
    assert len(calls) == len(source.pages) and all(calls)  # once per page
    calls.clear()
    # a page that contains the placeholder character itself: the two passes, as before
    marked = dataclasses.replace(source.pages[-1], markdown=source.pages[-1].markdown + f"\n\nTeken {DEFERRED_MARK}\n")
    two = html(dataclasses.replace(source, pages=[*source.pages[:-1], marked]))
    assert len(calls) == 2 * len(source.pages) and not any(calls)
    assert DEFERRED_MARK in two and two.replace(f"<p>Teken {DEFERRED_MARK}</p>\n", "") == one
