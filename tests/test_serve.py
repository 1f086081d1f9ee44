"""`kwsite serve` re-renders little: after one data edit only the charts whose inputs changed
are drawn again (the rest come from the on-disk cache), and only the pages that show the
changed value differ."""

import shutil

from conftest import ROOT, edit
from kwsite.build import build_pages, load_site

CHAPTERS = ["hoofdstukken/06-meerjarenstrategie.md"]


def build(data, cache):
    site, _ = load_site(data)
    files, charts = build_pages(site, CHAPTERS, cache)
    return {f.path: f.content for f in files}, charts.cache


def test_one_target_edit_redraws_one_chart(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    cache = tmp_path / "cache"
    before, first = build(tmp_path / "data", cache)
    assert first.misses > 10 and first.hits == 0
    # indicator 1b: target 2020 45% → 46% (an edit in the test's copy only)
    edit(tmp_path, "data/indicators.yaml", "        value: 45\n", "        value: 46\n")
    after, second = build(tmp_path / "data", cache)
    assert second.misses == 1 and second.hits == first.misses - 1
    changed = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    pages = {p for p in changed if p.endswith(".md")}
    assert pages == {"themas/meerjarenstrategie.md", "indicatoren.md"}
    charts = {p for p in changed if p.startswith("grafieken/")}
    assert charts == {"grafieken/indicator-1b.svg"}
