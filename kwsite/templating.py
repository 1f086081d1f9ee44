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

Confinement: a template is read only when its real path (symlinks followed) lies inside the folder it was
found in — the site's folder for ``theme/`` (a link from ``theme/`` to a file elsewhere in the site is
fine), kwsite's theme folder for its own. A link that leaves the site is refused before anything is read.

Filters: ``md`` marks text that editors write as Markdown in ``data/`` (a summary, a definition) as
markup: it is rendered by MkDocs and cleaned by :mod:`kwsite.sanitize` like the pages in ``content/``.
Every other value is escaped.
"""

from __future__ import annotations

import os
import re
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

    def __init__(self, theme_dir: Path | None = None, remember: bool = False, cache=None):
        self.theme_dir = theme_dir if theme_dir is not None and theme_dir.is_dir() else None
        self.env = _environment(str(self.theme_dir) if self.theme_dir else None)
        self.memo = _Memo.of(self) if remember else None
        """``remember`` (``kwsite serve``): rendered texts kept between the builds of the session, by
        template name and a digest of the whole context (:func:`frozen`), as long as no template file
        changed; a page whose context did not change is not rendered again."""
        from .rendered import KeptTexts

        kept = cache is not None and self.memo is None
        self.kept = KeptTexts(cache, lambda: _template_state(self.theme_dir)) if kept else None
        """``cache`` (a :class:`kwsite.chartcache.ChartCache`, ``kwsite build``): rendered texts kept between
        builds in it, the same way (:mod:`kwsite.rendered`)."""

    def render(self, name: str, /, **context) -> str:
        """The text of template ``name`` (``pages/theme.md``) with ``context``.

        Raises :class:`KwsiteError` with one :class:`Problem` (template file, line, Dutch message) when the
        template is missing, has a syntax error or fails while rendering."""
        if self.memo is not None:
            try:
                key = (name, frozen(context))
            except Unfrozen:  # a context pickle cannot take (a callable): rendered every time
                key = None
            text = self.memo.get(key) if key is not None else None
            if text is None:
                text = self._guarded(name, lambda: self.env.get_template(name).render(**context))
                if key is not None:
                    self.memo.put(key, text)
            return text
        if self.kept is not None:
            digest = self.kept.digest(name, context)
            text = self.kept.get(digest) if digest is not None else None
            if text is None:
                text = self._guarded(name, lambda: self.env.get_template(name).render(**context))
                if digest is not None:
                    self.kept.put(digest, text)
            return text
        return self._guarded(name, lambda: self.env.get_template(name).render(**context))

    def macro(self, name: str, macro: str, /, *args) -> str:
        """The output of macro ``macro`` of template ``name`` (``pages/macros/table.html``, ``downloads``)
        with ``args``; errors as :meth:`render`."""
        return self._guarded(name, lambda: str(getattr(self.env.get_template(name).module, macro)(*args)))

    def _guarded(self, name: str, make):
        try:
            return make()
        except Outside as err:
            raise KwsiteError(
                [
                    Problem(
                        self._display(err.path),
                        0,
                        0,
                        "",
                        "sjabloon niet gelezen: het is een koppeling "
                        f"naar een bestand buiten de map van de site ({err.target})",
                    )
                ]
            ) from None
        except jinja2.TemplateNotFound as err:
            raise KwsiteError([Problem(name, 0, 0, "", f"sjabloon niet gevonden: {err.name}")]) from None
        except jinja2.TemplateSyntaxError as err:
            where = self._display(err.filename or err.name or name)
            message = f"fout in sjabloon: {dutch(err.message or '')}"
            raise KwsiteError([Problem(where, err.lineno or 0, 0, "", message)]) from None
        except Exception as err:  # an error raised while rendering: name the template line it came from
            file, line = self._origin(err, name)
            message = f"fout bij het invullen van het sjabloon: {dutch(str(err))}"
            raise KwsiteError([Problem(file, line, 0, "", message)]) from None

    def _display(self, filename: str) -> str:
        """A template path as the editor knows it: ``theme/pages/theme.md`` for the site's own,
        ``kwsite:pages/theme.md`` for kwsite's."""
        path = Path(filename)
        for root, label in ((self.theme_dir, SITE_THEME + "/"), (PACKAGE_THEME, "kwsite:")):
            if root is not None:
                try:
                    return label + Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
                except ValueError:
                    pass
        return filename

    def _origin(self, err: BaseException, name: str) -> tuple[str, int]:
        """The innermost template frame of ``err``'s traceback (Jinja2 rewrites frames to template lines)."""
        for frame in reversed(traceback.extract_tb(err.__traceback__)):
            if frame.filename.endswith((".md", ".html")) and Path(frame.filename).exists():
                return self._display(frame.filename), frame.lineno or 0
        return name, 0


def frozen(context: dict) -> bytes:
    """A key equal for two contexts only when a template renders them the same way: sha256 of the
    context's pickle. Equal pickles unpickle to equal values of the same types (:class:`Markup` apart
    from plain text, ``Decimal("6.70")`` apart from ``6.7``, ``1`` from ``True``), and a template's
    text is a function of its context. Two equal contexts may pickle differently (then the page is
    just rendered again), never the other way round. Raises :class:`Unfrozen` when the context
    cannot be pickled (a callable): such a render is not remembered."""
    import hashlib
    import pickle

    try:
        return hashlib.sha256(pickle.dumps(context, protocol=5)).digest()
    except Exception as err:  # pickle raises several kinds for what it cannot take
        raise Unfrozen(str(err)) from None


class Unfrozen(TypeError):
    """A context :func:`frozen` cannot key."""


class _Memo:
    """Rendered texts of one site's templates in one ``serve`` session: those of the current build and
    of the previous one (a text no build used twice in a row is dropped). Emptied, with Jinja2's own cache
    of compiled templates, when any template file changed (:func:`_template_state`): also a template
    newly put in ``theme/`` that overrides one of kwsite's is used at once."""

    _all: dict[str | None, _Memo] = {}

    def __init__(self) -> None:
        self.state: str | None = None
        self.now: dict = {}
        self.before: dict = {}

    @classmethod
    def of(cls, templates: Templates) -> _Memo:
        theme = str(templates.theme_dir) if templates.theme_dir else None
        memo = cls._all.setdefault(theme, cls())
        state = _template_state(templates.theme_dir)
        if state != memo.state:
            memo.state, memo.now, memo.before = state, {}, {}
            if templates.env.cache is not None:
                templates.env.cache.clear()
        else:
            memo.before, memo.now = memo.now, {}
        return memo

    def get(self, key) -> str | None:
        text = self.now.get(key)
        if text is None:
            text = self.before.get(key)
            if text is not None:
                self.now[key] = text
        return text

    def put(self, key, text: str) -> None:
        self.now[key] = text


def _template_state(theme_dir: Path | None) -> str:
    """sha256 of every file a page template can come from: the text of each file in kwsite's and the
    site's ``pages/`` folders, and path, size and modification time of every other file in the site's
    ``theme/`` (a page template may import any of them). Links are followed as the template loader
    follows them, only where they stay inside the site (kwsite's own folder for its theme); of a link
    that leaves it only the link itself counts: nothing outside is read."""
    import hashlib

    digest = hashlib.sha256()
    roots = ([(theme_dir, theme_dir.parent)] if theme_dir is not None else []) + [(PACKAGE_THEME, PACKAGE_THEME)]
    for root, confinement in roots:
        inside = os.path.realpath(confinement)
        seen: set[str] = set()
        todo = [str(root)]
        while todo:
            folder = todo.pop()
            real_folder = os.path.realpath(folder)
            if real_folder in seen or os.path.commonpath([real_folder, inside]) != inside:
                digest.update(f"{folder}\0link\0".encode())
                continue
            seen.add(real_folder)
            try:
                entries = sorted(os.scandir(folder), key=lambda e: e.name)
            except OSError:
                continue
            for entry in entries:
                rel = os.path.relpath(entry.path, root)
                digest.update(f"{root}\0{rel}\0".encode())
                real = os.path.realpath(entry.path)
                try:
                    if os.path.commonpath([real, inside]) != inside:
                        digest.update(f"link:{os.readlink(entry.path)}".encode())
                    elif entry.is_dir():
                        todo.append(entry.path)
                    elif rel.startswith("pages" + os.sep):
                        with open(real, "rb") as handle:
                            digest.update(handle.read())
                    else:
                        info = os.stat(real)
                        digest.update(f"{info.st_size}:{info.st_mtime_ns}".encode())
                except OSError:
                    digest.update(b"?")
                digest.update(b"\0")
    return digest.hexdigest()


def outside_links(theme_dir: Path, site_dir: Path) -> list[Problem]:
    """A problem for every symlink in ``theme_dir`` (the site's ``theme/``) whose target lies outside
    ``site_dir``: MkDocs would read or publish it. Nothing is followed or read; links are not walked into."""
    if not theme_dir.is_dir():
        return []
    site = os.path.realpath(site_dir)
    if os.path.commonpath([os.path.realpath(theme_dir), site]) != site:  # theme/ itself links out of the site
        return [
            Problem(
                SITE_THEME,
                0,
                0,
                "",
                f"koppeling naar een map buiten de map van de site "
                f"({os.path.realpath(theme_dir)}); kwsite leest en publiceert die niet",
            )
        ]
    problems = []
    for folder, dirs, files in os.walk(theme_dir, followlinks=False):
        for name in sorted(dirs + files):
            path = os.path.join(folder, name)
            if os.path.islink(path):
                real = os.path.realpath(path)
                if os.path.commonpath([real, site]) != site:
                    shown = SITE_THEME + "/" + Path(path).relative_to(theme_dir).as_posix()
                    problems.append(
                        Problem(
                            shown,
                            0,
                            0,
                            "",
                            "koppeling naar een bestand of map buiten de map van de "
                            f"site ({real}); kwsite leest en publiceert die niet",
                        )
                    )
    return problems


class Outside(jinja2.TemplateNotFound):
    """A template file whose real path leaves the folder it may be read from (a symlink out of the site)."""

    def __init__(self, name: str, path: str, target: str):
        super().__init__(name)
        self.path, self.target = path, target


class ConfinedLoader(jinja2.BaseLoader):
    """Templates from ``roots`` in order, each ``(folder, confinement)``: a file found in ``folder`` is read
    only if its real path lies inside ``confinement`` (raises :class:`Outside` before reading otherwise)."""

    def __init__(self, roots: list[tuple[str, str]]):
        self.roots = roots

    def get_source(self, environment, template):
        pieces = jinja2.loaders.split_template_path(template)
        for folder, confinement in self.roots:
            path = os.path.join(folder, *pieces)
            if not os.path.isfile(path):
                continue
            real = os.path.realpath(path)
            if os.path.commonpath([real, os.path.realpath(confinement)]) != os.path.realpath(confinement):
                raise Outside(template, path, real)
            with open(real, encoding="utf-8") as handle:
                source = handle.read()
            mtime = os.path.getmtime(real)
            return source, path, _unchanged(real, mtime)
        raise jinja2.TemplateNotFound(template)


JINJA_DUTCH = (
    (re.compile(r"^'([^']*)' is undefined$"), r"'\1' bestaat niet (tikfout? zie de velden in de kop van het sjabloon)"),
    (re.compile(r"^'[^']*' (?:object )?has no attribute '([^']*)'$"), r"onbekend veld '\1' (tikfout?)"),
    (
        re.compile(r"^unexpected 'end of print statement'$"),
        "onverwacht einde van {{ … }} (een teken te veel of te weinig?)",
    ),
    (re.compile(r"^unexpected '([^']*)'$"), r"onverwacht '\1'"),
    (
        re.compile(r"^unexpected end of template.*$"),
        "het sjabloon houdt op terwijl een blok nog open is ({% endif %}, {% endfor %}?)",
    ),
    (re.compile(r"^Encountered unknown tag '([^']*)'.*$"), r"onbekende opdracht '\1'"),
    (
        re.compile(
            r"^the template [^ ]+ \(imported on line \d+ in '[^']*'\) does not export the requested name '([^']*)'$"
        ),
        r"een geïmporteerd sjabloon heeft geen macro '\1' (een eigen versie in theme/ moet elke macro van het origineel houden)",
    ),
)
"""Jinja2's most common messages in Dutch; another message is kept as Jinja2 writes it."""


def dutch(message: str) -> str:
    """A Jinja2 error message in Dutch where kwsite knows it (:data:`JINJA_DUTCH`)."""
    for pattern, replacement in JINJA_DUTCH:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    return message


def _unchanged(real: str, mtime: float):
    """Jinja2's ``uptodate`` check of a template file: still there with the same modification time."""
    return lambda: os.path.isfile(real) and os.path.getmtime(real) == mtime


def markdown(value) -> Markup:
    """Text an editor writes as Markdown in ``data/`` (``summary``, ``definition`` …): passed on as markup,
    rendered and sanitized with the page (:mod:`kwsite.sanitize`)."""
    return Markup("" if value is None else str(value))


_DICT_NAMES = frozenset(dir(dict))


class _Environment(jinja2.Environment):
    """Jinja2's environment with a faster ``t.name`` on the plain dicts kwsite passes as contexts:
    Jinja2 first asks the dict for an attribute ``name``, which raises, and then looks the key up. A
    plain dict has no attribute but those of its type (:data:`_DICT_NAMES`: ``items``, ``keys`` …), so
    for any other name the key is looked up at once: the same value, or the same undefined."""

    def getattr(self, obj, attribute):
        if type(obj) is dict and attribute not in _DICT_NAMES:
            try:
                return obj[attribute]
            except (TypeError, LookupError):
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


@lru_cache(maxsize=8)
def _environment(theme_dir: str | None) -> jinja2.Environment:
    roots = ([(theme_dir, str(Path(theme_dir).parent))] if theme_dir else []) + [
        (str(PACKAGE_THEME), str(PACKAGE_THEME))
    ]
    env = _Environment(
        loader=ConfinedLoader(roots),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = markdown
    return env


__all__ = ["Markup", "PACKAGE_THEME", "SITE_THEME", "Templates"]
