"""Tiny HTML readers for tests: visible text and table rows (stdlib only)."""

from html.parser import HTMLParser


class _Tables(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables, self.row, self.cell, self.text = [], None, None, []

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.tables[-1].append(self.row)
            self.row = None

    def handle_data(self, data):
        data = data.replace("\xa0", " ")
        if self.cell is not None:
            self.cell.append(data)
        self.text.append(data)


def tables(html: str) -> list[list[list[str]]]:
    """Every table as a list of rows of cell texts (whitespace folded, nbsp as space)."""
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def text(html: str) -> str:
    """All text of the page, whitespace folded."""
    parser = _Tables()
    parser.feed(html)
    return " ".join("".join(parser.text).split())
