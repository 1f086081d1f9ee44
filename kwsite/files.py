"""MkDocs file types for generated files.

:class:`DigestFile` is every generated page and asset: under ``kwsite serve``
(:mod:`kwsite.preview`) it counts as modified only when its output is missing.
:class:`LaterFile` is a chart still being drawn (:mod:`kwsite.chartpool`).
"""

from __future__ import annotations

import hashlib
import os

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from .chartpool import ChartError


def sha(text: str | bytes) -> str:
    """sha256 hex of ``text`` (UTF-8) or bytes."""
    return hashlib.sha256(text.encode("utf-8") if isinstance(text, str) else text).hexdigest()


class DigestFile(File):
    """A generated file that counts as modified only when its output is missing.

    Used for every generated page and asset: :meth:`kwsite.preview.Preview.prepare` removes the
    output of those whose text changed. Outside dirty builds MkDocs does not ask."""

    def is_modified(self) -> bool:
        return not os.path.isfile(self.abs_dest_path)

    def digest(self) -> str:
        """What :meth:`kwsite.preview.Preview.prepare` compares between builds: here the content's sha256."""
        return sha(self.content_bytes)


class LaterFile(DigestFile):
    """A generated file whose content is still being made (a chart being drawn): it stays in
    ``files`` (links to it are checked as usual); reading it waits for the content. MkDocs' copy
    of the static files does not wait: a file not done yet is written by :meth:`write_later`
    (from ``on_post_build``), so MkDocs renders the page templates meanwhile. A failed drawing
    becomes a clean :class:`PluginError`."""

    _body = None
    _later: bool | None = None
    """``dirty`` of the copy left for later, or ``None``."""

    def copy_file(self, dirty: bool = False) -> None:
        body = self._body
        if body is None or isinstance(body, (str, bytes)) or body.done():
            super().copy_file(dirty)
        else:
            self._later = dirty

    def write_later(self) -> None:
        """Write the file if :meth:`copy_file` left it for later (waits for its content)."""
        if self._later is not None:
            dirty, self._later = self._later, None
            super().copy_file(dirty)

    def digest(self) -> str:
        """A chart still being drawn is compared by its cache digest (its inputs), without waiting."""
        body = self._body
        return "grafiek:" + body.digest if hasattr(body, "digest") else super().digest()

    @property
    def _content(self):
        body = self._body
        if body is None or isinstance(body, (str, bytes)):
            return body
        try:
            return body.result()
        except ChartError as exc:
            raise PluginError(f"kwsite: {exc}") from None

    @_content.setter
    def _content(self, value) -> None:
        self._body = value
