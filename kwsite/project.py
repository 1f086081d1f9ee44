"""One project: where a site's data, content, cache, theme and output live, read once.

The MkDocs adapter (:mod:`kwsite.mkdocsproject`) reads ``mkdocs.yml`` with MkDocs' own config
machinery and hands the engine a :class:`Project`; the plugin, every CLI command and the PDF use
that one object, so they agree on every folder (``data_dir: gegevens`` is ``gegevens/`` for all of
them). The engine never reads ``mkdocs.yml`` itself (only its text, for line numbers in messages).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CONFIG = "mkdocs.yml"


@dataclass(frozen=True)
class Options:
    """The ``kwsite`` plugin's options in ``mkdocs.yml`` (defaults as in the plugin)."""

    data_dir: str = "data"
    """As written, relative to the site folder."""
    cache_dir: str | None = None
    show_person_names: bool = False
    """Privacy by default: personal names of owners are hidden unless this is true."""
    pdf: bool = True


@dataclass(frozen=True)
class Project:
    """A site's folders (absolute paths) and the settings of ``mkdocs.yml`` the engine uses.

    ``nav`` is the nav as written (placeholders not expanded), ``None`` without one; ``validation``
    MkDocs' ``validation`` levels (``{"omitted_files": "warn", "links": {"anchors": "warn", …}}``);
    ``theme_dir`` the site's own ``theme/`` folder when it has one.
    """

    root: Path
    docs_dir: Path
    data_dir: Path
    site_dir: Path
    cache_dir: Path | None = None
    theme_dir: Path | None = None
    use_directory_urls: bool = True
    options: Options = Options()
    nav: list[Any] | None = None
    not_in_nav: str = ""
    validation: dict[str, Any] = field(default_factory=dict)
    site_url: str | None = None
    markdown_extensions: tuple[Any, ...] = ()
    mdx_configs: dict[str, Any] = field(default_factory=dict)
    config_file: Path | None = None

    @classmethod
    def bare(cls, root: Path | str) -> Project:
        """A site folder without ``mkdocs.yml``: ``data/``, ``content/``, output in ``site/``."""
        root = Path(root).absolute()
        theme = root / "theme"
        return cls(root, root / "content", root / "data", root / "site", theme_dir=theme if theme.is_dir() else None)

    @property
    def data_rel(self) -> str:
        """The data folder as messages name it (``data``, ``gegevens``)."""
        return _rel(self.data_dir, self.root)

    @property
    def docs_rel(self) -> str:
        """The docs folder relative to the site folder (``content``)."""
        return _rel(self.docs_dir, self.root)

    @property
    def raw(self) -> str:
        """The text of ``mkdocs.yml`` (for line and column in messages); ``""`` without one."""
        if self.config_file is None:
            return ""
        try:
            return self.config_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return ""


def _rel(path: Path, root: Path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()
