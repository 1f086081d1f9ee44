"""SVG style attributes parsed once per distinct text (kwsite/pdf/svgstyles.py) give the same PDF bytes."""

import base64

import weasyprint.svg
from weasyprint import HTML

from kwsite.pdf.svgstyles import shared_svg_styles

LINE = "fill: none; stroke: #d9d9d9; stroke-width: 0.8"
CHART = (
    "<svg xmlns='http://www.w3.org/2000/svg' width='300' height='120' viewBox='0 0 300 120'>"
    "<style>.c * { stroke-linecap: butt }</style><g class='c'>"
    + "".join(f"<path d='M 10 {10 + 10 * i} L 290 {10 + 10 * i}' style='{LINE}'/>" for i in range(8))
    + "<path d='M 10 100 L 290 20' style='fill: none; stroke: #1f4e79; stroke-width: 2.2; stroke-linecap: square'/>"
    "<text x='20' y='115' style='font-size: 10px; font-family: DejaVu Sans; fill: #595959 !important'>2022</text>"
    "</g></svg>"
)
SRC = "data:image/svg+xml;base64," + base64.b64encode(CHART.encode()).decode()
HTML_TEXT = f"<html lang='nl'><body>{''.join(f'<img alt=grafiek src={SRC}>' for _ in range(4))}</body></html>"


def test_same_bytes_and_each_style_parsed_once(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    plain = HTML(string=HTML_TEXT).render().write_pdf(pdf_variant="pdf/ua-1")
    parsed = []
    original = weasyprint.svg.parse_declarations

    def counting(text):
        parsed.append(text)
        return original(text)

    monkeypatch.setattr(weasyprint.svg, "parse_declarations", counting)
    with shared_svg_styles():
        shared = HTML(string=HTML_TEXT).render().write_pdf(pdf_variant="pdf/ua-1")
        assert weasyprint.svg.parse_declarations is not counting
    assert weasyprint.svg.parse_declarations is counting  # put back on leaving
    assert shared == plain
    assert sorted(set(parsed)) == sorted(parsed)  # 4 charts × 10 styled nodes, each text parsed once
    assert len(parsed) == 3 and LINE in parsed


def test_declarations_as_weasyprint_parses_them():
    with shared_svg_styles():
        normal, important = weasyprint.svg.parse_declarations("fill: #595959 !important; stroke: none")
        again = weasyprint.svg.parse_declarations("fill: #595959 !important; stroke: none")
    assert (normal, important) == ([("stroke", "none")], [("fill", "#595959")])
    assert again[0] is normal  # shared, not parsed again


def test_lengths_as_weasyprint_computes_them_each_once(monkeypatch):
    import weasyprint.svg.defs

    calls = []
    original = weasyprint.svg.size

    def counting(*args):
        calls.append(args)
        return original(*args)

    monkeypatch.setattr(weasyprint.svg, "size", counting)
    with shared_svg_styles():
        assert weasyprint.svg.defs.size is not original
        found = [weasyprint.svg.size(*args) for args in [("1em", 9.0, 9.0), ("50%", 9.0, 300), ("1em", 9.0, 9.0)]]
    assert weasyprint.svg.size is counting  # put back on leaving
    assert found == [9.0, 150.0, 9.0]
    assert calls == [("1em", 9.0, 9.0), ("50%", 9.0, 300)]  # the repeated length not computed again
