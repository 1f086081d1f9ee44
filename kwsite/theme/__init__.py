"""kwsite's overrides of Material, shipped with the package (so every site, example
and scaffold gets them without copying): ``main.html`` (styles, scripts, the banner on old
editions, the PDF link, on the home page the link to all data in one zip), ``404.html`` (in
Dutch), ``assets/kwsite.css`` (tables, charts, visible focus, contrast fixes for WCAG 2.1 AA)
and ``assets/kwsite-sort.js`` with ``assets/vendor/tablesort/`` (sortable tables);
``assets/kwsite-wide.js`` (the words "schuif →" on a table wider than its column);
``assets/vendor/iframe-worker/`` (search from disk in an offline build, :mod:`kwsite.offline`).
"""

from __future__ import annotations

from pathlib import Path

THEME_DIR = Path(__file__).parent


def add_site_theme(theme, folder: Path) -> bool:
    """Wire a site's top-level ``theme/`` folder (``folder``) as Material's ``custom_dir``: first in
    ``theme.dirs``, so its files override Material's and kwsite's blocks (``main.html``) and its static files
    (a stylesheet) are published. Only when the folder exists and ``mkdocs.yml`` names no ``custom_dir`` of
    its own; returns whether it was wired."""
    if theme.custom_dir or not folder.is_dir():
        return False
    path = str(folder)
    if path not in theme.dirs:
        theme.dirs.insert(0, path)
    return True


def add_theme(theme, site_theme: bool = False) -> None:
    """Put :data:`THEME_DIR` in front of Material's templates in ``theme.dirs``, after
    the site's own ``custom_dir`` or ``theme/`` folder (``site_theme``: :func:`add_site_theme` wired it)
    if it has one (so a site can still override ours)."""
    path = str(THEME_DIR)
    if path in theme.dirs:
        return
    theme.dirs.insert(1 if theme.custom_dir or site_theme else 0, path)
