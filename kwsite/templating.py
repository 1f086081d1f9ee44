"""Jinja2 templates of the generated pages, and how a site overrides them.

The templates ship in ``kwsite/theme/pages/`` (page bodies, Markdown with HTML: ``*.md``) and
``kwsite/theme/pages/macros/`` (recurring blocks: ``*.html``). A site overrides any of them by putting a
file with the same relative path in its own top-level ``theme/`` folder (``theme/pages/theme.md``) — the
same folder that overrides Material's blocks (``theme/main.html``), wired as Material's ``custom_dir``.

Autoescape is on for every template: text from ``data/`` is escaped and can never become markup. A value
that already is safe markup (a chart block, a table built by :mod:`kwsite.tables`) is passed as
:class:`markupsafe.Markup`. Python builds plain contexts: numbers already formatted the Dutch way, URLs
from one place.

MkDocs copies non-template files of a theme folder into the site; ``*.md`` and ``*.html`` are not copied,
so page templates never end up published as files.
"""

from __future__ import annotations

import traceback
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from .problems import KwsiteError, Problem

PACKAGE_THEME = Path(__file__).parent / "theme"
"""kwsite's own theme folder: Material overrides and, under ``pages/``, the page templates."""

SITE_THEME = "theme"
"""A site's override folder, relative to the folder of its ``mkdocs.yml``."""


class Templates:
    """The page templates of one site: the site's ``theme/`` first, then kwsite's own.

    ``theme_dir`` is the site's override folder (``<site>/theme``) or ``None``; a folder that does not
    exist is ignored. Render with :meth:`render`; errors in a template become a :class:`KwsiteError`
    naming the template file and line, in Dutch."""

    def __init__(self, theme_dir: Path | None = None):
        self.theme_dir = theme_dir if theme_dir is not None and theme_dir.is_dir() else None
        self.env = _environment(str(self.theme_dir) if self.theme_dir else None)

    def render(self, name: str, **context) -> str:
        """The text of template ``name`` (``pages/theme.md``) with ``context``.

        Raises :class:`KwsiteError` with one :class:`Problem` (template file, line, Dutch message) when the
        template is missing, has a syntax error or fails while rendering."""
        try:
            return self.env.get_template(name).render(**context)
        except jinja2.TemplateNotFound as err:
            raise KwsiteError([Problem(name, 0, 0, "", f"sjabloon niet gevonden: {err.name}")]) from None
        except jinja2.TemplateSyntaxError as err:
            where = self._display(err.filename or err.name or name)
            raise KwsiteError([Problem(where, err.lineno or 0, 0, "", f"fout in sjabloon: {err.message}")]) from None
        except Exception as err:  # an error raised while rendering: name the template line it came from
            file, line = self._origin(err, name)
            raise KwsiteError([Problem(file, line, 0, "", f"fout bij het invullen van het sjabloon: {err}")]) from None

    def _display(self, filename: str) -> str:
        """A template path as the editor knows it: ``theme/pages/theme.md`` for the site's own,
        ``kwsite:pages/theme.md`` for kwsite's."""
        path = Path(filename)
        for root, label in ((self.theme_dir, SITE_THEME + "/"), (PACKAGE_THEME, "kwsite:")):
            if root is not None:
                try:
                    return label + path.resolve().relative_to(root.resolve()).as_posix()
                except ValueError:
                    pass
        return filename

    def _origin(self, err: BaseException, name: str) -> tuple[str, int]:
        """The innermost template frame of ``err``'s traceback (Jinja2 rewrites frames to template lines)."""
        for frame in reversed(traceback.extract_tb(err.__traceback__)):
            if frame.filename.endswith((".md", ".html")) and Path(frame.filename).exists():
                return self._display(frame.filename), frame.lineno or 0
        return name, 0


@lru_cache(maxsize=8)
def _environment(theme_dir: str | None) -> jinja2.Environment:
    roots = ([theme_dir] if theme_dir else []) + [str(PACKAGE_THEME)]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(roots, followlinks=False),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


__all__ = ["Markup", "PACKAGE_THEME", "SITE_THEME", "Templates"]
