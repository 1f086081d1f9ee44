"""Placeholder text that an editor still has to replace, found before it is published.

A template or an unfinished page says "(in te vullen door de instelling)", "[invullen]" or "TODO";
such text must not reach the site or the PDF unnoticed. Every match is a *warning* naming file, line
and column, so ``kwsite validate`` and a ``--strict`` build stop on it and a ``--no-strict`` build
still shows the page. Searched: the hand-written Markdown pages (HTML comments left out, they are
not shown), the YAML files of ``data/`` and ``mkdocs.yml`` (``#`` comments left out; the site name
and description are published).
"""

from __future__ import annotations

import re
from pathlib import Path

from .problems import Problem
from .yamlload import MAX_BYTES

PLACEHOLDER = re.compile(
    r"[(\[][^()\[\]\n]*\b(?:in\s+te\s+vullen|invullen)\b[^()\[\]\n]*[)\]]"  # "(in te vullen door …)", "[invullen]"
    r"|\b(?:TODO|FIXME)\b"
    r"|\b[Ll]orem ipsum\b"
)
"""What marks text as not yet filled in. "In te vullen" in a running sentence ("het formulier is
online in te vullen") is ordinary Dutch; only in brackets is it a placeholder."""
COMMENT = re.compile(r"<!--.*?-->", re.S)
YAML_COMMENT = re.compile(r"(^|\s)#.*$")


def _blank(match: re.Match) -> str:
    """Replace a comment by as many newlines, so line numbers stay right."""
    return "\n" * match.group(0).count("\n")


_FOUND: dict[tuple[str, bool], tuple[str, tuple[Problem, ...]]] = {}
"""The last result per file: its text and its warnings (``kwsite serve`` reads every page again per rebuild)."""


def find(text: str, name: str, yaml: bool = False) -> list[Problem]:
    """Warnings for every placeholder in ``text`` (the file ``name``; ``yaml``: a YAML file)."""
    last = _FOUND.get((name, yaml))
    if last is not None and last[0] == text:
        return list(last[1])
    problems = _find(text, name, yaml)
    _FOUND[(name, yaml)] = (text, tuple(problems))
    return problems


def _find(text: str, name: str, yaml: bool) -> list[Problem]:
    problems = []
    text = COMMENT.sub(_blank, text) if not yaml else text
    if not PLACEHOLDER.search(text):  # most files: a match in a line (or its part before a '#') is one in the text
        return problems
    for number, line in enumerate(text.splitlines(), start=1):
        if yaml:
            line = YAML_COMMENT.sub("", line)
        for match in PLACEHOLDER.finditer(line):
            problems.append(
                Problem(
                    name,
                    number,
                    match.start() + 1,
                    "",
                    f"nog niet ingevulde tekst: '{match.group(0)}'; vul de echte tekst in of haal dit weg",
                    "warning",
                )
            )
    return problems


def check(directory: Path, rel: str, pattern: str) -> list[Problem]:
    """:func:`find` over every file matching ``pattern`` under ``directory`` (``rel``: its name in messages).
    Files that are no UTF-8, no regular file, outside ``directory`` or over :data:`~kwsite.yamlload.MAX_BYTES`
    are left to the loaders, which report them; they are never opened here."""
    problems: list[Problem] = []
    if not directory.is_dir():
        return problems
    root = directory.resolve()
    for path in sorted(directory.rglob(pattern)):
        # only what the loaders would read: a regular file inside the folder, within the size limit
        # (a FIFO would block, a link to /dev/zero or outside the site would be read); they report the rest
        if not path.is_file() or not path.resolve().is_relative_to(root) or path.stat().st_size > MAX_BYTES:
            continue
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (UnicodeDecodeError, OSError):
            continue
        problems += find(text, f"{rel}/{path.relative_to(directory).as_posix()}", yaml=pattern.endswith(".yaml"))
    return problems


def check_site(site_dir: Path, docs: str = "content", data: str = "data") -> list[Problem]:
    """:func:`check` of a whole site: its pages, its data and its ``mkdocs.yml``."""
    config = site_dir / "mkdocs.yml"
    own = find(config.read_text(encoding="utf-8-sig"), "mkdocs.yml", yaml=True) if config.is_file() else []
    return [*check(site_dir / docs, docs, "*.md"), *check(site_dir / data, data, "*.yaml"), *own]
