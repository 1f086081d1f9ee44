"""kwsite: publish an mbo quality agenda (Markdown + YAML/CSV) as an MkDocs site.

Public API: load and validate a site's data, make its generated pages (with
their open-data downloads, :class:`Dataset` and the JSON :data:`SCHEMA`), and
expand inline directives. The PDF edition is :mod:`kwsite.pdf` (``collect``,
``build``; imported on demand because it loads WeasyPrint). The MkDocs plugin
(:mod:`kwsite.plugin`) and the CLI (:mod:`kwsite.cli`) are thin layers over these.
"""

from .build import ChartSet, build_pages, load_site
from .datasets import SCHEMA, Dataset
from .directives import check_content, expand
from .newsite import create as create_site
from .privacy import redact
from .problems import KwsiteError, Problem
from .timeline import parse as parse_timeline

__all__ = ["SCHEMA", "ChartSet", "Dataset", "KwsiteError", "Problem", "build_pages", "check_content", "expand", "load_site"]
__all__ += ["create_site", "parse_timeline", "redact"]
