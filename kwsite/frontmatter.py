"""Split a page into its meta-data and its body exactly as MkDocs does (``mkdocs.utils.meta.get_data``),
so the engine (the PDF) reads pages like the site build without importing MkDocs.

Ported from MkDocs 1.6 ``mkdocs/utils/meta.py`` (BSD-3-Clause, © 2015 Waylan Limberg): YAML front
matter between ``---`` lines (kept only when it is a mapping), else MultiMarkdown ``key: value`` lines
up to the first blank line. ``tests/test_layout.py`` compares both on the same texts.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader  # type: ignore[assignment, unused-ignore]

YAML_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE_RE = re.compile(r"^([ ]{4}|\t)(\s*)(?P<value>.*)")


def get_data(doc: str) -> tuple[str, dict[str, Any]]:
    """``(body, meta)`` of the page text ``doc``."""
    data: dict[str, Any] = {}
    if m := YAML_RE.match(doc):
        try:
            loaded = yaml.load(m.group(1), SafeLoader)
            if isinstance(loaded, dict):
                data = loaded
                doc = doc[m.end() :].lstrip("\n")
        except Exception:  # noqa: BLE001  (as MkDocs: broken front matter stays in the body)
            pass
        return doc, data
    lines = doc.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    key = None
    while lines:
        line = lines.pop(0)
        if line.strip() == "":
            break
        if m1 := META_RE.match(line):
            key = m1.group("key").lower().strip()
            value = m1.group("value").strip()
            data[key] = f"{data[key]} {value}" if key in data else value
        else:
            m2 = META_MORE_RE.match(line)
            if m2 and key:
                data[key] += " {}".format(m2.group("value").strip())
            else:
                lines.insert(0, line)
                break
    return "\n".join(lines).lstrip("\n"), data
