"""kwsite: publish an mbo quality agenda (Markdown + YAML/CSV) as an MkDocs site.

Public API: load and validate a site's data, make its generated pages, and
expand inline directives. The PDF edition is :mod:`kwsite.pdf` (``collect``,
``build``; imported on demand because it loads WeasyPrint). The MkDocs plugin
(:mod:`kwsite.plugin`) and the CLI (:mod:`kwsite.cli`) are thin layers over these.
"""

from .build import ChartSet, build_pages, load_site
from .directives import check_content, expand
from .problems import KwsiteError, Problem

__all__ = ["ChartSet", "KwsiteError", "Problem", "build_pages", "check_content", "expand", "load_site"]
