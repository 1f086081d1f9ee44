"""Fast, exact preview rebuilds for ``kwsite serve`` (MkDocs' dirty builds made safe).

``kwsite serve`` runs ``mkdocs serve --dirty``: MkDocs then skips a page whose
output file is newer than its source. On its own that is wrong for kwsite:
generated pages have no source file, and a hand-written page shows values from
``data/`` through directives, so editing one CSV value would leave stale
numbers on pages MkDocs thinks unchanged. :class:`Preview` keeps, for one
serve session, a digest of every file's final text and decides instead:

- a page or asset is rebuilt when its digest changed since the previous build
  (its output is removed, so MkDocs sees it as modified);
- everything is rebuilt (the site directory is emptied) when something every
  page shows changed: the nav (titles, order), the set of files, a page title,
  or ``mkdocs.yml``;
- a page that is skipped keeps its title in the nav of the pages that are
  rebuilt (MkDocs has no title for a page it does not read);
- whether a hand-written page is rebuilt is decided once per build (a file
  saved during a build is seen by the next one);
- the search index keeps the entries of skipped pages that still exist and gets
  the new entries of rebuilt pages (Material's own merge assumes a single
  changed page);
- a page whose text is unchanged but that shows a file size that changed (the open-data page names
  the size of every workbook, JSON file and the data zip) is not rendered again: its previous output
  and search entries get the new size texts at the places the sizes were rendered
  (:mod:`kwsite.sizemarks`: :meth:`Preview.fill_sizes` marks each size while the page is rendered,
  :meth:`Preview.rendered` notes where it lands in the output and removes the marks, :meth:`Preview.patch`
  writes the new sizes there);
- after a failed build the next one rebuilds everything;
- SIGTERM stops ``serve`` as Ctrl-C does, so its chart workers stop too;
- page generation itself keeps, for the session, each generated page's text by a digest of its
  template context (:class:`kwsite.templating.Templates`, ``remember``; dropped when any template
  file changes), each chart's cache digest by a digest of its arguments, and workbooks and the data
  zip by the value of their datasets: only what an edit changed is made again.

``kwsite build`` and CI builds never use this: they always build everything.
"""

from __future__ import annotations

import json
import logging
import signal
import threading
from pathlib import Path

from jinja2 import BytecodeCache
from mkdocs.structure.files import Files
from mkdocs.utils import clean_directory
from mkdocs.utils.meta import get_data

from . import sizemarks
from .datapackage import ZIP_PATH
from .files import DigestFile, LaterFile, sha
from .pages.common import SIZE_MARK, size_text
from .paths import CHARTS_DIR

log = logging.getLogger("mkdocs.plugins.kwsite")
HOME_URLS = (".", "./", "index.html")
"""The URLs MkDocs gives the home page (``Page.is_homepage``)."""
DIRTY_WARNING = "A 'dirty' build is being performed"
CHARTS = CHARTS_DIR + "/"
"""A chart's SVG is compared by its drawing's inputs while it is drawn and by its text once cached, so
its size does not count in the digest of a page: the chart's inputs are the page's alt text and table."""


class _DirtyNotice(logging.Filter):
    """Drops MkDocs' "dirty build" warning, which :class:`Preview` makes moot (and which
    would fail every ``--strict`` preview build)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


def quiet_dirty_warning() -> None:
    """Install :class:`_DirtyNotice` once on MkDocs' build logger."""
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _DirtyNotice) for f in logger.filters):
        logger.addFilter(_DirtyNotice())


def page_title(markdown: str) -> str | None:
    """The title a page's text gives itself: ``title:`` in its front matter, else the text of
    its first ``# `` line, else ``None`` (then MkDocs names it after the file)."""
    body, meta = get_data(markdown)
    if meta.get("title"):
        return str(meta["title"])
    for line in body.split("\n"):
        if line.startswith("# "):
            return line[2:].strip()
    return None


_PREVIOUS_SIGTERM: list = []


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def stop_cleanly_on_sigterm(on: bool) -> None:
    """While ``serve`` runs, SIGTERM stops it as Ctrl-C does, so MkDocs' shutdown runs and the
    chart workers are stopped too (by default SIGTERM ends the process and leaves them behind)."""
    if threading.current_thread() is not threading.main_thread():
        return
    if on and not _PREVIOUS_SIGTERM:
        _PREVIOUS_SIGTERM.append(signal.signal(signal.SIGTERM, _interrupt))
    elif not on and _PREVIOUS_SIGTERM:
        signal.signal(signal.SIGTERM, _PREVIOUS_SIGTERM.pop())


def _location(url: str) -> str:
    """A page URL as the search index writes it (the home page ``./`` as ``""``)."""
    return "" if url == "./" else url


def _size_shown(files: Files, path: str) -> str:
    """The size text :func:`kwsite.pages.common.fill_sizes` puts on a page for the file at docs path
    ``path`` (``""`` when there is none): a page that shows it changes when that text does, not with
    every byte of the file (a one-value edit changes the data zip's bytes, seldom its size in kB)."""
    file = files.get_file_from_path(path)
    if file is None:
        return ""
    if isinstance(file, LaterFile) and hasattr(file._body, "digest"):  # being drawn: never wait
        return file.digest()
    return size_text(file.content_bytes)


def _content_of(files: Files, path: str) -> bytes | None:
    file = files.get_file_from_path(path)
    return file.content_bytes if file is not None else None


def _fixed(value: bool):
    """An ``is_modified`` that gives the answer decided once, for the whole build."""
    return lambda: value


class _Bytecode(BytecodeCache):
    """Compiled theme templates kept in memory between the builds of one session
    (MkDocs makes a new Jinja environment for each build). Jinja checks each
    template's source checksum, so an edited override is compiled again."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


def forget_earlier_search(plugins) -> None:
    """For a build that is not a preview rebuild: drop the search index Material's search plugin kept
    from an earlier ``serve`` session in this process. MkDocs keeps one object of a plugin that has
    ``on_startup`` for the whole process, and Material's ``on_startup`` resets ``is_dirty`` but not
    ``search_index_prev``, so a later ``kwsite build`` in the same process (tests; kwsite build runs MkDocs
    in its own process) merged the earlier site's entries into its index."""
    search = plugins.get("material/search") or plugins.get("search")
    if search is not None and getattr(search, "search_index_prev", None) is not None:
        search.search_index_prev = None


class Preview:
    """State of one serve session: digests and titles of the previous build."""

    def __init__(self, workers: int = 1) -> None:
        from .chartpool import Session

        self.charts = Session(workers)
        """Charts known so far and worker processes that stay up for the session."""
        self.bytecode = _Bytecode()
        self.digests: dict[str, str] = {}
        self.whole: str | None = None
        self.titles: dict[str, str] = {}
        self.rebuilt: set[str] = set()
        """URLs of the pages rendered in the current build."""
        self.urls: set[str] = set()
        """URLs of all pages of the current build."""
        self.texts: dict[str, str] = {}
        """Docs path → digest of the page's text without the sizes it shows (see :attr:`digests`)."""
        self.sized: dict[str, list[tuple[str, str]]] = {}
        """Docs path → (docs path of a file, size text) of each size the page showed when last written."""
        self.spans: dict[str, list[tuple[int, int, int]]] = {}
        """Docs path → (start, end, index into :attr:`sized`) of each size text in the page's output."""
        self.forms: dict[str, list[dict]] = {}
        """Page URL → the page's search entries with the sizes marked (pages that show a size)."""
        self.uris: dict[str, str] = {}
        """Page URL → docs path, of the pages rendered in this session."""
        self.patches: set[str] = set()
        self.warmed = False
        self.shown: dict[str, str] = {}
        """Docs path of a file → the size text pages show for it in the current build (or its digest)."""
        """Docs paths of the pages of the current build that only get new size texts (:meth:`patch`)."""

    def forget(self) -> None:
        """After a failed build: the next build rebuilds everything (a build that stopped
        part-way may have written pages whose search entries it never gave)."""
        self.whole, self.digests = None, {}

    def prepare(self, config, files: Files, texts: dict[str, str]) -> int:
        """Before MkDocs reads the pages: remove the output of every file whose text changed
        (or empty the site directory when something shown on every page changed).

        ``texts`` maps each page's docs path to its final Markdown (directives
        expanded; generated pages as generated); a page that shows the size of a file
        (:func:`kwsite.pages.common.size_mark`; a workbook, a JSON file, the data zip) changes when the size shown does.
        Other files are compared by their
        bytes (generated ones) or left to MkDocs' own time check (hand-written). Each page's
        decision is fixed here, so a file saved while this build runs cannot make MkDocs render
        a page it did not read (the next build sees the change). Returns how many files will be
        rebuilt. Never waits for a chart being drawn (:meth:`DigestFile.digest`)."""
        digests, plain = {}, {}
        for f in files:
            if f.src_uri not in texts and isinstance(f, DigestFile):
                digests[f.src_uri] = f.digest()
        shown: dict[str, str] = {}  # docs path → the size text a page shows for it
        for f in files:
            if f.src_uri in texts:
                text = texts[f.src_uri]
                sized = SIZE_MARK.findall(text) if "<!--kw-size:" in text else ()  # a file's size shown
                sized = [p for p in sized if not p.startswith(CHARTS)]  # a chart changes with the page's text
                for p in sized:
                    if p not in shown:
                        shown[p] = _size_shown(files, p)
                if f.url in HOME_URLS:  # the home page names the data zip's size (main.html, kwsite_data)
                    sized.append(ZIP_PATH)
                    shown.setdefault(ZIP_PATH, _size_shown(files, ZIP_PATH))
                plain[f.src_uri] = sha(text) if f.url not in HOME_URLS else None
                digests[f.src_uri] = sha(text + "".join(f"\0{p}:{shown[p]}" for p in sized))
        whole = sha(
            json.dumps(
                [
                    Path(config.config_file_path).read_text(encoding="utf-8") if config.config_file_path else "",
                    config.nav,
                    sorted(f.src_uri for f in files),
                    sorted((uri, page_title(text)) for uri, text in texts.items()),
                ],
                default=str,
                ensure_ascii=False,
            )
        )
        site = Path(config.site_dir)
        self.rebuilt = set()
        self.urls = {_location(f.url) for f in files.documentation_pages()}
        self.patches = set()
        if whole != self.whole:
            clean_directory(str(site))
            changed = set(digests)
        else:
            changed = {uri for uri, d in digests.items() if self.digests.get(uri) != d}
            self.patches = {  # same text, other sizes: the output gets the new sizes (patch)
                uri for uri in changed if plain.get(uri) and plain[uri] == self.texts.get(uri) and uri in self.spans
            }
            changed -= self.patches
            for f in files:
                if f.src_uri in changed:
                    Path(f.abs_dest_path).unlink(missing_ok=True)
        for f in files.documentation_pages():
            if not isinstance(f, DigestFile):  # hand-written: MkDocs would compare times twice
                f.is_modified = _fixed(f.src_uri in changed or f.is_modified())
        self.whole, self.digests, self.texts, self.shown = whole, digests, plain, shown
        return len(changed)

    def keep_titles(self, files: Files) -> None:
        """Give each page that is not rebuilt the title it had in the previous build, for the nav
        of the pages that are (MkDocs has no title for a page it does not read)."""
        for f in files.documentation_pages():
            title = self.titles.get(f.src_uri)
            if f.page is not None and title is not None and not f.is_modified():
                f.page.title = title  # MkDocs' weak property: set on the page, it wins

    def fill_sizes(self, uri: str, markdown: str, content_of) -> str:
        """:func:`kwsite.pages.common.fill_sizes` for page ``uri``, each size text marked
        (:func:`kwsite.sizemarks.mark`) so that :meth:`rendered` finds where it lands. Call
        :meth:`start_page` first."""
        return sizemarks.mark(markdown, content_of, self.sized.setdefault(uri, []))

    def start_page(self, uri: str) -> None:
        """Before a page's sizes are filled (:meth:`fill_sizes`)."""
        self.sized[uri] = []

    def rendered(self, page, output: str) -> str:
        """After a page is rendered: remember its title, that it was rebuilt and where its size texts are;
        returns ``output`` without the size marks (what a build without ``serve`` writes)."""
        uri, url = page.file.src_uri, _location(page.url)
        self.titles[uri] = page.title
        self.rebuilt.add(url)
        self.uris[url] = uri
        output, spans = sizemarks.strip(output, self.sized.get(uri, []))
        if spans is not None:
            self.spans[uri] = spans
        else:  # a size text the page did not write as given: this page is always rendered again
            self.spans.pop(uri, None)
        return output

    def _size(self, files: Files, path: str, old: str) -> str:
        """The size text of the file at docs path ``path`` now (``old`` when there is no such file)."""
        known = self.shown.get(path)
        if known is None or " kB" not in known:  # not compared by prepare, or still being drawn there
            content = _content_of(files, path)
            known = self.shown[path] = size_text(content) if content is not None else old
        return known

    def patch(self, files: Files) -> int:
        """After the pages are written: give each page of :attr:`patches` (not rendered in this build) the
        current size text of every file it names, at the places :meth:`rendered` noted. Returns how many
        files were rewritten. Should the output not hold the old size texts there (changed by someone
        else), the next build renders everything."""
        count = 0
        for uri in sorted(self.patches):
            file = files.get_file_from_path(uri)
            if file is None or _location(file.url) in self.rebuilt:
                continue
            path = Path(file.abs_dest_path)
            sized = self.sized[uri]
            new = [(p, self._size(files, p, old)) for p, old in sized]
            try:
                text = path.read_text(encoding="utf-8")
            except OSError:
                text = ""
            done = sizemarks.replace(text, self.spans[uri], sized, new)
            if done is None:
                log.info(
                    f"voorvertoning: {uri} is buiten kwsite veranderd; de volgende keer wordt alles opnieuw gebouwd"
                )
                self.forget()
                continue
            result, spans = done
            if result != text:
                path.write_bytes(result.encode("utf-8"))
                count += 1
            self.sized[uri], self.spans[uri] = new, spans
        return count

    def close(self) -> None:
        """Stop the session's chart workers."""
        self.charts.close()

    def warm_up(self, site) -> None:
        """Once per session, after its first build: start what the first rebuild after a data edit would
        otherwise start, so it is as fast as the later ones: the session's chart workers, each drawing one
        indicator chart (matplotlib imported and its fonts loaded; a first matplotlib chart waited 1-2 s for
        that), and, in a thread, one college chart drawn here (its font metrics: 0,3 s in the first
        rebuild). The drawings are thrown away; a failure is left to the real drawing to report."""
        if self.warmed:
            return
        self.warmed = True
        from .charts.jobs import ChartJob, draw_all
        from .charts.kinds import KINDS

        tables = [t for t in site.tables.values() if t.meta.rows == "unit" and t.meta.chart]
        here = [
            ChartJob("college", args)
            for args in (KINDS["college"].arguments(site, u, t) for u in site.units[:1] for t in tables)
            if args is not None
        ][:1]
        pooled = [ChartJob("indicator", KINDS["indicator"].arguments(site, i)) for i in site.indicators[:1]]
        if pooled and self.charts.workers > 1:
            try:
                pool = self.charts.pool()
                for _ in range(self.charts.workers):
                    pool.submit(draw_all, pooled)
            except Exception:  # noqa: BLE001 - no workers now: the build draws here, as without warming
                pass
        if here:
            threading.Thread(target=draw_all, args=(here,), name="kwsite-warm", daemon=True).start()

    def merge_search(self, plugins) -> None:
        """Before the search plugin writes its index: the previous entries of skipped pages
        plus the new entries of rebuilt pages (Material's search plugin, dirty mode)."""
        search = plugins.get("material/search") or plugins.get("search")
        prev = getattr(search, "search_index_prev", None)
        index = getattr(search, "search_index", None)
        if index is None:
            return
        patched = {_location(url) for url, uri in self.uris.items() if uri in self.patches} - self.rebuilt
        marked = {  # pages of this build whose entries show a size
            e["location"].split("#", 1)[0]
            for e in index.entries
            if any(sizemarks.OPEN in v for v in e.values() if isinstance(v, str))
        }
        for url in self.rebuilt | marked:
            self.forms.pop(url, None)
        for entry in index.entries:  # their sizes unmarked; the marked form kept for a later patch
            url = entry["location"].split("#", 1)[0]
            if url in marked:
                self.forms.setdefault(url, []).append(dict(entry))
                for key, value in entry.items():
                    if isinstance(value, str):
                        entry[key] = sizemarks.unmarked(value)
        kept = [
            e
            for e in (prev.entries if prev is not None else [])
            if (url := e["location"].split("#", 1)[0]) in self.urls
            and url not in self.rebuilt
            and not (url in patched and url in self.forms)
        ]
        for url in sorted(patched & set(self.forms)):  # a patched page: its entries with the new sizes
            sized = self.sized.get(self.uris[url], [])
            kept += [
                {k: sizemarks.filled(v, sized) if isinstance(v, str) else v for k, v in e.items()}
                for e in self.forms[url]
            ]
        index.entries[:0] = kept
        search.search_index_prev = None
