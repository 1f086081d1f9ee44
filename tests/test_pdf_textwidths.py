"""Min-/max-content text widths measured once per text and style (kwsite/pdf/textwidths.py): same PDF bytes."""

import weasyprint.layout.preferred as preferred
from weasyprint import CSS, HTML

from kwsite.pdf.render import stylesheet
from kwsite.pdf.textwidths import TEXT_PROPERTIES, _measured_once, measured_once

ROWS = "".join(f"<tr><th>{year}</th><td>43,1%</td><td>geen gegevens</td></tr>" for year in range(2017, 2023))
TABLE = f"<table><thead><tr><th>Periode</th><th>College Zorg Noord</th><th>SynROC</th></tr></thead><tbody>{ROWS}</tbody></table>"
PAGE = (
    "<html lang='nl'><body data-running='Kwaliteitsagenda' data-edition='Uitgave 2022'>"
    + "".join(f"<section class='kw-page'><h1>Hoofdstuk {i}</h1>{TABLE}{TABLE}</section>" for i in range(4))
    + "</body></html>"
)


def _pdf() -> bytes:
    return HTML(string=PAGE).render(stylesheets=[CSS(string=stylesheet())]).write_pdf(pdf_variant="pdf/ua-1")


def test_same_bytes_and_each_text_measured_once(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    plain = _pdf()
    measured = []
    original = preferred.split_first_line

    def counting(text, *args, **kwargs):
        measured.append(text)
        return original(text, *args, **kwargs)

    monkeypatch.setattr(preferred, "split_first_line", counting)
    with measured_once():
        once = _pdf()
        assert preferred.split_first_line is not counting
    assert preferred.split_first_line is counting  # put back on leaving
    assert once == plain
    # 8 tables on 4 pages with the same cells: each text measured once per (min, max) pass, not 8 times
    assert 1 <= measured.count("geen gegevens") <= 2 and 1 <= measured.count("2017") <= 2
    assert measured.count("Kwaliteitsagenda") <= 2  # the running head of every page


def test_unhashable_style_values_are_measured_as_weasyprint_does():
    calls = []

    def original(text, style, context, max_width, spacing, is_line_start=True, minimum=False):
        calls.append(text)
        return "layout", 4, None, 12.5, 10, 8

    class Style(dict):
        font_config = object()

    style = Style({name: [] for name in TEXT_PROPERTIES})
    split = _measured_once(original)
    assert split("2017", style, None, 0, 0) == ("layout", 4, None, 12.5, 10, 8)  # a list: not cached
    assert split("2017", style, None, 0, 0) == ("layout", 4, None, 12.5, 10, 8)
    assert calls == ["2017", "2017"]


def test_break_opportunities_asked_once_per_text_and_language(monkeypatch):
    import weasyprint.layout.inline as inline

    asked = []
    original = preferred.can_break_text

    def counting(text, lang):
        asked.append((text, lang))
        return original(text, lang)

    monkeypatch.setattr(preferred, "can_break_text", counting)
    with measured_once():
        answers = [preferred.can_break_text(text, "nl") for text in ("2017a", "n a", "2017a")]
        assert inline.can_break_text("n a", "nl") is True
    assert preferred.can_break_text is counting  # put back on leaving
    assert answers == [False, True, False]
    assert asked == [("2017a", "nl"), ("n a", "nl")]
