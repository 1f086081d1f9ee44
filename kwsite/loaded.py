"""What a site's ``data/`` folder holds (:data:`FILES`) and the state of loading it
(:class:`Loaded`: raw documents with their marks and the problems found), and how a
file inside it is read: confined to ``data/`` and within the size limits."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from . import model as m
from .problems import Problem
from .yamlload import locate

REALISATION_HEADER = ("indicator", "unit", "year", "period", "breakdown", "value", "note")
"""Columns of ``data/realisations.csv`` (:mod:`kwsite.realisations`), in order."""

FILES: dict[str, tuple[str, type[BaseModel], bool]] = {
    "agenda": ("agenda.yaml", m.Agenda, False),
    "units": ("units.yaml", m.Unit, True),
    "themes": ("themes.yaml", m.Theme, True),
    "indicators": ("indicators.yaml", m.Indicator, True),
    "tables": ("tables.yaml", m.Table, True),
    "budget": ("budget.yaml", m.Budget, False),
    "measures": ("measures.yaml", m.Measure, True),
    "lines": ("lines.yaml", m.LineSet, True),
    "teamplans": ("teamplans.yaml", m.TeamPlan, True),
    "timelines": ("process.yaml", m.Timeline, True),
    "activities": ("activities.yaml", m.Activity, True),
    "ratios": ("ratios.yaml", m.RatioTable, True),
}
"""Top key → (file name, model, is a list)."""


MAX_DATA_BYTES = 16 * 1024 * 1024
"""Most bytes all files of one ``data/`` together may have (16 MiB)."""


class Loaded:
    """Raw documents with marks, kept so validation can point at lines."""

    def __init__(self, data_dir: Path, rel: str):
        self.data_dir = data_dir
        self.rel = rel
        self.docs: dict[str, object] = {}
        self.problems: list[Problem] = []
        self.digests: dict[str, str] = {}
        self.failed: set[str] = set()
        self.positions: dict[str, list[int]] = {}
        """For list files: the index in the file of each record that loaded (records that
        failed validation are skipped, so model index and file index can differ)."""
        self.invalid_ids: set[str] = set()
        """Ids of records that failed validation (already reported; not "unknown" elsewhere)."""
        self.invalid_labels: set[str] = set()
        """Labels (id, name, short name, code, aliases; case and spaces folded) of units that failed
        validation: a table row with such a label is no unknown college, only a follow-on error."""
        self.size = 0
        """Bytes read so far (at most :data:`MAX_DATA_BYTES`)."""
        """Top keys whose file could not be read; references into them are not checked."""
        self.redirects: dict[tuple[int, int], tuple[str, int]] = {}
        """(indicator index, realisation index) → (file, line) for realisations read from
        ``realisations.csv`` (:mod:`kwsite.realisations`): their problems name that file."""
        self.realisations_text: str | None = None
        """Text read as ``realisations.csv`` instead of the file (what an import would write)."""
        self.realisation_rows: list = []
        """The rows of ``realisations.csv`` as read (:class:`kwsite.realisations.Stored`)."""

    def name(self, file: str) -> str:
        return f"{self.rel}/{file}" if self.rel else file

    def where(self, key: str, *loc) -> tuple[str, int, int]:
        """File, line, col of ``loc`` inside the document of top key ``key``."""
        file = self.name(FILES[key][0])
        doc = self.docs.get(key)
        if doc is None:
            return file, 0, 0
        line, col = locate(doc, (key, *loc))
        return file, line, col

    def add(self, key: str, loc: tuple, message: str, level: str = "error", path: str | None = None, raw: bool = False):
        """Report a problem at ``loc``; a leading int is a model index unless ``raw``."""
        moved = self._redirect(key, loc) if not raw else None
        if moved is not None:
            self.problems.append(Problem(*moved, message, level))
            return
        if not raw and loc and isinstance(loc[0], int) and key in self.positions:
            loc = (self.positions[key][loc[0]], *loc[1:])
        file, line, col = self.where(key, *loc)
        self.problems.append(Problem(file, line, col, path if path is not None else _path((key, *loc)), message, level))

    def _redirect(self, key: str, loc: tuple) -> tuple[str, int, int, str] | None:
        """(file, line, column, field) of a realisation merged from ``realisations.csv``, else ``None``."""
        if key != "indicators" or len(loc) < 3 or loc[1] != "realisations" or (loc[0], loc[2]) not in self.redirects:
            return None
        file, line = self.redirects[(loc[0], loc[2])]
        field = str(loc[3]) if len(loc) > 3 else ""
        return file, line, REALISATION_HEADER.index(field) + 1 if field in REALISATION_HEADER else 1, field


def _path(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, with every link followed, lies inside ``folder`` (also resolved)."""
    return path.resolve().is_relative_to(folder.resolve())


def read_confined(loaded: Loaded, rel: str, limit: int) -> bytes | str:
    """The bytes of ``data_dir/rel``, or a Dutch reason why it is not read: outside ``data/``
    (also through a link), not a regular file, larger than ``limit`` or than what is left of
    :data:`MAX_DATA_BYTES`. A NUL or other control character in ``rel`` is refused too."""
    if any(ord(ch) < 32 for ch in rel):
        return "bestandsnaam bevat een stuurteken"
    path = loaded.data_dir / rel
    if not inside(path, loaded.data_dir):
        return f"bestand '{rel}' ligt buiten data/ (ook een koppeling naar buiten telt)"
    if not path.is_file():
        return f"bestand '{rel}' ontbreekt of is geen gewoon bestand"
    size = path.stat().st_size
    if size > limit:
        return f"bestand is groter dan {limit // 1024} KiB"
    if loaded.size + size > MAX_DATA_BYTES:
        return f"alle gegevens samen zijn groter dan {MAX_DATA_BYTES // (1024 * 1024)} MiB"
    with open(path, "rb") as handle:
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        return f"bestand is groter dan {limit // 1024} KiB"
    loaded.size += len(raw)
    return raw


def not_utf8(file: str, raw: bytes, exc: UnicodeDecodeError, level: str = "error", note: str = "") -> Problem:
    """Where the first byte that is not UTF-8 stands, as a problem. ``exc.start`` counts in the bytes
    that were decoded (``exc.object``: after a byte-order mark, which ``utf-8-sig`` leaves out), so line
    and column are counted there too, as an editor shows them."""
    if isinstance(exc.object, bytes):
        raw = exc.object
    line = raw.count(b"\n", 0, exc.start) + 1
    col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
    byte = raw[exc.start : exc.start + 1].hex()
    return Problem(file, line, col, "", f"bestand is geen UTF-8 (byte 0x{byte}){note}", level)
