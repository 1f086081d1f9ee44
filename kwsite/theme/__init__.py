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


def add_theme(theme) -> None:
    """Put :data:`THEME_DIR` in front of Material's templates in ``theme.dirs``, after
    the site's own ``custom_dir`` if it has one (so a site can still override ours)."""
    path = str(THEME_DIR)
    if path in theme.dirs:
        return
    theme.dirs.insert(1 if theme.custom_dir else 0, path)
