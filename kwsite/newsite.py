"""Scaffolding a new institution's site (``kwsite new DIR``).

The template lives in ``kwsite/scaffold/`` (package data): ``mkdocs.yml``,
``content/``, every kind of data file kwsite reads with fictional values
labelled fictional (Voorbeeld-ROC), a ``.gitignore`` and a README for editors
whose commands name the kwsite that made the site. The result validates and
builds with ``--strict`` straight away.
"""

from __future__ import annotations

import shlex
import sys
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
        out = target / RENAMED.get(rel, rel)
        out.parent.mkdir(parents=True, exist_ok=True)
        data = source.read_bytes()
        if rel in ("README.md", "theme/README.md"):  # the commands of the kwsite that runs now, as written
            data = data.replace(b"{kwsite}", command().encode("utf-8"))
            data = data.replace(b"{python}", shlex.quote(sys.executable).encode("utf-8"))
        out.write_bytes(data)
        written.append(out)
    return written


RENAMED = {"gitignore": ".gitignore"}
"""Package data leaves out dot files; the scaffold's are stored without the dot."""


def command() -> str:
    """The shell command of the kwsite that runs now (``/…/.venv/bin/kwsite``), for the new site's README:
    a bare ``kwsite`` is often not on the PATH."""
    script = Path(sys.executable).parent / "kwsite"
    if script.is_file():
        return shlex.quote(str(script))
    return f"{shlex.quote(sys.executable)} -m kwsite.cli"
