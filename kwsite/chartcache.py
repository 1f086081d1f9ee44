"""A digest-keyed cache of rendered charts, so unchanged charts are not redrawn.

Usage::

    cache = ChartCache(Path(".kwsite-cache/charts"))
    chart = cache.get_or_render(chart_inputs("indicator", ind, table, label),
                                lambda: indicator_chart(ind, table, label))

The digest covers the inputs, the matplotlib version and
:data:`kwsite.charts.CHART_STYLE_VERSION`; a changed value, a matplotlib
upgrade or a style change gives a new digest. Entries are JSON files
``<digest>.json`` written atomically (temp file + ``os.replace``), so a build
that is interrupted never leaves a half-written entry. ``None`` results (no
chart for this indicator) are cached too.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

import matplotlib
from pydantic import BaseModel

from .charts import CHART_STYLE_VERSION, Chart
from .model.site import TableData

CACHE_FORMAT = 1


def _canonical(part: object) -> object:
    """JSON-able form of one chart input (model, table with its rows, text, ``None``)."""
    if isinstance(part, TableData):
        rows = [[r.label, [None if v is None else str(v) for v in r.values], r.unit] for r in part.rows]
        return {"table": part.meta.model_dump(mode="json"), "periods": list(part.periods), "rows": rows}
    if isinstance(part, BaseModel):
        return {type(part).__name__: part.model_dump(mode="json")}
    if part is None or isinstance(part, (str, int, float, bool)):
        return part
    raise TypeError(f"geen grafiekinvoer: {type(part).__name__}")


def chart_inputs(*parts: object) -> str:
    """Canonical JSON of everything a chart depends on.

    ``parts`` are indicators/other models (``model_dump(mode="json")``), tables
    (metadata, periods and row labels/values/units; not line numbers or paths),
    strings such as the total label or a chart kind, or ``None``. Decimals keep
    their printed precision (``"6.70"`` ≠ ``"6.7"``), as the chart does.
    """
    return json.dumps([_canonical(p) for p in parts], sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _to_json(chart: Chart | None) -> str:
    body = None if chart is None else asdict(chart)
    return json.dumps({"format": CACHE_FORMAT, "chart": body}, ensure_ascii=False, sort_keys=True)


def _from_json(text: str) -> Chart | None:
    data = json.loads(text)
    if data.get("format") != CACHE_FORMAT:
        raise ValueError("ander cacheformaat")
    body = data["chart"]
    if body is None:
        return None
    return Chart(
        key=body["key"], svg=body["svg"], alt=body["alt"], columns=tuple(body["columns"]),
        rows=tuple(tuple(r) for r in body["rows"]), csv_rows=tuple(tuple(r) for r in body["csv_rows"]),
    )


class ChartCache:
    """Charts by digest, in memory and (when ``directory`` is given) on disk.

    ``hits`` and ``misses`` count lookups; a corrupt or foreign file is a miss
    and is overwritten.
    """

    def __init__(self, directory: Path | str | None = None) -> None:
        self.directory = Path(directory) if directory is not None else None
        self.hits = 0
        self.misses = 0
        self._memory: dict[str, Chart | None] = {}

    @staticmethod
    def digest(key_inputs: str) -> str:
        """sha256 hex of the inputs, the matplotlib version and the chart style version."""
        salt = json.dumps([key_inputs, matplotlib.__version__, CHART_STYLE_VERSION], ensure_ascii=False)
        return hashlib.sha256(salt.encode("utf-8")).hexdigest()

    def get_or_render(self, key_inputs: str, render: Callable[[], Chart | None]) -> Chart | None:
        """The cached chart for ``key_inputs``, or ``render()``'s result, stored."""
        digest = self.digest(key_inputs)
        if digest in self._memory:
            self.hits += 1
            return self._memory[digest]
        found, chart = self._load(digest)
        if found:
            self.hits += 1
        else:
            self.misses += 1
            chart = render()
            self._store(digest, chart)
        self._memory[digest] = chart
        return chart

    def _path(self, digest: str) -> Path | None:
        return None if self.directory is None else self.directory / f"{digest}.json"

    def _load(self, digest: str) -> tuple[bool, Chart | None]:
        path = self._path(digest)
        if path is None or not path.is_file():
            return False, None
        try:
            return True, _from_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            return False, None

    def _store(self, digest: str, chart: Chart | None) -> None:
        path = self._path(digest)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{digest[:12]}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(_to_json(chart))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
