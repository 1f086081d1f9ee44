"""A digest-keyed cache of drawn charts (their SVG) and other downloads (workbooks),
so unchanged ones are not made again.

Usage::

    cache = ChartCache(Path(".kwsite-cache"))
    svg = cache.get_or_render(KINDS["indicator"].inputs((ind, table, label)),
                              lambda: indicator_svg(ind, table, label))

The digest covers the inputs, the matplotlib version and
:data:`kwsite.charts.CHART_STYLE_VERSION`; a changed value, a matplotlib
upgrade or a style change gives a new digest. The entries live in one SQLite
database in the cache directory (:mod:`kwsite.cachestore`: written in one
transaction per build, safe with ``serve`` and ``build`` at once, a corrupt file
replaced with a warning). A chart's text part (alt text, data table) is not
stored: it is computed from the data without drawing (:mod:`kwsite.charts.jobs`;
under ``serve`` once per session). Every use marks an entry with the day; at the
end of a build :meth:`ChartCache.prune` deletes the entries no build used for
:data:`KEEP_DAYS` days, removes the one-file-per-entry cache of the previous
format and closes the database.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from importlib.metadata import version

from pydantic import BaseModel

from .cachestore import CACHE_FORMAT, DB_NAME, ENTRY, remove_old_files, store  # noqa: F401  (re-exported)
from .charts import CHART_STYLE_VERSION

_MATPLOTLIB = version("matplotlib")
"""Read from the installed package's metadata: a build whose charts all come from the cache
does not import matplotlib."""

KEEP_DAYS = 14
"""An entry no build has used for this many days is removed by :meth:`ChartCache.prune` (every use
marks the entry with the day, so only entries of old data, styles or versions go)."""
SVG = "svg"
"""The kind of a chart's entry; other downloads are kept under their suffix (``".xlsx"``)."""

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


class ChartCache:
    """SVGs by digest, in memory and (when ``directory`` is given) in the directory's database.

    ``hits`` and ``misses`` count :meth:`get` lookups. Every instance for one directory shares the
    process's connection (:func:`kwsite.cachestore.store`), so a workbook stored through one is read through another.
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
        if svg is None and self.directory is not None:
            data = store(self.directory).get(SVG, digest)
            svg = None if data is None else _text(data)
        if svg is None:
            self.misses += 1
            return None
        self.hits += 1
        self._memory[digest] = svg
        return svg

    def put(self, digest: str, svg: str) -> None:
        """Keep ``svg`` in memory and store it (written with the build's other new entries)."""
        self._memory[digest] = svg
        if self.directory is not None:
            store(self.directory).put(SVG, digest, svg.encode("utf-8"))

    def get_or_render(self, key_inputs: str, render: Callable[[], str]) -> str:
        """The cached SVG for ``key_inputs``, or ``render()``'s result, stored."""
        digest = self.digest(key_inputs)
        svg = self.get(digest)
        if svg is None:
            svg = render()
            self.put(digest, svg)
        return svg

    def get_file(self, digest: str, suffix: str) -> bytes | None:
        """The bytes of another download kept beside the charts under ``digest`` and ``suffix``
        (e.g. a workbook, ``".xlsx"``: :func:`kwsite.spreadsheet.workbook_bytes`), or ``None``; not
        kept in memory."""
        return None if self.directory is None else store(self.directory).get(suffix, digest)

    def put_file(self, digest: str, suffix: str, data: bytes) -> None:
        """Store ``data`` under ``digest`` and ``suffix`` (nothing without a directory)."""
        if self.directory is not None:
            store(self.directory).put(suffix, digest, bytes(data))

    def get_entry(self, digest: str, format: int) -> dict | None:
        """The JSON object kept under ``digest`` (suffix ``.json``) by :meth:`put_entry` with the same
        ``format``; ``None`` when there is none, it is not JSON, not an object or of another format."""
        data = self.get_file(digest, ".json")
        if data is None:
            return None
        try:
            entry = json.loads(data.decode("utf-8", "surrogatepass"))
        except ValueError:
            return None
        return entry if isinstance(entry, dict) and entry.get("format") == format else None

    def put_entry(self, digest: str, format: int, fields: dict) -> None:
        """Keep ``fields`` (JSON-able) with ``format`` under ``digest`` as a ``.json`` entry (:meth:`get_entry`)."""
        entry = json.dumps({"format": format, **fields}, ensure_ascii=False)
        self.put_file(digest, ".json", entry.encode("utf-8", "surrogatepass"))

    def flush(self) -> None:
        """Write the new entries and the marks of the used ones now, in one transaction."""
        if self.directory is not None:
            store(self.directory).flush()

    def close(self) -> None:
        """:meth:`flush` and close this process's connection (its WAL folded into the database);
        a later use opens it again."""
        if self.directory is not None:
            store(self.directory).close()

    def prune(self, keep_days: float = KEEP_DAYS, now: float | None = None) -> int:
        """At the end of a build: write what the build made and used (:meth:`flush`), delete the
        entries no build used for ``keep_days`` days, remove the files of the previous format
        (:data:`ENTRY` names only, directly in the cache directory, no links followed, nothing else;
        whatever their age: this format never reads them) and :meth:`close`. Returns how many entries
        and files went; 0 without a directory."""
        if self.directory is None:
            return 0
        db = store(self.directory)
        removed = db.prune(keep_days, time.time() if now is None else now)
        removed += remove_old_files(self.directory)
        db.close()
        return removed


def _text(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None
