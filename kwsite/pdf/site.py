"""The PDF edition inside an MkDocs build: the same pages, read from MkDocs' own files."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ..model import Site
from ..numbers import number
from ..pages.common import fill_sizes
from .document import Source, page_sources, pages_in_order, source_date
from .render import PdfError, Rendered

__all__ = ["PdfError", "megabytes", "pdf_edition"]


def megabytes(size: int) -> str:
    """Size for link texts, Dutch: ``1.234.567`` bytes → ``1,2 MB``."""
    mb = (Decimal(size) / 1048576).quantize(Decimal("0.1"))
    return f"{number(max(mb, Decimal('0.1')))}\u00a0MB"


def pdf_edition(site: Site, config, files, generated) -> Rendered:
    """Render the PDF of an MkDocs build from its files (``config``/``files`` as MkDocs passes them,
    ``generated`` the :class:`kwsite.pages.Generated` records added in ``on_files``)."""
    from . import build

    md_paths = [g.path for g in generated if g.path.endswith(".md")]
    written = sorted(f.src_uri for f in files.documentation_pages() if not f.generated_by)
    order = pages_in_order(site, config.nav, written, md_paths)

    def content(path: str) -> bytes | None:
        file = files.get_file_from_path(path)
        return file.content_bytes if file is not None else None

    def read(path: str) -> str | None:
        file = files.get_file_from_path(path)
        return fill_sizes(file.content_string, content) if file is not None else None

    docs = Path(config.docs_dir)
    pages, _ = page_sources(site, order, read, set(md_paths), docs.name)  # unknown refs already failed the build
    memory = {g.path: g.content for g in generated if not g.path.endswith(".md")}
    source = Source(
        site,
        docs,
        pages,
        memory,
        list(config.markdown_extensions),
        dict(config.mdx_configs),
        source_date(Path(config.config_file_path).parent),
        config.site_url or None,
        config.use_directory_urls,
    )
    return build(source)
