"""Adapter: ``mkdocs.yml`` → :class:`kwsite.project.Project`, read with MkDocs' own config machinery.

The plugin's options are declared here (:class:`KwsiteConfig`; ``data_dir`` and ``cache_dir`` are
MkDocs ``Dir`` options, so they resolve against the folder of ``mkdocs.yml`` as ``docs_dir`` does).
:func:`from_config` turns a loaded config into a project (the plugin, in ``on_config``); :func:`load`
reads a site folder for the CLI and the PDF, with MkDocs' complaints as Dutch problems.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config import base, load_config
from mkdocs.config import config_options as c
from mkdocs.exceptions import Abort, ConfigurationError

from .dutch import translate
from .problems import KwsiteError, Problem
from .project import CONFIG, Options, Project


class KwsiteConfig(base.Config):
    """The options of the ``kwsite`` plugin in ``mkdocs.yml``."""

    data_dir = c.Dir(exists=False, default="data")
    cache_dir = c.Optional(c.Dir(exists=False))
    show_person_names = c.Type(bool, default=False)
    """Privacy by default: personal names of owners are hidden unless this is true."""
    pdf = c.Type(bool, default=True)


def from_config(config: Any, options: Any | None) -> Project:
    """The project of a loaded MkDocs ``config``; ``options``: the kwsite plugin's
    :class:`KwsiteConfig` (``None``: the plugin is not in ``mkdocs.yml``, defaults apply)."""
    path = Path(config.config_file_path) if config.config_file_path else None
    root = path.parent.absolute() if path else Path.cwd()
    data = Path(options.data_dir) if options is not None else root / "data"
    cache = Path(options.cache_dir) if options is not None and options.cache_dir else None
    theme = root / "theme"
    plain = Options(
        _rel(data, root),
        _rel(cache, root) if cache else None,
        bool(options.show_person_names) if options is not None else False,
        bool(options.pdf) if options is not None else True,
    )
    validation = config.validation
    return Project(
        root=root,
        docs_dir=Path(config.docs_dir),
        data_dir=data,
        site_dir=Path(config.site_dir),
        cache_dir=cache,
        theme_dir=theme if theme.is_dir() else None,
        use_directory_urls=bool(config.use_directory_urls),
        options=plain,
        nav=config.nav,
        not_in_nav=str(config.not_in_nav or ""),
        validation={
            "omitted_files": validation.nav.omitted_files,
            "not_found": validation.links.not_found,
            "anchors": validation.links.anchors,
        },
        site_url=config.site_url or None,
        markdown_extensions=tuple(config.markdown_extensions),
        mdx_configs=dict(config.mdx_configs),
        config_file=path,
    )


def _rel(path: Path, root: Path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()


def load_mkdocs(site_dir: Path, strict: bool = True) -> Any:
    """MkDocs' config of ``SITE_DIR/mkdocs.yml`` (plugins loaded, no event run); ``None`` without one.

    Raises :class:`KwsiteError` with MkDocs' errors — and, when ``strict``, its warnings (an
    unknown plugin option), as a strict build stops on them — in Dutch where kwsite knows the words."""
    path = site_dir / CONFIG
    if not path.is_file():
        return None
    said: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: said.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        return load_config(str(path), strict=strict)
    except (Abort, ConfigurationError) as exc:
        messages = [m for m in [*said, str(exc)] if m.strip() and not m.startswith("Aborted")]
        raise KwsiteError([Problem(CONFIG, 0, 0, "", translate(m)) for m in dict.fromkeys(messages)]) from None
    finally:
        logger.removeHandler(handler)


def load(site_dir: Path | str, strict: bool = True) -> Project:
    """The project in ``site_dir`` (:meth:`Project.bare` without ``mkdocs.yml``); raises
    :class:`KwsiteError` when MkDocs refuses the config (see :func:`load_mkdocs`)."""
    site_dir = Path(site_dir)
    config = load_mkdocs(site_dir, strict)
    if config is None:
        return Project.bare(site_dir)
    plugin = config.plugins.get("kwsite")
    return from_config(config, plugin.config if plugin is not None else None)
