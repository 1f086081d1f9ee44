"""The MkDocs plugin: a thin adapter that wires MkDocs events to the library.

- ``on_config``: wire the site's ``theme/`` folder as Material's ``custom_dir`` when it exists (its files
  also override kwsite's page templates, :mod:`kwsite.templating`), then kwsite's Material overrides
  (:mod:`kwsite.theme`); take the build date from the commit (:mod:`kwsite.repro`);
  load and validate ``data/`` (errors → one clean PluginError listing all of
  them; warnings → plugin logger, so ``--strict`` counts them); expand
  ``kwsite:<section>`` placeholders in ``nav``; hide personal names of owners
  unless ``show_person_names: true`` (:mod:`kwsite.privacy`).
- ``on_files``: add the generated pages and assets in memory; "Wat is er
  veranderd" when the nav names ``kwsite:changes`` (or there is no nav),
  compared with ``agenda.edition.previous`` (:mod:`kwsite.editions`).
- ``on_nav``: sanitize nav titles (they come from data, e.g. theme short titles).
- ``on_page_markdown``: expand ``[[ref]]`` directives (unknown → error); put the
  download links under each hand-written table; fill in the sizes of files made after the
  page (spreadsheets, charts: :func:`kwsite.pages.common.fill_sizes`).
- ``on_env`` also gives the home page the link to all data in one zip (``main.html``).
- ``on_page_content``: sanitize the page's HTML, title, description and table
  of contents with an allow-list (:mod:`kwsite.sanitize`); header cells of
  hand-written tables get ``scope="col"``; every table and chart sits in a named region the keyboard
  can reach and scroll (:mod:`kwsite.regions`). The body's result is kept in the chart cache by a
  digest of the HTML and of the passes' code (:mod:`kwsite.bodies`), so an unchanged page reads it.
- ``on_env`` (option ``pdf``, default on; not under ``serve``): render the PDF
  edition before any page is written, so the "Download PDF (x,x MB)" link
  knows the real size (it first waits for the charts and stops the chart workers and their fork
  server, so they hold no memory during the PDF); ``on_post_build`` writes it
  to ``site/downloads/kwaliteitsagenda.pdf``.
- Charts not in the cache are drawn in worker processes while MkDocs renders the
  pages (:mod:`kwsite.chartpool`); their files (:class:`kwsite.files.LaterFile`) are written
  when MkDocs copies the static files if drawn by then, else in ``on_post_build``,
  which also stores the last ones in the cache and stops the workers;
  ``on_build_error`` stops them too.
- ``on_startup``: under a dirty build (``kwsite serve`` runs ``mkdocs serve
  --dirty``) keep a :class:`~kwsite.preview.Preview` for the session, so only
  the pages whose final text changed are rebuilt (``on_files``, ``on_nav``,
  ``on_post_page``, ``on_post_build``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files

from .bodies import Bodies
from .build import build_pages, chart_count, expanded, load_site, text_tables
from . import offline, placeholders
from .chartpool import ChartError, stop_fork_server, usable_cores
from .datapackage import ZIP_PATH
from .directives import body_offset, decode_page, expand, front_matter_problems
from .mdtables import TableLinks, row_problems
from .pages.common import downloads, fill_sizes, size_text
from .editions import PreviousEditionError, compare, drop_version_selector, edition_line, load_previous
from . import siteconfig
from .mkdocsproject import KwsiteConfig, from_config
from .pages.changes import render as changes_page
from .files import DigestFile, LaterFile
from .preview import Preview, forget_earlier_search, quiet_dirty_warning, stop_cleanly_on_sigterm
from .privacy import redact
from .pagecheck import Reported, page_problems
from .problems import KwsiteError, Problem
from .progress import steps
from .repro import build_time, set_source_date
from .templating import SITE_THEME, Templates, outside_links
from .theme import add_site_theme, add_theme
from .sanitize import clean_nav, clean_toc, plain_text
from .searchfold import add_folded_field

log = get_plugin_logger(__name__)
REPORTED = Reported()
for _name in ("mkdocs.structure.pages", "mkdocs.structure.nav"):
    logging.getLogger(_name).addFilter(REPORTED)


class KwsitePlugin(BasePlugin[KwsiteConfig]):
    preview: Preview | None = None
    serving = False

    def on_startup(self, *, command, dirty):
        """Defining this keeps one plugin object for a whole ``serve`` session (MkDocs ≥ 1.4)."""
        self.serving = command == "serve"
        if self.preview is not None:
            self.preview.close()
        self.preview = Preview(usable_cores()) if dirty else None
        if dirty:
            quiet_dirty_warning()
        stop_cleanly_on_sigterm(self.serving)

    def on_shutdown(self):
        if self.preview is not None:
            self.preview.close()
        stop_fork_server()  # reaped here, not left to notice the end of this process
        stop_cleanly_on_sigterm(False)

    def on_config(self, config):
        project = self.project = from_config(config, self.config)  # the folders, as the CLI and the PDF see them
        if self.preview is None:
            forget_earlier_search(config.plugins)  # a build after a serve session in the same process
        self.theme_dir = Path(config.config_file_path).parent / SITE_THEME if config.config_file_path else None
        outside = outside_links(self.theme_dir, self.theme_dir.parent) if self.theme_dir else []
        if outside:
            raise PluginError("kwsite: " + "\n".join(str(p) for p in outside))
        add_theme(config.theme, site_theme=bool(self.theme_dir) and add_site_theme(config.theme, self.theme_dir))
        self.templates = Templates(self.theme_dir)
        self.table_links = TableLinks()  # the downloads under each hand-written table, in the page's own parse
        config.markdown_extensions.append(self.table_links)
        anchored = siteconfig.anchored_nav(project.config_file)
        if anchored:  # MkDocs would only say the page is "not found"
            raise PluginError("kwsite: " + "\n".join(str(p) for p in anchored))
        drop_version_selector(config)  # no versions.json request from a build that is no mike edition
        offline.setup(config)  # kwsite build --offline: file URLs, search without a server (kwsite.offline)
        root = project.root
        set_source_date(root)
        data_dir = self.data_dir = project.data_dir
        outside = siteconfig.data_outside(root, data_dir)
        if outside:
            raise PluginError(f"kwsite: {outside[0]}")
        try:
            self.site, found = load_site(data_dir, project.data_rel)
        except KwsiteError as exc:
            raise PluginError(f"kwsite: {len(exc.problems)} fout(en) in de gegevens:\n{exc}") from None
        for problem in found:
            if problem.level == "note":  # acknowledged in the data: shown, but not failing --strict
                log.info(problem.display())
            else:
                log.warning(str(problem))
        if not self.config.show_person_names:
            self.site = redact(self.site)
        self.cache_dir = project.cache_dir
        self.changes = siteconfig.shows_changes(project)
        self.previous = self._previous(root, data_dir) if self.changes else None
        nav, problems = siteconfig.check(project, self.site, previous=False)
        for problem in [p for p in problems if p.level == "warning"]:
            log.warning(str(problem))
        problems = [p for p in problems if p.level == "error"]
        if problems:
            lines = "\n".join(p.display() for p in sorted(problems))
            raise PluginError(f"kwsite: {len(problems)} fout(en) in mkdocs.yml of de mappen:\n{lines}")
        config.nav = nav
        siteconfig.sinks(config)
        self.errors = []
        config.site_name = plain_text(config.site_name)
        if config.site_description:
            config.site_description = plain_text(config.site_description)
        return config

    def _previous(self, root: Path, data_dir: Path):
        """The previous edition's site (``agenda.edition.previous``), or ``None`` for the first."""
        ref = self.site.agenda.edition.previous
        if not ref:
            return None
        try:
            return load_previous(root, data_dir, ref)
        except PreviousEditionError as exc:
            raise PluginError(f"kwsite: vorige editie '{ref}' (agenda.edition.previous): {exc}") from None

    def on_files(self, files: Files, config) -> Files:
        texts, unreadable = {}, []
        for f in files.documentation_pages():
            texts[f.src_uri], problem = decode_page(f.content_bytes, f"{Path(config.docs_dir).name}/{f.src_uri}")
            unreadable += [problem] if problem else []
        if unreadable:
            raise PluginError("kwsite: " + "\n".join(str(p) for p in unreadable))
        unfilled = [
            p for path, text in texts.items() for p in placeholders.find(text, f"{Path(config.docs_dir).name}/{path}")
        ]
        unfilled += placeholders.check(self.data_dir, self.project.data_rel, "*.yaml")
        unfilled += placeholders.find(
            f"{config.site_name}\n{config.site_description or ''}", "mkdocs.yml (site_name, site_description)"
        )
        for problem in unfilled:
            log.warning(str(problem))  # "(in te vullen …)": --strict stops it
        final = expanded(self.site, texts)
        links: dict = {}  # each page's ids and links, from the same parse as its tables
        self.text_tables = text_tables(final, config.markdown_extensions, config.mdx_configs, links)
        try:
            with steps("grafieken", chart_count(self.site)) as tick:
                generated, self.charts = build_pages(
                    self.site,
                    [f.src_uri for f in files],
                    self.cache_dir,
                    texts,
                    tick,
                    self.text_tables,
                    workers=usable_cores(),
                    session=self.preview.charts if self.preview else None,
                    directory_urls=config.use_directory_urls,
                    theme_dir=self.theme_dir,
                )
        except KwsiteError as exc:  # a page template of the site's theme/ (or kwsite's) failed: file and line
            raise PluginError(f"kwsite: {exc}") from None
        self.generated = generated
        self.bodies = Bodies(self.charts.cache)  # the final HTML of a page body MkDocs made before (kwsite.bodies)
        self.later_files = []
        for item in generated:
            existing = files.get_file_from_path(item.path)
            if existing is not None:
                self.charts.close()
                raise PluginError(f"kwsite: {item.path} bestaat al in {config.docs_dir}; die pagina wordt gegenereerd")
            if item.ready:
                files.append(DigestFile.generated(config, item.path, content=item.body))
            else:
                self.later_files.append(LaterFile.generated(config, item.path, content=item.body))
                files.append(self.later_files[-1])
        pages = [g for g in generated if g.path.endswith(".md")]
        if self.changes:
            found = compare(self.previous, self.site) if self.previous else None
            try:
                page = changes_page(self.site, self.previous, found, self.templates)
            except KwsiteError as exc:
                self.charts.close()
                raise PluginError(f"kwsite: {exc}") from None
            pages.append(page)
            self.generated.append(page)  # so the PDF has it too, as `kwsite pdf` does (also without a nav)
            files.append(DigestFile.generated(config, page.path, content=page.content))
        found = page_problems(self.project, texts, [g.path for g in self.generated], links)
        for problem in found:
            log.warning(str(problem))  # pages left out of the nav, links to no page (as `kwsite validate`)
        REPORTED.set(self.project, found)  # ... said once: MkDocs' own English line of it is dropped
        if self.preview is not None:
            final |= {g.path: expand(g.content, self.site, g.path)[0] for g in pages}  # data text may cite values
            log.info(f"voorvertoning: {self.preview.prepare(config, files, final)} bestand(en) opnieuw")
            self.files = files  # for Preview.patch after the build
        return files

    def on_serve(self, server, config, builder):
        server.watch(str(self.data_dir))  # a data/ edit rebuilds, also without `watch:` in mkdocs.yml
        if self.theme_dir is not None and self.theme_dir.is_dir():
            server.watch(str(self.theme_dir))  # so does an edit of the site's own templates
        return server

    def on_nav(self, nav, config, files):
        clean_nav(nav.items)
        if self.preview is not None:
            self.preview.keep_titles(files)
        return nav

    def on_page_markdown(self, markdown, page, config, files):
        if page.file.generated_by:  # text from data/ may carry directives too
            source, offset = f"(gegenereerd) {page.file.src_uri}", 1
        else:
            source = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
            offset = body_offset(page.file.content_string, markdown)
        text, problems = expand(markdown, self.site, source, offset)
        if not page.file.generated_by:
            problems += front_matter_problems(page.file.content_string, source) + row_problems(markdown, source, offset)
        self.errors += problems
        for key in ("title", "description"):  # front matter: expanded like the body
            value = page.meta.get(key)
            if isinstance(value, str) and "[[" in value:
                raw = page.file.content_string if not page.file.generated_by else ""
                at = raw.find(value)
                line = raw.count("\n", 0, at) + 1 if at >= 0 else 0
                shift = at - (raw.rfind("\n", 0, at) + 1) if at >= 0 else 0
                page.meta[key], found = expand(value, self.site, source, line)
                self.errors += [Problem(p.file, p.line, p.col + shift, p.path, p.message) for p in found]
        tables = self.text_tables.get(page.file.src_uri) if not page.file.generated_by else None
        sizes = lambda path: _content(files, path)  # noqa: E731
        fill = fill_sizes
        if self.preview is not None:  # serve: each size marked, so a later size change patches the page
            self.preview.start_page(page.file.src_uri)
            fill = lambda text, sizes: self.preview.fill_sizes(page.file.src_uri, text, sizes)  # noqa: E731
        self.table_links.pending = (
            [fill(self.templates.macro("pages/macros/table.html", "downloads", downloads(d)), sizes) for d in tables]
            if tables
            else None
        )
        return fill(text, sizes)  # sizes of spreadsheets and charts

    def on_page_content(self, html, page, config, files):
        if page.title:
            page.meta["title"] = plain_text(page.title)
        if page.meta.get("description"):
            page.meta["description"] = plain_text(str(page.meta["description"]))
        clean_toc(page.toc)
        html, remote = self.bodies.final(html)  # sanitized; every table and chart a named region the keyboard reaches
        for url in remote:
            log.warning(
                f"{page.file.src_uri}: afbeelding van een andere host weggelaten: {url} (zet het bestand in de site)"
            )
        return html

    def on_env(self, env, config, files):
        self.table_links.pending = None  # the PDF parses the pages again, without the site's download links
        if self.errors:
            lines = "\n".join(str(p) for p in sorted(self.errors))
            raise PluginError(f"kwsite: {len(self.errors)} fout(en) in de pagina's:\n{lines}")
        if self.preview is not None:
            env.bytecode_cache = self.preview.bytecode
        data_zip = next((g for g in self.generated if g.path == ZIP_PATH), None)
        if data_zip is not None:  # the home page links to it (main.html)
            env.globals["kwsite_data"] = {"url": ZIP_PATH, "size": size_text(data_zip.content)}
        env.globals["kwsite_edition"] = edition_line(self.site, build_time())  # the footer of every page
        self.pdf = None
        if self.config.pdf and self.serving:
            log.info("PDF: niet gemaakt bij serve (kwsite build of kwsite pdf maakt hem)")
        elif self.config.pdf:
            from .pdf import PDF_PATH  # WeasyPrint is imported only when the PDF is made
            from .pdf.site import PdfError, megabytes, pdf_edition

            try:
                self.charts.finish()  # every chart drawn and stored; the workers stop before the PDF
                stop_fork_server()
                self.pdf = pdf_edition(self.site, config, files, self.generated)
            except (PdfError, ChartError) as exc:
                raise PluginError(f"kwsite: {exc}") from None
            env.globals["kwsite_pdf"] = {"url": PDF_PATH, "size": megabytes(len(self.pdf.data))}
            log.info(f"PDF: {self.pdf.pages} pagina's")
            for message in self.pdf.warnings:
                log.warning(f"PDF: {message}")
            for path in self.pdf.missing:  # the site shows the same broken image
                log.info(f"PDF: afbeelding niet gevonden: {path}")
        return env

    def on_post_page(self, output, page, config):
        if self.preview is not None:
            return self.preview.rendered(page, output)  # the size marks of fill_sizes removed
        return output

    @event_priority(50)  # before the search plugin writes its index
    def on_post_build(self, config):
        REPORTED.clear()  # MkDocs has logged its findings by now
        if self.preview is not None:
            patched = self.preview.patch(self.files)  # pages that only show new sizes
            if patched:
                log.info(f"voorvertoning: {patched} pagina('s) met alleen nieuwe bestandsgroottes bijgewerkt")
            self.preview.merge_search(config.plugins)
        add_folded_field(config.plugins)  # 'financien' finds 'financiën' (kwsite.searchfold)
        if self.pdf is not None:
            from .pdf import PDF_PATH

            target = Path(config.site_dir) / PDF_PATH
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(self.pdf.data)
        for file in self.later_files:
            file.write_later()
        try:
            self.charts.finish()  # stores the last drawings in the cache, stops the workers
        except ChartError as exc:
            raise PluginError(f"kwsite: {exc}") from None
        finally:
            if self.preview is None:  # nothing left to draw: no idle fork server after the build
                stop_fork_server()
        cache = self.charts.cache
        log.info(f"grafieken: {cache.misses} getekend, {cache.hits} uit de cache")
        if self.preview is not None:
            self.preview.warm_up(self.site)  # once: chart workers and drawing code ready for the first edit
        pruned = cache.prune()  # entries no build used for KEEP_DAYS days (old data, styles, versions)
        if pruned:
            log.info(f"grafiekcache: {pruned} oude items verwijderd")

    def on_build_error(self, error):
        REPORTED.clear()
        if self.preview is not None:
            self.preview.forget()
        charts = getattr(self, "charts", None)
        if charts is not None:
            charts.close()


def _content(files: Files, path: str) -> bytes | None:
    """The bytes of the file at docs path ``path`` (waits for a chart being drawn), or ``None``. The paths
    kwsite writes are already MkDocs' form: looked up as they are first (no ``PurePath`` per size mark)."""
    file = files.src_uris.get(path) or files.get_file_from_path(path)
    return file.content_bytes if file is not None else None
