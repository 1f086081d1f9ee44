"""Scaffolding a new institution's site (``kwsite new DIR``).

The template lives in ``kwsite/scaffold/`` (package data): ``mkdocs.yml``,
``content/index.md``, ``data/`` with placeholder values only
(Voorbeeld-ROC, one example indicator without figures) and a README for
editors. The result validates and builds with ``--strict`` straight away.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


class TargetNotEmpty(Exception):
    """The target directory exists and is not empty."""


def _walk(node, rel: str = ""):
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        if child.name == "__pycache__":
            continue
        path = f"{rel}{child.name}"
        if child.is_dir():
            yield from _walk(child, path + "/")
        else:
            yield path, child


def create(target: Path) -> list[Path]:
    """Copy the scaffold into ``target`` (created if needed); returns the files written.

    Raises :class:`TargetNotEmpty` when ``target`` already holds files.
    """
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise TargetNotEmpty(str(target))
    written = []
    for rel, source in _walk(resources.files("kwsite") / "scaffold"):
        out = target / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(source.read_bytes())
        written.append(out)
    return written
