"""The progress page (``voortgang.md``, nav placeholder ``kwsite:progress``), rendered from
``kwsite/theme/pages/progress.md``; what it shows is computed in :mod:`kwsite.progressview`."""

from __future__ import annotations

from ..model import Site
from ..progressview import (  # noqa: F401  (re-exported: the page modules import these from here)
    BEHIND,
    EXPLANATION,
    NO_REALISATIONS,
    PATH,
    TITLE,
    college_indicators,
    context,
    home_summary,
    indicator_path,
    realisation_years,
    year_summary,
)
from ..templating import Templates
from .common import Generated


def render(site: Site, templates: Templates | None = None) -> Generated:
    """``voortgang.md`` from ``pages/progress.md``."""
    templates = templates or Templates()
    return Generated(PATH, templates.render("pages/progress.md", **context(site)), TITLE)
