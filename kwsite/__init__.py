"""kwsite: publish an mbo quality agenda (Markdown + YAML/CSV) as an MkDocs site.

Public API: load and validate a site's data, make its generated pages (with
their open-data downloads, :class:`Dataset` and the JSON :data:`SCHEMA`), and
expand inline directives. The PDF edition is :mod:`kwsite.pdf` (``collect``,
``build``; imported on demand because it loads WeasyPrint). The MkDocs plugin
(:mod:`kwsite.plugin`) and the CLI (:mod:`kwsite.cli`) are thin layers over these.
"""

from __future__ import annotations

import importlib
from typing import Any

_PUBLIC = {
    "ChartSet": "build",
    "build_pages": "build",
    "load_site": "build",
    "SCHEMA": "datasets",
    "Dataset": "datasets",
    "check_content": "directives",
    "expand": "directives",
    "create_site": "newsite",
    "redact": "privacy",
    "KwsiteError": "problems",
    "Problem": "problems",
    "parse_timeline": "timeline",
}
"""Public name → the module that holds it; imported on first use, so ``import kwsite`` (and the
``kwsite`` command's ``--help``) loads nothing else (pydantic, matplotlib, MkDocs)."""
_RENAMED = {"create_site": "create", "parse_timeline": "parse"}

__all__ = [
    "SCHEMA",
    "ChartSet",
    "Dataset",
    "KwsiteError",
    "Problem",
    "build_pages",
    "check_content",
    "expand",
    "load_site",
]
__all__ += ["create_site", "parse_timeline", "redact"]


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'kwsite' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), _RENAMED.get(name, name))
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_PUBLIC])
