"""Wide tables are marked in the print markup (kw-wide) instead of selected with a costly :has() in print.css."""

from kwsite.pdf.markup import convert
from kwsite.pdf.render import stylesheet

EXT = ["toc", "tables", "attr_list", "md_in_html"]


def _table(columns: int, header_row: bool = True) -> str:
    cell = "th" if header_row else "td"
    head = "".join(f"<{cell}>K{i}</{cell}>" for i in range(columns))
    return f'<table class="kw-table"><thead><tr>{head}</tr></thead><tbody><tr><td>1</td></tr></tbody></table>'


def test_raw_html_tables():
    text = f"# T\n\n{_table(7)}\n\n{_table(6)}\n\n{_table(9, header_row=False)}\n"
    html = convert(text, "a.md", {"a.md"}, EXT, {}).html
    assert html.count('class="kw-table kw-wide"') == 1  # seven columns with a header cell in the seventh
    assert html.count('class="kw-table"') == 2  # six columns; nine data cells but no th in the seventh


def test_markdown_table():
    wide = "| " + " | ".join(f"K{i}" for i in range(7)) + " |\n" + "|---" * 7 + "|\n" + "| 1 " * 7 + "|\n"
    narrow = "| A | B |\n|---|---|\n| 1 | 2 |\n"
    html = convert(f"# T\n\n{wide}\n\nTekst\n\n{narrow}", "a.md", {"a.md"}, EXT, {}).html
    assert html.count('<table class="kw-wide">') == 1
    assert html.count("<table>") == 1


def test_print_css_has_no_table_has_selector():
    css = stylesheet()
    assert "table.kw-wide { font-size: 7.5pt; width: 100%; }" in css
    assert "table:has(" not in css
