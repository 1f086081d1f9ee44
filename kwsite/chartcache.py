"""A digest-keyed cache of drawn charts (their SVG), so unchanged charts are not redrawn.

Usage::

    cache = ChartCache(Path(".kwsite-cache/charts"))
    svg = cache.get_or_render(KINDS["indicator"].inputs((ind, table, label)),
                              lambda: indicator_svg(ind, table, label))

The digest covers the inputs, the matplotlib version and
:data:`kwsite.charts.CHART_STYLE_VERSION`; a changed value, a matplotlib
upgrade or a style change gives a new digest. Entries are JSON files
``<digest>.json`` written atomically (temp file + ``os.replace``), so a build
that is interrupted never leaves a half-written entry. A chart's text part
(alt text, data table) is not stored: it is computed from the data without
drawing (:mod:`kwsite.charts.jobs`; under ``serve`` once per session).
Every use of an entry sets its modification time; at the end of a build
:meth:`ChartCache.prune` removes the entries no build used for :data:`KEEP_DAYS` days.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import re
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from importlib.metadata import version

from pydantic import BaseModel

from .charts import CHART_STYLE_VERSION

_MATPLOTLIB = version("matplotlib")
"""Read from the installed package's metadata: a build whose charts all come from the cache
does not import matplotlib."""

CACHE_FORMAT = 2
KEEP_DAYS = 14
"""An entry no build has used for this many days is removed by :meth:`ChartCache.prune` (every use
sets its modification time, so only entries of old data, styles or versions go)."""
ENTRY = re.compile(r"(?:[0-9a-f]{64}\.(?:json|xlsx)|\.[0-9a-f]{1,12}-\w+\.tmp)")
"""The only file names :meth:`ChartCache.prune` may remove: entries (digest and suffix) and the
temporary files of an interrupted write (:meth:`ChartCache._write`)."""


POSITION_ONLY = {"Row": frozenset({"line"}), "TableData": frozenset({"path"})}
"""Dataclass fields left out of a chart's inputs: where a row or table sits in its file. A chart
never shows them (``tests/test_chart_kinds.py``), and an edit above a row must not redraw it."""


def _canonical(part: object, memo: dict | None = None) -> object:
    """JSON-able form of one chart input: a model (all its fields), a dataclass such as a table or
    row (all fields but :data:`POSITION_ONLY`), a decimal as printed, a tuple, text or ``None``.
    ``memo``: models and dataclasses done before in this build, by identity (the same table's
    description and total row are inputs of each of its forty college charts)."""
    kind = type(part)
    if kind in _SCALARS or part is None:  # most parts: the texts and numbers inside the others
        return part
    if kind is Decimal:
        return {"decimal": str(part)}
    if memo is not None and (isinstance(part, BaseModel) or dataclasses.is_dataclass(part)):
        known = memo.get(id(part))
        if known is not None and known[0] is part:
            return known[1]
        out = _fresh(part, memo)
        memo[id(part)] = (part, out)  # the part is kept, so its id is not another's during the build
        return out
    return _fresh(part, memo)


_SCALARS = frozenset({str, int, float, bool})


@functools.cache
def _fields(kind: type) -> tuple[str, ...]:
    """The names of a dataclass's fields that are chart inputs (all but :data:`POSITION_ONLY`)."""
    skip = POSITION_ONLY.get(kind.__name__, frozenset())
    return tuple(f.name for f in dataclasses.fields(kind) if f.name not in skip)


def _fresh(part: object, memo: dict | None) -> object:
    if isinstance(part, BaseModel):
        return {type(part).__name__: part.model_dump(mode="json")}
    if dataclasses.is_dataclass(part) and not isinstance(part, type):
        return {type(part).__name__: {name: _canonical(getattr(part, name), memo) for name in _fields(type(part))}}
    if isinstance(part, Decimal):
        return {"decimal": str(part)}
    if isinstance(part, (tuple, list)):
        return [_canonical(p, memo) for p in part]
    if isinstance(part, dict):
        return {"dict": [[_canonical(k, memo), _canonical(v, memo)] for k, v in part.items()]}
    if part is None or isinstance(part, (str, int, float, bool)):
        return part
    raise TypeError(f"geen grafiekinvoer: {type(part).__name__}")


def chart_inputs(*parts: object, memo: dict | None = None) -> str:
    """Canonical JSON of everything a chart depends on.

    ``parts`` are models (``model_dump(mode="json")``), dataclasses such as tables and rows (every
    field but :data:`POSITION_ONLY`: line numbers and paths), tuples of these, decimals, strings
    such as the total label or a chart kind, or ``None``. Decimals keep their printed precision
    (``"6.70"`` ≠ ``"6.7"``), as the chart does. :class:`kwsite.charts.kinds.ChartKind` passes the
    kind and exactly the arguments of its text and drawing functions.
    """
    return json.dumps([_canonical(p, memo) for p in parts], sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _to_json(svg: str) -> str:
    return json.dumps({"format": CACHE_FORMAT, "svg": svg}, ensure_ascii=False, sort_keys=True)


def _from_json(text: str) -> str:
    data = json.loads(text)
    if data.get("format") != CACHE_FORMAT or not isinstance(data.get("svg"), str):
        raise ValueError("ander cacheformaat")
    return data["svg"]


class ChartCache:
    """SVGs by digest, in memory and (when ``directory`` is given) on disk.

    ``hits`` and ``misses`` count :meth:`get` lookups; a corrupt or foreign file
    is a miss and is overwritten by the next :meth:`put`.
    """

    def __init__(self, directory: Path | str | None = None, memory: dict[str, str] | None = None) -> None:
        """``memory``: a digest → SVG map to share with later builds (a ``serve`` session)."""
        self.directory = Path(directory) if directory is not None else None
        self.hits = 0
        self.misses = 0
        self._memory: dict[str, str] = {} if memory is None else memory

    @staticmethod
    def digest(key_inputs: str) -> str:
        """sha256 hex of the inputs, the matplotlib version and the chart style version."""
        salt = json.dumps([key_inputs, _MATPLOTLIB, CHART_STYLE_VERSION], ensure_ascii=False)
        return hashlib.sha256(salt.encode("utf-8")).hexdigest()

    def get(self, digest: str) -> str | None:
        """The SVG stored under ``digest`` (memory first, then disk), or ``None`` (counted as a miss)."""
        svg = self._memory.get(digest)
        if svg is None:
            svg = self._load(digest)
        if svg is None:
            self.misses += 1
            return None
        self.hits += 1
        self._memory[digest] = svg
        return svg

    def put(self, digest: str, svg: str) -> None:
        """Keep ``svg`` in memory and write it to disk atomically."""
        self._memory[digest] = svg
        self._store(digest, svg)

    def get_or_render(self, key_inputs: str, render: Callable[[], str]) -> str:
        """The cached SVG for ``key_inputs``, or ``render()``'s result, stored."""
        digest = self.digest(key_inputs)
        svg = self.get(digest)
        if svg is None:
            svg = render()
            self.put(digest, svg)
        return svg

    def get_file(self, digest: str, suffix: str) -> bytes | None:
        """The bytes of another download kept beside the charts (``<digest><suffix>``, e.g. a
        workbook: :func:`kwsite.spreadsheet.workbook_bytes`), or ``None``; on disk only."""
        path = None if self.directory is None else self.directory / f"{digest}{suffix}"
        try:
            data = path.read_bytes() if path is not None else None
        except OSError:
            return None
        _touch(path)
        return data

    def put_file(self, digest: str, suffix: str, data: bytes) -> None:
        """Write ``data`` as ``<digest><suffix>`` atomically (nothing without a directory)."""
        if self.directory is not None:
            self._write(self.directory / f"{digest}{suffix}", data)

    def prune(self, keep_days: float = KEEP_DAYS, now: float | None = None) -> int:
        """Remove the entries (charts, workbooks; :data:`ENTRY` names only, directly in the cache
        directory, no links followed, nothing else) not used for ``keep_days`` days: every read and
        write of an entry sets its modification time, so what this build used stays. Returns how many
        files went; 0 without a directory."""
        if self.directory is None:
            return 0
        limit = (time.time() if now is None else now) - keep_days * 86400
        removed = 0
        try:
            entries = list(os.scandir(self.directory))
        except OSError:
            return 0
        for entry in entries:
            try:
                if ENTRY.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                    if entry.stat(follow_symlinks=False).st_mtime < limit:
                        os.unlink(entry.path)
                        removed += 1
            except OSError:
                continue
        return removed

    def _path(self, digest: str) -> Path | None:
        return None if self.directory is None else self.directory / f"{digest}.json"

    def _load(self, digest: str) -> str | None:
        path = self._path(digest)
        if path is None or not path.is_file():
            return None
        try:
            svg = _from_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        _touch(path)
        return svg

    def _store(self, digest: str, svg: str) -> None:
        path = self._path(digest)
        if path is None:
            return
        self._write(path, _to_json(svg).encode("utf-8"))

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:12]}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _touch(path: Path) -> None:
    """Mark a cache entry as used now (for :meth:`ChartCache.prune`)."""
    try:
        os.utime(path)
    except OSError:
        pass
