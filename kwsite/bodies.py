"""A page body's final HTML (sanitized, header cells scoped, tables and charts in regions), kept
beside the charts so an unchanged page does not go through those passes again.

``on_page_content`` passes every page body MkDocs made through :func:`kwsite.sanitize.clean_html`,
:func:`kwsite.mdtables.scope_headers` and :func:`kwsite.regions.scroll_regions`: pure functions of
the HTML (0,35 s CPU for the 471 pages of the 40-college corpus). :class:`Bodies` keeps each result
in the chart cache (:meth:`kwsite.chartcache.ChartCache.put_file`, an entry with suffix ``.json`` in its database, pruned
with the charts) under a digest of the HTML and of everything those passes depend on: the nh3
version and the source text of the three modules (their allow-lists included), see :func:`salt`.
The next build of the same HTML reads that result, with the image URLs the sanitizer removed (for the
warnings), instead of running the passes: every page is still the sanitizer's output for exactly its
HTML. An entry is JSON (text, no code); one that does not read as this format is done again.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

FORMAT = 1
SUFFIX = ".json"


@functools.cache
def salt() -> str | None:
    """sha256 hex of the nh3 version, :data:`FORMAT` and the source of the modules whose functions make
    a body; ``None`` (nothing kept) when a source file cannot be read."""
    import nh3

    from . import mdtables, regions, sanitize

    digest = hashlib.sha256(f"kwsite-body:{FORMAT}:{nh3.__version__}".encode())
    try:
        for module in (sanitize, mdtables, regions):
            digest.update(Path(module.__file__).read_bytes())
    except (OSError, TypeError):
        return None
    return digest.hexdigest()


def final_html(html: str) -> tuple[str, list[str]]:
    """``html`` sanitized (:func:`kwsite.sanitize.clean_html`), the header cells of its Markdown tables
    scoped and every table and chart in a named region; with the remote image URLs removed."""
    from .mdtables import scope_headers
    from .regions import scroll_regions
    from .sanitize import clean_html

    remote: list[str] = []
    return scroll_regions(scope_headers(clean_html(html, remote))), remote


class Bodies:
    """:func:`final_html` of page bodies, kept in ``cache`` (a :class:`kwsite.chartcache.ChartCache`;
    ``None`` or one without a folder: nothing kept). ``hits`` counts the bodies read from it."""

    def __init__(self, cache=None):
        self.cache = cache
        self.hits = 0

    def final(self, html: str) -> tuple[str, list[str]]:
        """:func:`final_html` of ``html``: from the cache when it has it, else made and stored."""
        key = salt() if getattr(self.cache, "directory", None) is not None else None
        if key is None:
            return final_html(html)
        digest = hashlib.sha256(f"{key}\0{html}".encode("utf-8", "surrogatepass")).hexdigest()
        kept = _read(self.cache.get_entry(digest, FORMAT))
        if kept is not None:
            self.hits += 1
            return kept
        out, remote = final_html(html)
        self.cache.put_entry(digest, FORMAT, {"html": out, "remote": remote})
        return out, remote


def _read(entry: dict | None) -> tuple[str, list[str]] | None:
    if entry is None:
        return None
    html, remote = entry.get("html"), entry.get("remote")
    if not isinstance(html, str) or not isinstance(remote, list) or not all(isinstance(u, str) for u in remote):
        return None
    return html, remote
