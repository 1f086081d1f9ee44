"""Golden files: the generated Markdown of one theme page and one college page.

After an intended change, regenerate with:  .venv/bin/python -m pytest --update-golden tests/test_golden.py
and review the diff of tests/golden/ before committing.
"""

from pathlib import Path

import pytest

from conftest import ROOT
from kwsite.build import build_pages, load_site

GOLDEN = Path(__file__).parent / "golden"
PAGES = {
    "themas/meerjarenstrategie.md": "theme-meerjarenstrategie.md",
    "colleges/amstelland.md": "college-amstelland.md",
    # S3-faithfulness (#18): derived 2b baseline, kj-13 under its own heading; 3a definition, no 3b baseline
    "themas/kwetsbare-jongeren.md": "theme-kwetsbare-jongeren.md",
    "themas/gelijke-kansen.md": "theme-gelijke-kansen.md",
    "indicatoren.md": "indicatoren.md",
}


@pytest.fixture(scope="module")
def generated():
    site, _ = load_site(ROOT / "data")
    files, _ = build_pages(site, ["hoofdstukken/06-meerjarenstrategie.md"])
    return {f.path: f.content for f in files}


@pytest.mark.parametrize("page", sorted(PAGES))
def test_generated_markdown_matches_golden(generated, page, update_golden):
    golden = GOLDEN / PAGES[page]
    if update_golden:
        golden.write_text(generated[page], encoding="utf-8")
    assert generated[page] == golden.read_text(encoding="utf-8")


def test_generation_is_deterministic(generated):
    site, _ = load_site(ROOT / "data")
    again, _ = build_pages(site, ["hoofdstukken/06-meerjarenstrategie.md"])
    assert {f.path: f.content for f in again} == generated
