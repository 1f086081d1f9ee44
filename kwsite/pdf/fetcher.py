"""A WeasyPrint URL fetcher that only serves files of the build.

WeasyPrint would otherwise follow ``http(s)://`` and ``file://`` URLs anywhere.
This fetcher answers only ``file://`` URLs that resolve inside ``root`` (the
docs dir), from the in-memory generated files first (charts) and then from
disk; everything else (network, ``data:``, paths outside ``root``, symlinks
out of the tree) is refused with :class:`RefusedURL`. The document is rendered
without a refused or missing resource (as the site shows a broken image);
``refused`` and ``missing`` list the URLs so the build can report them.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse

TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".css": "text/css"}


class RefusedURL(ValueError):
    """The URL points outside the build (network, another scheme, another directory)."""


class BuildFetcher(URLFetcher):
    """Serve ``file://`` URLs under ``root``; ``memory`` maps docs-relative paths to content."""

    def __init__(self, root: Path | str, memory: dict[str, str | bytes] | None = None):
        super().__init__(allowed_protocols=("file",), allow_redirects=False, fail_on_errors=False)
        self.root = Path(root).resolve()
        self.memory = dict(memory or {})
        self.refused: list[str] = []
        self.missing: list[str] = []

    def relative(self, url: str) -> str:
        """The docs-relative path of ``url``; raises :class:`RefusedURL`."""
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise RefusedURL(f"buiten de build: {url}")
        path = Path(unquote(parts.path))
        if not path.is_absolute() or ".." in path.parts:
            raise RefusedURL(f"buiten de build: {url}")
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            raise RefusedURL(f"buiten de build: {url}") from None

    def fetch(self, url, headers=None):
        try:
            rel = self.relative(url)
        except RefusedURL:
            self.refused.append(url)
            raise
        if rel in self.memory:
            body = self.memory[rel]
        else:
            real = (self.root / rel).resolve()
            if not real.is_relative_to(self.root):
                self.refused.append(url)
                raise RefusedURL(f"buiten de build: {url}")
            if not real.is_file():
                self.missing.append(rel)
                raise FileNotFoundError(f"niet gevonden in de build: {rel}")
            body = real.read_bytes()
        suffix = Path(rel).suffix.lower()
        kind = TYPES.get(suffix) or mimetypes.guess_type(rel)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body.encode("utf-8") if isinstance(body, str) else body, {"Content-Type": kind})
