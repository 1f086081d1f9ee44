"""HTML → PDF with WeasyPrint, through the build-only URL fetcher.

Output is deterministic: no creation date except the one the document carries
(``SOURCE_DATE_EPOCH`` / last commit), a file identifier derived from the
content, fonts picked by name from Debian packages. The default variant is
tagged PDF/UA-1 (structure tree, ``/Lang``, alt texts), since a downloadable
public document falls under the accessibility rules.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from collections.abc import Callable

from weasyprint import CSS, HTML
from weasyprint.urls import FatalURLFetchingError

from .fetcher import BuildFetcher
from .gcsteps import collected_per_step, release
from .packstreams import packed_page_streams
from .pagerefs import memoised_page_references
from .pagestyles import indexed_page_styles
from .pseudostyles import shared_pseudo_styles
from .svgstyles import shared_svg_styles
from .svgtext import whole_svg_text
from .textwidths import measured_once

VARIANT = "pdf/ua-1"
STEPS = 7
"""WeasyPrint reports its work as seven numbered steps on the ``weasyprint.progress`` logger."""


class PdfError(RuntimeError):
    """The PDF could not be made (a resource outside the build, a missing chart)."""


@dataclass(frozen=True)
class Rendered:
    """The PDF bytes, its page count, warnings (refused URLs, unsupported CSS, layout problems)
    and the docs paths of images that do not exist (shown by their alt text, as the site does)."""

    data: bytes
    pages: int
    warnings: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


class _Steps(logging.Handler):
    def __init__(self, tick: Callable[[int], None]):
        super().__init__(logging.INFO)
        self.tick = tick

    def emit(self, record):
        self.tick(1)


def _drop_layout(document, pdf) -> None:
    """``write_pdf`` finisher: every PDF object is made (drawing, links, bookmarks and tags are done), so the
    laid-out pages and the parsed HTML go before pydyf serialises the file (their memory is reused for it:
    about 100 MiB less at the peak of a 683-page document; the bytes do not change)."""
    for page in document.pages:
        if "_page_box" in page.__dict__:
            page._page_box = None
    document.__dict__.pop("_html", None)
    release()  # the boxes refer to each other: only the cycle collector frees them


def stylesheet() -> str:
    """The print stylesheet shipped with the package."""
    return files("kwsite.pdf").joinpath("print.css").read_text(encoding="utf-8")


def render(
    html: str,
    root: Path,
    memory: dict[str, str | bytes],
    variant: str | None = VARIANT,
    tick: Callable[[int], None] | None = None,
) -> Rendered:
    """Render ``html`` (whose relative URLs are docs-relative) to PDF bytes.

    ``tick(n)`` is called once per WeasyPrint step (7 in all) for progress bars.
    A resource outside the build is never read: it is left out and named in
    ``warnings``. Raises :class:`PdfError` only if WeasyPrint stops on a resource.
    """
    fetcher = BuildFetcher(root, memory)
    weasy, collected = logging.getLogger("weasyprint"), _Collect()
    weasy.addHandler(collected)
    progress = logging.getLogger("weasyprint.progress")
    handler = _Steps(tick) if tick else None
    if handler:
        progress.addHandler(handler)
        old, propagate = progress.level, progress.propagate
        progress.setLevel(logging.INFO)
        progress.propagate = False  # the bar replaces the step lines
    try:
        # the same bytes, one collection when drawing starts instead of rescans of the heap, each chart style parsed once;
        # each chart label drawn as one text run instead of letter by letter (svgtext.py)
        with collected_per_step(), shared_svg_styles(), whole_svg_text():
            # the same bytes, a style per kind of pseudo-element (not six per element), a page's margin boxes looked up
            # the same bytes, each text's min-/max-content width measured once per style (textwidths.py)
            with shared_pseudo_styles(), indexed_page_styles(), measured_once():
                document = HTML(string=html, base_url=Path(root).resolve().as_uri() + "/", url_fetcher=fetcher).render(
                    stylesheets=[CSS(string=stylesheet(), url_fetcher=fetcher)]
                )
            # the same bytes, without a pass over all pages per tag, and each page compressed once it is drawn
            with memoised_page_references(), packed_page_streams():
                data = document.write_pdf(pdf_variant=variant, pdf_identifier=True, finisher=_drop_layout)
    except FatalURLFetchingError as exc:
        raise PdfError(f"PDF: {exc} ({exc.__cause__})") from None
    finally:
        weasy.removeHandler(collected)
        if handler:
            progress.removeHandler(handler)
            progress.setLevel(old)
            progress.propagate = propagate
    failed = fetcher.refused + [(Path(root).resolve() / m).as_uri() for m in fetcher.missing]
    warnings = [m for m in collected.messages if not any(url in m for url in failed)]  # reported below instead
    warnings += [f"niet gelezen, buiten de build: {url}" for url in dict.fromkeys(fetcher.refused)]
    return Rendered(data, len(document.pages), tuple(warnings), tuple(dict.fromkeys(fetcher.missing)))
