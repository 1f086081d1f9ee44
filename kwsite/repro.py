"""Reproducible output: the build date comes from the commit, not the clock.

MkDocs and Material read ``SOURCE_DATE_EPOCH`` for every date they print
(sitemap ``lastmod``, the gzip header of ``sitemap.xml.gz``, page dates). When
the site lives in a git work tree and the variable is not set, it is set to
the committer date of ``HEAD``, so two builds of one commit are byte-identical.
The open-data zip takes its date from it too (:func:`zip_bytes`); the spreadsheets take the date of
the last commit that changed the data (:func:`data_time`), so a commit that leaves the data alone
leaves them byte for byte alone (and the cached ones valid).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import zipfile
from pathlib import Path


def git_output(cwd: Path | str, *args: str, timeout: float = 60) -> str | None:
    """The standard output of ``git ARGS`` run in ``cwd``; ``None`` when git is missing, fails (outside a
    work tree, no commit yet) or takes longer than ``timeout`` seconds. The one way kwsite asks git."""
    try:
        out = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout if out.returncode == 0 else None


def _last_commit_time(cwd: Path | str, *paths: str) -> int | None:
    text = (git_output(cwd, "log", "-1", "--format=%ct", *paths, timeout=10) or "").strip()
    return int(text) if text.isdigit() else None


def commit_epoch(root: Path) -> int | None:
    """Committer time of ``HEAD`` (seconds since 1970) for the work tree holding
    ``root``; ``None`` outside git or without a commit."""
    return _last_commit_time(root)


def data_time(folder: Path | str) -> dt.datetime | None:
    """Committer time (UTC) of the last commit that changed anything in ``folder`` (the data
    folder), so that two commits with the same data give the same date; ``None`` outside git, for a
    folder without a commit, or when ``folder`` is empty (``""``). Uncommitted edits are not seen:
    like the build date, it is the date of the data as last committed."""
    if not str(folder) or not Path(folder).is_dir():
        return None
    epoch = _last_commit_time(folder, "--", ".")
    return None if epoch is None else dt.datetime.fromtimestamp(epoch, dt.UTC)


def set_source_date(root: Path) -> str | None:
    """Set ``SOURCE_DATE_EPOCH`` from the commit unless already set; returns its value."""
    if "SOURCE_DATE_EPOCH" not in os.environ:
        epoch = commit_epoch(root)
        if epoch is not None:
            os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    return os.environ.get("SOURCE_DATE_EPOCH")


ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip entry can carry; used when no build date is known."""


def build_time() -> dt.datetime | None:
    """The build date from ``SOURCE_DATE_EPOCH`` (UTC; set by :func:`set_source_date` in a build),
    or ``None`` when it is not set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else None


class _Both(dict):
    """Looks up in ``known``; what is read or filled is also put in ``used``."""

    def __init__(self, known: dict, used: dict) -> None:
        super().__init__()
        self.known, self.used = known, used

    def get(self, key, default=None):
        value = self.known.get(key, default)
        if value is not default:
            self.used[key] = value
        return value

    def __setitem__(self, key, value) -> None:
        self.used[key] = value


class _Remembered:
    """A deflate compressor for :mod:`zipfile` that takes an entry's compressed bytes from ``memo``
    (uncompressed bytes → raw deflate stream at ``level``) and fills it on a miss. zipfile gives an
    entry of :meth:`zipfile.ZipFile.writestr` to one ``compress`` call and one ``flush``; their joined
    output is what one compressor makes of the whole entry, so the archive's bytes are the same."""

    def __init__(self, memo: dict, level: int) -> None:
        self.memo, self.level, self.chunks = memo, level, []

    def compress(self, data) -> bytes:
        self.chunks.append(bytes(data))
        return b""

    def flush(self) -> bytes:
        import zlib

        data = b"".join(self.chunks)
        out = self.memo.get((self.level, data))
        if out is None:
            packer = zlib.compressobj(self.level, zlib.DEFLATED, -15)  # as zipfile's own
            out = self.memo[(self.level, data)] = packer.compress(data) + packer.flush()
        return out


def zip_bytes(
    entries: list[tuple[str, bytes | str]], when: dt.datetime | None = None, memo: dict | None = None
) -> bytes:
    """A zip archive of ``entries`` (name, content; text as UTF-8) whose bytes depend only on its
    input: entries in the given order, every entry dated ``when`` (UTC; :data:`ZIP_EPOCH` when
    ``None`` or earlier), file mode 0644, deflate level 9. Also used to make an ``.xlsx`` (itself
    a zip) reproducible, see :mod:`kwsite.spreadsheet`. ``memo`` (``kwsite serve``): compressed entries
    by their content, kept between calls, so an unchanged entry is not compressed again (same bytes);
    afterwards it holds only this archive's entries."""
    stamp = ZIP_EPOCH if when is None else max(ZIP_EPOCH, when.astimezone(dt.UTC).timetuple()[:6])
    buffer = io.BytesIO()
    if memo is not None and callable(getattr(zipfile, "_get_compressor", None)):
        used: dict = {}
        own = zipfile._get_compressor

        def compressor(kind, level=None):
            if kind == zipfile.ZIP_DEFLATED and level is not None:
                return _Remembered(_Both(memo, used), level)
            return own(kind, level)

        zipfile._get_compressor = compressor
        try:
            data = zip_bytes(entries, when)
        finally:
            zipfile._get_compressor = own
        memo.clear()
        memo.update(used)
        return data
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, wherever it is built
            info.external_attr = 0o100644 << 16
            data = content.encode("utf-8") if isinstance(content, str) else content
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buffer.getvalue()
