"""One cycle collection at the start of drawing instead of full rescans (kwsite/pdf/gcsteps.py), and the laid-out
pages dropped before the file is written (render._drop_layout): the same PDF bytes, the collector as it was after."""

import gc
import logging

from weasyprint import CSS, HTML


from kwsite.pdf.gcsteps import NO_FULL_SCANS, collected_per_step
from kwsite.pdf.render import _drop_layout, stylesheet

HTML_TEXT = (
    "<html lang='nl'><body>" + "".join(f"<h1>H{i}</h1><p>{'Tekst. ' * 300}</p>" for i in range(4)) + "</body></html>"
)


def _pdf(finisher=None):
    document = HTML(string=HTML_TEXT).render(stylesheets=[CSS(string=stylesheet())])
    return document, document.write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=True, finisher=finisher)


def test_same_bytes_one_freeze_when_drawing_and_everything_put_back(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    thresholds = gc.get_threshold()
    progress = logging.getLogger("weasyprint.progress")
    level, propagate = progress.level, progress.propagate
    _, plain = _pdf()
    seen = {}

    def finisher(document, pdf):
        seen["frozen"], seen["thresholds"] = gc.get_freeze_count(), gc.get_threshold()
        _drop_layout(document, pdf)
        seen["after"] = gc.get_freeze_count()

    with collected_per_step():
        document, collected = _pdf(finisher)
    assert collected == plain
    assert seen["frozen"] > 10_000 and seen["thresholds"][2] == NO_FULL_SCANS  # frozen when drawing started
    assert seen["after"] == 0  # released: the dropped pages can be collected
    assert all(page._page_box is None for page in document.pages) and len(document.pages) == 2
    assert gc.get_threshold() == thresholds and gc.get_freeze_count() == 0
    assert (progress.level, progress.propagate) == (level, propagate)
    assert not [h for h in progress.handlers if type(h).__module__ == "kwsite.pdf.gcsteps"]
