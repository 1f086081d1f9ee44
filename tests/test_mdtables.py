"""Hand-written Markdown tables become datasets: numbers in machine form, unit in the column name."""

import markdown
import pytest

from htmltext import tables as page_tables
from kwsite.mdtables import TableLinks, datasets, scope_headers, tables

PAGE = """# Trends

## Arbeidsmarkt

| Regio | Groei | Bedrag | Aantal | Toelichting |
|---|---|---|---|---|
| [Groot Amsterdam](x.md) | 3,0% | € 7,0 mln | 1.731 | ICT, **zakelijk** |
| Nederland | 1,8% | | 12 | |

```
| niet | een tabel |
|---|---|
```
"""


def test_columns_of_percentages_amounts_and_numbers_become_numbers():
    [d] = datasets(PAGE, "hoofdstukken/02-trends.md")
    assert d.key == "tekst-02-trends-1" and d.title == "Arbeidsmarkt (tabel 1)"
    assert d.columns == ("Regio", "Groei (%)", "Bedrag (mln euro)", "Aantal", "Toelichting")
    assert d.rows == (("Groot Amsterdam", "3.0", "7.0", "1731", "ICT, zakelijk"), ("Nederland", "1.8", "", "12", ""))
    assert d.column_types() == ["string", "number", "number", "number", "string"]
    assert '"rows": [\n  [\n   "Groot Amsterdam",\n   3.0,\n   7.0,\n   1731,' in d.json()


def test_links_go_right_under_each_table_and_not_in_code():
    assert len(tables(PAGE)) == 1  # the table in the code fence is none
    links = TableLinks()
    md = markdown.Markdown(extensions=["tables", "fenced_code", links])
    links.pending = ["Download de tabel: [CSV, 0,1 kB](../downloads/x.csv)"]
    html = md.convert(PAGE)
    assert '</table>\n<p>Download de tabel: <a href="../downloads/x.csv">CSV, 0,1 kB</a></p>\n<pre>' in html
    assert links.pending is None and "Download" not in md.reset().convert(PAGE)  # for that one render only


def test_a_table_in_a_list_keeps_its_links_in_the_list_item():
    links = TableLinks()
    md = markdown.Markdown(extensions=["tables", "md_in_html", links])
    links.pending = ["EEN", "TWEE"]
    html = md.convert("- punt\n\n    | a | b |\n    |---|---|\n    | 1 | 2 |\n\n| c |\n|---|\n| 3 |\n")
    assert "</table>\n<p>EEN</p>\n</li>" in html and html.endswith("</table>\n<p>TWEE</p>")


def cells_on_the_page(text: str, extensions=("tables",)) -> list[list[list[str]]]:
    """The tables as a reader sees them: Python-Markdown's HTML, cell text via tests/htmltext."""
    return page_tables(markdown.markdown(text, extensions=list(extensions)))


TRICKY = {
    # review #14: without outer pipes the page has a table, the old line parser saw none (no download)
    "no outer pipes": "Regio | Groei\n--- | ---\nA | 3,0%\nB | 1,9%\n",
    # an escaped pipe is a | in the cell; in a code span the backslash stays (the old parser dropped it)
    "escaped pipes": "| Naam | Tekst |\n|---|---|\n| A | ja \\| nee |\n| B | `a\\|b` |\n| C | `c|d` en e |\n",
    # a code span with a pipe, next to emphasis and a link; one cell ends in a backslash
    "code spans": "| Naam | Code |\n|:--|--:|\n| **vet** | `x | y` |\n| [link](a.md) | `` a`|`b `` |\n",
}


@pytest.mark.parametrize("case", sorted(TRICKY))
def test_the_dataset_has_the_cells_the_page_shows(case):
    text = "# Kop\n\n" + TRICKY[case]
    [shown] = cells_on_the_page(text)
    [found] = tables(text)
    assert [found.header, *found.rows] == shown and found.heading == "Kop"


def test_the_tricky_cells_are_what_the_page_shows():
    # the values themselves, so the comparison above cannot pass on two equal mistakes
    assert datasets(TRICKY["no outer pipes"], "p.md")[0].rows == (("A", "3.0"), ("B", "1.9"))
    assert datasets(TRICKY["escaped pipes"], "p.md")[0].rows == (("A", "ja | nee"), ("B", "a\\|b"), ("C", "c|d en e"))
    assert datasets(TRICKY["code spans"], "p.md")[0].rows == (("vet", "x | y"), ("link", "a`|`b"))


def test_the_site_extensions_decide_what_is_a_table():
    text = "```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\n"
    assert len(datasets(text, "p.md", ["tables"])) == 1  # without fenced_code the fence is text and the table a table
    assert datasets(text, "p.md", ["tables", "fenced_code"]) == []
    assert datasets("| a |\n|---|\n| 1 |\n", "p.md", ["toc"]) == []  # no tables extension: no table on the page


def test_front_matter_footnote_marks_and_permalinks_are_not_cells():
    text = "---\ntitle: T\n---\n\n## Stand\n\n| a | b |\n|---|---|\n| 1[^n] | x<br>y |\n\n[^n]: noot\n"
    [d] = datasets(text, "p.md", ["tables", "footnotes", "toc"], {"toc": {"permalink": True}})
    assert d.title == "Stand (tabel 1)" and d.rows == (("1", "x y"),)


def test_header_cells_get_a_scope_once():
    html = '<table><thead><tr><th>A</th><th style="x">B</th><th scope="col">C</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>'
    assert scope_headers(html).count('scope="col"') == 3


def test_a_row_with_more_or_fewer_cells_than_its_header_is_an_error_at_its_line():
    # review rv1: Python-Markdown silently drops a cell beyond the header ("zakelijke | dienstverlening"
    # lost "dienstverlening" on the page and in the CSV) and fills a missing one at the end (values shift).
    from kwsite.mdtables import row_problems

    page = "x\n\n| Regio | Groei | Drijvers |\n|---|---|---|\n| A | 3,0% | zakelijke | diensten |\n| B | 1,9% |\n| C | 1% | ok |\n"
    found = row_problems(page, "content/p.md", 1)
    assert [(p.file, p.line, p.col, p.path) for p in found] == [
        ("content/p.md", 5, 1, "A"),
        ("content/p.md", 6, 1, "B"),
    ]
    assert found[0].message.startswith("rij heeft 4 cellen, de kopregel 3")
    assert "\\|" in found[0].message
    assert row_problems(page, "content/p.md", 10)[0].line == 14


def test_an_escaped_pipe_and_a_pipe_in_code_stay_in_their_cell():
    from kwsite.mdtables import row_problems

    page = "| Naam | Tekst |\n|---|---|\n| A | ja \\| nee |\n| B | `a|b` |\n"
    assert row_problems(page, "p.md", 1) == []
    [d] = datasets(page, "p.md")
    assert d.rows == (("A", "ja | nee"), ("B", "a|b"))


def test_every_line_of_the_table_block_is_a_row_as_on_the_page():
    # review rv1: a row without its closing "|" is a row on the page (Python-Markdown), but ended the
    # table for the open data: the CSV silently missed it and every row after it.
    from kwsite.mdtables import row_problems

    page = "| Regio | Groei |\n|---|---|\n| A | 3,0% |\n| B | 1,9%\nC | 1,8% |\n| D | 2,0% |\n\nTekst.\n"
    [d] = datasets(page, "p.md")
    assert d.rows == (("A", "3.0"), ("B", "1.9"), ("C", "1.8"), ("D", "2.0"))
    assert row_problems(page, "p.md") == []
    found = row_problems("| a | b |\n|---|---|\n| 1 | 2 |\nDe tabel toont\n", "p.md")
    assert [(p.line, p.message[:27]) for p in found] == [(4, "rij heeft 1 cellen, de kopr")]


def test_a_comment_inside_a_table_is_reported_once():
    from kwsite.mdtables import row_problems

    page = "| a | b |\n|---|---|\n| 1 | 2 |\n<!-- bron: S3 r. 1 -->\n| 3 | 4 |\n<!-- bron: S3 r. 2 ->\n| 5 | 6 |\n"
    assert [(p.line, p.message) for p in row_problems(page, "p.md")] == [
        (4, "HTML-commentaar midden in een tabel breekt de tabel af; zet het boven de tabel")
    ]


def test_the_table_parse_stops_once_the_tree_is_read():
    """The parse for the tables (and the build's link check, a treeprocessor before it) reads the tree
    after the inline patterns; the page's HTML is not made: no serializer, no postprocessor runs."""
    from markdown.extensions import Extension
    from markdown.postprocessors import Postprocessor

    ran = []

    class Spy(Postprocessor):
        def run(self, text):
            ran.append(text)
            return text

    class SpyExtension(Extension):
        def extendMarkdown(self, md):  # noqa: N802
            md.postprocessors.register(Spy(md), "spy", 100)

    found = tables(PAGE, ["tables", SpyExtension()])
    assert ran == [] and [t.heading for t in found] == ["Arbeidsmarkt"]
    assert found[0].rows[0] == ["Groot Amsterdam", "3,0%", "€ 7,0 mln", "1.731", "ICT, zakelijk"]
    assert tables("  \n") == [] and tables("Geen tabel.") == []
    markdown.markdown("x", extensions=[SpyExtension()])
    assert len(ran) == 1  # a spy that runs when the HTML is made
