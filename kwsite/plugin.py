"""The MkDocs plugin: a thin adapter that wires MkDocs events to the library.

- ``on_config``: load and validate ``data/`` (errors → one clean PluginError
  listing all of them; warnings → plugin logger, so ``--strict`` counts them);
  expand ``kwsite:<section>`` placeholders in ``nav``.
- ``on_files``: add the generated pages and assets in memory.
- ``on_page_markdown``: expand ``[[ref]]`` directives (unknown → error).
- ``on_env`` (option ``pdf``, default on): render the PDF edition before any
  page is written, so the "Download PDF (x,x MB)" link knows the real size;
  ``on_post_build`` writes it to ``site/downloads/kwaliteitsagenda.pdf``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from .build import build_pages, load_site
from .directives import expand
from .pages import expand_nav
from .problems import KwsiteError
from .progress import steps

log = get_plugin_logger(__name__)


class KwsiteConfig(base.Config):
    data_dir = c.Type(str, default="data")
    cache_dir = c.Optional(c.Type(str))
    pdf = c.Type(bool, default=True)


class KwsitePlugin(BasePlugin[KwsiteConfig]):
    def on_config(self, config):
        root = Path(config.config_file_path).parent
        data_dir = root / self.config.data_dir
        try:
            self.site, found = load_site(data_dir, self.config.data_dir)
        except KwsiteError as exc:
            raise PluginError(f"kwsite: {len(exc.problems)} fout(en) in de gegevens:\n{exc}") from None
        for problem in found:
            log.warning(str(problem))
        self.cache_dir = root / self.config.cache_dir if self.config.cache_dir else None
        if config.nav:
            config.nav = expand_nav(config.nav, self.site)
        self.errors = []
        return config

    def on_files(self, files: Files, config) -> Files:
        with steps("grafieken", len(self.site.indicators) + len(self.site.tables)) as tick:
            generated, self.charts = build_pages(self.site, [f.src_uri for f in files], self.cache_dir, tick)
        self.generated = generated
        for item in generated:
            existing = files.get_file_from_path(item.path)
            if existing is not None:
                raise PluginError(f"kwsite: {item.path} bestaat al in {config.docs_dir}; die pagina wordt gegenereerd")
            files.append(File.generated(config, item.path, content=item.content))
        return files

    def on_page_markdown(self, markdown, page, config, files):
        if page.file.generated_by:  # text from data/ may carry directives too
            source, offset = f"(gegenereerd) {page.file.src_uri}", 1
        else:
            source = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
            offset = _body_offset(page.file)
        text, problems = expand(markdown, self.site, source, offset)
        self.errors += problems
        return text

    def on_env(self, env, config, files):
        if self.errors:
            lines = "\n".join(str(p) for p in sorted(self.errors))
            raise PluginError(f"kwsite: {len(self.errors)} onbekende verwijzing(en):\n{lines}")
        self.pdf = None
        if self.config.pdf:
            from .pdf import PDF_PATH  # WeasyPrint is imported only when the PDF is made
            from .pdf.site import PdfError, megabytes, pdf_edition

            try:
                self.pdf = pdf_edition(self.site, config, files, self.generated)
            except PdfError as exc:
                raise PluginError(f"kwsite: {exc}") from None
            env.globals["kwsite_pdf"] = {"url": PDF_PATH, "size": megabytes(len(self.pdf.data))}
            log.info(f"PDF: {self.pdf.pages} pagina's")
            for message in self.pdf.warnings:
                log.warning(f"PDF: {message}")
        return env

    def on_post_build(self, config):
        if self.pdf is not None:
            from .pdf import PDF_PATH

            target = Path(config.site_dir) / PDF_PATH
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(self.pdf.data)
        cache = self.charts.cache
        log.info(f"grafieken: {cache.misses} getekend, {cache.hits} uit de cache")


def _body_offset(file: File) -> int:
    """Line number of the first body line (after front matter) in the source."""
    source = file.content_string
    if source.startswith("---"):
        end = source.find("\n---", 3)
        if end != -1:
            return source.count("\n", 0, end + 4) + 2
    return 1
