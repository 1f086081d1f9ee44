""" "Laatst bijgewerkt" per indicator: the date of the last commit that changed a line of the indicator's
record in ``indicators.yaml`` (its figures: baseline, targets, realisations, and its texts) or one of its
rows in ``realisations.csv`` (written by ``kwsite import``).

One ``git blame`` per file per build (not one git call per indicator), and none when neither the file nor
the commit changed since the previous build of the same process (``kwsite serve``); the record's lines come from the
YAML node marks, a CSV row's indicator from its first cell. Deterministic: the same commit gives the same dates. Empty outside git, for
lines not committed yet, or when git is missing. A line removed from a record leaves no trace in the
blame, so a deletion alone does not move the date.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import yaml
from babel.dates import format_date

from .numbers import LOCALE
from .repro import git_output
from .yamlload import Loader, compose

FILE = "indicators.yaml"
_LOADER: type = Loader
"""libyaml's parser where PyYAML has it (:class:`kwsite.yamlload.Loader`): the same nodes and marks as the
pure-Python one (``tests/test_updated.py`` compares them), four times faster on a large file."""
CSV_FILE = "realisations.csv"


def _head(folder: Path) -> str | None:
    """The commit checked out in ``folder`` (``None`` outside git or without git)."""
    out = git_output(folder, "rev-parse", "HEAD")
    return None if out is None else out.strip()


_BLAMES: dict[tuple[str, str], tuple[tuple[str, bytes], list[int | None]]] = {}
"""(folder, file name) → ((commit, the file's bytes), its blame): the previous build's, for ``serve``."""


def _blame(folder: Path, name: str = FILE) -> list[int | None]:
    """Committer time per line of ``folder/name`` (``None`` for a line not committed); ``[]`` outside git.
    The same as the previous call's when the commit and the file's bytes are the same."""
    head = _head(folder)
    if head is None:
        return []
    try:
        key, state = (str(folder), name), (head, (folder / name).read_bytes())
    except OSError:
        return []
    known = _BLAMES.get(key)
    if known is not None and known[0] == state:
        return known[1]
    times = _blame_now(folder, name)
    _BLAMES[key] = (state, times)
    return times


def _blame_now(folder: Path, name: str) -> list[int | None]:
    """``git blame --incremental``: one entry per run of lines from one commit (``SHA FROM TO COUNT``, the
    commit's headers the first time it appears, then ``filename``), not a full header per line."""
    out = git_output(folder, "blame", "--incremental", "--", name)
    if out is None:
        return []
    times: list[int | None] = []
    committed: dict[str, int] = {}
    commit, first, count, entry = "", 0, 0, True
    for line in out.split("\n"):
        key, _, rest = line.partition(" ")
        if entry:  # the line after a `filename` line (or the first) opens an entry
            if not key:
                continue
            commit, (_, to, size) = key, rest.split()[:3]
            first, count, entry = int(to) - 1, int(size), False
        elif key == "committer-time":
            committed[commit] = int(rest)
        elif key == "filename":
            when = None if set(commit) == {"0"} else committed.get(commit)
            times.extend([None] * (first + count - len(times)))
            times[first : first + count] = [when] * count
            entry = True
    return times


@functools.lru_cache(maxsize=2)  # the same text in every build of `serve` until it is edited
def _ranges(text: str) -> dict[str, tuple[int, int]]:
    """Indicator id → (first, last) line index (0-based) of its record."""
    try:
        root = compose(text, _LOADER, last=True)
    except yaml.YAMLError:
        return {}
    if not isinstance(root, yaml.MappingNode):
        return {}
    items = next((v for k, v in root.value if getattr(k, "value", None) == "indicators"), None)
    nodes = items.value if isinstance(items, yaml.SequenceNode) else []
    out = {}
    for i, node in enumerate(nodes):  # a record runs to the line before the next one (the last: its end)
        if isinstance(node, yaml.MappingNode):
            ident = next((v.value for k, v in node.value if getattr(k, "value", None) == "id"), None)
            end = nodes[i + 1].start_mark.line - 1 if i + 1 < len(nodes) else node.end_mark.line
            if isinstance(ident, str):
                out[ident] = (node.start_mark.line, end)
    return out


def indicator_dates(data_dir: str | Path) -> dict[str, str]:
    """Indicator id → ``4 december 2026`` (UTC date of the last commit that changed its record); ids whose
    lines are all uncommitted, and every id outside git, are left out."""
    folder = Path(data_dir)
    path = folder / FILE
    if not path.is_file():
        return {}
    times = _blame(folder)
    if not times:
        return {}
    latest: dict[str, int] = {}
    for ident, (first, last) in _ranges(path.read_text(encoding="utf-8")).items():
        stamps = [t for t in times[first : last + 1] if t is not None]
        if stamps:
            latest[ident] = max(stamps)
    csv_path = folder / CSV_FILE
    if csv_path.is_file():
        rows = csv_path.read_text(encoding="utf-8-sig").split("\n")
        for line, when in zip(rows[1:], _blame(folder, CSV_FILE)[1:]):
            ident = line.split(",", 1)[0].strip()
            if when is not None and ident:
                latest[ident] = max(when, latest.get(ident, 0))
    return {
        ident: format_date(dt.datetime.fromtimestamp(when, dt.UTC).date(), format="long", locale=LOCALE)
        for ident, when in latest.items()
    }
