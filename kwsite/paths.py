"""Every generated docs path and page URL, defined once.

A *docs path* is where a generated file sits relative to the docs dir (``themas/kern.md``,
``downloads/tabel-x.csv``); it is what MkDocs, the nav and the PDF know a page by. A *page URL* is where
the built page is found relative to the site root, and depends on MkDocs' ``use_directory_urls``:
``themas/kern/`` (on, the default) or ``themas/kern.html`` (off) — see :func:`page_url`. Links between
generated pages are relative docs paths (:func:`rel`), which MkDocs turns into URLs itself.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

# Folders of generated assets.
CHARTS_DIR = "grafieken"
DOWNLOADS_DIR = "downloads"

# Folders of generated page families.
THEMES_DIR = "themas"
COLLEGES_DIR = "colleges"
LINES_DIR = "lijnen"
TEAMPLANS_DIR = "verbeterplannen"
INDICATORS_DIR = "indicatoren"

# Single generated pages.
THEMES_INDEX = f"{THEMES_DIR}/index.md"
COLLEGES_INDEX = f"{COLLEGES_DIR}/index.md"
LINES_INDEX = f"{LINES_DIR}/index.md"
TEAMPLANS_INDEX = f"{TEAMPLANS_DIR}/index.md"
TEAMPLANS_REFERENCE = f"{TEAMPLANS_DIR}/leidraad.md"
BUDGET = "begroting.md"
INDICATORS = "indicatoren.md"
PROCESS = "proces.md"
ACTIVITIES = "activiteiten.md"
OPEN_DATA = "open-data.md"
CHANGES = "wijzigingen.md"
PROGRESS = "voortgang.md"
PROGRESS_EXPLANATION = f"{PROGRESS}#zo-wordt-de-stand-berekend"
"""Where the explanation of the statuses lives (its heading's anchor on the progress page, #15)."""

# Generated downloads.
DATA_ZIP = f"{DOWNLOADS_DIR}/kwaliteitsagenda-data.zip"
SCHEMA = f"{DOWNLOADS_DIR}/schema/dataset.schema.json"
PDF = f"{DOWNLOADS_DIR}/kwaliteitsagenda.pdf"


def theme(theme_id: str) -> str:
    """``themas/<id>.md``: the page of a theme or precondition."""
    return f"{THEMES_DIR}/{theme_id}.md"


def college(unit_id: str) -> str:
    """``colleges/<id>.md``: the appendix of one college."""
    return f"{COLLEGES_DIR}/{unit_id}.md"


def indicator(indicator_id: str) -> str:
    """``indicatoren/<id>.md``: the page of one indicator (#15)."""
    return f"{INDICATORS_DIR}/{indicator_id}.md"


def line_set(unit_id: str) -> str:
    """``lijnen/<unit>.md``: the action and improvement lines of one unit."""
    return f"{LINES_DIR}/{unit_id}.md"


def teamplan(plan_id: str) -> str:
    """``verbeterplannen/<id>.md``: one team's improvement plan."""
    return f"{TEAMPLANS_DIR}/{plan_id}.md"


def chart(key: str) -> str:
    """``grafieken/<key>.svg``: a chart's SVG."""
    return f"{CHARTS_DIR}/{key}.svg"


def download(key: str, extension: str) -> str:
    """``downloads/<key>.<extension>`` (``csv``, ``json``, ``xlsx``): a dataset's file."""
    return f"{DOWNLOADS_DIR}/{key}.{extension}"


def page_url(docs_path: str, directory_urls: bool = True) -> str:
    """The URL of the page built from ``docs_path``, relative to the site root, as MkDocs makes it.

    With ``directory_urls`` (MkDocs' ``use_directory_urls``, default on): ``themas/x.md`` → ``themas/x/``,
    ``index.md`` → ``""``, ``themas/index.md`` → ``themas/``. Without: ``themas/x.md`` → ``themas/x.html``,
    ``index.md`` → ``index.html``, ``themas/index.md`` → ``themas/index.html``. A path that is no page
    (no ``.md``) is returned as it is."""
    if not docs_path.endswith(".md"):
        return docs_path
    stem = docs_path[:-3]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


@lru_cache(maxsize=65536)
def rel(from_page: str, target: str) -> str:
    """Relative link from one docs path to another (``themas/a.md`` → ``../begroting.md``): what
    ``posixpath.relpath`` gives, computed on the two paths alone (``relpath`` asks the working
    directory twice per call; a path with ``..`` or a leading ``/`` still goes through it)."""
    start = posixpath.dirname(from_page) or "."
    if ".." in from_page or ".." in target or from_page.startswith("/") or target.startswith("/") or not target:
        return posixpath.relpath(target, start)
    here = [p for p in start.split("/") if p and p != "."]
    there = [p for p in target.split("/") if p and p != "."]
    common = 0
    for a, b in zip(here, there):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(here) - common) + there[common:]
    return "/".join(parts) if parts else "."
