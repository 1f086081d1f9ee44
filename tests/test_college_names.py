"""One display name per college (issue #17 item 5): the full ``name`` in tables, text, nav and the colleges
index; the ``short_name`` only inside charts, where space forces it; never a CSV spelling such as "Nrd".
Mini fixture: College Noord (short "Noord", code 100), printed in ``cijfer.csv`` as "Nrd"."""

from __future__ import annotations

import re

from conftest import MINI
from kwsite.build import build_pages, load_site
from kwsite.pages import nav


def _pages():
    site, _ = load_site(MINI / "data")
    generated, charts = build_pages(site, ["index.md"])
    charts.finish()
    return site, {g.path: g.content for g in generated}


def test_full_name_in_tables_text_nav_and_index_short_name_in_charts():
    site, pages = _pages()
    theme = pages["themas/kern.md"]
    assert '<th scope="row">College Noord</th>' in theme and "Nrd" not in theme
    appendix = pages["colleges/noord.md"]
    assert '<th scope="col">College Noord</th>' in appendix and "waarden van College Noord naast" in appendix
    assert "[College Noord](noord.md) (code 100)" in pages["colleges/index.md"]
    assert {"College Noord": "colleges/noord.md"} in nav(site, "colleges")
    labels = re.findall(r"<text\b[^>]*>([^<]*)</text>", pages["grafieken/table-cijfer.svg"])
    assert "Noord" in [t.strip() for t in labels] and not any("Nrd" in t for t in labels)
    college_chart = re.findall(r"<text\b[^>]*>([^<]*)</text>", pages["grafieken/college-noord-cijfer.svg"])
    assert "Noord" in [t.strip() for t in college_chart]
    download = pages["downloads/tabel-cijfer.csv"]
    assert download.splitlines()[1].startswith("College Noord,")  # the same rows as the table shown
