"""Chart labels drawn as one text run (kwsite/pdf/svgtext.py): the same words at the same places."""

import base64
import io

import pdfplumber
import weasyprint.svg
import weasyprint.text.line_break as line_break
from weasyprint import HTML

from kwsite.pdf.svgtext import whole_svg_text

LABEL = "font-size: 9px; font-family: &apos;DejaVu Sans&apos;, sans-serif; fill: #1a1a1a"
CHART = (
    "<svg xmlns='http://www.w3.org/2000/svg' width='300pt' height='150pt' viewBox='0 0 300 150'>"
    "<path d='M 40 120 L 290 120' style='fill: none; stroke: #595959; stroke-width: 0.8'/>"
    f"<g><text style='{LABEL}; text-anchor: middle' x='80' y='135' transform='rotate(-0 80 135)'>2017</text></g>"
    f"<g><text style='{LABEL}; text-anchor: end' x='36' y='60' transform='rotate(-0 36 60)'>7,5</text></g>"
    f"<g><text style='{LABEL}; text-anchor: start' x='150' y='135'>SynROC</text></g>"
    f"<g><text style='font-weight: 700; {LABEL}' x='5' y='12'>Indicator 6 (kwetsbare jongeren)</text></g>"
    f"<g><text style='{LABEL}' transform='translate(12 90) rotate(-90)'>Cijfer</text></g>"
    f"<g><text style='{LABEL}' x='200 210 220' y='40'>abc</text></g>"  # per-letter x: WeasyPrint's own drawing
    "</svg>"
)
SRC = "data:image/svg+xml;base64," + base64.b64encode(CHART.encode()).decode()
PAGE = f"<html lang='nl'><body><img alt='grafiek' src='{SRC}'></body></html>"


def _render(monkeypatch, whole: bool):
    calls = []
    original = line_break.split_first_line

    def counting(text, *args, **kwargs):
        calls.append(text)
        return original(text, *args, **kwargs)

    monkeypatch.setattr(line_break, "split_first_line", counting)
    if whole:
        with whole_svg_text():
            data = HTML(string=PAGE).render().write_pdf(pdf_variant="pdf/ua-1")
    else:
        data = HTML(string=PAGE).render().write_pdf(pdf_variant="pdf/ua-1")
    monkeypatch.setattr(line_break, "split_first_line", original)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        words = pdf.pages[0].extract_words()
    return {w["text"]: (w["x0"], w["x1"], w["top"]) for w in words}, calls


def test_labels_at_the_same_places_each_laid_out_once(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    text_drawer = weasyprint.svg.TAGS["text"]
    letters, letter_calls = _render(monkeypatch, whole=False)
    whole, whole_calls = _render(monkeypatch, whole=True)
    assert weasyprint.svg.TAGS["text"] is text_drawer and weasyprint.svg.text is text_drawer  # put back
    assert (
        set(whole) == set(letters) >= {"2017", "7,5", "SynROC", "refjiC", "(kwetsbare", "a", "b"}
    )  # the rotated label read backwards
    for word, (x0, x1, top) in letters.items():
        assert abs(whole[word][0] - x0) < 0.5 and abs(whole[word][1] - x1) < 0.5 and abs(whole[word][2] - top) < 0.5
    # middle and end anchors: centred on x=80, ending at x=36 (pt in the chart, which starts 62,25 pt in)
    assert abs((whole["2017"][0] + whole["2017"][1]) / 2 - 142.25) < 0.1 and abs(whole["7,5"][1] - 98.25) < 0.1
    assert whole_calls.count("2017") == 1 and "2" not in whole_calls  # one layout per label, not per letter
    assert letter_calls.count("2017") == 1 and letter_calls.count("2") >= 1
    assert whole_calls.count("a") == 1  # the per-letter label is still drawn letter by letter
